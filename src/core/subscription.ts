import type { Platform } from "./command.js";

/** A chat that receives alerts: a Telegram chat or channel, a Discord channel, the console. */
export interface Target {
  platform: Platform;
  /** Telegram chat id (negative for groups and channels), Discord channel id, "console". */
  chatId: string;
}

/** `telegram:-1001234` — the one string form of a target, used as a store key and in logs. */
export const targetKey = (target: Target): string => `${target.platform}:${target.chatId}`;

export type DeliveryMode =
  | { mode: "instant" }
  /** One message a day (or a week, on `weekday`, 0 = Sunday) at `hour` in `timeZone` (IANA name). */
  | { mode: "daily"; hour: number; timeZone: string }
  | { mode: "weekly"; hour: number; timeZone: string; weekday: number };

/** What one chat receives. */
export interface Subscription {
  target: Target;
  chatType: "private" | "group" | "channel";
  /** Jurisdiction codes (GB, HK, EU, INT…), or ["all"]. Empty with topics set: those topics everywhere. */
  jurisdictions: string[];
  /** Topic ids; empty means every topic. */
  topics: string[];
  delivery: DeliveryMode;
  /** Who subscribed the chat (platform user id) and when. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** False once the platform said the chat is gone (blocked, kicked, deleted); `inactiveReason` says why. */
  active: boolean;
  inactiveReason?: string;
  inactiveSince?: string;
}

/**
 * Whether an alert with these jurisdictions and topics belongs to a subscription: its jurisdictions
 * (or all) and, when it names topics, one of them.
 */
export function subscriptionMatches(subscription: Pick<Subscription, "jurisdictions" | "topics">, alert: { jurisdictions: readonly string[]; topics: readonly string[] }): boolean {
  const { jurisdictions, topics } = subscription;
  const place =
    jurisdictions.includes("all") ||
    (jurisdictions.length === 0 ? topics.length > 0 : jurisdictions.some((j) => alert.jurisdictions.includes(j)));
  const topic = topics.length === 0 || topics.some((t) => alert.topics.includes(t));
  return place && topic;
}
