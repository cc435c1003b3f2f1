import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StorageError } from "../../../src/core/errors.js";
import { openStores, redact } from "../../../src/storage/index.js";
import sqlite3 from "sqlite3";
import { freshPostgres, freshRedis, redisCommand, refusePostgresWrites, refuseRedisWrites, sql } from "../../support/servers.js";
import { storeContract } from "./contract.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-store-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract("memory", () => "memory://");
storeContract("an SQLite file", () => `sqlite://${join(dir, `contract-${++n}`, "regwatch.sqlite")}`, refuseSqliteWrites);
storeContract("Redis", () => freshRedis(1), refuseRedisWrites);
storeContract("PostgreSQL", () => freshPostgres(), refusePostgresWrites);

/** A trigger in the file that aborts every write to the store's table. */
async function refuseSqliteWrites(url: string): Promise<() => Promise<void>> {
  const run = (sql: string) =>
    new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(url.replace(/^sqlite:\/\//, ""), (error) => {
        if (error) return reject(error);
        db.exec(sql, (failure) => db.close(() => (failure ? reject(failure) : resolve())));
      });
    });
  await run(
    ["INSERT", "UPDATE", "DELETE"].map((op) => `CREATE TRIGGER refuse_${op} BEFORE ${op} ON keyv BEGIN SELECT RAISE(ABORT, 'writes refused'); END;`).join("\n"),
  );
  return () => run("DROP TRIGGER refuse_INSERT; DROP TRIGGER refuse_UPDATE; DROP TRIGGER refuse_DELETE;");
}

describe("the SQLite store", () => {
  it("keeps what it recorded across a reopen", async () => {
    const url = `sqlite://${join(dir, "reopen.sqlite")}`;
    const first = await openStores(url, { seenTtlDays: 180 });
    await first.seen.markSeen(["g:f:1"]);
    await first.close();
    const second = await openStores(url, { seenTtlDays: 180 });
    expect(await second.seen.seenAmong(["g:f:1", "g:f:2"])).toEqual(new Set(["g:f:1"]));
    await second.close();
  });

  it("fails loudly, never answering 'not seen', when the file is not a database", async () => {
    const file = join(dir, "garbage.sqlite");
    writeFileSync(file, "this is not an sqlite database, just bytes ".repeat(200));
    await expect(openStores(`sqlite://${file}`, { seenTtlDays: 180 })).rejects.toBeInstanceOf(StorageError);
  });

  it("raises StorageError when a read fails after opening", async () => {
    const stores = await openStores(`sqlite://${join(dir, "closed.sqlite")}`, { seenTtlDays: 180 });
    await stores.close();
    await expect(stores.seen.seenAmong(["a"])).rejects.toBeInstanceOf(StorageError);
    await expect(stores.seen.markSeen(["a"])).rejects.toBeInstanceOf(StorageError);
  });

  it("rejects unknown store schemes", async () => {
    await expect(openStores("mongodb://localhost/x", { seenTtlDays: 1 })).rejects.toThrow(/unsupported store URL scheme/);
  });
});

describe("the PostgreSQL store", () => {
  it("opens a fresh database from several connections at once: the table is created once, without a collision", async () => {
    // Each open has its own pool, as separate processes would; their CREATE TABLE once raced ("type keyv already exists").
    for (let round = 0; round < 5; round++) {
      const url = await freshPostgres();
      const opening = await Promise.allSettled(Array.from({ length: 8 }, () => openStores(url, { seenTtlDays: 180 })));
      const opened = opening.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      try {
        expect(opening.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
        await opened[0]!.seen.markSeen(["a"]);
        for (const stores of opened) expect(await stores.seen.seenAmong(["a", "b"])).toEqual(new Set(["a"]));
      } finally {
        await Promise.all(opened.map((stores) => stores.close()));
      }
    }
  });

  it("widens a table @keyv/postgres made with varchar(255) keys, keeping what it holds, so a long link no longer fails", async () => {
    const url = await freshPostgres();
    await sql(url, `CREATE TABLE keyv (key VARCHAR(255) PRIMARY KEY, value TEXT); INSERT INTO keyv VALUES ('keyv:seen:old', '{"value":1}')`);
    const stores = await openStores(url, { seenTtlDays: 180 });
    try {
      const long = `u:https://regulator.example/${"a".repeat(2_000)}`;
      await stores.seen.markSeen([long]);
      expect(await stores.seen.seenAmong([long, "old", "new"])).toEqual(new Set([long, "old"]));
    } finally {
      await stores.close();
    }
  });
});

describe("the Redis store", () => {
  it("keeps keyv's key layout, so what an earlier version recorded is still seen", async () => {
    const url = await freshRedis(1);
    await redisCommand(url, ["SET", "keyv:seen:old", '{"value":1}']);
    const stores = await openStores(url, { seenTtlDays: 180 });
    try {
      await stores.seen.markSeen(["new"]);
      expect(await stores.seen.seenAmong(["old", "new", "other"])).toEqual(new Set(["old", "new"]));
      expect(await redisCommand(url, ["EXISTS", "keyv:seen:new"])).toBe(1);
    } finally {
      await stores.close();
    }
  });
});

describe("redact", () => {
  it("hides passwords in store URLs", () => {
    expect(redact("postgres://bot:s3cret@db.internal:5432/regwatch")).toBe("postgres://bot:***@db.internal:5432/regwatch");
    expect(redact("sqlite://data/x.sqlite")).toBe("sqlite://data/x.sqlite");
  });
});
