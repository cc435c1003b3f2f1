import { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { UserError } from "../core/errors.js";
import { cycleSummary, openRuntime } from "../main.js";
import { alertJson, alertLine, terminalSafe } from "./render.js";

const line = (message: string): void => void process.stderr.write(terminalSafe(message) + "\n");

export const pollCommand = (): Command =>
  new Command("poll")
    .description("poll every feed once and print what is new")
    .option("--once", "run one cycle (the only mode; `regwatch run` polls on a schedule)")
    .option("--json", "print the new alerts as a JSON array")
    .option("--all", "also print new articles that are not about policy")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { once?: boolean; json?: boolean; all?: boolean; config?: string }) => {
      if (!options.once) throw new UserError("poll needs --once (use `regwatch run` to poll on a schedule)");
      const loaded = loadConfig(options.config ? { file: options.config } : {});
      // Feed errors go to stderr, one line each, as the poller logs them.
      const logger = { info: () => {}, warn: line, error: line };
      const runtime = await openRuntime(loaded, logger, { detailIgnored: options.all === true });
      try {
        const report = await runtime.poll();
        const shown = options.all ? [...report.alerts, ...report.ignored] : report.alerts;
        if (options.json) {
          process.stdout.write(JSON.stringify(shown.map(alertJson), null, 2) + "\n");
        } else {
          for (const alert of shown) process.stdout.write(alertLine(alert, loaded.config.timezone) + (alert.policy ? "" : "  (not policy)") + "\n");
        }
        process.stderr.write(cycleSummary(report) + "\n");
      } finally {
        await runtime.close();
      }
    });
