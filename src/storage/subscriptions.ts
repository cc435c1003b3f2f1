import type Keyv from "keyv";
import type { SubscriptionStore } from "../core/ports.js";
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

/**
 * Keys per getMany. @keyv/sqlite pairs the rows it reads with the keys asked for by a linear search per key,
 * so one read of 40,000 keys cost half a minute; in chunks of this size the pairing stays linear overall.
 */
const READ_CHUNK = 500;

/** A change to one target: its next subscription, or undefined to remove it. */
interface Change {
  key: string;
  next: Subscription | undefined;
}

/**
 * Subscriptions in keyv, one key per chat, with index lists by jurisdiction, by topic (rules for every
 * jurisdiction) and "all". Writes run one at a time through a promise chain, so two commands in this
 * process never interleave their read-modify-write of an index list. (Another process writing at the same
 * moment, such as a CLI beside the service, could still lose an index update: writes belong to one process.)
 */
export class KeyvSubscriptionStore implements SubscriptionStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly keyv: Keyv) {}

  async get(target: Target): Promise<Subscription | undefined> {
    return guarded(`read the subscription of ${targetKey(target)}`, async () => {
      const stored = await this.keyv.get<StoredSubscription>(SUB + targetKey(target));
      return stored ? migrateSubscription(stored) : undefined;
    });
  }

  async put(subscription: Subscription): Promise<void> {
    await this.putMany([subscription]);
  }

  /** Many subscriptions in one pass: each index list is read and written once, however many land in it (bulk loads). */
  async putMany(subscriptions: readonly Subscription[]): Promise<void> {
    if (subscriptions.length === 0) return;
    await this.serially("record subscriptions", () => this.apply(subscriptions.map((s) => ({ key: targetKey(s.target), next: s }))));
  }

  async remove(target: Target): Promise<boolean> {
    const key = targetKey(target);
    return this.serially(`remove the subscription of ${key}`, async () => (await this.apply([{ key, next: undefined }])) > 0);
  }

  async matching(alert: MatchableAlert): Promise<Subscription[]> {
    return guarded("find the subscriptions of an alert", async () => {
      const lists = await this.keyv.getMany<string[]>(alertIndexKeys(alert).map((k) => BY + k));
      const keys = new Set<string>();
      for (const list of lists) for (const key of list ?? []) keys.add(key);
      if (keys.size === 0) return [];
      const stored = await this.read<StoredSubscription>([...keys].map((k) => SUB + k));
      // The index narrows the reading; the rules decide (topic and keyword filters, a stale entry mid-write).
      return stored.flatMap((s) => (s ? [migrateSubscription(s)] : [])).filter((s) => s.active && subscriptionMatches(s, alert));
    });
  }

  async deactivate(target: Target, reason: string, at: string): Promise<void> {
    const key = targetKey(target);
    await this.serially(`deactivate ${key}`, async () => {
      const stored = await this.keyv.get<StoredSubscription>(SUB + key);
      if (!stored) return;
      const current = migrateSubscription(stored);
      await this.apply([{ key, next: { ...current, active: false, inactiveReason: reason, inactiveSince: at, updatedAt: at } }]);
    });
  }

  /** The moved subscription replaces any the new target had: it is the one the chat's members set up. */
  async move(from: Target, to: Target): Promise<void> {
    const fromKey = targetKey(from);
    const toKey = targetKey(to);
    if (fromKey === toKey) return;
    await this.serially(`move ${fromKey} to ${toKey}`, async () => {
      const stored = await this.keyv.get<StoredSubscription>(SUB + fromKey);
      if (!stored) return;
      const current = migrateSubscription(stored);
      await this.apply([
        { key: fromKey, next: undefined },
        { key: toKey, next: { ...current, target: { ...to } } },
      ]);
    });
  }

  async list(filter: { active?: boolean } = {}): Promise<Subscription[]> {
    return guarded("list subscriptions", async () => {
      const keys = (await this.keyv.get<string[]>(TARGETS)) ?? [];
      if (keys.length === 0) return [];
      const all = await this.read<StoredSubscription>(keys.map((k) => SUB + k));
      return all.flatMap((s) => (s ? [migrateSubscription(s)] : [])).filter((s) => filter.active === undefined || s.active === filter.active);
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
   * a jurisdiction leaves that list). Subscriptions and index lists go in one setMany (one statement on
   * SQLite); removed subscriptions are deleted afterwards, and a stale index entry meanwhile is harmless
   * because `matching` re-checks what it reads. Returns how many targets had a subscription before.
   */
  private async apply(input: readonly Change[]): Promise<number> {
    const changes = [...new Map(input.map((c) => [c.key, c])).values()]; // the last change of a target wins
    const previous = await this.read<StoredSubscription>(changes.map((c) => SUB + c.key));
    const additions = new Map<string, Set<string>>();
    const removals = new Map<string, Set<string>>();
    const file = (into: Map<string, Set<string>>, index: string, key: string) => {
      const set = into.get(index) ?? new Set<string>();
      into.set(index, set.add(key));
    };
    let existed = 0;
    let targetsChanged = false;
    changes.forEach(({ key, next }, i) => {
      const before = previous[i] ?? undefined;
      if (before) existed++;
      if (!before !== !next) targetsChanged = true;
      const was = new Set(before ? indexKeysOf(before) : []);
      const will = new Set(next ? indexKeysOf(next) : []);
      for (const index of was) if (!will.has(index)) file(removals, index, key);
      for (const index of will) if (!was.has(index)) file(additions, index, key);
    });

    const indexes = [...new Set([...additions.keys(), ...removals.keys()])];
    const lists = indexes.length > 0 ? await this.keyv.getMany<string[]>(indexes.map((k) => BY + k)) : [];
    const writes: Array<{ key: string; value: unknown }> = indexes.map((index, i) => ({
      key: BY + index,
      value: updated(lists[i] ?? [], additions.get(index), removals.get(index)),
    }));
    if (targetsChanged) {
      const adding = new Set(changes.filter((c, i) => c.next && !previous[i]).map((c) => c.key));
      const dropping = new Set(changes.filter((c, i) => !c.next && previous[i]).map((c) => c.key));
      writes.push({ key: TARGETS, value: updated((await this.keyv.get<string[]>(TARGETS)) ?? [], adding, dropping) });
    }
    for (const { key, next } of changes) if (next) writes.push({ key: SUB + key, value: next });
    if (writes.length > 0) await this.keyv.setMany(writes);
    const deleted = changes.filter((c, i) => !c.next && previous[i]).map((c) => SUB + c.key);
    if (deleted.length > 0) await this.keyv.deleteMany(deleted);
    return existed;
  }
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
