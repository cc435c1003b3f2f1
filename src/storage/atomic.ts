import type Keyv from "keyv";

/** A value to write in an atomic update; `ttlMs` makes it expire as keyv's own TTL does. */
export interface KeyWrite {
  key: string;
  value: unknown;
  ttlMs?: number;
}

/** What an atomic update writes and deletes, and what it returns to its caller. */
export interface Mutation<T> {
  set?: KeyWrite[];
  delete?: string[];
  result: T;
}

/** How an atomic update is to be made. */
export interface UpdateOptions {
  /**
   * Give `change` the time by the store's own clock (PostgreSQL's `clock_timestamp()`, Redis' `TIME`), read
   * inside the update, so that instances on several hosts judge times in the store by one clock. SQLite and
   * in-process stores live on one machine: their clock is this process's.
   */
  storeClock?: boolean;
}

/**
 * Read-modify-write of several keys with no other writer in between, in this process or any other sharing
 * the store: an SQLite write transaction, a Postgres transaction holding advisory locks on the keys, or a
 * Redis WATCH/MULTI that is retried when another client changed a watched key. keyv's own interface has no
 * such operation, so every backend implements this one beside its keyv adapter, on the same keys and values.
 */
export interface AtomicUpdates {
  /**
   * Reads `keys` (undefined where absent or expired), lets `change` decide, and applies its writes.
   * `change` may run more than once (after a conflict), so it must only compute from what it is given.
   * Writes and deletes should stay within `keys`: only those are protected. `now` is the time in ms since
   * the epoch: this process's clock, or the store's with `storeClock`. `change` may throw to write nothing.
   */
  update<T>(keys: readonly string[], change: (values: Array<unknown>, now: number) => Mutation<T>, options?: UpdateOptions): Promise<T>;
}

/** How keyv lays keys and values out in the backend, so atomic updates and keyv read and write the same rows. */
export interface Codec {
  rawKey(key: string): string;
  encode(write: KeyWrite): string;
  /** undefined when absent or expired. */
  decode(raw: string | null | undefined): unknown;
}

/** `storeKey`: the key as an adapter that applies the namespace itself (@keyv/redis) writes it. */
export function keyvCodec(keyv: Keyv, storeKey: (key: string) => string = (key) => key): Codec {
  const namespace = keyv.namespace;
  return {
    rawKey: (key) => storeKey(namespace && keyv.useKeyPrefix ? `${namespace}:${key}` : key),
    encode: ({ value, ttlMs }) => JSON.stringify({ value, expires: ttlMs === undefined ? undefined : Date.now() + ttlMs }),
    decode: (raw) => {
      if (raw === null || raw === undefined) return undefined;
      const data = JSON.parse(raw) as { value: unknown; expires?: number | null };
      if (typeof data.expires === "number" && Date.now() > data.expires) return undefined;
      return data.value;
    },
  };
}

/** One at a time within this process: the backends' transactions run on one dedicated connection. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Atomic updates for a store no other process writes (memory://, an in-memory SQLite database, a bare keyv
 * in tests): one update at a time through keyv itself.
 */
export function inProcessUpdates(keyv: Keyv): AtomicUpdates {
  const mutex = new Mutex();
  return {
    update: <T>(keys: readonly string[], change: (values: unknown[], now: number) => Mutation<T>) =>
      mutex.run(async () => {
        const values = keys.length > 0 ? await keyv.getMany<unknown>([...keys]) : [];
        const mutation = change(values.map((v) => v ?? undefined), Date.now());
        for (const write of mutation.set ?? []) await keyv.set(write.key, write.value, write.ttlMs);
        if (mutation.delete?.length) await keyv.deleteMany(mutation.delete);
        return mutation.result;
      }),
  };
}
