import type Keyv from "keyv";
import type { SubscriptionStore } from "../core/ports.js";
import { subscriptionMatches, targetKey, type Subscription, type Target } from "../core/subscription.js";
import { guarded } from "./guard.js";

/** `sub:telegram:-1001234` → the chat's Subscription. */
const SUB = "sub:";
/** `subs:by:j:JP`, `subs:by:t:stablecoin`, `subs:by:all` → target keys of the active subscriptions filed there. */
const BY = "subs:by:";
/** Every target key with a subscription, active or not: what `list` reads. */
const TARGETS = "subs:targets";

/**
 * Where an active subscription is filed so that `matching` finds it from an alert's jurisdictions and topics:
 * under "all", or under each of its jurisdictions, or (topic-only: every jurisdiction) under each topic.
 * Every subscription that `subscriptionMatches` an alert is filed under at least one of `lookupKeys(alert)`;
 * the topic filter of a jurisdiction subscription is checked after reading. Inactive ones are filed nowhere.
 */
export function indexKeysOf(subscription: Subscription): string[] {
  if (!subscription.active) return [];
  const { jurisdictions, topics } = subscription;
  if (jurisdictions.includes("all")) return ["all"];
  if (jurisdictions.length === 0) return [...new Set(topics)].map((t) => `t:${t}`);
  return [...new Set(jurisdictions)].map((j) => `j:${j}`);
}

function lookupKeys(alert: { jurisdictions: readonly string[]; topics: readonly string[] }): string[] {
  return [...new Set(["all", ...alert.jurisdictions.map((j) => `j:${j}`), ...alert.topics.map((t) => `t:${t}`)])];
}

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
 * Subscriptions in keyv, one key per chat, with index lists by jurisdiction, by topic (topic-only
 * subscriptions) and "all". Writes run one at a time through a promise chain, so two commands in this
 * process never interleave their read-modify-write of an index list. (Another process writing at the same
 * moment, such as a CLI beside the service, could still lose an index update: writes belong to one process.)
 */
export class KeyvSubscriptionStore implements SubscriptionStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly keyv: Keyv) {}

  async get(target: Target): Promise<Subscription | undefined> {
    return guarded(`read the subscription of ${targetKey(target)}`, async () => (await this.keyv.get<Subscription>(SUB + targetKey(target))) ?? undefined);
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

  async matching(alert: { jurisdictions: readonly string[]; topics: readonly string[] }): Promise<Subscription[]> {
    return guarded("find the subscriptions of an alert", async () => {
      const lists = await this.keyv.getMany<string[]>(lookupKeys(alert).map((k) => BY + k));
      const keys = new Set<string>();
      for (const list of lists) for (const key of list ?? []) keys.add(key);
      if (keys.size === 0) return [];
      const subscriptions = await this.read<Subscription>([...keys].map((k) => SUB + k));
      // The index narrows the reading; the one matching rule decides (topic filters, a stale entry mid-write).
      return subscriptions.filter((s): s is Subscription => !!s && s.active && subscriptionMatches(s, alert));
    });
  }

  async deactivate(target: Target, reason: string, at: string): Promise<void> {
    const key = targetKey(target);
    await this.serially(`deactivate ${key}`, async () => {
      const current = await this.keyv.get<Subscription>(SUB + key);
      if (!current) return;
      await this.apply([{ key, next: { ...current, active: false, inactiveReason: reason, inactiveSince: at, updatedAt: at } }]);
    });
  }

  /** The moved subscription replaces any the new target had: it is the one the chat's members set up. */
  async move(from: Target, to: Target): Promise<void> {
    const fromKey = targetKey(from);
    const toKey = targetKey(to);
    if (fromKey === toKey) return;
    await this.serially(`move ${fromKey} to ${toKey}`, async () => {
      const current = await this.keyv.get<Subscription>(SUB + fromKey);
      if (!current) return;
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
      const all = await this.read<Subscription>(keys.map((k) => SUB + k));
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
   * a jurisdiction leaves that list). Subscriptions and index lists go in one setMany (one statement on
   * SQLite); removed subscriptions are deleted afterwards, and a stale index entry meanwhile is harmless
   * because `matching` re-checks what it reads. Returns how many targets had a subscription before.
   */
  private async apply(input: readonly Change[]): Promise<number> {
    const changes = [...new Map(input.map((c) => [c.key, c])).values()]; // the last change of a target wins
    const previous = await this.read<Subscription>(changes.map((c) => SUB + c.key));
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
