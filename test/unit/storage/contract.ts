import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alert } from "../../../src/core/article.js";
import { StorageError } from "../../../src/core/errors.js";
import { openStores, type Stores } from "../../../src/storage/index.js";
import { subscription, subscriptionContract } from "./subscriptions-contract.js";
import { userFeedContract } from "./user-feeds-contract.js";

const alert = (id: string, published: string): Alert => ({
  id,
  feedId: "f",
  feedName: "F",
  url: `https://example.com/${id}`,
  title: `Title ${id}`,
  text: "",
  published,
  categories: [],
  language: "en",
  policy: true,
  jurisdictions: ["JP"],
  topics: [],
  summary: "",
  figures: [],
});

/** Makes the backend refuse writes (as a full disk, a read-only replica or a revoked grant would); returns how to undo it. */
export type Refuse = (url: string) => Promise<() => Promise<void>>;

/**
 * The contract every store backend passes: run it with a factory that opens a fresh store URL, and a way
 * to make that backend refuse writes (none for memory://).
 */
export function storeContract(name: string, url: () => string | Promise<string>, refuse?: Refuse): void {
  describe(`stores on ${name}`, () => {
    let stores: Stores;
    let where: string;
    beforeEach(async () => {
      where = await url();
      stores = await openStores(where, { seenTtlDays: 180 });
    });
    afterEach(async () => {
      await stores.close();
    });

    it("answers seen only for recorded keys", async () => {
      expect(await stores.seen.seenAmong(["a", "b"])).toEqual(new Set());
      await stores.seen.markSeen(["a", "c", "a"]);
      expect(await stores.seen.seenAmong(["a", "b", "c"])).toEqual(new Set(["a", "c"]));
      expect(await stores.seen.seenAmong([])).toEqual(new Set());
    });

    it("keeps keys with awkward characters apart", async () => {
      const keys = ["u:https://example.com/a?b=1&c=%20", "g:feed:日本語", "g:feed:'; DROP TABLE keyv; --"];
      await stores.seen.markSeen(keys);
      expect(await stores.seen.seenAmong([...keys, "g:feed:other"])).toEqual(new Set(keys));
    });

    it("keeps keys of any length apart: a 2,000-character link", async () => {
      const long = `u:https://regulator.example/news?${"q=1&".repeat(500)}`;
      const other = `${long.slice(0, -1)}2`;
      expect(long.length).toBeGreaterThan(2_000);
      await stores.seen.markSeen([long]);
      expect(await stores.seen.seenAmong([long, other])).toEqual(new Set([long]));
      await stores.seen.markSeen([other]);
      expect(await stores.seen.seenAmong([long, other])).toEqual(new Set([long, other]));
    });

    it("stores values up to 1 MB", async () => {
      const state = { consecutiveFailures: 0, recentIds: Array.from({ length: 10_000 }, (_, i) => `g:feed:${String(i).padStart(90, "x")}`) };
      expect(JSON.stringify(state).length).toBeGreaterThan(1_000_000);
      await stores.feedState.set("big", state);
      expect(await stores.feedState.get("big")).toEqual(state);
    });

    if (refuse) {
      it("raises StorageError when the backend refuses writes, and works again when it accepts them", async () => {
        await stores.seen.markSeen(["before"]);
        const undo = await refuse(where);
        try {
          await expect(stores.seen.markSeen(["during"])).rejects.toBeInstanceOf(StorageError);
          await expect(stores.subscriptions.put(subscription("r", ["JP"]))).rejects.toBeInstanceOf(StorageError);
          await expect(stores.outbox.enqueue(alert("r", "2026-11-01T00:00:00.000Z"), [{ platform: "telegram", chatId: "r" }])).rejects.toBeInstanceOf(StorageError);
          // Records made at once fail each: none reports success for alerts it did not write.
          const together = await Promise.allSettled([1, 2, 3].map((n) => stores.alerts.record([alert(`r${n}`, "2026-11-01T00:00:00.000Z")])));
          for (const outcome of together) expect(outcome.status === "rejected" && outcome.reason instanceof StorageError).toBe(true);
        } finally {
          await undo();
        }
        expect(await stores.seen.seenAmong(["before", "during"])).toEqual(new Set(["before"]));
        await stores.seen.markSeen(["after"]);
        expect(await stores.seen.seenAmong(["after"])).toEqual(new Set(["after"]));
        await stores.subscriptions.put(subscription("r", ["JP"]));
        expect(await stores.subscriptions.matching({ jurisdictions: ["JP"], topics: [] })).toHaveLength(1);
      });
    }

    it("stores and returns feed state", async () => {
      expect(await stores.feedState.get("fsa")).toBeUndefined();
      const state = { consecutiveFailures: 2, lastError: "HTTP 500", etag: '"x"', recentIds: ["g:fsa:1"] };
      await stores.feedState.set("fsa", state);
      expect(await stores.feedState.get("fsa")).toEqual(state);
      expect(await stores.feedState.get("boj")).toBeUndefined();
    });

    it("keeps the latest alerts newest first, without duplicates", async () => {
      await stores.alerts.record([alert("1", "2026-11-01T00:00:00.000Z"), alert("2", "2026-11-03T00:00:00.000Z")]);
      await stores.alerts.record([alert("3", "2026-11-02T00:00:00.000Z"), alert("2", "2026-11-03T00:00:00.000Z")]);
      expect((await stores.alerts.latest(10)).map((a) => a.id)).toEqual(["2", "3", "1"]);
      expect((await stores.alerts.latest(1)).map((a) => a.id)).toEqual(["2"]);
      await stores.alerts.record([{ ...alert("4", "2026-11-04T00:00:00.000Z"), jurisdictions: ["HK"], topics: ["stablecoin"] }]);
      expect((await stores.alerts.latest(10, { rules: [{ jurisdictions: ["HK"], topics: [] }] })).map((a) => a.id)).toEqual(["4"]);
      expect((await stores.alerts.latest(10, { rules: [{ jurisdictions: ["JP"], topics: ["stablecoin"] }] })).map((a) => a.id)).toEqual([]);
      expect((await stores.alerts.latest(10, { rules: [{ jurisdictions: ["all"], topics: ["stablecoin"] }] })).map((a) => a.id)).toEqual(["4"]);
      expect((await stores.alerts.latest(2, { rules: [{ jurisdictions: ["all"], topics: [] }] })).map((a) => a.id)).toEqual(["4", "2"]);
    });

    it("keeps every alert of records made at once, each readable when its call returns", async () => {
      const days = Array.from({ length: 12 }, (_, i) => i + 1);
      await Promise.all(
        days.map(async (day) => {
          const id = `c${day}`;
          await stores.alerts.record([alert(id, `2026-10-${String(day).padStart(2, "0")}T00:00:00.000Z`)]);
          expect((await stores.alerts.latest(20)).map((a) => a.id)).toContain(id);
        }),
      );
      expect((await stores.alerts.latest(20)).map((a) => a.id)).toEqual(days.map((d) => `c${d}`).reverse());
    });

    it("returns text that starts with a colon as it was written, whichever way it was stored", async () => {
      // Atomic updates write JSON themselves while reads go through keyv: both must agree on every string.
      const odd = { ...alert("5", "2026-11-05T00:00:00.000Z"), title: ":rocket: SEC approves a fund", summary: "::two colons", text: ":" };
      await stores.alerts.record([odd]);
      const [back] = await stores.alerts.latest(1);
      expect(back).toMatchObject({ title: ":rocket: SEC approves a fund", summary: "::two colons", text: ":" });
    });

    subscriptionContract(() => stores);
    userFeedContract(() => stores);
  });
}
