import { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import type { Alert } from "../core/article.js";
import { describeError } from "../core/errors.js";
import type { CycleReport } from "../feeds/poller.js";
import { schedule } from "../feeds/scheduler.js";
import { cycleSummary, openRuntime } from "../main.js";
import { stderrLogger } from "./logger.js";
import { alertBlock } from "./render.js";

export const runCommand = (): Command =>
  new Command("run")
    .description("the service: poll on the schedule and deliver alerts (to the console when no bot token is set)")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { config?: string }) => {
      const loaded = loadConfig(options.config ? { file: options.config } : {});
      const { config } = loaded;
      const logger = stderrLogger(false, config.timezone);
      // Listening from the start: a SIGTERM while the platforms start up (or fail to) stops the service too.
      const stopSignal = new Promise<string>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      const out = (text: string) => process.stdout.write(text + "\n");
      const bots = Boolean(loaded.env.telegramToken || loaded.env.discordToken);
      // With bots running, the console chat's own subscription is printed; without, every alert is.
      const runtime = await openRuntime(loaded, logger, bots ? { consoleWrite: out } : {});
      logger.info(`regwatch: ${config.feeds.length} feeds, schedule "${config.schedule}", store ${runtime.stores.backend.where}`);
      if (/example\.(com|org|net)|\.invalid\b/.test(config.contact)) {
        logger.warn(`contact is still the placeholder "${config.contact}": set a real address in ${loaded.file} (the SEC refuses anonymous clients)`);
      }
      const consoleMode = runtime.adapters.length === 0;
      if (consoleMode) logger.info("no bot token set: alerts go to this console");
      else logger.info(`delivering to ${runtime.adapters.map((a) => a.platform.name).join(" and ")}`);
      let early: string | undefined;
      try {
        early = await Promise.race([runtime.start().then(() => undefined), stopSignal]);
      } catch (error) {
        await runtime.close().catch(() => {});
        throw error;
      }
      if (early) {
        logger.info(`${early}: stopping before start-up completed`);
        await runtime.close().catch((error: unknown) => logger.error(`stopping: ${describeError(error)}`));
        logger.info("stopped");
        return;
      }

      const printAlerts = consoleMode ? (alerts: Alert[]) => alerts.forEach((alert) => out(alertBlock(alert, "NEW", config.timezone))) : undefined;
      const cycle = async (): Promise<void> => {
        let report;
        try {
          report = await runtime.poll(printAlerts);
        } catch (error) {
          await runtime.stores.heartbeat.beat({ at: new Date().toISOString(), ok: false, summary: describeError(error) }).catch(() => {});
          throw error;
        }
        logger.info(cycleSummary(report));
        if (runtime.llmStats) logger.info(runtime.llmStats.line());
        await runtime.stores.heartbeat.beat({ at: new Date().toISOString(), ok: true, summary: cycleSummary(report) });
        showFirstPoll(report, config.console.showLatest, out, config.timezone);
      };

      const task = schedule(config.schedule, cycle, logger);
      logger.info(`${await stopSignal}: finishing the poll in flight, then stopping`);
      await task.stop();
      await runtime.close();
      logger.info("stopped");
    });

/** What a first poll found: feeds are recorded silently, so show the latest policy items as what they are, not news. */
function showFirstPoll(report: CycleReport, limit: number, out: (text: string) => void, timeZone: string): void {
  const primed = report.outcomes.filter((o) => o.status === "primed");
  if (primed.length === 0) {
    if (report.outcomes.length > 0 && report.outcomes.every((o) => o.status === "failed")) {
      out("No feed could be fetched: check the network, and the errors above. regwatch keeps trying on the schedule.");
    }
    return;
  }
  const items = primed.reduce((sum, o) => sum + o.items, 0);
  out(`First poll of ${primed.length} feed${primed.length === 1 ? "" : "s"}: ${items} published items recorded; they are not alerted. New items will be printed as they appear.`);
  const latest = report.primedLatest.slice(0, limit);
  if (latest.length > 0) {
    out(`Latest policy items (already published):`);
    for (const alert of latest) out(alertBlock(alert, "  -", timeZone));
  }
}
