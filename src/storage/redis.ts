import KeyvRedis from "@keyv/redis";
import { createClient, WatchError } from "@redis/client";
import { Mutex, type AtomicUpdates, type Codec, type Mutation, type UpdateOptions } from "./atomic.js";

type Client = ReturnType<typeof createClient>;

/** How long opening waits for the server before the store counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Conflicting writers are few (a service and a CLI); past this many retries something is wrong. */
const MAX_CONFLICTS = 100;

/**
 * Redis behind keyv: @keyv/redis on a client regwatch configures. Left to its defaults, @keyv/redis answers
 * "not found" and "done" when a command fails (its own `throwOnErrors` is off, and keyv's does not reach it)
 * and its client queues commands while disconnected until the server returns; a store that silently forgets
 * what was seen re-alerts old news. So the adapter throws on every error, and the client fails commands at
 * once while the connection is down (it reconnects by itself). Atomic updates need WATCH, which belongs to a
 * connection: they run on a second connection made from the same options, one at a time.
 */
export class RedisBackend {
  readonly adapter: KeyvRedis<string>;
  private readonly tx: Client;
  private readonly mutex = new Mutex();
  /** Until the first connection, a refusal ends the attempt (the store URL is wrong or the server is down). */
  private opened = false;

  private constructor(private readonly client: Client) {
    this.tx = client.duplicate();
    // A dropped connection is reported here as well as to the command that failed; the command's rejection
    // is what callers act on, so the event only needs a listener (an unheard 'error' would end the process).
    this.tx.on("error", () => undefined);
    // keyv's namespace ("keyv") is applied by the adapter with keyv's own separator: keys stay "keyv:seen:…".
    this.adapter = new KeyvRedis<string>(client as never, { throwOnErrors: true, keyPrefixSeparator: ":" });
    // The connection is opened, re-established and closed here; the adapter would open it again after close.
    this.adapter.getClient = async () => {
      if (!client.isOpen) throw new Error("the Redis connection is closed");
      return client as never;
    };
  }

  static async open(url: string): Promise<RedisBackend> {
    let backend: RedisBackend | undefined;
    const client: Client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries: number, cause: Error) => (backend?.opened ? Math.min(50 * 2 ** retries, 2_000) : cause),
      },
    });
    client.on("error", () => undefined);
    backend = new RedisBackend(client);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([client.connect(), backend.tx.connect()]),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      backend.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    backend.opened = true;
    return backend;
  }

  /** The key as the adapter writes it, for atomic updates on the same keys. */
  storeKey(key: string): string {
    return this.adapter.createKeyPrefix(key, this.adapter.namespace);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  /** Optimistic: WATCH the keys, read them, queue the writes in MULTI; EXEC fails if another client wrote one, and it runs again. */
  atomic(codec: Codec): AtomicUpdates {
    return {
      update: <T>(keys: readonly string[], change: (values: unknown[], now: number) => Mutation<T>, options?: UpdateOptions) =>
        this.mutex.run(async () => {
          const raw = keys.map(codec.rawKey);
          for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            if (raw.length > 0) await this.tx.watch(raw);
            const [found, time] = await Promise.all([raw.length > 0 ? this.tx.mGet(raw) : [], options?.storeClock ? this.tx.time() : undefined]);
            const values = found.map((v) => codec.decode(v));
            // The server's clock (TIME, read under the same WATCH) when asked: every instance judges by it.
            const now = time ? Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000) : Date.now();
            let mutation: Mutation<T>;
            try {
              mutation = change(values, now);
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

  /**
   * Waits a moment for replies in flight, not for ever: a server that stopped answering never sends them
   * (the adapter's own disconnect would wait for them).
   */
  async close(): Promise<void> {
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
