import type { SubscriptionStore } from "../core/ports.js";
import type { Subscription } from "../core/subscription.js";

/**
 * The jurisdictions to offer first (the Telegram keyboard's first page): those regwatch has feeds for, most
 * subscribed first, then others chats subscribe to; at most `limit`.
 */
export function rankJurisdictions(feedCodes: readonly string[], subscriptions: readonly Subscription[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const s of subscriptions) {
    if (!s.active) continue;
    for (const code of new Set(s.rules.flatMap((r) => r.jurisdictions))) if (code !== "all") counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const byCount = (a: string, b: string) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0);
  const withFeeds = [...new Set(feedCodes)].sort(byCount);
  const subscribedOnly = [...counts.keys()].filter((c) => !withFeeds.includes(c)).sort(byCount);
  return [...withFeeds, ...subscribedOnly].slice(0, limit);
}

/** rankJurisdictions over the store, read again at most once per `ttlMs`: counting reads every subscription. */
export function featuredJurisdictions(feedCodes: readonly string[], store: SubscriptionStore, limit: number, ttlMs = 3_600_000, now = Date.now): () => Promise<readonly string[]> {
  let cached: { at: number; codes: string[] } | undefined;
  return async () => {
    if (!cached || now() - cached.at > ttlMs) cached = { at: now(), codes: rankJurisdictions(feedCodes, await store.list({ active: true }), limit) };
    return cached.codes;
  };
}
