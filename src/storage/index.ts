import type { AlertLog, ChatSettingsStore, FeedStateStore, LeaderLease, SeenStore, SubscriptionStore } from "../core/ports.js";
import { KeyvChatSettingsStore } from "./chat-settings.js";
import { KeyvAlertLog } from "./alert-log.js";
import { KeyvFeedStateStore } from "./feed-state.js";
import { KeyvHeartbeat } from "./heartbeat.js";
import { StoreIdentity } from "./identity.js";
import { IdentityFile } from "./identity-file.js";
import { fencedUpdates, StoreLease, type Fence } from "./lease.js";
import { openStore, type Store } from "./open.js";
import { KeyvOutboxStore } from "./outbox.js";
import { KeyvSeenStore } from "./seen.js";
import { KeyvSubscriptionStore } from "./subscriptions.js";
import { KeyvUserFeedStore } from "./user-feeds.js";

export { openStore, redact, type Store } from "./open.js";
export type { Heartbeat } from "./heartbeat.js";
export type { DataLoss } from "./identity.js";
export type { Fence } from "./lease.js";
export { KeyvSubscriptionStore } from "./subscriptions.js";

/** Every store regwatch keeps, over one backend. */
export interface Stores {
  backend: Store;
  seen: SeenStore;
  feedState: FeedStateStore;
  alerts: AlertLog;
  subscriptions: SubscriptionStore;
  chatSettings: ChatSettingsStore;
  outbox: KeyvOutboxStore;
  heartbeat: KeyvHeartbeat;
  userFeeds: KeyvUserFeedStore;
  lease: LeaderLease;
  identity: StoreIdentity;
  close(): Promise<void>;
}

export interface StoresOptions {
  seenTtlDays: number;
  timeoutMs?: number;
  /**
   * The service's leadership: the outbox's writes (the fan-out's queueing, the senders' "sent" and retry
   * bookkeeping, digests) then apply only while the lease holds this instance's token. Without it (the
   * command line), they are not fenced.
   */
  fence?: Fence;
  /**
   * Where this host remembers the store's identity between runs (config `stateFile`), so a store wiped while
   * every instance was stopped is noticed at the next start. Without it, only a loss under a running process is.
   */
  stateFile?: string;
}

export async function openStores(url: string, options: StoresOptions): Promise<Stores> {
  const backend = await openStore(url, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  return {
    backend,
    seen: new KeyvSeenStore(backend.keyv, options.seenTtlDays),
    feedState: new KeyvFeedStateStore(backend.keyv),
    alerts: new KeyvAlertLog(backend.keyv, 200, backend.atomic),
    subscriptions: new KeyvSubscriptionStore(backend.keyv, backend.atomic),
    chatSettings: new KeyvChatSettingsStore(backend.keyv),
    outbox: new KeyvOutboxStore(backend.keyv, options.fence ? fencedUpdates(backend.atomic, options.fence) : backend.atomic),
    heartbeat: new KeyvHeartbeat(backend.keyv),
    userFeeds: new KeyvUserFeedStore(backend.keyv, backend.atomic),
    lease: new StoreLease(backend.atomic),
    identity: new StoreIdentity(backend.atomic, options.stateFile ? new IdentityFile(options.stateFile, backend.where) : undefined),
    close: () => backend.close(),
  };
}
