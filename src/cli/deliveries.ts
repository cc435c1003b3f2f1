import { Command } from "commander";
import type { TargetQueue } from "../core/ports.js";
import { targetKey } from "../core/subscription.js";
import { withStores } from "./stores.js";
import { terminalSafe } from "./render.js";

export const deliveriesCommand = (): Command =>
  new Command("deliveries")
    .description("list deliveries waiting in the outbox and dead letters; --retry requeues the dead")
    .option("--retry", "put every dead letter back in its queue, attempts reset")
    .option("--json", "print the queues as JSON")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { retry?: boolean; json?: boolean; config?: string }) => {
      await withStores(options.config, async (stores) => {
        if (options.retry) {
          const count = await stores.outbox.requeueDead();
          process.stdout.write(`requeued ${count} dead letter${count === 1 ? "" : "s"}; the running service sends them on its next pass\n`);
          return;
        }
        const queues = await stores.outbox.list();
        if (options.json) {
          process.stdout.write(JSON.stringify(queues, null, 2) + "\n");
          return;
        }
        if (queues.length === 0) {
          process.stdout.write("nothing waiting, no dead letters\n");
          return;
        }
        for (const queue of queues) process.stdout.write(describeQueue(queue));
      });
    });

function describeQueue(queue: TargetQueue): string {
  const lines = [`${targetKey(queue.target)}: ${queue.entries.length} waiting, ${queue.dead.length} dead`];
  for (const entry of queue.entries) {
    const wait = entry.notBefore ? ` not before ${entry.notBefore}` : "";
    const error = entry.lastError ? ` (last error: ${terminalSafe(entry.lastError)})` : "";
    lines.push(`  pending #${entry.seq} ${entry.kind} ${entry.alertId} attempts ${entry.attempts}${wait}${error}`);
  }
  for (const entry of queue.dead) lines.push(`  dead    #${entry.seq} ${entry.kind} ${entry.alertId} at ${entry.deadAt}: ${terminalSafe(entry.reason)}`);
  return lines.join("\n") + "\n";
}
