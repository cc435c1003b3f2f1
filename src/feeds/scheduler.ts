import cron from "node-cron";
import { describeError } from "../core/errors.js";
import type { Logger } from "../core/ports.js";

export interface Schedule {
  /** Resolves when the cycle in flight, if any, has finished; no cycle starts after. */
  stop(): Promise<void>;
}

/**
 * Runs `cycle` now and then on the cron expression, never two at once: a tick that comes while a
 * cycle is still running is skipped and logged, not queued.
 */
export function schedule(expression: string, cycle: () => Promise<void>, logger: Logger): Schedule {
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = (): void => {
    if (stopped) return;
    if (running) {
      logger.warn("previous poll still running; skipping this tick");
      return;
    }
    running = cycle()
      .catch((error: unknown) => logger.error(`poll failed: ${describeError(error)}`))
      .finally(() => {
        running = undefined;
      });
  };

  const task = cron.schedule(expression, tick);
  tick();
  return {
    async stop() {
      stopped = true;
      await task.stop();
      await running;
    },
  };
}
