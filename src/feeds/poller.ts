import type { Alert, Analysis, Article } from "../core/article.js";
import { FeedError, StorageError, describeError } from "../core/errors.js";
import { emptyFeedState, type FeedSpec, type FeedState } from "../core/feed.js";
import type { AlertLog, FeedStateStore, Logger, SeenStore } from "../core/ports.js";
import { decodeFeed } from "./decode.js";
import { chronological, detectNew, keysOf } from "./detect.js";
import { fetchFeed, type FetchLimits } from "./fetch.js";
import { parseFeed } from "./parse.js";
import { forEachGrouped, hostOf } from "./pool.js";

export interface PollLimits extends FetchLimits {
  concurrentFeeds: number;
  maxNewPerFeed: number;
}

export interface PollDeps {
  feeds: readonly FeedSpec[];
  limits: PollLimits;
  seen: SeenStore;
  feedState: FeedStateStore;
  alertLog: AlertLog;
  analyze: (article: Article, feed: FeedSpec) => Analysis;
  logger: Logger;
  /**
   * Hands new policy alerts to delivery, before they are recorded as seen: delivery writes them to its
   * durable outbox idempotently, so a crash in between repeats the hand-over, never the messages.
   */
  deliver?: (alerts: Alert[]) => Promise<unknown>;
  /** Called once a feed's new articles are recorded (the console prints them). */
  onAlerts?: (alerts: Alert[], feed: FeedSpec) => void | Promise<void>;
  now?: () => Date;
}

/** What a cycle records once all its feeds are done (see `pollOnce`). */
interface PendingWrites {
  alerts: Alert[];
  seen: string[];
  /** Every feed's new state: after a 304, an unchanged feed, or new items. */
  states: Array<{ feedId: string; state: FeedState }>;
  /** New alerts to show on the console, per feed, once recorded. */
  printed: Array<{ alerts: Alert[]; feed: FeedSpec }>;
}

/** How many of a newly primed feed's latest policy items the report keeps to show (not as news). */
const PRIMED_SAMPLE = 5;

export type FeedStatus = "new" | "unchanged" | "not-modified" | "primed" | "failed";

export interface FeedOutcome {
  feed: FeedSpec;
  status: FeedStatus;
  /** Items in the feed (0 when not fetched or not modified). */
  items: number;
  error?: FeedError;
}

export interface CycleReport {
  startedAt: string;
  durationMs: number;
  outcomes: FeedOutcome[];
  /** New policy articles, oldest first: what subscribers get. */
  alerts: Alert[];
  /** New articles the analysis found not to be about policy: recorded, not alerted. */
  ignored: Alert[];
  /** New articles over a feed's per-poll cap: recorded, not alerted. */
  overflow: number;
  /** Of feeds polled for the first time: their latest items, analysed, newest first. Not news. */
  primedLatest: Alert[];
}

/**
 * One poll cycle: fetch → decode → parse → detect new → analyse → hand over, per feed; then record, once.
 * A failing feed is recorded and logged and never stops the others. A failing store stops the cycle:
 * the error propagates, and nothing is recorded as seen that was not handed to delivery first.
 */
export async function pollOnce(deps: PollDeps): Promise<CycleReport> {
  const now = deps.now ?? (() => new Date());
  const started = performance.now();
  const report: CycleReport = {
    startedAt: now().toISOString(),
    durationMs: 0,
    outcomes: [],
    alerts: [],
    ignored: [],
    overflow: 0,
    primedLatest: [],
  };
  const claimed = new Set<string>();
  let storageFailure: StorageError | undefined;
  // One read of every feed's state; failed and first-polled feeds write theirs at once, the others in one write at the end.
  const loaded = await deps.feedState.getMany(deps.feeds.map((f) => f.id));
  const states = new Map(deps.feeds.map((f, i) => [f.id, loaded[i]]));
  const pending: PendingWrites = { alerts: [], seen: [], states: [], printed: [] };

  await forEachGrouped(
    deps.feeds,
    (feed) => hostOf(feed.url),
    deps.limits.concurrentFeeds,
    async (feed) => {
      try {
        report.outcomes.push(await pollFeed(feed, states.get(feed.id), deps, report, claimed, now, pending));
      } catch (error) {
        if (error instanceof StorageError) storageFailure ??= error;
        else throw error;
      }
    },
    () => storageFailure !== undefined,
  );
  if (storageFailure) throw storageFailure;
  // What the cycle learnt is recorded once, after every feed's alerts were handed over: one write of the alert
  // log instead of one per feed (each rewrites its index). A crash before these writes makes the next cycle find
  // the same items new again and hand them over again, which delivery recognises (the fan-out is idempotent).
  await deps.alertLog.record(pending.alerts);
  await deps.seen.markSeen(pending.seen);
  await deps.feedState.setMany(pending.states);
  for (const { alerts, feed } of pending.printed) await deps.onAlerts?.(alerts, feed);

  report.alerts = chronological(report.alerts);
  report.primedLatest.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
  report.durationMs = performance.now() - started;
  return report;
}

async function pollFeed(
  feed: FeedSpec,
  stored: FeedState | undefined,
  deps: PollDeps,
  report: CycleReport,
  claimed: Set<string>,
  now: () => Date,
  pending: PendingWrites,
): Promise<FeedOutcome> {
  const state = stored ?? emptyFeedState();
  let articles: Article[];
  let next: FeedState;
  try {
    const fetched = await fetchFeed(feed, state, deps.limits);
    if (fetched.status === "not-modified") {
      pending.states.push({ feedId: feed.id, state: succeeded(state, now()) });
      return { feed, status: "not-modified", items: 0 };
    }
    let parsed;
    try {
      const { text } = decodeFeed(fetched.bytes, fetched.contentType);
      parsed = await parseFeed(text, { feedId: feed.id, baseUrl: fetched.url });
    } catch (error) {
      // Another service's answer (a login page, a portal) may hold anything: say whose it was, quote none of it.
      if (!fetched.foreignOrigin) throw error;
      throw new FeedError(feed.id, "not-a-feed", `not a feed: the answer after a redirect to ${fetched.foreignOrigin} is not RSS or Atom`, { cause: error });
    }
    articles = parsed.articles;
    // Validators are kept only once the body was understood: a feed that failed to parse is fetched in full next time.
    next = { ...succeeded(state, now()), lastItemCount: articles.length, recentIds: articles.map((a) => a.id) };
    delete next.etag;
    delete next.lastModified;
    Object.assign(next, fetched.validators);
  } catch (error) {
    const failure = error instanceof FeedError ? error : new FeedError(feed.id, "not-a-feed", describeError(error), { cause: error });
    const failures = state.consecutiveFailures + 1;
    deps.logger.warn(`feed ${feed.id}: ${failure.message} (${failures} failure${failures === 1 ? "" : "s"} in a row)`, { feed: feed.id });
    await deps.feedState.set(feed.id, { ...state, consecutiveFailures: failures, lastError: failure.message, lastErrorAt: now().toISOString() });
    return { feed, status: "failed", items: 0, error: failure };
  }

  const toAlert = (article: Article): Alert => alertOf(article, deps.analyze(article, feed), feed.name);
  const alerted = (alert: Alert): boolean => alert.policy || feed.alerts === "all";

  if (!state.primedAt) {
    // First poll of this feed: everything in it is old news. Record it all, alert nothing.
    await deps.seen.markSeen(articles.flatMap(keysOf));
    await deps.feedState.set(feed.id, { ...next, primedAt: now().toISOString() });
    for (const article of articles) for (const key of keysOf(article)) claimed.add(key);
    report.primedLatest.push(...latestAlerted(chronological(articles), toAlert, alerted).map(forFeed(feed)));
    return { feed, status: "primed", items: articles.length };
  }

  const seen = await deps.seen.seenAmong(articles.flatMap(keysOf));
  const detection = detectNew(articles, new Set(state.recentIds ?? []), seen, claimed, deps.limits.maxNewPerFeed);
  if (detection.fresh.length === 0 && detection.overflow.length === 0) {
    pending.states.push({ feedId: feed.id, state: next });
    return { feed, status: "unchanged", items: articles.length };
  }
  if (detection.overflow.length > 0) {
    deps.logger.warn(
      `feed ${feed.id}: ${detection.fresh.length + detection.overflow.length} new items at once; alerting the newest ${detection.fresh.length}, recording the rest`,
      { feed: feed.id },
    );
  }

  const analysed = detection.fresh.map(toAlert);
  const alerts = analysed.filter(alerted).map(forFeed(feed));
  // Hand over now, record at the end of the cycle: a crash in between makes the next poll hand the same alerts
  // over again, which the outbox recognises. Recording first would lose them instead.
  if (alerts.length > 0) await deps.deliver?.(alerts);
  pending.alerts.push(...alerts);
  for (const article of [...detection.fresh, ...detection.overflow]) pending.seen.push(...keysOf(article));
  pending.states.push({ feedId: feed.id, state: next });

  report.alerts.push(...alerts);
  report.ignored.push(...analysed.filter((a) => !alerted(a)));
  report.overflow += detection.overflow.length;
  if (alerts.length > 0) pending.printed.push({ alerts, feed });
  return { feed, status: "new", items: articles.length };
}

/**
 * The article and its analysis as one alert, written out field by field: `{ ...article, ...analysis }` gives every
 * alert a hidden class of its own, about 5 µs to make and slow to read everywhere after (10,000 alerts a cycle).
 */
function alertOf(article: Article, analysis: Analysis, feedName: string): Alert {
  return {
    id: article.id,
    feedId: article.feedId,
    url: article.url,
    title: article.title,
    text: article.text,
    published: article.published,
    categories: article.categories,
    language: article.language,
    policy: analysis.policy,
    jurisdictions: analysis.jurisdictions,
    topics: analysis.topics,
    summary: analysis.summary,
    figures: analysis.figures,
    feedName,
  };
}

/**
 * An item alerted only because its feed says `alerts: all` has no jurisdiction of its own (those are labels
 * of policy items): it carries the feed's, so subscribers to that jurisdiction see the feed they asked for.
 */
const forFeed = (feed: FeedSpec) => (alert: Alert): Alert =>
  alert.policy || alert.jurisdictions.length > 0 || !feed.jurisdiction ? alert : { ...alert, jurisdictions: [feed.jurisdiction] };

function succeeded(state: FeedState, at: Date): FeedState {
  return { ...state, consecutiveFailures: 0, lastSuccessAt: at.toISOString() };
}

/** The newest items of a first poll that would have been alerted, oldest first: analysed newest first, only until enough are found. */
function latestAlerted(oldestFirst: readonly Article[], toAlert: (a: Article) => Alert, alerted: (a: Alert) => boolean): Alert[] {
  const found: Alert[] = [];
  for (let i = oldestFirst.length - 1; i >= 0 && found.length < PRIMED_SAMPLE; i--) {
    const alert = toAlert(oldestFirst[i]!);
    if (alerted(alert)) found.push(alert);
  }
  return found.reverse();
}
