import type { Alert } from "./article.js";
import type { FeedState } from "./feed.js";

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
  latest(limit: number): Promise<Alert[]>;
}

/** One-line log records: the composition root decides where they go. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
