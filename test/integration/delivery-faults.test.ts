import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REST } from "discord.js";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordPlatform } from "../../adapters/discord/platform.js";
import { createTelegramPlatform } from "../../adapters/telegram/platform.js";
import { DeliveryEngine } from "../../src/delivery/engine.js";
import { KeyvSubscriptionStore, openStores, type Stores } from "../../src/storage/index.js";
import { makeAlert, makeSubscription } from "../support/fixtures.js";
import { startPlatformFarm, type PlatformFarm } from "../support/platform-farm.js";

// The real grammY and discord.js clients against a local server that answers floods of 429, 403 for some
// chats, 500s and slow answers: every chat that can receive gets every alert once, in order.

const dir = mkdtempSync(join(tmpdir(), "regwatch-faults-"));
let farm: PlatformFarm;
let stores: Stores;
const TELEGRAM = Array.from({ length: 40 }, (_, i) => String(700 + i));
const DISCORD = Array.from({ length: 10 }, (_, i) => String(800_000_000 + i));

beforeAll(async () => {
  farm = await startPlatformFarm({ scale: 5 });
  stores = await openStores(`sqlite://${join(dir, "faults.sqlite")}`, { seenTtlDays: 180 });
  await new KeyvSubscriptionStore(stores.backend.keyv).putMany([
    ...TELEGRAM.map((id) => makeSubscription(id, ["JP"])),
    ...DISCORD.map((id) => makeSubscription(id, ["JP"], { platform: "discord" })),
  ]);
  farm.behave("telegram", "700", { kind: "flood", times: 3, retryAfter: 1 });
  farm.behave("telegram", "701", { kind: "forbidden" });
  farm.behave("telegram", "702", { kind: "error", times: 2 });
  farm.behave("telegram", "703", { kind: "slow", ms: 300 });
  farm.behave("discord", DISCORD[0]!, { kind: "forbidden" });
  farm.behave("discord", DISCORD[1]!, { kind: "error", times: 1 });
});
afterAll(async () => {
  await stores.close();
  await farm.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("delivery against a misbehaving platform", () => {
  it("waits out 429s, deactivates 403s, retries 500s and slow chats, and loses nothing", async () => {
    const token = "123:FAULTS";
    const engine = new DeliveryEngine({
      platforms: [
        createTelegramPlatform({ api: new Api(token, { apiRoot: farm.telegramRoot }), token, linkPreviews: false }),
        // discord.js retries a 500 on its own before reporting it; keep that short here.
        createDiscordPlatform({ rest: new REST({ api: farm.discordBase, retries: 0, timeout: 5_000 }).setToken("faults-token") }),
      ],
      subscriptions: stores.subscriptions,
      outbox: stores.outbox,
      limits: { telegram: { perSecond: 150, perChatPerSecond: 5, perGroupPerMinute: 100 }, discord: { perSecond: 250 } },
      retry: { baseDelayMs: 100, maxDelayMs: 400, maxAttempts: 5 },
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    await engine.start();
    await engine.deliver([makeAlert(1), makeAlert(2), makeAlert(3)]);
    const deadline = Date.now() + 20_000;
    const done = () => farm.deliveries.length === (TELEGRAM.length - 1 + DISCORD.length - 1) * 3;
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await engine.stop();

    const got = (platform: "telegram" | "discord", chatId: string) =>
      farm.deliveries.filter((d) => d.platform === platform && d.chatId === chatId).map((d) => /notice (\d)/i.exec(d.text)?.[1]);
    for (const id of TELEGRAM.filter((id) => id !== "701")) expect(got("telegram", id)).toEqual(["1", "2", "3"]);
    for (const id of DISCORD.slice(1)) expect(got("discord", id)).toEqual(["1", "2", "3"]);
    expect(got("telegram", "701")).toEqual([]);
    expect(await stores.subscriptions.get({ platform: "telegram", chatId: "701" })).toMatchObject({ active: false });
    expect(await stores.subscriptions.get({ platform: "discord", chatId: DISCORD[0]! })).toMatchObject({ active: false });
    expect((await stores.outbox.queue({ platform: "telegram", chatId: "700" }))?.entries).toEqual([]);
    expect(farm.stats.tooManyTelegram).toBe(3); // only the scripted flood: pacing itself caused none
  });
});
