import type { Alert } from "./article.js";
import type { FeedState } from "./feed.js";
import type { Subscription, Target } from "./subscription.js";

/** Article identities regwatch has already recorded. Failures throw StorageError, never answer "not seen". */
export interface SeenStore {
  /** Which of these keys were recorded before. */
  seenAmong(keys: readonly string[]): Promise<Set<string>>;
  markSeen(keys: readonly string[]): Promise<void>;
}

export interface FeedStateStore {
  get(feedId: string): Promise<FeedState | undefined>;
  set(feedId: string, state: FeedState): Promise<void>;
}

/** The most recent alerts, newest first, for `latest` and for showing what a quiet feed last said. */
export interface AlertLog {
  record(alerts: readonly Alert[]): Promise<void>;
  /** Newest first; with a filter, only alerts a subscription with those jurisdictions and topics would get. */
  latest(limit: number, filter?: Pick<Subscription, "jurisdictions" | "topics">): Promise<Alert[]>;
}

/** One-line log records: the composition root decides where they go. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Subscriptions, indexed so that matching an alert reads only the subscriptions of its jurisdictions
 * and topics, never all of them. Failures throw StorageError.
 */
export interface SubscriptionStore {
  get(target: Target): Promise<Subscription | undefined>;
  /** Creates or replaces the target's subscription and keeps the indexes in step. */
  put(subscription: Subscription): Promise<void>;
  /** Removes the target's subscription; false when it had none. */
  remove(target: Target): Promise<boolean>;
  /** Active subscriptions an alert with these jurisdictions and topics belongs to. */
  matching(alert: { jurisdictions: readonly string[]; topics: readonly string[] }): Promise<Subscription[]>;
  /** The platform said the chat is gone: stop sending there, and say why. */
  deactivate(target: Target, reason: string, at: string): Promise<void>;
  /** The chat changed id (a Telegram group became a supergroup): keep its subscription under the new one. */
  move(from: Target, to: Target): Promise<void>;
  /** Every subscription, optionally only the active or inactive ones. */
  list(filter?: { active?: boolean }): Promise<Subscription[]>;
}
