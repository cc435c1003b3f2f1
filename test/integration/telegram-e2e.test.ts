import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, regwatch } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server.js";
import { alice, alicePrivate, bob } from "../support/telegram/harness.js";
import { waitFor } from "../support/wait.js";

// The built service (`npm run build` first) with a Telegram token: a user subscribes through the bot, a new
// item appears on the local feed, and the alert reaches the chat through the delivery engine.

const dir = mkdtempSync(join(tmpdir(), "regwatch-telegram-e2e-"));
const store = `sqlite://${join(dir, "store.sqlite")}`;
const configFile = join(dir, "regwatch.yaml");
let feeds: FeedServer;
let telegram: TelegramServer;
let service: ChildProcess;
let stderr = "";

const item = (n: number) => ({
  title: `Japan's FSA publishes draft rules on crypto-asset lending & custody ${n}`,
  link: `https://www.fsa.go.jp/en/news/${n}.html`,
  pubDate: day(n),
  description: `The Financial Services Agency of Japan published draft rules number ${n} for crypto lending.`,
});
const bobPrivate = { id: bob.id, type: "private" as const, first_name: "Bob" };
const hanako = { id: 1004, is_bot: false, first_name: "花子", language_code: "ja" };
const hanakoPrivate = { id: hanako.id, type: "private" as const, first_name: "花子" };

const until = (what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> => waitFor(what, check, timeoutMs, () => `service stderr:\n${stderr}`);

beforeAll(async () => {
  feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [item(1)] }) } });
  telegram = await startTelegramServer();
  writeFileSync(
    configFile,
    `contact: ci@example.com
schedule: "* * * * * *"
delivery:
  telegram: { perSecond: 100, perChatPerSecond: 50, perGroupPerMinute: 600 }
feeds:
  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }
`,
  );
  service = spawn(process.execPath, [BIN, "run", "--config", configFile], {
    env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", HOME: dir, REGWATCH_STORE: store, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot },
    stdio: ["ignore", "pipe", "pipe"],
  });
  service.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  service.stdout?.resume();
  await until("the bot to poll Telegram and the first feed poll", () => telegram.callsTo("getUpdates").length > 0 && /first poll 1/.test(stderr));
});

afterAll(async () => {
  if (service.exitCode === null) {
    const exited = new Promise((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    await exited;
  }
  await telegram.close();
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("regwatch run with TELEGRAM_BOT_TOKEN", () => {
  it("runs a flow in Japanese: help, subscribe, list and an alert labelled in Japanese", async () => {
    telegram.sendText({ chat: hanakoPrivate, from: hanako, text: "/help" });
    const help = await telegram.waitForCall("sendMessage", (p) => p.chat_id === hanako.id && String(p.text).includes("コマンド"), 10_000);
    expect(String(help.params.text)).toContain("/subscribe — ルールを追加");
    telegram.sendText({ chat: hanakoPrivate, from: hanako, text: "/subscribe 日本 ステーブルコイン" });
    const added = await telegram.waitForCall("sendMessage", (p) => p.chat_id === hanako.id && String(p.text).includes("購読しました"), 10_000);
    expect(String(added.params.text)).toContain("ルール 1 を追加しました: 🇯🇵 日本のステーブルコイン。");
    telegram.sendText({ chat: hanakoPrivate, from: hanako, text: "/subscribe jp" });
    await telegram.waitForCall("sendMessage", (p) => p.chat_id === hanako.id && String(p.text).includes("ルール 1 を追加しました: 🇯🇵 日本のすべてのトピック。"), 10_000);
    telegram.sendText({ chat: hanakoPrivate, from: hanako, text: "/ieo_cap 年収800万 資産3千万" });
    const cap = await telegram.waitForCall("sendMessage", (p) => p.chat_id === hanako.id && String(p.text).includes("上限: ¥1,500,000"), 10_000);
    expect(String(cap.params.text)).toContain("<blockquote expandable>");
    expect(String(cap.params.text)).toMatch(/<i>情報提供であり、法律・投資の助言ではありません。金額はご本人の申告です。<\/i>$/);
  });

  it("delivers a new JP item to the private chat subscribed to JP, and stops sending to a chat that blocked the bot", async () => {
    telegram.sendText({ chat: alicePrivate, from: alice, text: "/subscribe jp" });
    telegram.sendText({ chat: bobPrivate, from: bob, text: "/subscribe jp" });
    await telegram.waitForCall("sendMessage", (p) => p.chat_id === alicePrivate.id && String(p.text).includes("Subscribed"), 10_000);
    // Bob's Telegram is in Japanese: the bot answers him in Japanese.
    await telegram.waitForCall("sendMessage", (p) => p.chat_id === bob.id && String(p.text).includes("購読しました"), 10_000);
    // Bob blocks the bot from now on.
    telegram.failNext(bob.id, { kind: "blocked" }, { times: 100 });

    feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(2), item(1)] }) });
    const alert = await telegram.waitForCall("sendMessage", (p) => String(p.chat_id) === String(alicePrivate.id) && String(p.text).includes("custody 2"), 15_000);
    const html = String(alert.params.text);
    expect(alert.params.parse_mode).toBe("HTML");
    expect(alert.params.link_preview_options).toEqual({ is_disabled: true });
    expect(html.startsWith("🇯🇵 Japan · Japan FSA\n<b>Japan's FSA publishes draft rules on crypto-asset lending &amp; custody 2</b>\n")).toBe(true);
    expect(html).toContain('<a href="https://www.fsa.go.jp/en/news/2.html">Source: Japan FSA</a>');
    expect(html).toMatch(/\n#lending\b/);
    // Hanako subscribed in Japanese: the same alert reaches her with Japanese labels.
    const hers = await telegram.waitForCall("sendMessage", (p) => String(p.chat_id) === String(hanako.id) && String(p.text).includes("custody 2"), 15_000);
    expect(String(hers.params.text)).toMatch(/^🇯🇵 日本 · Japan FSA\n/);
    expect(String(hers.params.text)).toContain('<a href="https://www.fsa.go.jp/en/news/2.html">出典: Japan FSA</a>');

    await until("the blocked chat to be deactivated", () => /telegram:1002 is gone/.test(stderr));
    const inactive = await regwatch(["subscriptions", "--inactive", "--json", "--config", configFile], { REGWATCH_STORE: store });
    const stopped = JSON.parse(inactive.stdout) as Array<{ target: { chatId: string }; active: boolean; inactiveReason: string }>;
    expect(stopped).toEqual([expect.objectContaining({ target: { platform: "telegram", chatId: String(bob.id) }, active: false })]);
    expect(stopped[0]?.inactiveReason).toContain("blocked by the user");
    expect(stderr).not.toContain(telegram.token);
  });
});
