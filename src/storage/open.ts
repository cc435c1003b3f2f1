import { mkdirSync } from "node:fs";
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

/**
 * Opens the store named by a URL: `sqlite://path` (relative to the working directory),
 * `redis://…`, `postgres://…`, or `memory://` (tests and dry runs). Adapters load lazily,
 * so an SQLite user never loads a Redis client.
 */
export async function openStore(url: string): Promise<Store> {
  const scheme = url.split(":", 1)[0]?.toLowerCase() ?? "";
  let adapter: KeyvStoreAdapter | undefined;
  let where = redact(url);
  try {
    switch (scheme) {
      case "sqlite": {
        const path = url.replace(/^sqlite:\/\//i, "");
        if (!path) throw new StorageError("store URL sqlite:// needs a file path, e.g. sqlite://data/regwatch.sqlite");
        const file = path === ":memory:" ? path : resolve(path);
        if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
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
  return {
    keyv,
    kind: scheme === "memory" ? "memory" : scheme.replace(/ql$|s$/, "") || scheme,
    where,
    close: async () => {
      await keyv.disconnect();
    },
  };
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
