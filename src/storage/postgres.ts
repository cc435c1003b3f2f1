import { createHash } from "node:crypto";
import KeyvPostgres from "@keyv/postgres";
import type { KeyvEntry } from "keyv";
import pg from "pg";
import { Mutex, type AtomicUpdates, type Codec, type Mutation, type UpdateOptions } from "./atomic.js";

const TABLE = "public.keyv";
/** Longer keys (a 2,000-character link) are stored by digest: a B-tree entry must fit in a third of a page. */
const MAX_KEY = 512;
/** Every atomic update holds this transaction-level advisory lock: one writer of shared documents at a time. */
const LOCK_ID = 0x72_65_67_77; // "regw"
const TIMEOUT_MS = 10_000;

/**
 * @keyv/postgres on a pool this backend owns. The adapter's own pool is one per process, shared by every
 * adapter with the same URL and ended by any of them, and nothing listens for its 'error': an idle
 * connection dropped by the server would end the process. So queries go to this pool, which bounds every
 * wait and reports dropped connections as events. Keys go through a digest when longer than `MAX_KEY`.
 */
class DigestKeyvPostgres extends KeyvPostgres {
  constructor(private readonly pool: pg.Pool) {
    super({ keySize: MAX_KEY });
    // keyv listens once it wraps this adapter; until then a failed CREATE TABLE must not end the process.
    this.on("error", () => undefined);
  }

  /** Called by the adapter's constructor; the query it returns first runs a microtask later, once `pool` is set. */
  override async connect(): Promise<(sql: string, values?: unknown) => Promise<unknown[]>> {
    return async (sql, values) => {
      // Processes creating the table at once collide on its row type ("type keyv already exists", which the
      // adapter does not forgive): its CREATE takes turns under the advisory lock.
      if (/^\s*CREATE\b/i.test(sql)) return this.inTurn(sql);
      return (await this.pool.query(sql, values as unknown[])).rows;
    };
  }

  private async inTurn(sql: string): Promise<unknown[]> {
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]);
      }
    } finally {
      client.release();
    }
  }

  /** The pool belongs to the backend, which ends it. */
  override async disconnect(): Promise<void> {}

  override get(key: string): Promise<unknown> {
    return super.get(stored(key));
  }

  override getMany(keys: string[]): Promise<unknown[]> {
    return keys.length === 0 ? Promise.resolve([]) : super.getMany(keys.map(stored));
  }

  override set(key: string, value: unknown): Promise<void> {
    return super.set(stored(key), value);
  }

  /** The last write of a key wins: one statement cannot upsert the same key twice. */
  override setMany(entries: KeyvEntry[]): Promise<void> {
    const unique = new Map(entries.map((entry) => [stored(entry.key), entry]));
    return super.setMany([...unique].map(([key, entry]) => ({ ...entry, key })));
  }

  override delete(key: string): Promise<boolean> {
    return super.delete(stored(key));
  }

  override deleteMany(keys: string[]): Promise<boolean> {
    return super.deleteMany(keys.map(stored));
  }

  override has(key: string): Promise<boolean> {
    return super.has(stored(key));
  }
}

/**
 * PostgreSQL behind keyv: @keyv/postgres (above) for keys and values, and the same pool directly for what keyv
 * lacks: widening a table an older @keyv/postgres made with varchar(255) keys, atomic updates and pings.
 */
export class PostgresBackend {
  readonly adapter: KeyvPostgres;
  private readonly mutex = new Mutex();

  private constructor(private readonly pool: pg.Pool) {
    this.adapter = new DigestKeyvPostgres(pool);
  }

  static async open(url: string): Promise<PostgresBackend> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      connectionTimeoutMillis: TIMEOUT_MS / 2,
      query_timeout: TIMEOUT_MS,
      statement_timeout: TIMEOUT_MS,
      idle_in_transaction_session_timeout: TIMEOUT_MS,
      keepAlive: true,
    });
    // An idle connection that dies (server restarted) is dropped from the pool; the next query opens another.
    pool.on("error", () => undefined);
    const failures: unknown[] = [];
    try {
      const backend = new PostgresBackend(pool);
      const onError = (error: unknown) => failures.push(error);
      backend.adapter.on("error", onError);
      // The adapter creates its table when made; a query through it waits for that.
      await backend.adapter.query("SELECT 1");
      backend.adapter.off("error", onError);
      if (failures.length > 0) throw failures[0];
      await backend.widen();
      return backend;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** Keys shorter than the adapter's (an older @keyv/postgres made varchar(255)) are widened, keeping the rows. */
  private async widen(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Two processes opening an old database at once would both alter the table: they take turns.
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
      const { rows } = await client.query<{ data_type: string; size: number | null }>(
        "SELECT data_type, character_maximum_length AS size FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'keyv' AND column_name = 'key'",
      );
      const column = rows[0];
      if (column && column.data_type !== "text" && (column.size ?? 0) < MAX_KEY) await client.query(`ALTER TABLE ${TABLE} ALTER COLUMN key TYPE VARCHAR(${MAX_KEY})`);
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]);
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  /** A transaction holding the advisory lock: writers in every process take turns; readers are not blocked. */
  atomic(codec: Codec): AtomicUpdates {
    return {
      update: <T>(keys: readonly string[], change: (values: unknown[], now: number) => Mutation<T>, options?: UpdateOptions) =>
        this.mutex.run(async () => {
          const client = await this.pool.connect();
          const onError = () => undefined;
          client.on("error", onError);
          let broken = false;
          try {
            await client.query("BEGIN");
            await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_ID]);
            const raw = keys.map(codec.rawKey);
            const values = raw.length > 0 ? (await readMany(client, raw)).map((v) => codec.decode(v)) : [];
            const now = options?.storeClock ? await serverTime(client) : Date.now();
            const mutation = change(values, now);
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
  async close(): Promise<void> {
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

/** The server's time (ms since the epoch) as the transaction reads it: every instance judges by this one clock. */
async function serverTime(db: pg.PoolClient): Promise<number> {
  const { rows } = await db.query<{ now: number }>("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now");
  return rows[0]!.now;
}

async function readMany(db: pg.PoolClient, keys: string[]): Promise<Array<string | undefined>> {
  const keyed = keys.map(stored);
  const { rows } = await db.query<{ key: string; value: string }>(`SELECT key, value FROM ${TABLE} WHERE key = ANY($1::text[])`, [keyed]);
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return keyed.map((key) => byKey.get(key));
}

async function writeMany(db: pg.PoolClient, pairs: Array<[string, string]>): Promise<void> {
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
