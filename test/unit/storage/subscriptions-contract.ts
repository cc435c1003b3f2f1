import fc from "fast-check";
import { expect, it } from "vitest";
import {
  migrateSubscription,
  ruleMatches,
  subscriptionMatches,
  targetKey,
  type LegacySubscription,
  type Subscription,
  type SubscriptionRule,
  type Target,
} from "../../../src/core/subscription.js";
import type { Stores } from "../../../src/storage/index.js";

/** A record as an older regwatch stored it: one jurisdiction list AND one topic list. */
export const legacySubscription = (chatId: string, jurisdictions: string[], topics: string[] = [], extra: Partial<Subscription> = {}): LegacySubscription => ({
  target: { platform: "telegram", chatId },
  chatType: "group",
  jurisdictions,
  topics,
  delivery: { mode: "instant" },
  createdBy: "u1",
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
  active: true,
  ...extra,
});

/** A chat with one rule, written the old way and read as rules: (jurisdictions or, if none, every one) × topics. */
export const subscription = (chatId: string, jurisdictions: string[], topics: string[] = [], extra: Partial<Subscription> = {}): Subscription =>
  migrateSubscription(legacySubscription(chatId, jurisdictions, topics, extra));

const tg = (chatId: string): Target => ({ platform: "telegram", chatId });
const ids = (subs: readonly Subscription[]) => subs.map((s) => s.target.chatId).sort();

/** Subscription store cases of the store contract; `stores()` is the freshly opened stores of the current test. */
export function subscriptionContract(stores: () => Stores): void {
  const index = async (name: string) => ((await stores().backend.keyv.get<string[]>(`subs:by:${name}`)) ?? []).slice().sort();

  it("puts, gets and removes a subscription by target", async () => {
    const s = stores().subscriptions;
    expect(await s.get(tg("1"))).toBeUndefined();
    const jp = subscription("1", ["JP"], ["stablecoin"], { delivery: { mode: "weekly", hour: 8, timeZone: "Asia/Tokyo", weekday: 1 } });
    await s.put(jp);
    expect(await s.get(tg("1"))).toEqual(jp);
    expect(await s.get({ platform: "discord", chatId: "1" })).toBeUndefined();
    expect(await s.remove(tg("1"))).toBe(true);
    expect(await s.remove(tg("1"))).toBe(false);
    expect(await s.get(tg("1"))).toBeUndefined();
    expect(await s.matching({ jurisdictions: ["JP"], topics: ["stablecoin"] })).toEqual([]);
  });

  it("matches by jurisdiction, by topic for topic-only chats, and all", async () => {
    const s = stores().subscriptions;
    await s.put(subscription("jp", ["JP"]));
    await s.put(subscription("jp-stable", ["JP", "HK"], ["stablecoin"]));
    await s.put(subscription("stable", [], ["stablecoin"]));
    await s.put(subscription("all", ["all"]));
    await s.put(subscription("all-tax", ["all"], ["tax"]));
    await s.put(subscription("nothing", [], []));
    expect(ids(await s.matching({ jurisdictions: ["JP"], topics: [] }))).toEqual(["all", "jp"]);
    expect(ids(await s.matching({ jurisdictions: ["HK"], topics: ["stablecoin"] }))).toEqual(["all", "jp-stable", "stable"]);
    expect(ids(await s.matching({ jurisdictions: [], topics: ["tax"] }))).toEqual(["all", "all-tax"]);
    expect(ids(await s.matching({ jurisdictions: ["US"], topics: ["stablecoin", "tax"] }))).toEqual(["all", "all-tax", "stable"]);
  });

  it("keeps the index in step when a re-put drops or changes jurisdictions and topics", async () => {
    const s = stores().subscriptions;
    await s.put(subscription("1", ["JP", "HK"]));
    await s.put(subscription("2", ["JP"]));
    expect(await index("j:JP")).toEqual(["1", "2"].map((c) => `telegram:${c}`));
    await s.put(subscription("1", ["HK"]));
    expect(await index("j:JP")).toEqual(["telegram:2"]);
    expect(await index("j:HK")).toEqual(["telegram:1"]);
    expect(ids(await s.matching({ jurisdictions: ["JP"], topics: [] }))).toEqual(["2"]);
    await s.put(subscription("1", [], ["tax"]));
    expect(await index("j:HK")).toEqual([]);
    expect(await index("t:tax")).toEqual(["telegram:1"]);
    await s.put(subscription("1", ["all"]));
    expect(await index("t:tax")).toEqual([]);
    expect(await index("all")).toEqual(["telegram:1"]);
    await s.remove(tg("1"));
    expect(await index("all")).toEqual([]);
    expect((await s.list()).map((x) => x.target.chatId)).toEqual(["2"]);
  });

  it("deactivates: out of matching and the index, listed as inactive with reason and date", async () => {
    const s = stores().subscriptions;
    await s.put(subscription("1", ["JP"]));
    await s.put(subscription("2", ["JP"]));
    await s.deactivate(tg("1"), "bot was blocked", "2026-11-05T10:00:00.000Z");
    await s.deactivate(tg("nobody"), "gone", "2026-11-05T10:00:00.000Z");
    expect(ids(await s.matching({ jurisdictions: ["JP"], topics: [] }))).toEqual(["2"]);
    expect(await index("j:JP")).toEqual(["telegram:2"]);
    expect(await s.list({ active: false })).toEqual([
      expect.objectContaining({ target: tg("1"), active: false, inactiveReason: "bot was blocked", inactiveSince: "2026-11-05T10:00:00.000Z" }),
    ]);
    expect(ids(await s.list({ active: true }))).toEqual(["2"]);
    expect(ids(await s.list())).toEqual(["1", "2"]);
    // Subscribing again makes it active and filed again.
    await s.put(subscription("1", ["JP"]));
    expect(ids(await s.matching({ jurisdictions: ["JP"], topics: [] }))).toEqual(["1", "2"]);
  });

  it("moves a subscription to a new chat id, index and all", async () => {
    const s = stores().subscriptions;
    await s.put(subscription("-100", ["JP"], ["stablecoin"]));
    await s.move(tg("-100"), tg("-1001234"));
    await s.move(tg("-999"), tg("-1009999"));
    expect(await s.get(tg("-100"))).toBeUndefined();
    expect(await s.get(tg("-1001234"))).toMatchObject({ target: tg("-1001234"), rules: [{ jurisdictions: ["JP"], topics: ["stablecoin"] }] });
    expect(await s.get(tg("-1009999"))).toBeUndefined();
    expect(await index("j:JP")).toEqual(["telegram:-1001234"]);
    expect(ids(await s.list())).toEqual(["-1001234"]);
  });

  it("serialises concurrent writes so no index update is lost", async () => {
    const s = stores().subscriptions;
    await Promise.all(Array.from({ length: 30 }, (_, i) => s.put(subscription(String(i), ["JP", i % 2 ? "HK" : "GB"]))));
    expect(await index("j:JP")).toHaveLength(30);
    expect(await index("j:HK")).toHaveLength(15);
    expect(await s.list()).toHaveLength(30);
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 3 ? s.remove(tg(String(i))) : s.put(subscription(String(i), ["US"])))));
    expect(await index("j:JP")).toEqual([]);
    expect(await index("j:US")).toHaveLength(10);
    expect(await s.list()).toHaveLength(10);
  });

  it("matching returns exactly the active subscriptions the one rule accepts, after any sequence of changes", async () => {
    const s = stores().subscriptions;
    const places = fc.subarray(["JP", "HK", "US", "GB", "all"]);
    const topics = fc.subarray(["stablecoin", "tax", "aml"]);
    const chat = fc.constantFrom("a", "b", "c", "d", "e");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("put" as const), chat, jurisdictions: places, topics, active: fc.boolean() }),
      fc.record({ kind: fc.constant("remove" as const), chat }),
      fc.record({ kind: fc.constant("deactivate" as const), chat }),
      fc.record({ kind: fc.constant("move" as const), chat, to: chat }),
    );
    const alert = fc.record({ jurisdictions: fc.subarray(["JP", "HK", "US", "GB", "SG"]), topics });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.array(alert, { minLength: 1, maxLength: 4 }), async (ops, alerts) => {
        for (const existing of await s.list()) await s.remove(existing.target);
        const model = new Map<string, Subscription>();
        for (const o of ops) {
          const current = model.get(o.chat);
          if (o.kind === "put") {
            const sub = subscription(o.chat, o.jurisdictions, o.topics, { active: o.active });
            model.set(o.chat, sub);
            await s.put(sub);
          } else if (o.kind === "remove") {
            model.delete(o.chat);
            await s.remove(tg(o.chat));
          } else if (o.kind === "deactivate") {
            if (current) model.set(o.chat, { ...current, active: false, inactiveReason: "gone", inactiveSince: "t", updatedAt: "t" });
            await s.deactivate(tg(o.chat), "gone", "t");
          } else {
            if (current && o.to !== o.chat) {
              model.delete(o.chat);
              model.set(o.to, { ...current, target: tg(o.to) });
            }
            await s.move(tg(o.chat), tg(o.to));
          }
        }
        for (const a of alerts) {
          const expected = [...model.values()].filter((m) => m.active && subscriptionMatches(m, a)).map((m) => targetKey(m.target));
          expect((await s.matching(a)).map((m) => targetKey(m.target)).sort()).toEqual(expected.sort());
        }
        expect((await s.list()).map((m) => targetKey(m.target)).sort()).toEqual([...model.keys()].map((c) => `telegram:${c}`).sort());
      }),
      { numRuns: 40 },
    );
  });

  it("reads records an older regwatch wrote as rules, receiving exactly what they did, and re-files them on the next put", async () => {
    const s = stores();
    const keyv = stores().backend.keyv;
    const old = [
      legacySubscription("jp-hk-stable", ["JP", "HK"], ["stablecoin"], { delivery: { mode: "daily", hour: 8, timeZone: "Asia/Tokyo" } }),
      legacySubscription("stable", [], ["stablecoin"]),
      legacySubscription("all-tax", ["all"], ["tax"]),
      legacySubscription("every", ["all"], []),
    ];
    // As the older store filed them: jurisdictions, topic-only under topics, anything with "all" under all.
    for (const o of old) await keyv.set(`sub:${targetKey(o.target)}`, o);
    await keyv.set("subs:targets", old.map((o) => targetKey(o.target)));
    await keyv.set("subs:by:j:JP", ["telegram:jp-hk-stable"]);
    await keyv.set("subs:by:j:HK", ["telegram:jp-hk-stable"]);
    await keyv.set("subs:by:t:stablecoin", ["telegram:stable"]);
    await keyv.set("subs:by:all", ["telegram:all-tax", "telegram:every"]);

    expect(await s.subscriptions.get(tg("jp-hk-stable"))).toEqual({
      ...(({ jurisdictions, topics, ...rest }) => rest)(old[0]!),
      rules: [{ jurisdictions: ["JP", "HK"], topics: ["stablecoin"] }],
    });
    expect((await s.subscriptions.get(tg("stable")))?.rules).toEqual([{ jurisdictions: ["all"], topics: ["stablecoin"] }]);
    expect((await s.subscriptions.get(tg("all-tax")))?.rules).toEqual([{ jurisdictions: ["all"], topics: ["tax"] }]);
    expect((await s.subscriptions.get(tg("every")))?.rules).toEqual([{ jurisdictions: ["all"], topics: [] }]);
    expect(ids(await s.subscriptions.matching({ jurisdictions: ["HK"], topics: ["stablecoin"] }))).toEqual(["every", "jp-hk-stable", "stable"]);
    expect(ids(await s.subscriptions.matching({ jurisdictions: ["HK"], topics: ["aml"] }))).toEqual(["every"]);
    expect(ids(await s.subscriptions.matching({ jurisdictions: ["US"], topics: ["tax"] }))).toEqual(["all-tax", "every"]);
    expect((await s.subscriptions.list()).every((x) => Array.isArray(x.rules))).toBe(true);

    // Re-put with rules: out of the old "all" list, into the topic list the new layout uses.
    const allTax = (await s.subscriptions.get(tg("all-tax")))!;
    await s.subscriptions.put(allTax);
    expect(await index("all")).toEqual(["telegram:every"]);
    expect(await index("t:tax")).toEqual(["telegram:all-tax"]);
    expect(await keyv.get(`sub:telegram:all-tax`)).toEqual(allTax);
  });

  it("files a chat under every jurisdiction any rule names, each topic of an every-jurisdiction rule, and all", async () => {
    const s = stores().subscriptions;
    const chat = subscription("multi", ["JP"]);
    await s.put({ ...chat, rules: [{ jurisdictions: ["JP", "HK"], topics: [] }, { jurisdictions: ["all"], topics: ["stablecoin"] }, { jurisdictions: ["US"], topics: ["tax"], include: ["IRS"] }] });
    expect(await index("j:JP")).toEqual(["telegram:multi"]);
    expect(await index("j:US")).toEqual(["telegram:multi"]);
    expect(await index("t:stablecoin")).toEqual(["telegram:multi"]);
    expect(await index("all")).toEqual([]);
    expect(ids(await s.matching({ jurisdictions: ["SG"], topics: ["stablecoin"] }))).toEqual(["multi"]);
    expect(ids(await s.matching({ jurisdictions: ["US"], topics: ["tax"], title: "IRS guidance on staking" }))).toEqual(["multi"]);
    expect(await s.matching({ jurisdictions: ["US"], topics: ["tax"], title: "Treasury guidance" })).toEqual([]);
    await s.put({ ...chat, rules: [{ jurisdictions: ["all"], topics: [] }] });
    expect(await index("j:JP")).toEqual([]);
    expect(await index("t:stablecoin")).toEqual([]);
    expect(await index("all")).toEqual(["telegram:multi"]);
  });

  it("for random rule sets and alerts, matching returns each chat once exactly when any of its rules matches", async () => {
    const s = stores().subscriptions;
    const word = fc.constantFrom("circle", "tether", "airdrop", "ステーブルコイン", "sec");
    const rule = fc.record(
      {
        jurisdictions: fc.oneof(fc.constant(["all"]), fc.uniqueArray(fc.constantFrom<string>("JP", "HK", "US", "GB"), { minLength: 1, maxLength: 3 })),
        topics: fc.subarray(["stablecoin", "tax", "aml"]),
        include: fc.uniqueArray(word, { maxLength: 2 }),
        exclude: fc.uniqueArray(word, { maxLength: 2 }),
      },
      { requiredKeys: ["jurisdictions", "topics"] },
    );
    const chats = fc.uniqueArray(fc.record({ chat: fc.constantFrom("a", "b", "c", "d"), rules: fc.array(rule, { maxLength: 4 }), active: fc.boolean() }), { selector: (c) => c.chat });
    const title = fc.array(fc.constantFrom("Circle", "Tether's", "airdrops", "SEC", "section", "円建てステーブルコインの発行", "notice"), { maxLength: 4 }).map((w) => w.join(" "));
    const alert = fc.record({ jurisdictions: fc.subarray(["JP", "HK", "US", "GB", "SG"]), topics: fc.subarray(["stablecoin", "tax", "aml"]), title });
    await fc.assert(
      fc.asyncProperty(chats, fc.array(alert, { minLength: 1, maxLength: 4 }), async (setup, alerts) => {
        for (const existing of await s.list()) await s.remove(existing.target);
        const model: Subscription[] = setup.map((c) => ({ ...subscription(c.chat, ["JP"]), rules: c.rules as SubscriptionRule[], active: c.active }));
        for (const m of model) await s.put(m);
        for (const a of alerts) {
          const found = (await s.matching(a)).map((m) => targetKey(m.target));
          expect(new Set(found).size).toBe(found.length);
          const expected = model.filter((m) => m.active && m.rules.some((r) => ruleMatches(r, a))).map((m) => targetKey(m.target));
          expect(found.sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 60 },
    );
  });
}
