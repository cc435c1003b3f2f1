import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConsolePlatform } from "../../adapters/console/platform.js";
import { DeliveryEngine, type DeliveryOptions } from "../../src/delivery/engine.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { makeAlert, makeSubscription } from "../support/fixtures.js";
import { RecordingPlatform } from "../support/recording-platform.js";
import { sleep, waitFor } from "../support/wait.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-delivery-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stores: Stores;
let url: string;
let platform: RecordingPlatform;
let engine: DeliveryEngine | undefined;
let logs: string[];

const options = (extra: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
  platforms: [platform],
  subscriptions: stores.subscriptions,
  outbox: stores.outbox,
  limits: { telegram: { perSecond: 1000, perChatPerSecond: 1000 } },
  retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
  logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  ...extra,
});
const startEngine = async (extra: Partial<DeliveryOptions> = {}): Promise<DeliveryEngine> => {
  engine = new DeliveryEngine(options(extra));
  await engine.start();
  return engine;
};

beforeEach(async () => {
  url = `sqlite://${join(mkdtempSync(join(dir, "s-")), "regwatch.sqlite")}`;
  stores = await openStores(url, { seenTtlDays: 180 });
  platform = new RecordingPlatform("telegram");
  logs = [];
  await stores.subscriptions.put(makeSubscription("1", ["JP"]));
  await stores.subscriptions.put(makeSubscription("2", ["HK"]));
  await stores.subscriptions.put(makeSubscription("-3", [], { topics: ["stablecoin"] }));
  await stores.subscriptions.put(makeSubscription("4", ["all"], { platform: "discord" }));
});
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await stores.close();
});

describe("delivery", () => {
  it("sends each alert to every matching chat of the platform, once, in publication order", async () => {
    const delivery = await startEngine();
    const queued = await delivery.deliver([makeAlert(2), makeAlert(1), makeAlert(3, { jurisdictions: ["HK"], topics: ["tax"] })]);
    expect(queued).toBe(8); // JP alerts: chats 1, -3, 4 each; the HK one: chats 2 and 4
    await delivery.idle();
    expect(platform.received("1")).toEqual(["g:test:1", "g:test:2"]);
    expect(platform.received("-3")).toEqual(["g:test:1", "g:test:2"]);
    expect(platform.received("2")).toEqual(["g:test:3"]);
    // The Discord chat has no running platform here: its entries wait in the outbox.
    expect((await stores.outbox.queue({ platform: "discord", chatId: "4" }))?.entries.map((e) => e.alertId)).toEqual(["g:test:1", "g:test:2", "g:test:3"]);
  });

  it("queues nothing twice when the same alerts are handed over again (a replayed poll)", async () => {
    const delivery = await startEngine();
    await delivery.deliver([makeAlert(1)]);
    await delivery.idle();
    expect(await delivery.deliver([makeAlert(1)])).toBe(0);
    await delivery.idle();
    expect(platform.received("1")).toEqual(["g:test:1"]);
  });

  it("waits the retry-after a platform gives, keeps the entry first in line, and counts no failure", async () => {
    platform.script("1", { status: "retry-after", seconds: 0.3 }, { status: "retry-after", seconds: 0.2 });
    const delivery = await startEngine();
    const started = Date.now();
    await delivery.deliver([makeAlert(1), makeAlert(2)]);
    await waitFor("deliveries", () => platform.received("1").length === 2);
    expect(platform.received("1")).toEqual(["g:test:1", "g:test:2"]);
    expect(platform.sent.find((s) => s.chatId === "1")!.at - started).toBeGreaterThanOrEqual(480);
    expect(logs.filter((l) => l.includes("gave up"))).toEqual([]);
  });

  it("deactivates a chat that is gone, sets its waiting messages aside, and sends there no more", async () => {
    platform.script("1", { status: "gone", reason: "Forbidden: bot was blocked by the user" });
    const delivery = await startEngine();
    await delivery.deliver([makeAlert(1), makeAlert(2)]);
    await delivery.idle();
    expect(platform.attempts.filter((a) => a.chatId === "1")).toHaveLength(1);
    const subscription = await stores.subscriptions.get({ platform: "telegram", chatId: "1" });
    expect(subscription).toMatchObject({ active: false, inactiveReason: "Forbidden: bot was blocked by the user" });
    const queue = await stores.outbox.queue({ platform: "telegram", chatId: "1" });
    expect(queue?.entries).toEqual([]);
    expect(queue?.dead.map((d) => d.reason)).toEqual(["chat gone: Forbidden: bot was blocked by the user", "chat gone: Forbidden: bot was blocked by the user"]);
    await delivery.deliver([makeAlert(5)]);
    await delivery.idle();
    expect(platform.attempts.filter((a) => a.chatId === "1")).toHaveLength(1);
  });

  it("follows a group that became a supergroup, with its subscription and its queue", async () => {
    platform.script("-3", { status: "gone", reason: "group chat was upgraded to a supergroup chat", movedTo: "-1009" });
    const delivery = await startEngine();
    await delivery.deliver([makeAlert(1), makeAlert(2)]);
    await waitFor("deliveries", () => platform.received("-1009").length === 2);
    expect(platform.received("-1009")).toEqual(["g:test:1", "g:test:2"]);
    expect(await stores.subscriptions.get({ platform: "telegram", chatId: "-3" })).toBeUndefined();
    expect(await stores.subscriptions.get({ platform: "telegram", chatId: "-1009" })).toMatchObject({ active: true, rules: [{ jurisdictions: ["all"], topics: ["stablecoin"] }] });
  });

  it("retries failures with backoff, then dead-letters them; a requeue delivers them", async () => {
    platform.script("2", { status: "failed", reason: "HTTP 502" }, { status: "failed", reason: "HTTP 502" }, { status: "failed", reason: "HTTP 503" });
    platform.script("1", { status: "failed", reason: "network error" });
    const delivery = await startEngine();
    await delivery.deliver([makeAlert(1), makeAlert(3, { jurisdictions: ["HK"] })]);
    await waitFor("deliveries", () => platform.attempts.filter((a) => a.chatId === "2").length === 3 && platform.received("1").length === 1);
    await delivery.idle();
    expect(platform.received("1")).toEqual(["g:test:1"]); // one failure, then sent
    const queue = await stores.outbox.queue({ platform: "telegram", chatId: "2" });
    expect(queue?.dead).toHaveLength(1);
    expect(queue?.dead[0]?.reason).toBe("HTTP 503 (after 3 attempts)");
    expect(await stores.outbox.requeueDead()).toBe(1);
    await delivery.stop();
    await startEngine();
    await waitFor("deliveries", () => platform.received("2").length === 1);
    expect(platform.received("2")).toEqual(["g:test:3"]);
  });

  it("resumes waiting entries after a restart", async () => {
    const first = new DeliveryEngine(options({ platforms: [] }));
    await first.deliver([makeAlert(1)]);
    await startEngine();
    await waitFor("deliveries", () => platform.received("1").length === 1 && platform.received("-3").length === 1);
    expect(platform.received("1")).toEqual(["g:test:1"]);
    expect(platform.received("-3")).toEqual(["g:test:1"]);
  });

  it("prints what the console chat subscribed to, and its queue drains", async () => {
    await stores.subscriptions.put(makeSubscription("console", ["HK"], { platform: "console" }));
    const printed: string[] = [];
    const delivery = await startEngine({ platforms: [platform, createConsolePlatform((line) => printed.push(line))] });
    await delivery.deliver([makeAlert(1), makeAlert(3, { jurisdictions: ["HK"], title: "HKMA \u001b[31mstablecoin licence" })]);
    await delivery.idle();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^console: .*\[HK\] HKMA \[31mstablecoin licence \(Test feed\) https:\/\/regulator\.example\/news\/3/);
    expect(printed[0]).not.toContain("\u001b");
    expect((await stores.outbox.queue({ platform: "console", chatId: "console" }))?.entries).toEqual([]);
  });

  it("collects alerts for a daily digest and sends them as one message at the subscriber's hour", async () => {
    await stores.subscriptions.put(makeSubscription("7", ["JP"], { delivery: { mode: "daily", hour: 8, timeZone: "Asia/Tokyo" } }));
    let now = Date.parse("2026-11-26T05:00:00Z"); // 14:00 in Tokyo
    const delivery = await startEngine({ now: () => now, digestEveryMs: 20 });
    await delivery.deliver([makeAlert(1), makeAlert(2)]);
    await delivery.idle();
    await sleep(60);
    expect(platform.received("7")).toEqual([]);
    now = Date.parse("2026-11-26T23:05:00Z"); // 08:05 on the 27th in Tokyo
    await waitFor("deliveries", () => platform.received("7").length === 1);
    expect(platform.received("7")).toEqual(["digest(g:test:1,g:test:2)"]);
    const digest = platform.sent.find((s) => s.chatId === "7")!.outgoing;
    expect(digest.kind === "digest" && digest.period.label).toBe("Daily digest, 27 Nov 2026");
    await sleep(80);
    expect(platform.received("7")).toHaveLength(1); // once per period
  });
});
