import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import { StorageError } from "../core/errors.js";
import { inProcessUpdates, keyvCodec, type AtomicUpdates } from "./atomic.js";
import { boundAdapter, boundCall, boundUpdates, type OperationCount } from "./bounded.js";

/** One keyv over the configured backend. Keys are prefixed by the stores themselves ("seen:", "feed:"). */
export interface Store {
  keyv: Keyv;
  /** Read-modify-write of shared documents with no other writer in between, in any process. */
  atomic: AtomicUpdates;
  /** "sqlite", "redis", "postgres" or "memory". */
  kind: string;
  /** A description safe to log: no password. */
  where: string;
  /** Round trips made so far (adapter calls and atomic updates; for an in-process store, keyv calls are not counted). */
  operations: OperationCount;
  /** Resolves when the backend answers; a StorageError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How long opening a store may take, first answer included, and any one operation after, unless the caller says otherwise. */
export const STORE_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Connecting, the first read and any one store operation must finish within this; else a StorageError. */
  timeoutMs?: number;
}

/**
 * Opens the store named by a URL: `sqlite://path` (relative to the working directory),
 * `redis://…`, `postgres://…`, or `memory://` (tests and dry runs). Adapters load lazily,
 * so an SQLite user never loads a Redis client. The store must answer a first read within the
 * timeout: an unreachable server fails here, in one line, instead of hanging the first command.
 */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const timeoutMs = options.timeoutMs ?? STORE_TIMEOUT_MS;
  let store: Store | undefined;
  try {
    const connecting = connect(url, timeoutMs);
    store = await withinTimeout(connecting, timeoutMs, `no answer within ${timeoutMs / 1000} s`);
    await withinTimeout(store.keyv.get("store:probe"), timeoutMs, `no answer within ${timeoutMs / 1000} s`);
    return store;
  } catch (error) {
    // A client still reconnecting would keep the process alive: let it go, without waiting on it.
    if (store) void withinTimeout(store.close(), 1_000, "").catch(() => {});
    if (error instanceof StorageError && !store) throw error;
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 200) : String(error);
    throw new StorageError(`cannot use the store ${store?.where ?? redact(url)}: ${reason || "connection failed"}`, { cause: error });
  }
}

async function connect(url: string, timeoutMs: number): Promise<Store> {
  const operations: OperationCount = { count: 0 };
  const scheme = url.split(":", 1)[0]?.toLowerCase() ?? "";
  let where = redact(url);
  // throwOnErrors: a failing backend must raise, never answer "not found" (that would re-alert old news).
  // Plain JSON: every value regwatch stores is plain data, and keyv's default reviver (for Buffers and
  // BigInts) made reading 40,000 subscriptions several times slower.
  const keyvOptions = { throwOnErrors: true, serialize: JSON.stringify, deserialize: JSON.parse };
  const make = (adapter?: KeyvStoreAdapter, extra: { useKeyPrefix?: boolean } = {}): Keyv => {
    const keyv = adapter ? new Keyv({ store: boundAdapter(adapter, timeoutMs, operations), ...keyvOptions, ...extra }) : new Keyv(keyvOptions);
    keyv.on("error", () => {
      /* raised to the caller through throwOnErrors; the listener keeps the emitter from crashing the process */
    });
    return keyv;
  };
  try {
    switch (scheme) {
      case "sqlite": {
        const path = url.replace(/^sqlite:\/\//i, "");
        if (!path) throw new StorageError("store URL sqlite:// needs a file path, e.g. sqlite://data/regwatch.sqlite");
        const file = path === ":memory:" ? path : resolve(path);
        if (file !== ":memory:") makeDirectories(dirname(file));
        where = `sqlite://${file}`;
        const { openSqlite } = await import("./sqlite.js");
        const sqlite = await openSqlite(file);
        if (file === ":memory:") {
          const keyv = make(sqlite as unknown as KeyvStoreAdapter);
          return inProcess(keyv, "sqlite", where, () => keyv.disconnect(), operations);
        }
        const { SqliteAtomic } = await import("./sqlite-atomic.js");
        const atomic = await SqliteAtomic.open(file, sqlite.opts.table as string, keyvCodec(new Keyv(keyvOptions)), 10_000);
        const writes = sqlite as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
        for (const name of ["set", "setMany", "delete", "deleteMany", "clear"]) {
          const write = writes[name]!.bind(sqlite);
          writes[name] = (...args: unknown[]) => atomic.exclusive(() => write(...args));
        }
        const keyv = make(sqlite as unknown as KeyvStoreAdapter);
        const ping = () => boundCall(timeoutMs, "ping", async () => void (await sqlite.query("SELECT 1")));
        const close = async () => void (await Promise.all([keyv.disconnect(), atomic.close()]));
        return { keyv, atomic: boundUpdates(atomic, timeoutMs, operations), kind: "sqlite", where, operations, ping, close };
      }
      case "redis":
      case "rediss": {
        const { RedisBackend } = await import("./redis.js");
        const redis = await RedisBackend.open(url);
        // @keyv/redis prefixes keys with keyv's namespace itself.
        const keyv = make(redis.adapter as unknown as KeyvStoreAdapter, { useKeyPrefix: false });
        const atomic = redis.atomic(keyvCodec(keyv, (key) => redis.storeKey(key)));
        const ping = () => boundCall(timeoutMs, "ping", () => redis.ping());
        return { keyv, atomic: boundUpdates(atomic, timeoutMs, operations), kind: "redis", where, operations, ping, close: () => redis.close() };
      }
      case "postgres":
      case "postgresql": {
        const { PostgresBackend } = await import("./postgres.js");
        const postgres = await PostgresBackend.open(url);
        const keyv = make(postgres.adapter as unknown as KeyvStoreAdapter);
        const ping = () => boundCall(timeoutMs, "ping", () => postgres.ping());
        return { keyv, atomic: boundUpdates(postgres.atomic(keyvCodec(keyv)), timeoutMs, operations), kind: "postgres", where, operations, ping, close: () => postgres.close() };
      }
      case "memory": {
        const keyv = make();
        return inProcess(keyv, "memory", where, async () => undefined);
      }
      default:
        throw new StorageError(`unsupported store URL scheme "${scheme}:" (use sqlite://, redis://, postgres:// or memory://)`);
    }
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot open the store ${where}: ${(error as Error).message}`, { cause: error });
  }
}

/** A store only this process uses (memory, an in-memory SQLite database). */
function inProcess(keyv: Keyv, kind: string, where: string, close: () => Promise<void>, operations: OperationCount = { count: 0 }): Store {
  return { keyv, atomic: inProcessUpdates(keyv), kind, where, operations, ping: async () => undefined, close };
}

function withinTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `mkdir -p`, level by level: Node's recursive mkdirSync spins for ever on a path under /proc, where
 * mkdir keeps answering ENOENT.
 */
export function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) mkdirSync(level);
}

/** Drops the password of a URL so it can be logged. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//***@");
  }
}
