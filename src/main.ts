import type { LoadedConfig } from "../config/load.js";
import type { Analysis, Article } from "./core/article.js";
import type { FeedSpec } from "./core/feed.js";
import type { Logger } from "./core/ports.js";
import { createAnalyzer, loadKnowledge, type Analyzer } from "./analysis/index.js";
import { pollOnce, type CycleReport, type PollDeps } from "./feeds/poller.js";
import { openStores, type Stores } from "./storage/index.js";

/** The composition root: everything a poll needs, built from the configuration. */
export interface Runtime {
  stores: Stores;
  poll(onAlerts?: PollDeps["onAlerts"]): Promise<CycleReport>;
  close(): Promise<void>;
}

export async function openRuntime(loaded: LoadedConfig, logger: Logger): Promise<Runtime> {
  const { config } = loaded;
  const analyze = articleAnalysis(createAnalyzer(loadKnowledge()));
  const stores = await openStores(config.store, { seenTtlDays: config.seen.ttlDays });
  const { requestTimeoutMs, ...rest } = config.limits;
  const limits = { ...rest, timeoutMs: requestTimeoutMs, userAgent: config.userAgent };
  return {
    stores,
    poll: (onAlerts) =>
      pollOnce({
        feeds: config.feeds,
        limits,
        seen: stores.seen,
        feedState: stores.feedState,
        alertLog: stores.alerts,
        analyze,
        logger,
        ...(onAlerts ? { onAlerts } : {}),
      }),
    close: () => stores.close(),
  };
}

/** The analysis of a feed's article: the feed's jurisdiction is a prior, its date dates "Jan. 16". */
export const articleAnalysis =
  (analyzer: Analyzer) =>
  (article: Article, feed: FeedSpec): Analysis =>
    analyzer.analyze({
      title: article.title,
      text: article.text,
      url: article.url,
      feedId: feed.id,
      feedJurisdiction: feed.jurisdiction,
      language: article.language,
      published: article.published,
    });

/** `fetched 18, not modified 2, failed 1; new 3 (alerts 2); 1.4 s` */
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
