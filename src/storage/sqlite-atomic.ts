import sqlite3 from "sqlite3";
import { Mutex, type AtomicUpdates, type Codec, type Mutation } from "./atomic.js";

/**
 * Atomic updates on an SQLite file: a write transaction (BEGIN IMMEDIATE) on a connection of its own, so
 * the keyv adapter's reads and writes on the other connection never fall inside it. Another process
 * waits for the write lock (busy timeout) rather than failing.
 */
export class SqliteAtomic implements AtomicUpdates {
  private readonly mutex = new Mutex();

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly table: string,
    private readonly codec: Codec,
  ) {}

  static open(file: string, table: string, codec: Codec, busyTimeoutMs: number): Promise<SqliteAtomic> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, (error) => {
        if (error) return reject(error);
        db.configure("busyTimeout", busyTimeoutMs);
        resolve(new SqliteAtomic(db, table, codec));
      });
    });
  }

  /**
   * Runs a write of the keyv adapter's connection when no transaction of this process is open. node-sqlite3
   * waits for a lock inside a libuv worker thread: writes left free to wait on our own transaction could
   * take every worker, and the COMMIT that would free them would find none (a deadlock until the timeout).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex.run(work);
  }

  /** One machine, one clock: `now` is this process's, whatever the options say. */
  update<T>(keys: readonly string[], change: (values: unknown[], now: number) => Mutation<T>): Promise<T> {
    return this.mutex.run(async () => {
      await this.run("BEGIN IMMEDIATE");
      try {
        const raw = keys.map(this.codec.rawKey);
        const rows = await this.all(`SELECT key, value FROM ${this.table} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(raw));
        const byKey = new Map(rows.map((row) => [row.key, row.value]));
        const mutation = change(raw.map((key) => this.codec.decode(byKey.get(key))), Date.now());
        if (mutation.set?.length) {
          const pairs = mutation.set.map((w) => [this.codec.rawKey(w.key), this.codec.encode(w)]);
          await this.run(
            `INSERT INTO ${this.table} (key, value) SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]') FROM json_each(?) AS e WHERE true
             ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
            JSON.stringify(pairs),
          );
        }
        if (mutation.delete?.length) {
          await this.run(`DELETE FROM ${this.table} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(mutation.delete.map(this.codec.rawKey)));
        }
        await this.run("COMMIT");
        return mutation.result;
      } catch (error) {
        await this.run("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.db.close(() => resolve()));
  }

  private run(sql: string, ...params: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => this.db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  }

  private all(sql: string, ...params: unknown[]): Promise<Array<{ key: string; value: string }>> {
    return new Promise((resolve, reject) => this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Array<{ key: string; value: string }>))));
  }
}
