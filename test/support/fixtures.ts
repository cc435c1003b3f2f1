import type { Alert } from "../../src/core/article.js";
import type { DeliveryMode, Subscription } from "../../src/core/subscription.js";

/** A policy alert with sensible defaults; `n` makes its id, title and date. */
export function makeAlert(n: number, extra: Partial<Alert> = {}): Alert {
  return {
    id: `g:test:${n}`,
    feedId: "test",
    feedName: "Test feed",
    url: `https://regulator.example/news/${n}`,
    title: `Regulator notice ${n}`,
    text: `Notice ${n}.`,
    published: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
    categories: [],
    language: "en",
    policy: true,
    jurisdictions: ["JP"],
    topics: ["stablecoin"],
    summary: `Notice ${n}.`,
    figures: [],
    ...extra,
  };
}

/** A chat with one rule: these jurisdictions (empty: every one) × `topics` (default every topic). */
export function makeSubscription(
  chatId: string,
  jurisdictions: string[],
  extra: Partial<Subscription> & { platform?: Subscription["target"]["platform"]; delivery?: DeliveryMode; topics?: string[] } = {},
): Subscription {
  const { platform = "telegram", topics = [], ...rest } = extra;
  return {
    target: { platform, chatId },
    chatType: chatId.startsWith("-") ? "group" : "private",
    rules: [{ jurisdictions: jurisdictions.length === 0 ? ["all"] : jurisdictions, topics }],
    delivery: { mode: "instant" },
    createdBy: "tester",
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    active: true,
    ...rest,
  };
}
