import type { LoadedConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import type { Analysis, Article } from "./core/article.js";
import type { CommandServices } from "./core/command.js";
import { alertLabels, digestLabels } from "./commands/alert-labels.js";
import { featuredJurisdictions } from "./commands/featured.js";
import type { ChatAdapter, ChatPlatform } from "./core/delivery.js";
import type { FeedSpec } from "./core/feed.js";
import type { Logger } from "./core/ports.js";
import { createConsolePlatform } from "../adapters/console/platform.js";
import { chatFeedLimits, chatFeedsCycle, userFeedServices } from "./chat-feeds.js";
import { createAnalyzer, loadKnowledge, type Analyzer, type Knowledge } from "./analysis/index.js";
import { DeliveryEngine } from "./delivery/engine.js";
import { pollOnce, type CycleReport, type PollDeps } from "./feeds/poller.js";
import { createAdapters } from "./platforms.js";
import { createModelWriter, modelAlerts, type ModelStats } from "./llm/index.js";
import { chatLanguage } from "./commands/alert-labels.js";
import { openStores, type Fence, type Stores } from "./storage/index.js";

/** The composition root: stores, analysis, delivery and the chat platforms, built from the configuration. */
export interface Runtime {
  stores: Stores;
  services: CommandServices;
  /** The chat platforms whose tokens are set (none: console mode). */
  adapters: ChatAdapter[];
  delivery: DeliveryEngine;
  /** The model's counters (calls, tokens, latency, cache hits, fallbacks), when `llm` is configured. */
  llmStats?: ModelStats;
  poll(onAlerts?: PollDeps["onAlerts"]): Promise<CycleReport>;
  /** Starts the platforms and the delivery senders (the service's leader; `poll --once` only queues). */
  start(): Promise<void>;
  /** Stops the platforms and the senders, keeping the stores open (a leader standing down); start() again later. */
  standDown(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * Where the console chat's alerts are printed (`regwatch chat` subscribes it). Left out, they are only
   * acknowledged: in console mode the service prints every alert anyway.
   */
  consoleWrite?: (text: string) => void;
  /** Asked before each send: whether this instance still leads. */
  maySend?: () => boolean;
  /** Wraps each platform's sender (metrics count and time the sends). */
  observePlatform?: (platform: ChatPlatform) => ChatPlatform;
  /** The service's leadership: outbox writes apply only while the lease holds this instance's token. */
  fence?: Fence;
  /** Analyse in full the new items that will not be alerted too (`poll --all` prints them with a summary). */
  detailIgnored?: boolean;
}

export async function openRuntime(loaded: LoadedConfig, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const { config } = loaded;
  const knowledge = loadKnowledge();
  const analyze = articleAnalysis(await createAnalyzer(knowledge), { detailIgnored: options.detailIgnored === true });
  const stores = await openStores(config.store, {
    seenTtlDays: config.seen.ttlDays,
    timeoutMs: config.limits.connectTimeoutMs,
    ...(config.stateFile ? { stateFile: config.stateFile } : {}),
    ...(options.fence ? { fence: options.fence } : {}),
  });
  const { requestTimeoutMs, connectTimeoutMs: _connect, ...rest } = config.limits;
  const limits = chatFeedLimits(config, { ...rest, timeoutMs: requestTimeoutMs, userAgent: config.userAgent });
  const services = commandServices(config, stores, knowledge);
  let adapters: ChatAdapter[] = [];
  try {
    adapters = await createAdapters(loaded, services, logger);
  } catch (error) {
    await stores.close();
    throw error;
  }
  const model = config.llm
    ? createModelWriter({ ...config.llm, ...(loaded.env.llmApiKey ? { apiKey: loaded.env.llmApiKey } : {}) }, stores.backend.keyv, logger)
    : undefined;
  const delivery = new DeliveryEngine({
    platforms: [...adapters.map((a) => a.platform), createConsolePlatform(options.consoleWrite, config.timezone)].map((p) => options.observePlatform?.(p) ?? p),
    subscriptions: stores.subscriptions,
    outbox: stores.outbox,
    limits: config.delivery,
    retry: config.delivery.retry,
    logger,
    labelsFor: alertLabels(stores.chatSettings, stores.subscriptions, knowledge),
    digestLabel: digestLabels(stores.chatSettings, stores.subscriptions),
    ...(options.maySend ? { maySend: options.maySend } : {}),
    ...(model ? { rewrite: modelAlerts(model.writer, (target) => chatLanguage(stores.chatSettings, stores.subscriptions, target)) } : {}),
  });
  let started = false;
  const standDown = async (): Promise<void> => {
    if (!started) return;
    started = false;
    await delivery.stop();
    for (const adapter of adapters) await adapter.stop().catch((e: unknown) => logger.error(`stopping a platform: ${String(e)}`));
  };
  return {
    stores,
    services,
    adapters,
    delivery,
    ...(model ? { llmStats: model.stats } : {}),
    async poll(onAlerts) {
      // Feeds added from chats are polled with the configured ones: one fetch per URL, the same per-host politeness.
      const chatFeeds = await chatFeedsCycle(config, stores, delivery, logger, () => new Date());
      const report = await pollOnce({
        feeds: [...config.feeds, ...chatFeeds.feeds],
        limits,
        seen: stores.seen,
        feedState: stores.feedState,
        alertLog: chatFeeds.alertLog,
        analyze,
        logger,
        deliver: (alerts) => chatFeeds.deliver(alerts),
        ...(onAlerts ? { onAlerts } : {}),
      });
      await chatFeeds.finish(report);
      return report;
    },
    async start() {
      started = true;
      for (const adapter of adapters) await adapter.start();
      await delivery.start();
    },
    standDown,
    async close() {
      await standDown();
      await stores.close();
    },
  };
}

/** As many as the Telegram keyboard's first page holds. */
const FEATURED_ON_FIRST_PAGE = 24;

export function commandServices(config: Config, stores: Stores, knowledge: Knowledge): CommandServices {
  const { requestTimeoutMs, connectTimeoutMs: _connect, ...rest } = config.limits;
  const limits = chatFeedLimits(config, { ...rest, timeoutMs: requestTimeoutMs, userAgent: config.userAgent });
  return {
    userFeeds: userFeedServices(config, stores, limits),
    fx: config.fx,
    subscriptions: stores.subscriptions,
    chatSettings: stores.chatSettings,
    alerts: stores.alerts,
    knowledge,
    now: () => new Date(),
    featuredJurisdictions: featuredJurisdictions(
      config.feeds.flatMap((f) => (f.jurisdiction ? [f.jurisdiction] : [])),
      stores.subscriptions,
      FEATURED_ON_FIRST_PAGE,
    ),
  };
}

/** The analysis of a feed's article: the feed's jurisdiction is a prior, its date dates "Jan. 16". */
/**
 * An article's analysis for the poller. A feed that alerts only policy never shows its other items, so those get
 * only the verdict (unless `detailIgnored`: `poll --all` prints them); a feed with `alerts: all` alerts them too.
 */
export const articleAnalysis =
  (analyzer: Analyzer, options: { detailIgnored?: boolean } = {}) =>
  (article: Article, feed: FeedSpec): Analysis =>
    analyzer.analyze(
      {
        title: article.title,
        text: article.text,
        url: article.url,
        feedId: feed.id,
        feedJurisdiction: feed.jurisdiction,
        language: article.language,
        published: article.published,
      },
      { brief: !options.detailIgnored && feed.alerts !== "all" },
    );

/** `feeds 21: fetched 18, not modified 2, failed 1; new articles 3, alerts 2; 1.4 s` */
export function cycleSummary(report: CycleReport): string {
  const count = (status: string) => report.outcomes.filter((o) => o.status === status).length;
  const fetched = report.outcomes.length - count("not-modified") - count("failed");
  const fresh = report.alerts.length + report.ignored.length + report.overflow;
  const primed = count("primed");
  return (
    `feeds ${report.outcomes.length}: fetched ${fetched}, not modified ${count("not-modified")}, failed ${count("failed")}` +
    (primed > 0 ? `, first poll ${primed}` : "") +
    `; new articles ${fresh}, alerts ${report.alerts.length}; ${(report.durationMs / 1000).toFixed(1)} s`
  );
}
