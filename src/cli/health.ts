import { Command } from "commander";
import { withStores } from "./stores.js";

/** Exit 0 when the service finished a poll recently and it succeeded; 1 otherwise. For container health checks. */
export const healthCommand = (): Command =>
  new Command("health")
    .description("exit 0 if the service completed a poll within --max-age minutes, 1 if not (for health checks)")
    .option("--max-age <minutes>", "how old the last completed poll may be", "30")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { maxAge: string; config?: string }) => {
      const maxAgeMs = Number(options.maxAge) * 60_000;
      await withStores(options.config, async (stores) => {
        const last = await stores.heartbeat.last();
        const age = last ? Date.now() - Date.parse(last.at) : Infinity;
        const healthy = last !== undefined && last.ok && age <= maxAgeMs;
        process.stdout.write(
          last ? `last poll ${last.at} (${Math.round(age / 60_000)} min ago): ${last.ok ? "ok" : "failed"}: ${last.summary}\n` : "no poll completed yet\n",
        );
        for (const loss of (await stores.identity.incidents()).slice(0, 3)) process.stdout.write(`store data lost ${loss.at}: ${loss.detail}; feeds were primed again\n`);
        process.exitCode = healthy ? 0 : 1;
      });
    });
