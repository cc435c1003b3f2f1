import type { Alert } from "../core/article.js";
import type { FeedSpec } from "../core/feed.js";
import type { FeedStateStore, Logger } from "../core/ports.js";
import type { Target } from "../core/subscription.js";
import { USER_FEED_PREFIX, type UserFeed, type UserFeedStore } from "../core/user-feed.js";
import type { FeedOutcome } from "./poller.js";

export const isUserFeedId = (feedId: string): boolean => feedId.startsWith(USER_FEED_PREFIX);

/**
 * The poller's view of the chat feeds not paused: one spec per URL however many chats follow it, untrusted
 * (every fetch passes the address guard), handing over every item when any follower wants every item.
 */
export function userFeedSpecs(feeds: readonly UserFeed[]): FeedSpec[] {
  return feeds
    .filter((feed) => !feed.pausedAt && feed.followers.length > 0)
    .map((feed) => ({
      id: feed.id,
      name: feed.title,
      url: feed.url,
      jurisdiction: feed.followers.find((f) => f.jurisdiction)?.jurisdiction ?? null,
      untrusted: true,
      alerts: feed.followers.some((f) => f.alerts === "all") ? "all" : "policy",
    }));
}

/** Each new item of a chat feed, with the chats that get it: every follower for a policy item, `all` followers for the rest. */
export function routeUserAlerts(alerts: readonly Alert[], feeds: ReadonlyMap<string, UserFeed>): Array<{ alert: Alert; targets: Target[] }> {
  return alerts.flatMap((alert) => {
    const feed = feeds.get(alert.feedId);
    if (!feed) return [];
    const targets = feed.followers.filter((f) => alert.policy || f.alerts === "all").map((f) => f.target);
    return targets.length > 0 ? [{ alert, targets }] : [];
  });
}

/**
 * Pauses the chat feeds that failed `threshold` polls in a row and returns what to tell their chats, once:
 * a paused feed is no longer polled, so it cannot be paused (or announced) again until a chat adds it back.
 */
export async function pauseFailing(
  outcomes: readonly FeedOutcome[],
  deps: { store: UserFeedStore; feedState: FeedStateStore; threshold: number; logger: Logger; now: Date },
): Promise<Array<{ feed: UserFeed; reason: string }>> {
  const paused: Array<{ feed: UserFeed; reason: string }> = [];
  for (const outcome of outcomes) {
    if (outcome.status !== "failed" || !isUserFeedId(outcome.feed.id)) continue;
    const state = await deps.feedState.get(outcome.feed.id);
    if (!state || state.consecutiveFailures < deps.threshold) continue;
    const reason = `${state.consecutiveFailures} failures in a row, the last: ${state.lastError ?? "unknown error"}`;
    const at = deps.now.toISOString();
    // Paused by this update, not before (or by another process): only then are its chats told. The change
    // may run again after a conflict; the flag holds what its last run, the one applied, decided.
    let pausedNow = false;
    const stored = await deps.store.update(outcome.feed.id, (feed) => {
      pausedNow = feed !== undefined && !feed.pausedAt;
      return feed && pausedNow ? { ...feed, pausedAt: at, pauseReason: reason } : feed;
    });
    if (!stored || !pausedNow) continue;
    deps.logger.warn(`chat feed ${stored.id} paused: ${reason}`);
    paused.push({ feed: stored, reason });
  }
  return paused;
}

/** The message a chat gets when a feed it added is paused: an alert of its own, so it is queued and paced like one. */
export function pauseNotice(feed: UserFeed, reason: string, at: Date): Alert {
  return {
    id: `${feed.id}:paused:${at.toISOString()}`,
    feedId: feed.id,
    feedName: feed.title,
    url: null,
    title: `Feed paused: ${feed.title}`,
    text: `regwatch stopped reading ${feed.url} (${reason}). /feed add it again to resume, or /feed remove ${feed.id}.`,
    summary: `regwatch stopped reading this feed after ${reason}. /feed add it again to resume, or /feed remove ${feed.id}.`,
    published: at.toISOString(),
    categories: [],
    language: null,
    policy: true,
    jurisdictions: [],
    topics: [],
    figures: [],
  };
}
