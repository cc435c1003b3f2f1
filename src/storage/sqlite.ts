import { KeyvSqlite } from "@keyv/sqlite";

/**
 * @keyv/sqlite with two additions regwatch needs:
 * - WAL and a busy timeout, so a one-off `poll --once` beside the service waits for the lock instead of
 *   failing, and a commit does not sync the whole file;
 * - `setMany` as one statement: keyv otherwise writes a batch key by key, one transaction each, which made
 *   recording a poll of 10,000 new articles cost seconds;
 * - `getMany` pairing rows with keys through a Map: the adapter's own searches the rows once per key,
 *   which turned matching an alert against 40,000 subscriptions into a half-minute query.
 */
export async function openSqlite(file: string): Promise<KeyvSqlite> {
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
  await sqlite.query("PRAGMA journal_mode=WAL");
  await sqlite.query("PRAGMA synchronous=NORMAL");
  const table = sqlite.opts.table as string;
  const upsert = `INSERT INTO ${table} (key, value)
    SELECT json_extract(entry.value, '$[0]'), json_extract(entry.value, '$[1]') FROM json_each(?) AS entry WHERE true
    ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  const select = `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`;
  Object.assign(sqlite, {
    async getMany(keys: string[]): Promise<Array<unknown>> {
      const rows = (await sqlite.query(select, JSON.stringify(keys))) as Array<{ key: string; value: unknown }>;
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
        const batch = sorted.slice(i, i + 1000).map((e) => [e.key, e.value]);
        await sqlite.query(upsert, JSON.stringify(batch));
      }
      return entries.map(() => true);
    },
  });
  return sqlite;
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
