import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chatCliCommand } from "../../../src/cli/chat.js";
import { subscriptionsCliCommand } from "../../../src/cli/subscriptions.js";
import { openStores } from "../../../src/storage/index.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-subs-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = `sqlite://${join(dir, "regwatch.sqlite")}`;
const configFile = join(dir, "regwatch.yaml");
writeFileSync(configFile, [`store: ${store}`, "feeds:", "  - { id: demo, name: Demo, url: https://example.com/feed.xml }", ""].join("\n"));

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const chat = (line: string) => chatCliCommand().exitOverride().parseAsync(["-c", line, "--config", configFile], { from: "user" });
const list = (...args: string[]) => subscriptionsCliCommand().exitOverride().parseAsync([...args, "--config", configFile], { from: "user" });

describe("regwatch chat with the configured store", () => {
  it("keeps a subscription between runs, as the console chat", async () => {
    await chat("/subscribe jp digest:daily tz:Asia/Tokyo");
    expect(out.join("")).toMatch(/^Subscribed\nAdded rule 1: every topic from 🇯🇵 Japan\./);
    out.length = 0;
    await chat("/subscriptions");
    const text = out.join("");
    expect(text).toContain("1. Every topic from 🇯🇵 Japan.");
    expect(text).toContain("Delivery: daily digest at 08:00 Asia/Tokyo");
    expect(process.exitCode).toBe(0);
  });
});

describe("regwatch subscriptions", () => {
  it("lists active subscriptions, stopped ones with --inactive, and JSON", async () => {
    const stores = await openStores(store, { seenTtlDays: 180 });
    const base = { chatType: "group" as const, delivery: { mode: "instant" as const }, createdBy: "42", createdAt: "2026-11-05T00:00:00.000Z", updatedAt: "2026-11-05T00:00:00.000Z", active: true };
    await stores.subscriptions.put({ ...base, target: { platform: "telegram", chatId: "-1001" }, rules: [{ jurisdictions: ["HK", "SG"], topics: ["stablecoin"] }] });
    await stores.subscriptions.put({ ...base, target: { platform: "discord", chatId: "555" }, rules: [{ jurisdictions: ["US"], topics: ["stablecoin"] }] });
    await stores.subscriptions.deactivate({ platform: "discord", chatId: "555" }, "Missing Access", "2026-11-06T00:00:00.000Z");
    await stores.close();

    await list();
    const active = out.join("").trim().split("\n");
    expect(active).toHaveLength(2);
    expect(active.find((l) => l.startsWith("telegram:-1001"))).toMatch(/group\s+HK,SG×stablecoin\s+instant.*by 42 on 2026-11-05$/);
    expect(active.find((l) => l.startsWith("console:console"))).toMatch(/private\s+JP×all\s+daily digest at 08:00 Asia\/Tokyo/);

    out.length = 0;
    await list("--inactive");
    expect(out.join("").trim()).toMatch(/^discord:555\s+group\s+US×stablecoin .* stopped 2026-11-06: Missing Access$/);

    out.length = 0;
    await list("--inactive", "--json");
    expect(JSON.parse(out.join(""))).toEqual([
      expect.objectContaining({ target: { platform: "discord", chatId: "555" }, active: false, inactiveReason: "Missing Access", inactiveSince: "2026-11-06T00:00:00.000Z" }),
    ]);
  });
});
