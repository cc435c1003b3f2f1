import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alert } from "../../../src/core/article.js";
import { openStores, type Stores } from "../../../src/storage/index.js";
import { subscriptionContract } from "./subscriptions-contract.js";

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

/**
 * The contract every store backend passes: run it with a factory that opens a fresh store URL.
 * Later backends (Redis, Postgres) join by calling this with their URL.
 */
export function storeContract(name: string, url: () => string | Promise<string>): void {
  describe(`stores on ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await openStores(await url(), { seenTtlDays: 180 });
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

    subscriptionContract(() => stores);
  });
}
