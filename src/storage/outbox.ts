import type Keyv from "keyv";
import type { Alert } from "../core/article.js";
import type { DeadEntry, OutboxEntry, OutboxStore, TargetQueue } from "../core/ports.js";
import { targetKey, type Target } from "../core/subscription.js";
import { StorageError } from "../core/errors.js";
import { guarded } from "./guard.js";

const QUEUE = "outbox:queue:";
const ALERT = "outbox:alert:";
const FANNED = "outbox:fanned:";
const PENDING = "outbox:pending";
const DIGEST = "outbox:digest:";
const DIGESTS = "outbox:digests";
const DEAD = "outbox:dead-index";
/** Alerts a target received lately, remembered so a replayed fan-out skips them. */
const RECENT = 200;
/** Queued alert bodies outlive any sensible outage, then go. */
const ALERT_TTL_MS = 60 * 86_400_000;

/**
 * The outbox on keyv: one document per target (its waiting entries in order, its dead letters, what it
 * received lately), an index of targets with something waiting, and the alert bodies. A fan-out to many
 * targets reads and writes their documents in two batched calls.
 */
export class KeyvOutboxStore implements OutboxStore {
  /** Serialises this process's writes, so read-modify-write of a document never interleaves. */
  private tail: Promise<unknown> = Promise.resolve();
  private reads: Array<{ key: string; resolve: (queue: TargetQueue | undefined) => void; reject: (error: unknown) => void }> = [];
  /** Document changes waiting for the next batched write. */
  private batch: PendingUpdate[] = [];
  /** Alert bodies never change once queued: a fan-out reads one body for thousands of sends. */
  private readonly bodies = new Map<string, Alert>();

  constructor(private readonly keyv: Keyv) {}

  enqueue(alert: Alert, targets: readonly Target[]): Promise<number> {
    return this.serial("queue an alert", async () => {
      if (targets.length === 0) return 0;
      await this.keyv.set(ALERT + alert.id, alert, ALERT_TTL_MS);
      const queues = await this.queues(targets);
      const changed: TargetQueue[] = [];
      for (const queue of queues) {
        if (queue.recent.includes(alert.id) || queue.entries.some((e) => e.alertId === alert.id)) continue;
        insertByDate(queue, { seq: queue.nextSeq++, kind: "alert", alertId: alert.id, published: alert.published, enqueuedAt: new Date().toISOString(), attempts: 0 });
        changed.push(queue);
      }
      await this.save(changed);
      await this.addToIndex(PENDING, changed.map((q) => q.target));
      return changed.length;
    });
  }

  enqueueDigest(target: Target, label: string, alertIds: readonly string[], at: string): Promise<void> {
    return this.serial("queue a digest", async () => {
      const [queue] = await this.queues([target]);
      queue!.entries.push({ seq: queue!.nextSeq++, kind: "digest", alertId: `digest:${at}`, alertIds: [...alertIds], label, published: at, enqueuedAt: at, attempts: 0 });
      await this.save([queue!]);
      await this.addToIndex(PENDING, [target]);
    });
  }

  wasFannedOut(alertId: string): Promise<boolean> {
    return guarded("read the outbox", async () => (await this.keyv.get<boolean>(FANNED + alertId)) === true);
  }

  markFannedOut(alertId: string): Promise<void> {
    return guarded("write the outbox", async () => void (await this.keyv.set(FANNED + alertId, true, ALERT_TTL_MS * 3)));
  }

  pendingTargets(): Promise<Target[]> {
    return guarded("read the outbox", async () => (await this.keyv.get<Target[]>(PENDING)) ?? []);
  }

  /** Reads asked for in the same tick go to the store as one batch (many senders read at once). */
  queue(target: Target): Promise<TargetQueue | undefined> {
    return new Promise((resolve, reject) => {
      this.reads.push({ key: QUEUE + targetKey(target), resolve, reject });
      if (this.reads.length === 1) setImmediate(() => void this.readBatch());
    });
  }

  private async readBatch(): Promise<void> {
    const reads = this.reads;
    this.reads = [];
    try {
      const keys = [...new Set(reads.map((r) => r.key))];
      const found = await guarded("read the outbox", () => this.keyv.getMany<TargetQueue>(keys));
      const byKey = new Map(keys.map((k, i) => [k, found[i] ?? undefined]));
      for (const read of reads) read.resolve(byKey.get(read.key));
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }

  alerts(ids: readonly string[]): Promise<Alert[]> {
    return guarded("read queued alerts", async () => {
      const missing = ids.filter((id) => !this.bodies.has(id));
      if (missing.length > 0) {
        const found = await this.keyv.getMany<Alert>(missing.map((id) => ALERT + id));
        found.forEach((alert, i) => alert && this.remember(missing[i]!, alert));
      }
      return ids.map((id) => this.bodies.get(id)).filter((a): a is Alert => a !== undefined);
    });
  }

  private remember(id: string, alert: Alert): void {
    this.bodies.set(id, alert);
    if (this.bodies.size > 500) this.bodies.delete(this.bodies.keys().next().value!);
  }

  async ack(target: Target, seq: number): Promise<number> {
    let left = 0;
    await this.update(target, "record a delivery", (queue) => {
      const entry = queue.entries.find((e) => e.seq === seq);
      queue.entries = queue.entries.filter((e) => e.seq !== seq);
      if (entry) queue.recent = [entry.alertId, ...queue.recent].slice(0, RECENT);
      left = queue.entries.length;
    });
    return left;
  }

  postpone(target: Target, seq: number, notBefore: string, error: string | undefined, countAttempt: boolean): Promise<void> {
    return this.update(target, "postpone a delivery", (queue) => {
      const entry = queue.entries.find((e) => e.seq === seq);
      if (!entry) return;
      entry.notBefore = notBefore;
      if (countAttempt) entry.attempts += 1;
      if (error) entry.lastError = error;
    });
  }

  bury(target: Target, seq: number, reason: string, at: string): Promise<void> {
    return this.update(target, "record a dead letter", (queue) => {
      const entry = queue.entries.find((e) => e.seq === seq);
      if (!entry) return;
      queue.entries = queue.entries.filter((e) => e.seq !== seq);
      queue.dead.push(dead(entry, reason, at));
    }, [DEAD]);
  }

  async buryAll(target: Target, reason: string, at: string): Promise<number> {
    let count = 0;
    await this.update(target, "record dead letters", (queue) => {
      count = queue.entries.length;
      queue.dead.push(...queue.entries.map((e) => dead(e, reason, at)));
      queue.entries = [];
    }, [DEAD]);
    return count;
  }

  moveTarget(from: Target, to: Target): Promise<void> {
    return this.serial("move a queue", async () => {
      const [old, next] = await this.queues([from, to]);
      for (const entry of old!.entries) insertByDate(next!, { ...entry, seq: next!.nextSeq++ });
      next!.dead.push(...old!.dead);
      next!.recent = [...new Set([...old!.recent, ...next!.recent])].slice(0, RECENT);
      await this.keyv.delete(QUEUE + targetKey(from));
      await this.save([next!]);
      await this.removeFromIndex(PENDING, [from]);
      await this.removeFromIndex(DEAD, [from]);
      if (next!.entries.length > 0) await this.addToIndex(PENDING, [to]);
      if (next!.dead.length > 0) await this.addToIndex(DEAD, [to]);
      const digest = await this.keyv.get<DigestBucket>(DIGEST + targetKey(from));
      if (digest) {
        await this.keyv.delete(DIGEST + targetKey(from));
        await this.keyv.set(DIGEST + targetKey(to), digest);
        await this.removeFromIndex(DIGESTS, [from]);
        await this.addToIndex(DIGESTS, [to]);
      }
    });
  }

  requeueDead(): Promise<number> {
    return this.serial("requeue dead letters", async () => {
      const queues = await this.listQueues();
      let count = 0;
      const changed = queues.filter((q) => q.dead.length > 0);
      for (const queue of changed) {
        const revived = queue.dead.map(({ deadAt: _at, reason: _why, ...entry }) => ({ ...entry, attempts: 0, notBefore: undefined }) as OutboxEntry);
        count += revived.length;
        queue.entries = [...revived, ...queue.entries].sort((a, b) => a.seq - b.seq);
        queue.dead = [];
      }
      await this.save(changed);
      await this.addToIndex(PENDING, changed.map((q) => q.target));
      await this.removeFromIndex(DEAD, changed.map((q) => q.target));
      return count;
    });
  }

  prunePending(): Promise<void> {
    return this.serial("tidy the outbox index", async () => {
      const pending = (await this.keyv.get<Target[]>(PENDING)) ?? [];
      const queues = await this.queues(pending);
      await this.removeFromIndex(PENDING, queues.filter((q) => q.entries.length === 0).map((q) => q.target));
    });
  }

  list(): Promise<TargetQueue[]> {
    return guarded("read the outbox", () => this.listQueues());
  }

  addToDigest(targets: readonly Target[], alert: Alert): Promise<void> {
    return this.serial("collect a digest", async () => {
      if (targets.length === 0) return;
      await this.keyv.set(ALERT + alert.id, alert, ALERT_TTL_MS);
      const keys = targets.map((t) => DIGEST + targetKey(t));
      const buckets = await this.keyv.getMany<DigestBucket>(keys);
      const updated = keys.map((key, i) => {
        const bucket = buckets[i] ?? { ids: [] };
        if (!bucket.ids.includes(alert.id)) bucket.ids.push(alert.id);
        return { key, value: bucket };
      });
      await this.keyv.setMany(updated);
      await this.addToIndex(DIGESTS, targets);
    });
  }

  takeDigest(target: Target, period: string): Promise<string[]> {
    return this.serial("take a digest", async () => {
      const key = DIGEST + targetKey(target);
      const bucket = (await this.keyv.get<DigestBucket>(key)) ?? { ids: [] };
      if (bucket.lastPeriod === period || bucket.ids.length === 0) return [];
      await this.keyv.set(key, { ids: [], lastPeriod: period });
      return bucket.ids;
    });
  }

  digestTargets(): Promise<Target[]> {
    return guarded("read the outbox", async () => (await this.keyv.get<Target[]>(DIGESTS)) ?? []);
  }

  private async listQueues(): Promise<TargetQueue[]> {
    const targets = await this.allTargets();
    return (await this.queues(targets)).filter((q) => q.entries.length > 0 || q.dead.length > 0);
  }

  /** Every target that ever had a queue: the pending index plus those with dead letters. */
  private async allTargets(): Promise<Target[]> {
    const pending = (await this.keyv.get<Target[]>(PENDING)) ?? [];
    const withDead = (await this.keyv.get<Target[]>(DEAD)) ?? [];
    const seen = new Map<string, Target>();
    for (const t of [...pending, ...withDead]) seen.set(targetKey(t), t);
    return [...seen.values()];
  }

  private async queues(targets: readonly Target[]): Promise<TargetQueue[]> {
    const found = await this.keyv.getMany<TargetQueue>(targets.map((t) => QUEUE + targetKey(t)));
    return targets.map((target, i) => found[i] ?? { target, nextSeq: 1, entries: [], dead: [], recent: [] });
  }

  /**
   * Writes documents only. The pending index gains targets when entries are queued and loses them in
   * `prunePending`, not on every delivery: rewriting a 10,000-target index per message would dominate a fan-out.
   */
  private async save(queues: readonly TargetQueue[]): Promise<void> {
    if (queues.length === 0) return;
    await this.keyv.setMany(queues.map((q) => ({ key: QUEUE + targetKey(q.target), value: q })));
  }

  /**
   * Changes one target's document. Changes that come in while a batch is being written wait and go
   * together in the next one (one read and one write for all), still inside the write chain: under a
   * fan-out to thousands of chats, per-message round trips to the store were what limited the send rate.
   */
  private update(target: Target, what: string, change: (queue: TargetQueue) => void, indexes: string[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      this.batch.push({ target, what, change, indexes, resolve, reject });
      if (this.batch.length === 1) void this.serial("write the outbox", () => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    try {
      const keys = [...new Map(batch.map((u) => [targetKey(u.target), u.target])).values()];
      const found = await this.keyv.getMany<TargetQueue>(keys.map((t) => QUEUE + targetKey(t)));
      const docs = new Map(keys.map((t, i) => [targetKey(t), found[i]]));
      for (const u of batch) {
        const doc = docs.get(targetKey(u.target));
        if (doc) u.change(doc);
      }
      await this.save([...docs.values()].filter((d): d is TargetQueue => d !== undefined && d !== null));
      const indexed = batch.filter((u) => docs.get(targetKey(u.target)));
      for (const index of new Set(indexed.flatMap((u) => u.indexes))) {
        await this.addToIndex(index, indexed.filter((u) => u.indexes.includes(index)).map((u) => u.target));
      }
      for (const u of batch) u.resolve();
    } catch (error) {
      const failure = error instanceof StorageError ? error : new StorageError(`store failed to ${batch[0]?.what ?? "write the outbox"}: ${(error as Error).message}`, { cause: error });
      for (const u of batch) u.reject(failure);
    }
  }

  private async addToIndex(key: string, targets: readonly Target[]): Promise<void> {
    if (targets.length === 0) return;
    const current = (await this.keyv.get<Target[]>(key)) ?? [];
    const keys = new Set(current.map(targetKey));
    const added = targets.filter((t) => !keys.has(targetKey(t)) && keys.add(targetKey(t)));
    if (added.length > 0) await this.keyv.set(key, [...current, ...added]);
  }

  private async removeFromIndex(key: string, targets: readonly Target[]): Promise<void> {
    if (targets.length === 0) return;
    const drop = new Set(targets.map(targetKey));
    const current = (await this.keyv.get<Target[]>(key)) ?? [];
    const kept = current.filter((t) => !drop.has(targetKey(t)));
    if (kept.length !== current.length) await this.keyv.set(key, kept);
  }

  private serial<T>(what: string, work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => guarded(what, work));
    this.tail = run.catch(() => {});
    return run;
  }
}

interface PendingUpdate {
  target: Target;
  what: string;
  change: (queue: TargetQueue) => void;
  indexes: string[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Alerts collected for a target's next digest, and the period it last got one for. */
interface DigestBucket {
  ids: string[];
  lastPeriod?: string;
}

/** Waiting entries stay in publication order; a late-found older item goes before newer ones still waiting. */
function insertByDate(queue: TargetQueue, entry: OutboxEntry): void {
  const at = queue.entries.findIndex((e) => e.kind === "alert" && (e.published ?? "") > (entry.published ?? "") && e.attempts === 0 && !e.notBefore);
  if (at === -1) queue.entries.push(entry);
  else queue.entries.splice(at, 0, entry);
}

function dead(entry: OutboxEntry, reason: string, at: string): DeadEntry {
  return { ...entry, deadAt: at, reason };
}
