import { KeyvSqlite } from "@keyv/sqlite";
import sqlite3 from "sqlite3";

/**
 * @keyv/sqlite with two additions regwatch needs:
 * - WAL and a busy timeout, so a one-off `poll --once` beside the service waits for the lock instead of
 *   failing, and a commit does not sync the whole file;
 * - `setMany` as one statement: keyv otherwise writes a batch key by key, one transaction each, which made
 *   recording a poll of 10,000 new articles cost seconds;
 * - `getMany` pairing rows with keys through a Map: the adapter's own searches the rows once per key,
 *   which turned matching an alert against 40,000 subscriptions into a half-minute query;
 * - for a file, `getMany` and `setMany` on a connection of their own with their statements prepared once: the
 *   adapter prepares, runs and finalizes a statement for every call (three trips to libuv's threads instead of
 *   one), and a poll makes about a thousand such calls.
 */
/** How long a write waits for another process's lock (a `poll --once` beside the service), on both connections. */
const BUSY_TIMEOUT_MS = 10_000;

export async function openSqlite(file: string): Promise<KeyvSqlite> {
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS });
  // Writes of this adapter go through both connections below: both commit without syncing the file.
  const pragmas = ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"];
  for (const pragma of pragmas) await sqlite.query(pragma);
  const table = sqlite.opts.table as string;
  const upsert = `INSERT INTO ${table} (key, value)
    SELECT json_extract(entry.value, '$[0]'), json_extract(entry.value, '$[1]') FROM json_each(?) AS entry WHERE true
    ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  // One value under many keys (the seen keys' time): the value is bound once, not repeated, escaped, in every row.
  const upsertShared = `INSERT INTO ${table} (key, value)
    SELECT entry.value, ? FROM json_each(?) AS entry WHERE true
    ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  const select = `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`;
  // An in-memory database is one connection's own: a second would open another, empty one.
  const batch = file === ":memory:" ? undefined : await Prepared.open(file, pragmas, [select, upsert, upsertShared]);
  const query = (sql: string, ...parameters: string[]): Promise<unknown[]> =>
    batch ? batch.all(sql, parameters) : (sqlite.query(sql, ...parameters) as Promise<unknown[]>);
  const disconnect = sqlite.disconnect.bind(sqlite);
  Object.assign(sqlite, {
    async disconnect(): Promise<void> {
      await batch?.close();
      await disconnect();
    },
    async getMany(keys: string[]): Promise<Array<unknown>> {
      const rows = (await query(select, JSON.stringify(keys))) as Array<{ key: string; value: unknown }>;
      const byKey = new Map(rows.map((row) => [row.key, row.value]));
      return keys.map((key) => byKey.get(key));
    },
    async setMany(entries: Array<{ key: string; value: unknown }>): Promise<boolean[]> {
      // In key order (a stable sort: of two writes of one key the later still wins), so each statement's rows land
      // on neighbouring pages of the key index: a commit of scattered keys rewrites pages all over the index
      // (30,000 seen keys of a large poll cost about a third more CPU unsorted).
      const sorted = entries.length > 1 ? [...entries].sort(byKey) : entries;
      // Bounded statements: SQLite's default limit on a bound string is 1 GB, but a smaller batch keeps memory flat.
      for (let i = 0; i < sorted.length; i += 1000) {
        const slice = sorted.slice(i, i + 1000);
        const shared = slice[0]!.value;
        if (typeof shared === "string" && slice.every((e) => e.value === shared)) await query(upsertShared, shared, JSON.stringify(slice.map((e) => e.key)));
        else await query(upsert, JSON.stringify(slice.map((e) => [e.key, e.value])));
      }
      return entries.map(() => true);
    },
  });
  return sqlite;
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A connection with statements prepared once and run many times (each run binds its parameters afresh). */
class Prepared {
  private constructor(
    private readonly db: sqlite3.Database,
    private readonly statements: Map<string, sqlite3.Statement>,
  ) {}

  /** `pragmas` run first: settings such as `synchronous` belong to each connection, not to the file. */
  static async open(file: string, pragmas: readonly string[], sqls: readonly string[]): Promise<Prepared> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    db.configure("busyTimeout", BUSY_TIMEOUT_MS);
    const statements = new Map<string, sqlite3.Statement>();
    try {
      for (const pragma of pragmas) await new Promise<void>((resolve, reject) => db.run(pragma, (error) => (error ? reject(error) : resolve())));
      for (const sql of sqls) {
        statements.set(sql, await new Promise<sqlite3.Statement>((resolve, reject) => {
          const statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
        }));
      }
    } catch (error) {
      await new Promise<void>((resolve) => db.close(() => resolve()));
      throw error;
    }
    return new Prepared(db, statements);
  }

  all(sql: string, parameters: readonly string[]): Promise<unknown[]> {
    const statement = this.statements.get(sql)!;
    return new Promise((resolve, reject) => statement.all(...parameters, (error: Error | null, rows: unknown[]) => (error ? reject(error) : resolve(rows))));
  }

  /** Statements are finalized first: SQLite refuses to close a connection that still has some. */
  async close(): Promise<void> {
    for (const statement of this.statements.values()) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    this.statements.clear();
    await new Promise<void>((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}
