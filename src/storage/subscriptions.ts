import type Keyv from "keyv";
import type { SubscriptionStore } from "../core/ports.js";
import { inProcessUpdates, type AtomicUpdates, type KeyWrite } from "./atomic.js";
import {
  alertIndexKeys,
  migrateSubscription,
  storedIndexKeys,
  subscriptionMatches,
  targetKey,
  type MatchableAlert,
  type StoredSubscription,
  type Subscription,
  type Target,
} from "../core/subscription.js";
import { guarded } from "./guard.js";

/** `sub:telegram:-1001234` → the chat's Subscription. */
const SUB = "sub:";
/** `subs:by:j:JP`, `subs:by:t:stablecoin`, `subs:by:all` → target keys of the active subscriptions filed there. */
const BY = "subs:by:";
/** Every target key with a subscription, active or not: what `list` reads. */
const TARGETS = "subs:targets";

/**
 * Where a stored subscription is filed (see `subscriptionIndexKeys`). Records an older regwatch wrote (one
 * jurisdiction list and one topic list) are read as rules, and a re-put moves them out of their old lists.
 */
export const indexKeysOf = (subscription: StoredSubscription): string[] => storedIndexKeys(subscription);

const migrated = (stored: StoredSubscription | undefined): Subscription | undefined => (stored ? migrateSubscription(stored) : undefined);

/**
 * Keys per getMany. @keyv/sqlite pairs the rows it reads with the keys asked for by a linear search per key,
 * so one read of 40,000 keys cost half a minute; in chunks of this size the pairing stays linear overall.
 */
const READ_CHUNK = 500;

/** A change to one target: from what it has now (old records read as rules), its next subscription, or undefined to remove it. */
interface Change {
  key: string;
  next: (current: Subscription | undefined) => Subscription | undefined;
}

/** Rounds of "the subscription changed under us and needs index lists we did not lock" before giving up. */
const MAX_ROUNDS = 20;

/**
 * Subscriptions in keyv, one key per chat, with index lists by jurisdiction, by topic (topic-only
 * subscriptions) and "all". Every write reads and rewrites the chat's subscription, the index lists it
 * leaves and joins, and the list of targets in one atomic update of the backend, so writers in several
 * processes (the service, `regwatch chat`, a second instance) never lose each other's index entries.
 */
export class KeyvSubscriptionStore implements SubscriptionStore {
  private tail: Promise<unknown> = Promise.resolve();

  private readonly atomic: AtomicUpdates;

  /** Without `atomic` (a keyv only this process uses), updates are atomic within the process. */
  constructor(
    private readonly keyv: Keyv,
    atomic?: AtomicUpdates,
  ) {
    this.atomic = atomic ?? inProcessUpdates(keyv);
  }

  async get(target: Target): Promise<Subscription | undefined> {
    return guarded(`read the subscription of ${targetKey(target)}`, async () => migrated((await this.keyv.get<StoredSubscription>(SUB + targetKey(target))) ?? undefined));
  }

  async put(subscription: Subscription): Promise<void> {
    await this.putMany([subscription]);
  }

  /** Many subscriptions in one pass: each index list is read and written once, however many land in it (bulk loads). */
  async putMany(subscriptions: readonly Subscription[]): Promise<void> {
    if (subscriptions.length === 0) return;
    await this.serially("record subscriptions", () => this.apply(subscriptions.map((s) => ({ key: targetKey(s.target), next: () => s }))));
  }

  async remove(target: Target): Promise<boolean> {
    const key = targetKey(target);
    return this.serially(`remove the subscription of ${key}`, async () => (await this.apply([{ key, next: () => undefined }])) > 0);
  }

  async matching(alert: MatchableAlert): Promise<Subscription[]> {
    return (await this.matchingEach([alert]))[0] ?? [];
  }

  /** One read of the index lists every alert needs, one of the subscriptions they name; then each alert's, in memory. */
  async matchingEach(alerts: readonly MatchableAlert[]): Promise<Subscription[][]> {
    return guarded("find the subscriptions of alerts", async () => {
      const lookups = alerts.map(alertIndexKeys);
      const indexes = [...new Set(lookups.flat())];
      if (indexes.length === 0) return alerts.map(() => []);
      const lists = await this.keyv.getMany<string[]>(indexes.map((k) => BY + k));
      const listed = new Map(indexes.map((index, i) => [index, lists[i] ?? []]));
      const keys = [...new Set(lookups.flatMap((l) => l.flatMap((index) => listed.get(index) ?? [])))];
      if (keys.length === 0) return alerts.map(() => []);
      const read = await this.read<StoredSubscription>(keys.map((k) => SUB + k));
      const byKey = new Map(keys.map((k, i) => [k, migrated(read[i] ?? undefined)]));
      // The index narrows the reading; the rules decide (topic and keyword filters, a stale entry mid-write).
      return alerts.map((alert, a) => {
        const candidates = new Set(lookups[a]!.flatMap((index) => listed.get(index) ?? []));
        return [...candidates].map((k) => byKey.get(k)).filter((s): s is Subscription => !!s && s.active && subscriptionMatches(s, alert));
      });
    });
  }

  async deactivate(target: Target, reason: string, at: string): Promise<void> {
    const key = targetKey(target);
    await this.serially(`deactivate ${key}`, () =>
      this.apply([{ key, next: (current) => current && { ...current, active: false, inactiveReason: reason, inactiveSince: at, updatedAt: at } }]),
    );
  }

  /** The moved subscription replaces any the new target had: it is the one the chat's members set up. */
  async move(from: Target, to: Target): Promise<void> {
    const fromKey = targetKey(from);
    const toKey = targetKey(to);
    if (fromKey === toKey) return;
    await this.serially(`move ${fromKey} to ${toKey}`, () =>
      this.apply([], (current) => {
        const moving = current.get(fromKey);
        if (!moving) return [];
        return [
          { key: fromKey, next: () => undefined },
          { key: toKey, next: () => ({ ...moving, target: { ...to } }) },
        ];
      }, [fromKey, toKey]),
    );
  }

  async list(filter: { active?: boolean } = {}): Promise<Subscription[]> {
    return guarded("list subscriptions", async () => {
      const keys = (await this.keyv.get<string[]>(TARGETS)) ?? [];
      if (keys.length === 0) return [];
      const all = (await this.read<StoredSubscription>(keys.map((k) => SUB + k))).map((s) => migrated(s ?? undefined));
      return all.filter((s): s is Subscription => !!s && (filter.active === undefined || s.active === filter.active));
    });
  }

  private async read<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    const values: Array<T | undefined> = [];
    for (let i = 0; i < keys.length; i += READ_CHUNK) values.push(...(await this.keyv.getMany<T>(keys.slice(i, i + READ_CHUNK))));
    return values;
  }

  /** One write at a time, in call order; a failed write does not stop the ones queued after it. */
  private serially<T>(what: string, operation: () => Promise<T>): Promise<T> {
    const run = () => guarded(what, operation);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Writes the changes and moves each target between index lists as its filing changes (a re-put that drops
   * a jurisdiction leaves that list), all in one atomic update. Which index lists to lock depends on what
   * the subscriptions are now: they are read first, and if one changed meanwhile so that it is filed in a
   * list not locked, the update is not applied and runs again. `plan` derives changes from the current
   * subscriptions of `extraKeys` (a move). Returns how many targets had a subscription before.
   */
  private async apply(
    fixed: readonly Change[],
    plan?: (current: Map<string, Subscription | undefined>) => Change[],
    extraKeys: readonly string[] = [],
  ): Promise<number> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const targetKeys = [...new Set([...fixed.map((c) => c.key), ...extraKeys])];
      const read = await this.read<StoredSubscription>(targetKeys.map((k) => SUB + k));
      const guess = new Map(targetKeys.map((k, i) => [k, read[i] ?? undefined]));
      const guessed = [...fixed, ...(plan?.(readable(guess)) ?? [])];
      const lists = new Set<string>();
      for (const change of guessed) {
        const before = guess.get(change.key);
        const after = change.next(migrated(before));
        for (const index of [...(before ? indexKeysOf(before) : []), ...(after ? indexKeysOf(after) : [])]) lists.add(index);
      }
      const subKeys = [...new Set([...targetKeys, ...guessed.map((c) => c.key)])];
      const indexes = [...lists];
      const keys = [...subKeys.map((k) => SUB + k), TARGETS, ...indexes.map((i) => BY + i)];
      const outcome = await this.atomic.update(keys, (values) => {
        const current = new Map(subKeys.map((k, i) => [k, (values[i] as StoredSubscription | undefined) ?? undefined]));
        const byIndex = new Map(indexes.map((index, i) => [index, (values[subKeys.length + 1 + i] as string[] | undefined) ?? []]));
        const changes = [...new Map([...fixed, ...(plan?.(readable(current)) ?? [])].map((c) => [c.key, c])).values()]; // the last change of a target wins
        if (changes.some((c) => !current.has(c.key))) return { result: undefined };
        return planWrites(changes, current, byIndex, (values[subKeys.length] as string[] | undefined) ?? []);
      });
      if (outcome !== undefined) return outcome;
    }
    throw new Error(`subscriptions kept changing under ${MAX_ROUNDS} attempts to update them`);
  }
}

/**
 * The writes of one update: subscriptions, the index lists each leaves and joins, and the target list.
 * undefined result: an index list the change needs was not read (the caller locks it and runs again).
 */
function planWrites(
  changes: readonly Change[],
  current: ReadonlyMap<string, StoredSubscription | undefined>,
  byIndex: ReadonlyMap<string, readonly string[]>,
  targets: readonly string[],
): { set?: KeyWrite[]; delete?: string[]; result: number | undefined } {
  const additions = new Map<string, Set<string>>();
  const removals = new Map<string, Set<string>>();
  const file = (into: Map<string, Set<string>>, index: string, key: string) => into.set(index, (into.get(index) ?? new Set<string>()).add(key));
  let existed = 0;
  const adding = new Set<string>();
  const dropping = new Set<string>();
  const set: KeyWrite[] = [];
  const deleted: string[] = [];
  for (const { key, next: decide } of changes) {
    const before = current.get(key);
    const next = decide(migrated(before));
    if (before) existed++;
    if (next && !before) adding.add(key);
    if (!next && before) dropping.add(key);
    const was = new Set(before ? indexKeysOf(before) : []);
    const will = new Set(next ? indexKeysOf(next) : []);
    for (const index of was) if (!will.has(index)) file(removals, index, key);
    for (const index of will) if (!was.has(index)) file(additions, index, key);
    if (next) set.push({ key: SUB + key, value: next });
    else if (before) deleted.push(SUB + key);
  }
  for (const index of new Set([...additions.keys(), ...removals.keys()])) {
    const list = byIndex.get(index);
    if (!list) return { result: undefined };
    set.push({ key: BY + index, value: updated(list, additions.get(index), removals.get(index)) });
  }
  if (adding.size > 0 || dropping.size > 0) set.push({ key: TARGETS, value: updated(targets, adding, dropping) });
  return { set, delete: deleted, result: existed };
}

/** The stored records of a map, read as rules. */
function readable(stored: ReadonlyMap<string, StoredSubscription | undefined>): Map<string, Subscription | undefined> {
  return new Map([...stored].map(([key, value]) => [key, migrated(value)]));
}

/** A new list: the old one without `remove`, then `add` that it lacks. Never mutates what keyv returned. */
function updated(list: readonly string[], add: ReadonlySet<string> | undefined, remove: ReadonlySet<string> | undefined): string[] {
  const kept = remove && remove.size > 0 ? list.filter((k) => !remove.has(k)) : [...list];
  if (add && add.size > 0) {
    const present = new Set(kept);
    for (const key of add) if (!present.has(key)) kept.push(key);
  }
  return kept;
}
