import { KeyvSqlite } from "@keyv/sqlite";

/**
 * @keyv/sqlite with two additions regwatch needs:
 * - WAL and a busy timeout, so a one-off `poll --once` beside the service waits for the lock instead of
 *   failing, and a commit does not sync the whole file;
 * - `setMany` as one statement: keyv otherwise writes a batch key by key, one transaction each, which made
 *   recording a poll of 10,000 new articles cost seconds.
 */
export async function openSqlite(file: string): Promise<KeyvSqlite> {
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
  await sqlite.query("PRAGMA journal_mode=WAL");
  await sqlite.query("PRAGMA synchronous=NORMAL");
  const table = sqlite.opts.table as string;
  const upsert = `INSERT INTO ${table} (key, value)
    SELECT json_extract(entry.value, '$[0]'), json_extract(entry.value, '$[1]') FROM json_each(?) AS entry WHERE true
    ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  Object.assign(sqlite, {
    async setMany(entries: Array<{ key: string; value: unknown }>): Promise<boolean[]> {
      // Bounded statements: SQLite's default limit on a bound string is 1 GB, but a smaller batch keeps memory flat.
      for (let i = 0; i < entries.length; i += 1000) {
        const batch = entries.slice(i, i + 1000).map((e) => [e.key, e.value]);
        await sqlite.query(upsert, JSON.stringify(batch));
      }
      return entries.map(() => true);
    },
  });
  return sqlite;
}
