import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../../src/storage/index.js";
import { setManyAtOnce } from "../../../src/storage/keyv-batch.js";
import { freshPostgres, freshRedis } from "../../support/servers.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-batch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backends: Array<[string, () => Promise<string>]> = [
  ["memory", async () => "memory://"],
  ["SQLite", async () => `sqlite://${join(dir, "batch.sqlite")}`],
  ["Redis", () => freshRedis(15)],
  ["PostgreSQL", () => freshPostgres()],
];

const values: unknown[] = [1764582000000, true, "text with \"quotes\" and \u00e9", { nested: [1, null, "x"] }, null, 0];

describe.each(backends)("setManyAtOnce on %s", (_name, url) => {
  it("writes what keyv's setMany writes: the same keys, values and expiry", async () => {
    const store = await openStore(await url());
    try {
      const entries = (tag: string): Array<{ key: string; value: unknown; ttl?: number }> => [
        ...values.map((value, i) => ({ key: `${tag}:v${i}`, value, ttl: 60_000 })),
        { key: `${tag}:no-ttl`, value: "kept" },
        { key: `${tag}:zero-ttl`, value: "kept too", ttl: 0 },
      ];
      const before = Date.now();
      await store.keyv.setMany(entries("keyv"));
      await setManyAtOnce(store.keyv, entries("batch"));
      const after = Date.now();
      for (const [i, entry] of entries("keyv").entries()) {
        const suffix = entry.key.slice("keyv:".length);
        const [viaKeyv, viaBatch] = await Promise.all([store.keyv.getRaw(`keyv:${suffix}`), store.keyv.getRaw(`batch:${suffix}`)]);
        expect(viaBatch?.value, suffix).toEqual(viaKeyv?.value);
        expect(viaBatch?.value, suffix).toEqual(entries("x")[i]!.value);
        if (entry.ttl) {
          expect(viaBatch?.expires).toBeGreaterThanOrEqual(before + entry.ttl);
          expect(viaBatch?.expires).toBeLessThanOrEqual(after + entry.ttl);
        } else {
          expect(viaBatch?.expires ?? undefined).toBe(viaKeyv?.expires ?? undefined);
        }
      }
    } finally {
      await store.close();
    }
  });

  it("keeps the later of two writes of one key in a batch, across the store's statement boundaries", async () => {
    const store = await openStore(await url());
    try {
      // Keys in reverse order, each written twice 1,500 entries apart: a backend that reorders a batch must keep the later.
      const keys = Array.from({ length: 1500 }, (_, i) => `dup:${String(1500 - i).padStart(5, "0")}`);
      const entries = [...keys.map((key) => ({ key, value: "first" })), ...keys.map((key, i) => ({ key, value: `second ${i}` }))];
      await setManyAtOnce(store.keyv, entries);
      const read = await store.keyv.getMany<string>(keys);
      expect(read).toEqual(keys.map((_, i) => `second ${i}`));
    } finally {
      await store.close();
    }
  });

  it("writes one value under thousands of keys, and a batch where one value differs", async () => {
    const store = await openStore(await url());
    try {
      const keys = Array.from({ length: 2500 }, (_, i) => `same:${i}`);
      await setManyAtOnce(store.keyv, keys.map((key) => ({ key, value: 1764582000000, ttl: 60_000 })));
      await setManyAtOnce(store.keyv, keys.map((key, i) => ({ key: `mixed:${key}`, value: i === 1700 ? 2 : 1, ttl: 60_000 })));
      expect(await store.keyv.getMany<number>(keys)).toEqual(keys.map(() => 1764582000000));
      expect(await store.keyv.getMany<number>(keys.map((k) => `mixed:${k}`))).toEqual(keys.map((_, i) => (i === 1700 ? 2 : 1)));
    } finally {
      await store.close();
    }
  });

  it("writes nothing for no entries", async () => {
    const store = await openStore(await url());
    try {
      await setManyAtOnce(store.keyv, []);
      expect(await store.keyv.get("anything")).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
