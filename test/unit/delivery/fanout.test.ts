import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ruleMatches, targetKey, type SubscriptionRule } from "../../../src/core/subscription.js";
import { fanOut } from "../../../src/delivery/fanout.js";
import { openStores } from "../../../src/storage/index.js";
import { makeAlert, makeSubscription } from "../../support/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-fanout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const word = fc.constantFrom("circle", "tether", "airdrop", "ステーブルコイン");
const rule: fc.Arbitrary<SubscriptionRule> = fc
  .record({
    jurisdictions: fc.oneof(fc.constant<string[]>(["all"]), fc.uniqueArray(fc.constantFrom<string>("JP", "HK", "US"), { minLength: 1, maxLength: 3 })),
    topics: fc.subarray(["stablecoin", "tax"]),
    include: fc.uniqueArray(word, { maxLength: 1 }),
    exclude: fc.uniqueArray(word, { maxLength: 1 }),
  })
  .map((r) => ({ jurisdictions: r.jurisdictions, topics: r.topics, ...(r.include.length ? { include: r.include } : {}), ...(r.exclude.length ? { exclude: r.exclude } : {}) }));

describe("fan-out over rules", () => {
  it("queues an alert for a chat exactly when any of its rules matches, and never twice, even when replayed", async () => {
    const stores = await openStores(`sqlite://${join(dir, `${++n}.sqlite`)}`, { seenTtlDays: 180 });
    try {
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(rule, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
          fc.array(
            fc.record({
              jurisdictions: fc.subarray(["JP", "HK", "US", "SG"]),
              topics: fc.subarray(["stablecoin", "tax"]),
              title: fc.array(fc.constantFrom("Circle", "Tether", "airdrops", "ステーブルコイン規制", "notice"), { maxLength: 3 }).map((w) => w.join(" ")),
            }),
            { minLength: 1, maxLength: 5 },
          ),
          async (ruleSets, shapes) => {
            round++;
            const chats = ruleSets.map((rules, i) => ({ ...makeSubscription(`r${round}c${i}`, ["JP"]), rules }));
            for (const chat of chats) await stores.subscriptions.put(chat);
            const alerts = shapes.map((shape, i) => makeAlert(round * 100 + i, shape));
            // The same batch twice, as after a crash between queueing and marking: nothing is queued again.
            await fanOut(alerts, stores.subscriptions, stores.outbox);
            await fanOut(alerts, stores.subscriptions, stores.outbox);
            for (const chat of chats) {
              const queued = (await stores.outbox.queue(chat.target))?.entries.map((e) => e.alertId) ?? [];
              expect(new Set(queued).size).toBe(queued.length);
              const expected = alerts.filter((a) => chat.rules.some((r) => ruleMatches(r, a))).map((a) => a.id);
              expect(queued.sort(), targetKey(chat.target)).toEqual(expected.sort());
              await stores.subscriptions.remove(chat.target);
            }
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      await stores.close();
    }
  });

  it("skips a paused chat until the pause ends", async () => {
    const stores = await openStores(`sqlite://${join(dir, `${++n}.sqlite`)}`, { seenTtlDays: 180 });
    try {
      const paused = makeSubscription("p", ["JP"], { pausedUntil: "2026-11-20T12:00:00.000Z" });
      const forever = makeSubscription("f", ["JP"], { pausedUntil: "indefinite" });
      await stores.subscriptions.put(paused);
      await stores.subscriptions.put(forever);
      await fanOut([makeAlert(1)], stores.subscriptions, stores.outbox, new Date("2026-11-20T11:00:00.000Z"));
      await fanOut([makeAlert(2)], stores.subscriptions, stores.outbox, new Date("2026-11-20T13:00:00.000Z"));
      expect((await stores.outbox.queue(paused.target))?.entries.map((e) => e.alertId)).toEqual(["g:test:2"]);
      expect((await stores.outbox.queue(forever.target))?.entries ?? []).toEqual([]);
    } finally {
      await stores.close();
    }
  });
});
