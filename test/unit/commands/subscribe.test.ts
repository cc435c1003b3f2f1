import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandContext, CommandServices } from "../../../src/core/command.js";
import { runCommandLine } from "../../../src/commands/run.js";
import { openStores, type Stores } from "../../../src/storage/index.js";
import { alert, recordingContext, servicesOver } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-subscribe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let stores: Stores;
let services: CommandServices;
beforeEach(async () => {
  stores = await openStores(`sqlite://${join(dir, `${++n}.sqlite`)}`, { seenTtlDays: 180 });
  services = servicesOver(stores);
});
afterEach(() => stores.close());

const target = { platform: "console" as const, chatId: "c1" };

async function say(text: string, overrides: Partial<CommandContext> = {}) {
  const ctx = recordingContext(overrides);
  const outcome = await runCommandLine(text, ctx, services, { logger: { error: (m) => expect.fail(m) } });
  expect(ctx.replies).toHaveLength(1);
  const reply = ctx.replies[0]!;
  const field = (name: string) => reply.fields?.find((f) => f.name.startsWith(name))?.value;
  return { outcome, reply, field, all: [reply.title, reply.text, ...(reply.fields ?? []).map((f) => `${f.name}: ${f.value}`)].join("\n") };
}

const rules = async () => (await stores.subscriptions.get(target))?.rules;
const receivers = async (alert: { jurisdictions: string[]; topics: string[] }) => (await stores.subscriptions.matching(alert)).map((s) => s.target.chatId);

describe("/subscribe", () => {
  it.each([
    ["/subscribe jp hk", ["JP", "HK"]],
    ["/subscribe JP, Hong Kong", ["JP", "HK"]],
    ["/subscribe UK", ["GB"]],
    ["/subscribe 日本", ["JP"]],
    ["/subscribe what:jp united states", ["JP", "US"]],
    ["/subscribe all", ["all"]],
  ])("%s adds one rule for %j, every topic, instant", async (line, codes) => {
    const { outcome, reply, field } = await say(line);
    expect(outcome).toEqual({ status: "ok", command: "subscribe" });
    expect(reply.title).toBe("Subscribed");
    expect(await stores.subscriptions.get(target)).toMatchObject({
      target,
      chatType: "private",
      rules: [{ jurisdictions: codes, topics: [] }],
      delivery: { mode: "instant" },
      createdBy: "u1",
      createdAt: "2026-11-20T09:00:00.000Z",
      active: true,
    });
    expect(field("This chat receives")).toMatch(/^1\. Every topic from /);
    expect(field("Delivery")).toMatch(/^instant/);
  });

  it("says in one sentence what /subscribe jp hk stablecoin adds: stablecoins from those two", async () => {
    const { reply, field } = await say("/subscribe jp hk stablecoin");
    expect(reply.text).toBe("Added rule 1: stablecoins from 🇯🇵 Japan and 🇭🇰 Hong Kong.");
    expect(field("This chat receives")).toBe("1. Stablecoins from 🇯🇵 Japan and 🇭🇰 Hong Kong.");
  });

  it("holds all of JP and HK plus stablecoins from anywhere", async () => {
    await say("/subscribe jp hk");
    const { reply, field } = await say("/subscribe stablecoin");
    expect(reply.text).toBe("Added rule 2: stablecoins from every jurisdiction.");
    expect(field("This chat receives")).toBe("1. Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.\n2. Stablecoins from every jurisdiction.");
    expect(await receivers({ jurisdictions: ["JP"], topics: ["tax"] })).toEqual(["c1"]);
    expect(await receivers({ jurisdictions: ["SG"], topics: ["stablecoin"] })).toEqual(["c1"]);
    expect(await receivers({ jurisdictions: ["SG"], topics: ["tax"] })).toEqual([]);
  });

  it("/subscribe us stablecoin on a chat with HK adds US stablecoins and never narrows HK", async () => {
    await say("/subscribe hk");
    const { reply } = await say("/subscribe us stablecoin");
    expect(reply.text).toBe("Added rule 2: stablecoins from 🇺🇸 United States.");
    expect(await rules()).toEqual([{ jurisdictions: ["HK"], topics: [] }, { jurisdictions: ["US"], topics: ["stablecoin"] }]);
    expect(await receivers({ jurisdictions: ["HK"], topics: ["tax"] })).toEqual(["c1"]);
    expect(await receivers({ jurisdictions: ["US"], topics: ["tax"] })).toEqual([]);
  });

  it("names jurisdictions with their flags, from the table", async () => {
    const { reply } = await say("/subscribe jp 香港");
    expect(reply.text).toBe("Added rule 1: every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.");
  });

  it("suggests the closest jurisdiction or topic for what it does not know, and changes nothing", async () => {
    const { outcome, reply } = await say("/subscribe jp hongkng");
    expect(outcome.status).toBe("user-error");
    expect(reply.text).toMatch(/^"hongkng" is not a jurisdiction or topic I know \(did you mean HK, Hong Kong\?\)/);
    expect(reply.ephemeral).toBe(true);
    expect(await stores.subscriptions.get(target)).toBeUndefined();
    expect((await say("/subscribe stablecon")).reply.text).toContain("did you mean stablecoin?");
  });

  it("echoes unknown input short", async () => {
    const { reply } = await say(`/subscribe ${"x".repeat(300)}`);
    expect(reply.text).toMatch(/^"x{39}…" is not/);
    expect(reply.text.length).toBeLessThan(160);
  });

  it("joins places into a rule with the same topics, and says when a chat already receives something", async () => {
    await say("/subscribe jp");
    const { reply } = await say("/subscribe hk jp");
    expect(reply.title).toBe("Subscription updated");
    expect(reply.text).toBe("Added rule 1: every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.");
    expect((await stores.subscriptions.get(target))?.createdAt).toBe("2026-11-20T09:00:00.000Z");
    expect((await say("/subscribe jp")).reply.text).toBe("This chat already receives those: rule 1, every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.");
    expect((await say("/subscribe jp stablecoin")).reply.text).toMatch(/^This chat already receives those: rule 1/);
    await say("/subscribe stablecoin");
    await say("/subscribe all");
    expect(await rules()).toEqual([{ jurisdictions: ["all"], topics: [] }]);
  });

  it("takes keywords to require or exclude, whole words in any language", async () => {
    await say("/subscribe us stablecoin include:circle,usdc exclude:airdrop");
    expect(await rules()).toEqual([{ jurisdictions: ["US"], topics: ["stablecoin"], include: ["circle", "usdc"], exclude: ["airdrop"] }]);
    expect((await say("/subscriptions")).reply.text).toMatch(/^1\. Stablecoins from 🇺🇸 United States, only when naming "circle" or "usdc", never when naming "airdrop"\./);
    const match = (title: string) => stores.subscriptions.matching({ jurisdictions: ["US"], topics: ["stablecoin"], title });
    expect(await match("Circle files for a charter")).toHaveLength(1);
    expect(await match("Circlet rules")).toHaveLength(0);
    expect(await match("USDC airdrop warning")).toHaveLength(0);
    await say("/subscribe jp include:ステーブルコイン");
    expect(await stores.subscriptions.matching({ jurisdictions: ["JP"], topics: [], title: "金融庁、円建てステーブルコインを承認" })).toHaveLength(1);
  });

  it("shows the latest matching alert once: its link is the reply's link, not repeated in the field", async () => {
    expect((await say("/subscribe jp")).field("Latest matching alert")).toMatch(/^None yet: alerts arrive here as soon as/);
    await stores.alerts.record([
      alert("a1", "2026-11-10T00:00:00.000Z", ["JP"]),
      alert("a2", "2026-11-12T00:00:00.000Z", ["HK"]),
      alert("a3", "2026-11-11T00:00:00.000Z", ["JP"], ["stablecoin"]),
    ]);
    const { reply } = await say("/subscribe gb");
    const latest = reply.fields?.find((f) => f.name.startsWith("Latest matching alert"));
    expect(latest).toEqual({ name: "Latest matching alert: 🇯🇵 2026-11-11", value: "Notice a3 (FSA news)" });
    expect(reply.link).toEqual({ url: "https://www.fsa.example/a3", label: "Latest matching alert" });
  });

  it("does not promise instant alerts to a digest chat", async () => {
    const { field } = await say("/subscribe jp daily");
    expect(field("Latest matching alert")).toBe("None yet: matching alerts come in the daily digest at 08:00 UTC.");
  });

  it("refuses a member who may not manage a group or channel, and allows an admin", async () => {
    for (const type of ["group", "channel"] as const) {
      const chat = { platform: "telegram" as const, id: "-100", type };
      const { outcome, reply } = await say("/subscribe jp", { chat, canManage: false });
      expect(outcome.status).toBe("user-error");
      expect(reply.text).toBe("Only chat administrators can change this chat's subscriptions.");
      expect((await say("/unsubscribe all", { chat, canManage: false })).reply.text).toBe("Only chat administrators can change this chat's subscriptions.");
    }
    expect(await stores.subscriptions.list()).toEqual([]);
    await say("/subscribe jp", { chat: { platform: "telegram", id: "-100", type: "group" }, canManage: true });
    expect(await stores.subscriptions.get({ platform: "telegram", chatId: "-100" })).toMatchObject({ chatType: "group" });
    expect((await say("/subscribe hk", { canManage: false })).outcome.status).toBe("ok");
  });

  describe("delivery", () => {
    it("reads a daily digest with hour and time zone, by option names and their aliases", async () => {
      const { field } = await say("/subscribe jp hk delivery:daily hour:8 time_zone:asia/tokyo");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "daily", hour: 8, timeZone: "Asia/Tokyo" });
      expect(field("Delivery")).toBe("daily digest at 08:00 Asia/Tokyo");
      await say("/subscribe digest:daily at:9 tz:UTC");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "daily", hour: 9, timeZone: "UTC" });
    });

    it.each([
      ["/subscribe jp daily", { mode: "daily", hour: 8, timeZone: "UTC" }],
      ["/subscribe jp daily 9am JST", { mode: "daily", hour: 9, timeZone: "Asia/Tokyo" }],
      ["/subscribe jp weekly friday 9pm", { mode: "weekly", hour: 21, timeZone: "UTC", weekday: 5 }],
      ["/subscribe jp 毎日 9時 JST", { mode: "daily", hour: 9, timeZone: "Asia/Tokyo" }],
      ["/subscribe jp delivery:daily hour:9am time_zone:JST", { mode: "daily", hour: 9, timeZone: "Asia/Tokyo" }],
    ])("reads everyday words: %s", async (line, delivery) => {
      expect((await say(line)).outcome.status).toBe("ok");
      expect(await stores.subscriptions.get(target)).toMatchObject({ rules: [{ jurisdictions: ["JP"], topics: [] }], delivery });
    });

    it("reads a weekly digest with a weekday, and defaults hour 8, UTC, Monday", async () => {
      await say("/subscribe jp delivery:weekly");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "weekly", hour: 8, timeZone: "UTC", weekday: 1 });
      const { reply } = await say("/subscribe weekday:fri hour=07:00");
      expect(reply.text).toBe("Delivery is now weekly digest on Fridays at 07:00 UTC.");
      await say("/subscribe hk");
      expect((await stores.subscriptions.get(target))?.delivery.mode).toBe("weekly");
      await say("/subscribe instant");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "instant" });
    });

    it.each([
      ["/subscribe jp time_zone:Mars/Olympus delivery:daily", 'time_zone: unknown time zone "Mars/Olympus"'],
      ["/subscribe jp hour:24 delivery:daily", "hour: a whole hour from 0 to 23"],
      ["/subscribe jp delivery:hourly", "delivery: choose instant, daily or weekly"],
      ["/subscribe jp delivery:instant hour:8", "hour is for a digest: add delivery:daily or delivery:weekly."],
      ["/subscribe jp delivery:daily weekday:monday", "weekday is for a weekly digest: use delivery:weekly."],
      ["/subscribe", "Say what this chat should receive"],
      ["/subscribe delivery:daily", "Say what this chat should receive"],
      ["/subscribe jp mention:@JP-alerts", "mention: role mentions are for Discord channels"],
    ])("refuses %j", async (line, message) => {
      const { outcome, reply } = await say(line);
      expect(outcome.status).toBe("user-error");
      expect(reply.text).toContain(message);
      expect(await stores.subscriptions.get(target)).toBeUndefined();
    });
  });
});

describe("/unsubscribe", () => {
  it("/unsubscribe stablecoin on JP, HK, stablecoins and a daily digest removes only the stablecoin rule, and says what remains", async () => {
    await say("/subscribe jp hk daily");
    await say("/subscribe stablecoin");
    const { reply } = await say("/unsubscribe stablecoin");
    expect(reply.title).toBe("Subscription updated");
    expect(reply.text).toBe("Stopped:\nStablecoins from every jurisdiction. (rule removed)\n\nStill receiving:\n1. Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.");
    expect(await stores.subscriptions.get(target)).toMatchObject({ rules: [{ jurisdictions: ["JP", "HK"], topics: [] }], delivery: { mode: "daily" } });
  });

  it("removes a rule by its number, then everything", async () => {
    await say("/subscribe jp hk");
    await say("/subscribe us stablecoin");
    await say("/subscribe tax");
    const { reply } = await say("/unsubscribe 2");
    expect(reply.text).toBe("Removed:\n2. Stablecoins from 🇺🇸 United States.\n\nStill receiving:\n1. Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.\n2. Tax from every jurisdiction.");
    expect((await say("/unsubscribe 5")).reply.text).toBe("This chat has no rule 5: it has rules 1 to 2. /subscriptions lists them.");
    const all = await say("/unsubscribe all");
    expect(all.reply.title).toBe("Unsubscribed");
    expect(all.reply.text).toContain("This chat receives no alerts now.");
    expect(await stores.subscriptions.get(target)).toBeUndefined();
    expect((await say("/unsubscribe jp")).reply.text).toMatch(/^This chat has no subscription/);
  });

  it("removes one jurisdiction from the rules naming it", async () => {
    await say("/subscribe jp hk");
    const { reply } = await say("/unsubscribe hong kong");
    expect(reply.text).toBe("Stopped:\n🇭🇰 Hong Kong out of: Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.\n\nStill receiving:\n1. Every topic from 🇯🇵 Japan.");
    expect(await stores.subscriptions.matching({ jurisdictions: ["HK"], topics: [] })).toEqual([]);
  });

  it("removes a topic, and ends a rule rather than widen it", async () => {
    await say("/subscribe jp stablecoin tax");
    await say("/unsubscribe tax");
    expect(await rules()).toEqual([{ jurisdictions: ["JP"], topics: ["stablecoin"] }]);
    // Without its last topic the rule would receive every topic from Japan: more, not less.
    expect((await say("/unsubscribe stablecoin")).reply.title).toBe("Unsubscribed");
    expect(await stores.subscriptions.get(target)).toBeUndefined();
  });

  it("says what no rule names, and how to remove a rule that receives everything", async () => {
    await say("/subscribe jp");
    const { reply } = await say("/unsubscribe sg");
    expect(reply.title).toBe("Nothing to stop");
    expect(reply.text).toBe("No rule names 🇸🇬 Singapore.\nThis chat receives:\n1. Every topic from 🇯🇵 Japan.");
    await say("/subscribe all");
    expect((await say("/unsubscribe jp")).reply.text).toMatch(/^Rule 1 receives every jurisdiction, so 🇯🇵 Japan cannot be left out: \/unsubscribe 1 removes that rule/);
  });
});

describe("/subscriptions", () => {
  it("lists the rules numbered, one sentence each, and how they are delivered", async () => {
    expect((await say("/subscriptions")).reply.title).toBe("No subscription");
    await say("/subscribe jp hk");
    await say("/subscribe UK stablecoin delivery:weekly weekday:wednesday hour:18 time_zone:Europe/London");
    const { reply, field } = await say("/subscriptions");
    expect(reply.title).toBe("This chat receives");
    expect(reply.text).toBe("1. Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.\n2. Stablecoins from 🇬🇧 United Kingdom.\n\nSince 2026-11-20. /unsubscribe 2 removes rule 2; /subscribe adds one.");
    expect(field("Delivery")).toBe("weekly digest on Wednesdays at 18:00 Europe/London");
  });

  it("says when delivery stopped because the chat was gone", async () => {
    await say("/subscribe jp");
    await stores.subscriptions.deactivate(target, "bot was blocked by the user", "2026-11-21T00:00:00.000Z");
    const { reply, field } = await say("/subscriptions");
    expect(reply.title).toContain("stopped");
    expect(field("Stopped")).toBe("2026-11-21: bot was blocked by the user");
    // Subscribing again starts afresh.
    await say("/subscribe hk");
    expect(await stores.subscriptions.get(target)).toMatchObject({ rules: [{ jurisdictions: ["HK"], topics: [] }], active: true });
  });
});

describe("/latest", () => {
  it("/latest jp hk reads both jurisdictions, and a trailing number as the count", async () => {
    await stores.alerts.record([alert("a1", "2026-11-10T00:00:00.000Z", ["JP"]), alert("a2", "2026-11-12T00:00:00.000Z", ["HK"]), alert("a3", "2026-11-11T00:00:00.000Z", ["US"])]);
    const { outcome, reply } = await say("/latest jp hk");
    expect(outcome.status).toBe("ok");
    expect(reply.title).toBe("Latest alerts for 🇯🇵 Japan, 🇭🇰 Hong Kong");
    expect(reply.fields?.map((f) => f.value.split(" (")[0])).toEqual(["Notice a2", "Notice a1"]);
    expect((await say("/latest jp hk 1")).reply.fields).toHaveLength(1);
    expect((await say("/latest jp 11")).reply.text).toBe("count: a number from 1 to 10, e.g. /latest jp 5");
  });
});
