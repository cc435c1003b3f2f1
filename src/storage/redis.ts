import { EventEmitter } from "node:events";
import { createClient, WatchError } from "@redis/client";
import { Mutex, type AtomicUpdates, type Codec, type Mutation } from "./atomic.js";

type Client = ReturnType<typeof createClient>;

/** How long opening waits for the server before the store counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Conflicting writers are few (a service and a CLI); past this many retries something is wrong. */
const MAX_CONFLICTS = 100;

/**
 * A keyv store adapter on Redis that fails loudly. @keyv/redis answers "not found" and "done" when a
 * command fails, whatever keyv's throwOnErrors says, and queues commands while disconnected until the
 * server returns; a store that silently forgets what was seen re-alerts old news, so this one rejects
 * every failed command, and fails commands at once while the connection is down (it reconnects by itself).
 */
export class RedisKv extends EventEmitter {
  readonly opts: { dialect: string; url: string };
  namespace: string | undefined;
  private readonly client: Client;
  /** WATCH belongs to a connection: atomic updates have their own, used one at a time. */
  private readonly tx: Client;
  private readonly mutex = new Mutex();
  /** Until the first connection, a refusal ends the attempt (the store URL is wrong or the server is down). */
  private opened = false;

  private constructor(url: string) {
    super();
    this.opts = { dialect: "redis", url };
    const options = {
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries: number, cause: Error) => (this.opened ? Math.min(50 * 2 ** retries, 2_000) : cause),
      },
    };
    this.client = createClient(options);
    this.tx = createClient(options);
    // A dropped connection is reported here as well as to the command that failed; the command's rejection
    // is what callers act on, so the event only needs a listener (an unheard 'error' would end the process).
    for (const client of [this.client, this.tx]) client.on("error", (error: unknown) => this.emit("connection-error", error));
  }

  static async open(url: string): Promise<RedisKv> {
    const store = new RedisKv(url);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([store.client.connect(), store.tx.connect()]),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      store.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    store.opened = true;
    return store;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(key)) ?? undefined;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    if (keys.length === 0) return [];
    return (await this.client.mGet(keys)).map((value) => value ?? undefined);
  }

  async set(key: string, value: string, ttl?: number): Promise<boolean> {
    await (typeof ttl === "number" && ttl > 0 ? this.client.set(key, value, { PX: ttl }) : this.client.set(key, value));
    return true;
  }

  async setMany(entries: Array<{ key: string; value: string; ttl?: number }>): Promise<boolean[]> {
    const multi = this.client.multi();
    for (const { key, value, ttl } of entries) {
      if (typeof ttl === "number" && ttl > 0) multi.set(key, value, { PX: ttl });
      else multi.set(key, value);
    }
    await multi.exec();
    return entries.map(() => true);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.del(key)) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    return (await this.client.del(keys)) > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.client.exists(key)) > 0;
  }

  async clear(): Promise<void> {
    const pattern = this.namespace ? `${this.namespace}:*` : "*";
    for await (const keys of this.client.scanIterator({ MATCH: pattern, COUNT: 500 })) if (keys.length > 0) await this.client.unlink(keys);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  /** Optimistic: WATCH the keys, read them, queue the writes in MULTI; EXEC fails if another client wrote one, and it runs again. */
  atomic(codec: Codec): AtomicUpdates {
    return {
      update: <T>(keys: readonly string[], change: (values: unknown[]) => Mutation<T>) =>
        this.mutex.run(async () => {
          const raw = keys.map(codec.rawKey);
          for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            if (raw.length > 0) await this.tx.watch(raw);
            const values = raw.length > 0 ? (await this.tx.mGet(raw)).map((v) => codec.decode(v)) : [];
            let mutation: Mutation<T>;
            try {
              mutation = change(values);
            } catch (error) {
              await this.tx.unwatch();
              throw error;
            }
            const sets = mutation.set ?? [];
            const deletes = mutation.delete ?? [];
            if (sets.length === 0 && deletes.length === 0) {
              await this.tx.unwatch();
              return mutation.result;
            }
            const multi = this.tx.multi();
            for (const write of sets) {
              const value = codec.encode(write);
              if (write.ttlMs !== undefined) multi.set(codec.rawKey(write.key), value, { PX: Math.max(1, Math.round(write.ttlMs)) });
              else multi.set(codec.rawKey(write.key), value);
            }
            if (deletes.length > 0) multi.del(deletes.map(codec.rawKey));
            try {
              await multi.exec();
              return mutation.result;
            } catch (error) {
              if (error instanceof WatchError) continue;
              throw error;
            }
          }
          throw new Error(`gave up after ${MAX_CONFLICTS} conflicting writes to the same keys`);
        }),
    };
  }

  /** Waits a moment for replies in flight, not for ever: a server that stopped answering never sends them. */
  async disconnect(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([this.client.close(), this.tx.close()]),
      new Promise((resolve) => (timer = setTimeout(resolve, 1_000))),
    ]);
    clearTimeout(timer);
    this.destroy();
  }

  private destroy(): void {
    for (const client of [this.client, this.tx]) {
      try {
        client.destroy();
      } catch {
        /* already closed */
      }
    }
  }
}
