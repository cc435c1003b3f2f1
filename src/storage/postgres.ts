import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { Mutex, type AtomicUpdates, type Codec, type Mutation } from "./atomic.js";

const TABLE = "keyv";
/** Longer keys (a 2,000-character link) are stored by digest: a B-tree entry must fit in a third of a page. */
const MAX_KEY = 512;
/** Every atomic update holds this transaction-level advisory lock: one writer of shared documents at a time. */
const LOCK_ID = 0x72_65_67_77; // "regw"
const TIMEOUT_MS = 10_000;

/**
 * A keyv store adapter on PostgreSQL. Unlike @keyv/postgres it keeps its own pool, so that a dropped
 * connection is an event to log, not an unhandled 'error' that ends the process; it bounds every wait
 * (connecting, each statement); and keys are text of any length, where @keyv/postgres made them
 * varchar(255) and a long link failed every poll. An existing varchar table is widened when opened.
 */
export class PostgresKv extends EventEmitter {
  readonly opts: { dialect: string; url: string };
  namespace: string | undefined;
  private readonly pool: pg.Pool;
  private readonly mutex = new Mutex();

  private constructor(url: string) {
    super();
    this.opts = { dialect: "postgres", url };
    this.pool = new pg.Pool({
      connectionString: url,
      max: 4,
      connectionTimeoutMillis: TIMEOUT_MS / 2,
      query_timeout: TIMEOUT_MS,
      statement_timeout: TIMEOUT_MS,
      idle_in_transaction_session_timeout: TIMEOUT_MS,
      keepAlive: true,
    });
    // An idle connection that dies (server restarted) is dropped from the pool; the next query opens another.
    this.pool.on("error", (error) => this.emit("connection-error", error));
  }

  static async open(url: string): Promise<PostgresKv> {
    const store = new PostgresKv(url);
    try {
      const client = await store.pool.connect();
      try {
        // Two processes opening a new database at once would both try to create the table: they take turns.
        await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
        await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, value TEXT)`);
        const { rows } = await client.query<{ data_type: string }>(
          "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'key'",
          [TABLE],
        );
        if (rows[0]?.data_type !== "text") await client.query(`ALTER TABLE ${TABLE} ALTER COLUMN key TYPE TEXT`);
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]);
      } finally {
        client.release();
      }
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async get(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(`SELECT value FROM ${TABLE} WHERE key = $1`, [stored(key)]);
    return rows[0]?.value;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    if (keys.length === 0) return [];
    return readMany(this.pool, keys);
  }

  async set(key: string, value: string): Promise<boolean> {
    await this.pool.query(`INSERT INTO ${TABLE} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [stored(key), value]);
    return true;
  }

  async setMany(entries: Array<{ key: string; value: string }>): Promise<boolean[]> {
    await writeMany(this.pool, entries.map((e) => [e.key, e.value]));
    return entries.map(() => true);
  }

  async delete(key: string): Promise<boolean> {
    return ((await this.pool.query(`DELETE FROM ${TABLE} WHERE key = $1`, [stored(key)])).rowCount ?? 0) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return ((await this.pool.query(`DELETE FROM ${TABLE} WHERE key = ANY($1::text[])`, [keys.map(stored)])).rowCount ?? 0) > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async clear(): Promise<void> {
    await this.pool.query(`DELETE FROM ${TABLE} WHERE key LIKE $1`, [this.namespace ? `${this.namespace}:%` : "%"]);
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  /** A transaction holding the advisory lock: writers in every process take turns; readers are not blocked. */
  atomic(codec: Codec): AtomicUpdates {
    return {
      update: <T>(keys: readonly string[], change: (values: unknown[]) => Mutation<T>) =>
        this.mutex.run(async () => {
          const client = await this.pool.connect();
          const onError = (error: unknown) => this.emit("connection-error", error);
          client.on("error", onError);
          let broken = false;
          try {
            await client.query("BEGIN");
            await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_ID]);
            const raw = keys.map(codec.rawKey);
            const values = raw.length > 0 ? (await readMany(client, raw)).map((v) => codec.decode(v)) : [];
            const mutation = change(values);
            if (mutation.set?.length) await writeMany(client, mutation.set.map((w) => [codec.rawKey(w.key), codec.encode(w)]));
            if (mutation.delete?.length) await client.query(`DELETE FROM ${TABLE} WHERE key = ANY($1::text[])`, [mutation.delete.map((k) => stored(codec.rawKey(k)))]);
            await client.query("COMMIT");
            return mutation.result;
          } catch (error) {
            await client.query("ROLLBACK").catch(() => {
              broken = true;
            });
            throw error;
          } finally {
            client.off("error", onError);
            client.release(broken);
          }
        }),
    };
  }

  /** Waits a moment for queries in flight, not for ever: a server that stopped answering never ends them. */
  async disconnect(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.pool.end().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
  }
}

/** The key as stored: itself, or a prefix and a digest when too long for an index entry. */
function stored(key: string): string {
  if (key.length <= MAX_KEY) return key;
  return `${key.slice(0, 200)}#sha256:${createHash("sha256").update(key).digest("hex")}`;
}

async function readMany(db: pg.Pool | pg.PoolClient, keys: string[]): Promise<Array<string | undefined>> {
  const keyed = keys.map(stored);
  const { rows } = await db.query<{ key: string; value: string }>(`SELECT key, value FROM ${TABLE} WHERE key = ANY($1::text[])`, [keyed]);
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return keyed.map((key) => byKey.get(key));
}

async function writeMany(db: pg.Pool | pg.PoolClient, pairs: Array<[string, string]>): Promise<void> {
  // The last write of a key wins; one statement cannot upsert the same key twice.
  const unique = [...new Map(pairs.map(([k, v]) => [stored(k), v])).entries()];
  for (let i = 0; i < unique.length; i += 1000) {
    const batch = unique.slice(i, i + 1000);
    await db.query(
      `INSERT INTO ${TABLE} (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [batch.map(([k]) => k), batch.map(([, v]) => v)],
    );
  }
}
