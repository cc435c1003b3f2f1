import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import type { Alert } from "../core/article.js";
import { describeError } from "../core/errors.js";
import type { CycleReport } from "../feeds/poller.js";
import { schedule, type Schedule } from "../feeds/scheduler.js";
import { startOpsEndpoint } from "../service/http.js";
import { Leadership } from "../service/leadership.js";
import { ServiceMetrics } from "../service/metrics.js";
import { readiness } from "../service/readiness.js";
import { cycleSummary, openRuntime, type Runtime } from "../main.js";
import type { Fence } from "../storage/index.js";
import { serviceLogger } from "./logger.js";
import { alertBlock } from "./render.js";

export const runCommand = (): Command =>
  new Command("run")
    .description("the service: poll on the schedule and deliver alerts (to the console when no bot token is set)")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { config?: string }) => {
      const loaded = loadConfig(options.config ? { file: options.config } : {});
      const { config } = loaded;
      let leadership: Leadership | undefined;
      let runtime: Runtime | undefined;
      const logger = serviceLogger(config.log.format, () => ({ role: leadership?.leading ? "leader" : "standby" }), config.timezone);
      const metrics = new ServiceMetrics({ outbox: () => runtime?.stores.outbox, leading: () => leadership?.leading ?? false, llm: () => runtime?.llmStats });
      // Listening from the start: a SIGTERM while the platforms start up (or fail to) stops the service too.
      const stopSignal = new Promise<string>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      const out = (text: string) => process.stdout.write(text + "\n");
      const bots = Boolean(loaded.env.telegramToken || loaded.env.discordToken);
      const maySend = () => leadership?.mayAct() ?? false;
      const observePlatform = metrics.observe.bind(metrics);
      const holder = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
      // The outbox's writes carry this instance's fencing token; one refused because another leads deposes it at once.
      const fence: Fence = { holder, token: () => leadership?.fencingToken, lost: (error) => void leadership?.stepDown(error.message) };
      // With bots running, the console chat's own subscription is printed; without, every alert is.
      runtime = await openRuntime(loaded, logger, bots ? { consoleWrite: out, maySend, observePlatform, fence } : { maySend, observePlatform, fence });
      logger.info(`regwatch: ${config.feeds.length} feeds, schedule "${config.schedule}", store ${runtime.stores.backend.where}`);
      if (config.rsshubSkipped.length > 0) {
        logger.warn(`rsshub.baseUrl is not set: skipping ${config.rsshubSkipped.length} RSSHub feed${config.rsshubSkipped.length === 1 ? "" : "s"} (${config.rsshubSkipped.join(", ")})`);
      }
      if (/example\.(com|org|net)|\.invalid\b/.test(config.contact)) {
        logger.warn(`contact is still the placeholder "${config.contact}": set a real address in ${loaded.file} (the SEC refuses anonymous clients)`);
      }
      const consoleMode = runtime.adapters.length === 0;
      if (consoleMode) logger.info("no bot token set: alerts go to this console");
      else logger.info(`delivering to ${runtime.adapters.map((a) => a.platform.name).join(" and ")}`);
      const printAlerts = consoleMode ? (alerts: Alert[]) => alerts.forEach((alert) => out(alertBlock(alert, "NEW", config.timezone))) : undefined;
      // A store that lost its data (under this process, or while this host's instances were all stopped) is reported.
      const checkIdentity = async (): Promise<void> => {
        const { identity, backend } = runtime.stores;
        const loss = await identity.check();
        const problem = identity.memoryProblem();
        if (problem) logger.warn(`store identity: ${problem}; a store wiped while regwatch is stopped would go unnoticed`);
        if (loss) {
          logger.error(
            `store ${backend.where}: ${loss.detail}. Every feed is primed again (its current items recorded, not alerted); ` +
              "subscriptions and deliveries that were only in the lost data are gone",
          );
        }
      };
      const cycle = async (): Promise<void> => {
        if (!maySend()) return; // standing down: the next leader polls
        let report;
        try {
          await checkIdentity();
          report = await runtime.poll(printAlerts);
        } catch (error) {
          metrics.pollFailed();
          await runtime.stores.heartbeat.beat({ at: new Date().toISOString(), ok: false, summary: describeError(error) }).catch(() => {});
          throw error;
        }
        metrics.pollDone(report);
        logger.info(cycleSummary(report));
        if (runtime.llmStats) logger.info(runtime.llmStats.line());
        await runtime.stores.heartbeat.beat({ at: new Date().toISOString(), ok: true, summary: cycleSummary(report) });
        showFirstPoll(report, config.console.showLatest, out, config.timezone);
      };

      // Every instance runs this; the one holding the lease polls, sends and holds the platform connections.
      let task: Schedule | undefined;
      let electedAt: number | undefined;
      // Serving: elected and the platforms started. Until the first election settles, a signal stops start-up.
      const state: { phase: "starting" | "serving" | "standby" } = { phase: "starting" };
      let fatal: (error: unknown) => void = () => {};
      const failed = new Promise<never>((_, reject) => (fatal = reject));
      leadership = new Leadership({
        lease: runtime.stores.lease,
        holder,
        ttlMs: config.leader.leaseSeconds * 1000,
        logger,
        onElected: async () => {
          electedAt = Date.now();
          try {
            await runtime.start();
          } catch (error) {
            fatal(error); // a platform that cannot start (a wrong token) ends the service, as it always has
            throw error;
          }
          task = schedule(config.schedule, cycle, logger);
          state.phase = "serving";
        },
        onDeposed: async () => {
          const running = task;
          task = undefined;
          await running?.stop();
          await runtime.standDown();
          state.phase = "standby";
        },
      });
      // Which store this is: one that lost its data since this host last saw it is reported now, one that loses it later at a poll.
      await checkIdentity().catch((error: unknown) => logger.error(`store: ${describeError(error)}`));
      leadership.start();
      const http = config.http && config.http.port > 0 ? config.http : undefined;
      const ops = http
        ? await startOpsEndpoint({
            host: http.host,
            port: http.port,
            logger,
            readiness: () => readiness({ stores: runtime.stores, term: () => leadership?.term, electedAt: () => electedAt, maxPollAgeMs: http.maxPollAgeMinutes * 60_000 }),
            metrics: async () => ({ contentType: metrics.contentType, text: await metrics.text() }),
          })
        : undefined;

      try {
        const signal = await Promise.race([failed, stopSignal]);
        logger.info(
          state.phase === "serving" ? `${signal}: finishing the poll in flight, handing over, then stopping`
          : state.phase === "starting" ? `${signal}: stopping before start-up completed`
          : `${signal}: stopping (standing by)`,
        );
      } finally {
        await ops?.close();
        await leadership.stop();
        await runtime.close().catch(() => {});
      }
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
