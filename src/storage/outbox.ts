import type Keyv from "keyv";
import type { Alert } from "../core/article.js";
import type { DeadEntry, OutboxEntry, OutboxStore, TargetQueue } from "../core/ports.js";
import { targetKey, type Target } from "../core/subscription.js";
import { StorageError } from "../core/errors.js";
import { inProcessUpdates, type AtomicUpdates, type KeyWrite, type Mutation } from "./atomic.js";
import { guarded } from "./guard.js";
import { setManyAtOnce } from "./keyv-batch.js";

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
 * targets reads and writes their documents in one atomic update of the backend, indexes included, so
 * another process queueing or retrying at the same moment (`poll --once`, `deliveries --retry`) loses nothing.
 */
export class KeyvOutboxStore implements OutboxStore {
  /** Keeps this process's writes in call order (the backend's atomic updates keep other processes out). */
  private tail: Promise<unknown> = Promise.resolve();
  private reads: Array<{ key: string; resolve: (queue: TargetQueue | undefined) => void; reject: (error: unknown) => void }> = [];
  /** Document changes waiting for the next batched write. */
  private batch: PendingUpdate[] = [];
  /** Alert bodies never change once queued: a fan-out reads one body for thousands of sends. */
  private readonly bodies = new Map<string, Alert>();

  private readonly atomic: AtomicUpdates;

  /** Without `atomic` (a keyv only this process uses), updates are atomic within the process. */
  constructor(
    private readonly keyv: Keyv,
    atomic?: AtomicUpdates,
  ) {
    this.atomic = atomic ?? inProcessUpdates(keyv);
  }

  async enqueue(alert: Alert, targets: readonly Target[]): Promise<number> {
    return (await this.enqueueEach([{ alert, targets }]))[0] ?? 0;
  }

  /** One write of the alert bodies, one atomic update of every queue concerned and the pending index. */
  enqueueEach(batch: ReadonlyArray<{ alert: Alert; targets: readonly Target[] }>): Promise<number[]> {
    return this.serial("queue alerts", async () => {
      const work = batch.map(({ alert, targets }) => ({ alert, targets: distinct(targets) }));
      const all = distinct(work.flatMap((w) => w.targets));
      if (all.length === 0) return work.map(() => 0);
      await this.keyv.setMany(work.filter((w) => w.targets.length > 0).map(({ alert }) => ({ key: ALERT + alert.id, value: alert, ttl: ALERT_TTL_MS })));
      return this.documents(all, [PENDING], (queues, [pending]) => {
        const byKey = new Map(queues.map((q) => [targetKey(q.target), q]));
        const changed = new Map<string, TargetQueue>();
        const counts = work.map(({ alert, targets }) => {
          let count = 0;
          for (const target of targets) {
            const queue = byKey.get(targetKey(target))!;
            if (queue.recent.includes(alert.id) || queue.entries.some((e) => e.alertId === alert.id)) continue;
            insertByDate(queue, { seq: queue.nextSeq++, kind: "alert", alertId: alert.id, published: alert.published, enqueuedAt: new Date().toISOString(), attempts: 0 });
            changed.set(targetKey(target), queue);
            count++;
          }
          return count;
        });
        const touched = [...changed.values()];
        return { set: [...touched.map(document), ...indexWrite(PENDING, pending, touched.map((q) => q.target), [])], result: counts };
      });
    });
  }

  enqueueDigest(target: Target, label: string, alertIds: readonly string[], at: string): Promise<void> {
    return this.serial("queue a digest", () =>
      this.documents([target], [PENDING], ([queue], [pending]) => {
        queue!.entries.push({ seq: queue!.nextSeq++, kind: "digest", alertId: `digest:${at}`, alertIds: [...alertIds], label, published: at, enqueuedAt: at, attempts: 0 });
        return { set: [document(queue!), ...indexWrite(PENDING, pending, [target], [])], result: undefined };
      }),
    );
  }

  fannedOut(alertIds: readonly string[]): Promise<Set<string>> {
    return guarded("read the outbox", async () => {
      if (alertIds.length === 0) return new Set<string>();
      const found = await this.keyv.getMany<boolean>(alertIds.map((id) => FANNED + id));
      return new Set(alertIds.filter((_, i) => found[i] === true));
    });
  }

  markFannedOut(alertIds: readonly string[]): Promise<void> {
    return guarded("write the outbox", async () => {
      if (alertIds.length > 0) await setManyAtOnce(this.keyv, alertIds.map((id) => ({ key: FANNED + id, value: true, ttl: ALERT_TTL_MS * 3 })));
    });
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
    const digestKeys = [DIGEST + targetKey(from), DIGEST + targetKey(to)];
    return this.serial("move a queue", () =>
      this.documents([from, to], [PENDING, DEAD, DIGESTS, ...digestKeys], ([old, next], [pending, withDead, digests, digest, digestTo]) => {
        for (const entry of old!.entries) insertByDate(next!, { ...entry, seq: next!.nextSeq++ });
        next!.dead.push(...old!.dead);
        next!.recent = [...new Set([...old!.recent, ...next!.recent])].slice(0, RECENT);
        const set: KeyWrite[] = [document(next!)];
        set.push(...indexWrite(PENDING, pending, next!.entries.length > 0 ? [to] : [], [from]));
        set.push(...indexWrite(DEAD, withDead, next!.dead.length > 0 ? [to] : [], [from]));
        const deleted = [QUEUE + targetKey(from)];
        const bucket = digest as DigestBucket | undefined;
        if (bucket) {
          const into = digestTo as DigestBucket | undefined;
          set.push({ key: digestKeys[1]!, value: into ? { ...into, ids: [...new Set([...into.ids, ...bucket.ids])] } : bucket });
          set.push(...indexWrite(DIGESTS, digests, [to], [from]));
          deleted.push(digestKeys[0]!);
        }
        return { set, delete: deleted, result: undefined };
      }),
    );
  }

  requeueDead(): Promise<number> {
    return this.serial("requeue dead letters", async () => {
      const targets = await this.allTargets();
      return this.documents(targets, [PENDING, DEAD], (queues, [pending, withDead]) => {
        let count = 0;
        const changed = queues.filter((q) => q.dead.length > 0);
        for (const queue of changed) {
          const revived = queue.dead.map(({ deadAt: _at, reason: _why, ...entry }) => ({ ...entry, attempts: 0, notBefore: undefined }) as OutboxEntry);
          count += revived.length;
          queue.entries = [...revived, ...queue.entries].sort((a, b) => a.seq - b.seq);
          queue.dead = [];
        }
        const moved = changed.map((q) => q.target);
        return { set: [...changed.map(document), ...indexWrite(PENDING, pending, moved, []), ...indexWrite(DEAD, withDead, [], moved)], result: count };
      });
    });
  }

  prunePending(): Promise<void> {
    return this.serial("tidy the outbox index", async () => {
      const pending = (await this.keyv.get<Target[]>(PENDING)) ?? [];
      if (pending.length === 0) return;
      await this.documents(pending, [PENDING], (queues, [current]) => ({
        set: indexWrite(PENDING, current, [], queues.filter((q) => q.entries.length === 0).map((q) => q.target)),
        result: undefined,
      }));
    });
  }

  list(): Promise<TargetQueue[]> {
    return guarded("read the outbox", () => this.listQueues());
  }

  addToDigest(targets: readonly Target[], alert: Alert): Promise<void> {
    return this.serial("collect a digest", async () => {
      const unique = distinct(targets);
      if (unique.length === 0) return;
      await this.keyv.set(ALERT + alert.id, alert, ALERT_TTL_MS);
      const keys = unique.map((t) => DIGEST + targetKey(t));
      await this.atomic.update([...keys, DIGESTS], (values) => {
        const set: KeyWrite[] = keys.map((key, i) => {
          const bucket = (values[i] as DigestBucket | undefined) ?? { ids: [] };
          if (!bucket.ids.includes(alert.id)) bucket.ids.push(alert.id);
          return { key, value: bucket };
        });
        return { set: [...set, ...indexWrite(DIGESTS, values[keys.length], unique, [])], result: undefined };
      });
    });
  }

  /** Atomic: of two processes due to send the same digest, one takes the alerts and the other finds it sent. */
  takeDigest(target: Target, period: string): Promise<string[]> {
    const key = DIGEST + targetKey(target);
    return this.serial("take a digest", () =>
      this.atomic.update([key], ([found]) => {
        const bucket = (found as DigestBucket | undefined) ?? { ids: [] };
        if (bucket.lastPeriod === period || bucket.ids.length === 0) return { result: [] as string[] };
        return { set: [{ key, value: { ids: [], lastPeriod: period } }], result: bucket.ids };
      }),
    );
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
    return targets.map((target, i) => found[i] ?? emptyQueue(target));
  }

  /**
   * One atomic update of these targets' documents (empty ones for targets without) and of `others` (index
   * lists, digest buckets), whose current values `change` receives in the same order.
   */
  private documents<T>(targets: readonly Target[], others: readonly string[], change: (queues: TargetQueue[], others: unknown[]) => Mutation<T>): Promise<T> {
    const keys = [...targets.map((t) => QUEUE + targetKey(t)), ...others];
    return this.atomic.update(keys, (values) => {
      const queues = targets.map((target, i) => (values[i] as TargetQueue | undefined) ?? emptyQueue(target));
      return change(queues, values.slice(targets.length));
    });
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
      const targets = [...new Map(batch.map((u) => [targetKey(u.target), u.target])).values()];
      const indexes = [...new Set(batch.flatMap((u) => u.indexes))];
      await this.atomic.update([...targets.map((t) => QUEUE + targetKey(t)), ...indexes], (values) => {
        const docs = new Map(targets.map((t, i) => [targetKey(t), (values[i] as TargetQueue | undefined) ?? undefined]));
        for (const u of batch) {
          const doc = docs.get(targetKey(u.target));
          if (doc) u.change(doc);
        }
        const set = [...docs.values()].filter((d): d is TargetQueue => d !== undefined).map(document);
        const indexed = batch.filter((u) => docs.get(targetKey(u.target)));
        indexes.forEach((index, i) => {
          set.push(...indexWrite(index, values[targets.length + i], indexed.filter((u) => u.indexes.includes(index)).map((u) => u.target), []));
        });
        return { set, result: undefined };
      });
      for (const u of batch) u.resolve();
    } catch (error) {
      const failure = error instanceof StorageError ? error : new StorageError(`store failed to ${batch[0]?.what ?? "write the outbox"}: ${(error as Error).message}`, { cause: error });
      for (const u of batch) u.reject(failure);
    }
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

const emptyQueue = (target: Target): TargetQueue => ({ target, nextSeq: 1, entries: [], dead: [], recent: [] });

const document = (queue: TargetQueue): KeyWrite => ({ key: QUEUE + targetKey(queue.target), value: queue });

function distinct(targets: readonly Target[]): Target[] {
  return [...new Map(targets.map((t) => [targetKey(t), t])).values()];
}

/** The write of an index list of targets (pending, dead, digests) gaining and losing some; none when it does not change. */
function indexWrite(key: string, current: unknown, add: readonly Target[], remove: readonly Target[]): KeyWrite[] {
  const list = (current as Target[] | undefined) ?? [];
  const drop = new Set(remove.map(targetKey));
  const kept = list.filter((t) => !drop.has(targetKey(t)));
  const present = new Set(kept.map(targetKey));
  const added = add.filter((t) => !present.has(targetKey(t)) && present.add(targetKey(t)));
  if (added.length === 0 && kept.length === list.length) return [];
  return [{ key, value: [...kept, ...added] }];
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
