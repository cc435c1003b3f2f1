import { Command } from "commander";
import { wholeNumberArgument } from "./numbers.js";
import { withStores } from "./stores.js";

/** A year, in minutes: any longer and a stale service would always pass. */
const MAX_AGE_MINUTES = 525_600;

/** Exit 0 when the service finished a poll recently and it succeeded; 1 otherwise. For container health checks. */
export const healthCommand = (): Command =>
  new Command("health")
    .description("exit 0 if the service completed a poll within --max-age minutes, 1 if not (for health checks)")
    .option("--max-age <minutes>", `how old the last completed poll may be (0-${MAX_AGE_MINUTES})`, wholeNumberArgument(0, MAX_AGE_MINUTES), 30)
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { maxAge: number; config?: string }) => {
      const maxAgeMs = options.maxAge * 60_000;
      await withStores(options.config, async (stores) => {
        const last = await stores.heartbeat.last();
        const age = last ? Date.now() - Date.parse(last.at) : Infinity;
        const healthy = last !== undefined && last.ok && age <= maxAgeMs;
        process.stdout.write(
          last ? `last poll ${last.at} (${Math.round(age / 60_000)} min ago): ${last.ok ? "ok" : "failed"}: ${last.summary}\n` : "no poll completed yet\n",
        );
        process.exitCode = healthy ? 0 : 1;
      });
    });
