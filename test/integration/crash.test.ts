import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyvSubscriptionStore, openStores } from "../../src/storage/index.js";
import { BIN, regwatch } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { makeSubscription } from "../support/fixtures.js";
import { custodyRule, rss } from "../support/rss.js";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server.js";
import { waitFor } from "../support/wait.js";

// The service killed with SIGKILL in the middle of a fan-out, then restarted: every chat gets the alert,
// and a chat gets it twice only if its message was in flight at the moment of the kill.

const CHATS = 200;
const dir = mkdtempSync(join(tmpdir(), "regwatch-crash-"));
const store = `sqlite://${join(dir, "store.sqlite")}`;
const configFile = join(dir, "regwatch.yaml");
let feeds: FeedServer;
let telegram: TelegramServer;
let children: ChildProcess[] = [];

const start = (): ChildProcess => {
  const child = spawn(process.execPath, [BIN, "run", "--config", configFile], {
    env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", HOME: dir, REGWATCH_STORE: store, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot },
    stdio: ["ignore", "ignore", "ignore"],
  });
  children.push(child);
  return child;
};
const alerts = () => telegram.callsTo("sendMessage").filter((c) => String(c.params.text).includes("finalises rules on crypto-asset custody 2"));

beforeAll(async () => {
  feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [custodyRule(1)] }) } });
  telegram = await startTelegramServer();
  writeFileSync(
    configFile,
    `contact: ci@example.com
schedule: "0 0 1 1 *"
delivery:
  telegram: { perSecond: 40, perChatPerSecond: 1, perGroupPerMinute: 20 }
feeds:
  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }
`,
  );
  const stores = await openStores(store, { seenTtlDays: 180 });
  await new KeyvSubscriptionStore(stores.backend.keyv).putMany(Array.from({ length: CHATS }, (_, i) => makeSubscription(String(5000 + i), ["JP"])));
  await stores.close();
  expect((await regwatch(["poll", "--once", "--config", configFile], { REGWATCH_STORE: store })).code).toBe(0); // the first poll records item 1
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await telegram.close();
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a crash in the middle of a fan-out", () => {
  it("loses nothing and repeats at most the messages in flight", async () => {
    feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [custodyRule(2), custodyRule(1)] }) });
    const first = start();
    await waitFor("60 alerts before the kill", () => alerts().length >= 60, 30_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const beforeRestart = alerts().length;
    expect(beforeRestart).toBeLessThan(CHATS);

    start();
    await waitFor("every chat after the restart", () => new Set(alerts().map((c) => String(c.params.chat_id))).size === CHATS, 60_000);
    await new Promise((r) => setTimeout(r, 500)); // anything still coming would be a repeat
    const perChat = new Map<string, number>();
    for (const call of alerts()) perChat.set(String(call.params.chat_id), (perChat.get(String(call.params.chat_id)) ?? 0) + 1);
    const repeats = [...perChat.values()].filter((n) => n > 1);
    console.log(`crash test: ${CHATS} chats; ${beforeRestart} sent before SIGKILL; after restart every chat has it; ${repeats.length} chat(s) got it twice`);
    expect(perChat.size).toBe(CHATS);
    expect(Math.max(...perChat.values())).toBeLessThanOrEqual(2);
    // Only what was in flight at the kill can repeat: far fewer than a batch.
    expect(repeats.length).toBeLessThanOrEqual(5);
  });
});
