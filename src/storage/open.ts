import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import { StorageError } from "../core/errors.js";

/** One keyv over the configured backend. Keys are prefixed by the stores themselves ("seen:", "feed:"). */
export interface Store {
  keyv: Keyv;
  /** "sqlite", "redis", "postgres" or "memory". */
  kind: string;
  /** A description safe to log: no password. */
  where: string;
  close(): Promise<void>;
}

/** How long opening a store may take, first answer included, unless the caller says otherwise. */
export const STORE_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Connecting and the first read must finish within this; else a StorageError (default STORE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Opens the store named by a URL: `sqlite://path` (relative to the working directory),
 * `redis://…`, `postgres://…`, or `memory://` (tests and dry runs). Adapters load lazily,
 * so an SQLite user never loads a Redis client. The store must answer a first read within the
 * timeout: an unreachable server fails here, in one line, instead of hanging the first command.
 */
export async function openStore(url: string, open: OpenOptions = {}): Promise<Store> {
  const timeoutMs = open.timeoutMs ?? STORE_TIMEOUT_MS;
  const scheme = url.split(":", 1)[0]?.toLowerCase() ?? "";
  let adapter: KeyvStoreAdapter | undefined;
  let where = redact(url);
  try {
    switch (scheme) {
      case "sqlite": {
        const path = url.replace(/^sqlite:\/\//i, "");
        if (!path) throw new StorageError("store URL sqlite:// needs a file path, e.g. sqlite://data/regwatch.sqlite");
        const file = path === ":memory:" ? path : resolve(path);
        if (file !== ":memory:") makeDirectories(dirname(file));
        const { openSqlite } = await import("./sqlite.js");
        adapter = (await openSqlite(file)) as unknown as KeyvStoreAdapter;
        where = `sqlite://${file}`;
        break;
      }
      case "redis":
      case "rediss": {
        const { default: KeyvRedis } = await import("@keyv/redis");
        adapter = new KeyvRedis(url) as unknown as KeyvStoreAdapter;
        break;
      }
      case "postgres":
      case "postgresql": {
        const { default: KeyvPostgres } = await import("@keyv/postgres");
        adapter = new KeyvPostgres({ uri: url }) as unknown as KeyvStoreAdapter;
        break;
      }
      case "memory":
        break;
      default:
        throw new StorageError(`unsupported store URL scheme "${scheme}:" (use sqlite://, redis://, postgres:// or memory://)`);
    }
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot open the store ${where}: ${(error as Error).message}`, { cause: error });
  }

  // throwOnErrors: a failing backend must raise, never answer "not found" (that would re-alert old news).
  // Plain JSON: every value regwatch stores is plain data, and keyv's default reviver (for Buffers and
  // BigInts) made reading 40,000 subscriptions several times slower.
  const options = { throwOnErrors: true, serialize: JSON.stringify, deserialize: JSON.parse };
  const keyv = adapter ? new Keyv({ store: adapter, ...options }) : new Keyv(options);
  keyv.on("error", () => {
    /* raised to the caller through throwOnErrors; the listener keeps the emitter from crashing the process */
  });
  const close = async (): Promise<void> => {
    await keyv.disconnect();
  };
  try {
    await withinTimeout(keyv.get("store:probe"), timeoutMs, `no answer within ${timeoutMs / 1000} s`);
  } catch (error) {
    // A client still reconnecting would keep the process alive: let it go, without waiting on it.
    void withinTimeout(close(), 1_000, "").catch(() => {});
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 200) : String(error);
    throw new StorageError(`cannot use the store ${where}: ${reason || "connection failed"}`, { cause: error });
  }
  return {
    keyv,
    kind: scheme === "memory" ? "memory" : scheme.replace(/ql$|s$/, "") || scheme,
    where,
    close,
  };
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
function makeDirectories(dir: string): void {
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
