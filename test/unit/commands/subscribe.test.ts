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

describe("/subscribe", () => {
  it.each([
    ["/subscribe jp hk", ["JP", "HK"]],
    ["/subscribe JP, Hong Kong", ["JP", "HK"]],
    ["/subscribe UK", ["GB"]],
    ["/subscribe 日本", ["JP"]],
    ["/subscribe what:jp united states", ["JP", "US"]],
    ["/subscribe all", ["all"]],
  ])("%s subscribes this chat to %j, instant, every topic", async (line, codes) => {
    const { outcome, reply, field } = await say(line);
    expect(outcome).toEqual({ status: "ok", command: "subscribe" });
    expect(reply.title).toBe("Subscribed");
    expect(await stores.subscriptions.get(target)).toMatchObject({
      target,
      chatType: "private",
      jurisdictions: codes,
      topics: [],
      delivery: { mode: "instant" },
      createdBy: "u1",
      createdAt: "2026-11-20T09:00:00.000Z",
      active: true,
    });
    expect(field("Topics")).toBe("every topic");
    expect(field("Delivery")).toMatch(/^instant/);
  });

  it("names jurisdictions with their flags, from the table", async () => {
    const { reply, field } = await say("/subscribe jp 香港");
    expect(reply.text).toBe("Added 🇯🇵 Japan, 🇭🇰 Hong Kong.");
    expect(field("Jurisdictions")).toBe("🇯🇵 Japan, 🇭🇰 Hong Kong");
  });

  it("suggests the closest name for what it does not know, and changes nothing", async () => {
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
    expect(reply.text.length).toBeLessThan(120);
  });

  it("adds to what the chat receives rather than replacing it", async () => {
    await say("/subscribe jp");
    const { reply, field } = await say("/subscribe hk jp");
    expect(reply.title).toBe("Subscription updated");
    expect(reply.text).toBe("Added 🇭🇰 Hong Kong.");
    expect(field("Jurisdictions")).toBe("🇯🇵 Japan, 🇭🇰 Hong Kong");
    expect((await stores.subscriptions.get(target))?.createdAt).toBe("2026-11-20T09:00:00.000Z");
    expect((await say("/subscribe jp")).reply.text).toBe("This chat already receives those.");
    await say("/subscribe all");
    expect((await stores.subscriptions.get(target))?.jurisdictions).toEqual(["all"]);
  });

  it("takes topics alone: those topics from every jurisdiction", async () => {
    const { field } = await say("/subscribe stablecoins");
    expect(await stores.subscriptions.get(target)).toMatchObject({ jurisdictions: [], topics: ["stablecoin"] });
    expect(field("Jurisdictions")).toBe("every jurisdiction");
    expect(field("Topics")).toBe("Stablecoins");
    expect((await stores.subscriptions.matching({ jurisdictions: ["SG"], topics: ["stablecoin"] })).map((s) => s.target)).toEqual([target]);
  });

  it("says when a topic narrows jurisdictions that had every topic", async () => {
    await say("/subscribe jp");
    const { reply } = await say("/subscribe stablecoin");
    expect(reply.text).toContain("this chat gets only those topics from those jurisdictions");
    expect(await stores.subscriptions.get(target)).toMatchObject({ jurisdictions: ["JP"], topics: ["stablecoin"] });
  });

  it("shows the latest matching alert, so a quiet feed does not look broken", async () => {
    expect((await say("/subscribe jp")).field("Latest matching alert")).toMatch(/^None yet/);
    await stores.alerts.record([
      alert("a1", "2026-11-10T00:00:00.000Z", ["JP"]),
      alert("a2", "2026-11-12T00:00:00.000Z", ["HK"]),
      alert("a3", "2026-11-11T00:00:00.000Z", ["JP"], ["stablecoin"]),
    ]);
    const { reply } = await say("/subscribe gb");
    const latest = reply.fields?.find((f) => f.name.startsWith("Latest matching alert"));
    expect(latest).toEqual({ name: "Latest matching alert: 🇯🇵 2026-11-11", value: "Notice a3 (FSA news)\nhttps://www.fsa.example/a3" });
    expect(reply.link).toEqual({ url: "https://www.fsa.example/a3", label: "Latest matching alert" });
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
    // In a private chat the user always manages it.
    expect((await say("/subscribe hk", { canManage: false })).outcome.status).toBe("ok");
  });

  describe("delivery", () => {
    it("reads a daily digest with hour and time zone, in text as on Discord", async () => {
      const { field } = await say("/subscribe jp hk digest:daily hour:8 tz:asia/tokyo");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "daily", hour: 8, timeZone: "Asia/Tokyo" });
      expect(field("Delivery")).toBe("daily digest at 08:00 Asia/Tokyo");
    });

    it("reads a weekly digest with a weekday, and defaults hour 8, UTC, Monday", async () => {
      await say("/subscribe jp delivery:weekly");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "weekly", hour: 8, timeZone: "UTC", weekday: 1 });
      const { reply } = await say("/subscribe day:fri hour=07:00");
      expect(reply.text).toBe("Delivery is now weekly digest on Fridays at 07:00 UTC.");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "weekly", hour: 7, timeZone: "UTC", weekday: 5 });
      await say("/subscribe hk");
      expect((await stores.subscriptions.get(target))?.delivery.mode).toBe("weekly");
      await say("/subscribe digest:instant");
      expect((await stores.subscriptions.get(target))?.delivery).toEqual({ mode: "instant" });
    });

    it.each([
      ["/subscribe jp tz:Mars/Olympus digest:daily", 'time_zone: unknown time zone "Mars/Olympus"'],
      ["/subscribe jp hour:24 digest:daily", "hour: a whole hour from 0 to 23"],
      ["/subscribe jp digest:hourly", "delivery: choose instant, daily or weekly"],
      ["/subscribe jp hour:8", "hour is for a digest: add delivery:daily or delivery:weekly."],
      ["/subscribe jp digest:daily day:monday", "weekday is for a weekly digest"],
      ["/subscribe", "Say what this chat should receive"],
      ["/subscribe digest:daily", "Say what this chat should receive"],
    ])("refuses %j", async (line, message) => {
      const { outcome, reply } = await say(line);
      expect(outcome.status).toBe("user-error");
      expect(reply.text).toContain(message);
      expect(await stores.subscriptions.get(target)).toBeUndefined();
    });
  });
});

describe("/unsubscribe", () => {
  it("removes one jurisdiction, then everything", async () => {
    await say("/subscribe jp hk");
    const { reply, field } = await say("/unsubscribe hong kong");
    expect(reply.text).toBe("Stopped 🇭🇰 Hong Kong.");
    expect(field("Jurisdictions")).toBe("🇯🇵 Japan");
    expect(await stores.subscriptions.matching({ jurisdictions: ["HK"], topics: [] })).toEqual([]);
    const all = await say("/unsubscribe all");
    expect(all.reply.title).toBe("Unsubscribed");
    expect(all.reply.text).toContain("This chat receives no alerts now.");
    expect(await stores.subscriptions.get(target)).toBeUndefined();
    expect((await say("/unsubscribe jp")).reply.text).toMatch(/^This chat has no subscription/);
  });

  it("removes a topic, and ends the subscription rather than widen it", async () => {
    await say("/subscribe jp stablecoin tax");
    expect((await say("/unsubscribe tax")).field("Topics")).toBe("Stablecoins");
    // Without its last topic it would receive every topic from Japan: more, not less.
    expect((await say("/unsubscribe stablecoin")).reply.title).toBe("Unsubscribed");
    expect(await stores.subscriptions.get(target)).toBeUndefined();
  });

  it("says what the chat did not receive, and cannot carve one out of every jurisdiction", async () => {
    await say("/subscribe jp");
    const { reply } = await say("/unsubscribe sg");
    expect(reply.title).toBe("Nothing to stop");
    expect(reply.text).toBe("This chat does not receive 🇸🇬 Singapore.");
    await say("/subscribe all");
    expect((await say("/unsubscribe jp")).reply.text).toMatch(/^This chat receives every jurisdiction, so it cannot leave one out/);
    expect((await say("/unsubscribe stablecoin")).reply.text).toMatch(/^This chat receives every topic/);
  });
});

describe("/subscriptions", () => {
  it("shows what this chat receives and how", async () => {
    expect((await say("/subscriptions")).reply.title).toBe("No subscription");
    await say("/subscribe UK stablecoin digest:weekly day:wednesday hour:18 tz:Europe/London");
    const { reply, field } = await say("/subscriptions");
    expect(reply.title).toBe("This chat's subscription");
    expect(reply.text).toBe("Since 2026-11-20.");
    expect(field("Jurisdictions")).toBe("🇬🇧 United Kingdom");
    expect(field("Topics")).toBe("Stablecoins");
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
    expect(await stores.subscriptions.get(target)).toMatchObject({ jurisdictions: ["HK"], active: true });
  });
});
