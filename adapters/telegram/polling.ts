import type { Transformer } from "grammy";
import type { Logger } from "../../src/core/ports.js";
import { describeTelegramError } from "./errors.js";

/** What a transformer is handed: grammY types it with the abort-controller shim. */
type Signal = { readonly aborted: boolean; addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void; removeEventListener(type: "abort", listener: () => void): void };

/** grammY's own pause after a failed getUpdates, added to ours. */
const GRAMMY_PAUSE_SECONDS = 3;
const MAX_PAUSE_SECONDS = 300;

export interface PollingBackoff {
  transformer: Transformer;
  /** From now on failures are the stop's own: rethrown at once, no log line, no pause. */
  stopping(): void;
}

/**
 * Long polling's failures, each logged in one line with a pause that doubles (1, 2, 4 … 300 s, plus grammY's
 * own 3 s) until the Bot API answers again. grammY alone retries every 3 s in silence, for ever. The pause ends
 * at once when polling is aborted, so SIGTERM is never kept waiting by it.
 */
export function pollingBackoff(logger: Logger, token: string): PollingBackoff {
  let failures = 0;
  let stopping = false;
  const failed = async (reason: string, signal: Signal | undefined): Promise<void> => {
    failures++;
    const pause = Math.min(MAX_PAUSE_SECONDS, 2 ** (failures - 1));
    logger.warn(`telegram: getUpdates failed (${reason}); retrying in ${pause + GRAMMY_PAUSE_SECONDS} s`);
    await abortableSleep(pause * 1000, signal);
  };
  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (method !== "getUpdates" || stopping) return prev(method, payload, signal);
    let result;
    try {
      result = await prev(method, payload, signal);
    } catch (error) {
      if (!signal?.aborted && !stopping) await failed(describeTelegramError(error, token), signal);
      throw error;
    }
    if (result.ok) {
      if (failures > 0) logger.info(`telegram: Bot API answering again after ${failures} failed getUpdates`);
      failures = 0;
    } else if (result.error_code >= 500 || result.error_code === 429) {
      await failed(`${result.error_code} ${result.description}`, signal);
    }
    return result;
  };
  return { transformer, stopping: () => void (stopping = true) };
}

function abortableSleep(ms: number, signal: Signal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
