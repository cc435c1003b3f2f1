import type { Alert } from "./article.js";
import type { FeedState } from "./feed.js";
import type { MatchableAlert, Subscription, Target } from "./subscription.js";

/** Article identities regwatch has already recorded. Failures throw StorageError, never answer "not seen". */
export interface SeenStore {
  /** Which of these keys were recorded before. */
  seenAmong(keys: readonly string[]): Promise<Set<string>>;
  markSeen(keys: readonly string[]): Promise<void>;
}

export interface FeedStateStore {
  get(feedId: string): Promise<FeedState | undefined>;
  set(feedId: string, state: FeedState): Promise<void>;
  /** Every feed's state in one read (a poll cycle starts with it). */
  getMany(feedIds: readonly string[]): Promise<Array<FeedState | undefined>>;
  /** Several feeds' states in one write. */
  setMany(states: ReadonlyArray<{ feedId: string; state: FeedState }>): Promise<void>;
}

/** The most recent alerts, newest first, for `latest` and for showing what a quiet feed last said. */
export interface AlertLog {
  record(alerts: readonly Alert[]): Promise<void>;
  /** Newest first; with a filter, only alerts a subscription with those rules would get. */
  latest(limit: number, filter?: Pick<Subscription, "rules">): Promise<Alert[]>;
}

/**
 * The right to act for every instance sharing a store: only the holder polls, sends and holds the platform
 * connections. Failures throw StorageError.
 */
export interface LeaderLease {
  /** Takes the lease, or renews it for its holder; the fencing token of the term, or undefined when another holds it. */
  acquire(holder: string, ttlMs: number): Promise<number | undefined>;
  /** Gives the lease up at once (a clean stop), so a standby need not wait for it to expire. */
  release(holder: string): Promise<void>;
  holder(): Promise<{ holder: string; token: number; expiresAt: number } | undefined>;
}

/** What an operator filters log records on: the feed, the chat, the platform. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** One-line log records: the composition root decides where they go (and whether fields are kept apart, as in JSON logs). */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
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
  /** Active subscriptions with a rule that accepts the alert, each once. */
  matching(alert: MatchableAlert): Promise<Subscription[]>;
  /** `matching` for many alerts at once (a poll's), reading the store a fixed number of times, not once per alert. */
  matchingEach(alerts: readonly MatchableAlert[]): Promise<Subscription[][]>;
  /** The platform said the chat is gone: stop sending there, and say why. */
  deactivate(target: Target, reason: string, at: string): Promise<void>;
  /** The chat changed id (a Telegram group became a supergroup): keep its subscription under the new one. */
  move(from: Target, to: Target): Promise<void>;
  /** Every subscription, optionally only the active or inactive ones. */
  list(filter?: { active?: boolean }): Promise<Subscription[]>;
}

/** What a chat chose besides its subscription. */
export interface ChatSettings {
  /** A catalog language ("ja"); absent: the invoker's platform language. */
  language?: string;
}

export interface ChatSettingsStore {
  /** Empty settings for a chat that chose nothing. */
  get(target: Target): Promise<ChatSettings>;
  set(target: Target, settings: ChatSettings): Promise<void>;
}

/** One delivery waiting for its target: an alert, or a digest of several. */
export interface OutboxEntry {
  /** Increases per target; the order entries are sent in. */
  seq: number;
  kind: "alert" | "digest";
  /** The alert (kind alert), or the digest's id. */
  alertId: string;
  /** Alerts of a digest, oldest first. */
  alertIds?: string[];
  /** A digest's period label ("Daily digest, 26 Nov 2026"). */
  label?: string;
  published: string | null;
  enqueuedAt: string;
  attempts: number;
  /** Not before this time (ISO): backoff after a failure, or a platform's retry-after. */
  notBefore?: string;
  lastError?: string;
}

export interface DeadEntry extends OutboxEntry {
  deadAt: string;
  reason: string;
}

/** A target's deliveries: what waits, in order, and what was given up on. */
export interface TargetQueue {
  target: Target;
  nextSeq: number;
  entries: OutboxEntry[];
  dead: DeadEntry[];
  /** Alert ids delivered lately, so a repeated fan-out (after a crash) does not queue them again. */
  recent: string[];
}

/**
 * The durable outbox: one queue per target, written before anything is sent. Failures throw StorageError.
 * One process writes it (the service); `requeueDead` may come from another, and at worst does not take.
 */
export interface OutboxStore {
  /** Queues the alert for each target that neither has it queued nor recently received it; returns how many got it. */
  enqueue(alert: Alert, targets: readonly Target[]): Promise<number>;
  /** `enqueue` for several alerts in one write (a poll's fan-out); how many targets got each. */
  enqueueEach(batch: ReadonlyArray<{ alert: Alert; targets: readonly Target[] }>): Promise<number[]>;
  /** Queues a digest of these alerts for one target. */
  enqueueDigest(target: Target, label: string, alertIds: readonly string[], at: string): Promise<void>;
  /** Which of these alerts were already fanned out to every matching target (so a replayed poll skips them). */
  fannedOut(alertIds: readonly string[]): Promise<Set<string>>;
  markFannedOut(alertIds: readonly string[]): Promise<void>;
  /** Targets with entries waiting (and, until the next prune, some whose queue has just emptied). */
  pendingTargets(): Promise<Target[]>;
  /** Drops targets with empty queues from the pending index. */
  prunePending(): Promise<void>;
  queue(target: Target): Promise<TargetQueue | undefined>;
  alerts(ids: readonly string[]): Promise<Alert[]>;
  /** The platform confirmed: drop the entry and remember the alert as delivered. Returns how many still wait. */
  ack(target: Target, seq: number): Promise<number>;
  /** Try again later: count the attempt and keep the entry first in line. */
  postpone(target: Target, seq: number, notBefore: string, error: string | undefined, countAttempt: boolean): Promise<void>;
  /** Give up on one entry: it moves to the dead letters with the reason. */
  bury(target: Target, seq: number, reason: string, at: string): Promise<void>;
  /** Give up on every waiting entry of a target (the chat is gone). Returns how many. */
  buryAll(target: Target, reason: string, at: string): Promise<number>;
  /** The chat changed id: its queue follows it. */
  moveTarget(from: Target, to: Target): Promise<void>;
  /** Dead letters back to the front of their queues, attempts reset. Returns how many. */
  requeueDead(): Promise<number>;
  /** Every queue with something waiting or dead. */
  list(): Promise<TargetQueue[]>;
  /** Alerts waiting for a subscriber's next digest. */
  addToDigest(targets: readonly Target[], alert: Alert): Promise<void>;
  /** The alerts collected for a digest, once per period (a day, a week); empty when already sent for it. */
  takeDigest(target: Target, period: string): Promise<string[]>;
  digestTargets(): Promise<Target[]>;
}
