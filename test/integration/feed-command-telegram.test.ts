import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server.js";
import { alice, alicePrivate, bob, group } from "../support/telegram/harness.js";
import { waitFor } from "../support/wait.js";

// The built service with a Telegram token and chats adding their own feeds from a loopback server. The feeds
// live on 127.0.0.1, so this configuration must allow private addresses and the server's port; the guard's
// refusals are tested where nothing is allowed (test/unit/feeds/address-guard.test.ts, feed-command.test.ts).

const dir = mkdtempSync(join(tmpdir(), "regwatch-feed-telegram-"));
const store = `sqlite://${join(dir, "store.sqlite")}`;
const configFile = join(dir, "regwatch.yaml");
let feeds: FeedServer;
let telegram: TelegramServer;
let service: ChildProcess;
let stderr = "";

const policyItem = { title: "Japan FSA publishes draft rules on crypto-asset lending", link: "https://regulator.example/rules/2", pubDate: day(2), description: "The Financial Services Agency of Japan published draft rules for crypto lending." };
const otherItem = { title: "Staff summer picnic photo gallery", link: "https://regulator.example/picnic", pubDate: day(3), description: "Our team enjoyed a picnic in the park." };
const oldItem = { title: "Existing notice on crypto-asset custody rules", link: "https://regulator.example/rules/1", pubDate: day(1), description: "The regulator published custody rules for crypto-asset exchanges." };

const until = (what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> => waitFor(what, check, timeoutMs, () => `sent: ${JSON.stringify(telegram.callsTo("sendMessage").map((c) => [c.params.chat_id, c.params.text]))}\nservice stderr:\n${stderr.split("\n").filter((l) => !/info  feeds/.test(l)).join("\n")}`);
const textsTo = (chatId: number): string[] => telegram.callsTo("sendMessage").filter((c) => String(c.params.chat_id) === String(chatId)).map((c) => String(c.params.text));
const cycles = (): string[] => stderr.split("\n").flatMap((l) => /\binfo\s+(feeds \d+:.*)$/.exec(l)?.[1] ?? []);

async function say(chat: typeof group, from: typeof alice, text: string, expected: string): Promise<string> {
  const before = textsTo(chat.id).length;
  telegram.sendText({ chat, from, text });
  await until(`a reply to ${text} containing ${expected}`, () => textsTo(chat.id).slice(before).some((t) => t.includes(expected)));
  return textsTo(chat.id).slice(before).find((t) => t.includes(expected)) as string;
}

beforeAll(async () => {
  feeds = await startFeedServer({
    "/fsa.xml": { body: rss({ title: "FSA", items: [] }) },
    "/reg.xml": { body: rss({ title: "Regulator News", items: [oldItem] }) },
    "/page.html": { body: `<!doctype html><html><head><title>Authority</title><link rel="alternate" type="application/rss+xml" title="News" href="/found.xml?lang=en&amp;type=news"></head><body>News</body></html>`, contentType: "text/html" },
    "/found.xml?lang=en&type=news": { body: rss({ title: "Discovered Authority News", items: [oldItem] }) },
    "/third.xml": { body: rss({ title: "Third", items: [] }) },
    "/flaky.xml": { body: rss({ title: "Flaky Agency", items: [] }) },
  });
  telegram = await startTelegramServer();
  telegram.addChat(group);
  telegram.addChat(alicePrivate);
  telegram.setMember(group.id, alice, "administrator");
  const port = new URL(feeds.url("/")).port;
  writeFileSync(
    configFile,
    `contact: ci@example.com
schedule: "* * * * * *"
delivery:
  telegram: { perSecond: 100, perChatPerSecond: 50, perGroupPerMinute: 600 }
userFeeds: { allowPrivateAddresses: true, allowedPorts: [${port}], maxPerChat: 2, pauseAfterFailures: 2 }
feeds:
  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }
`,
  );
  service = spawn(process.execPath, [BIN, "run", "--config", configFile], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, REGWATCH_STORE: store, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot },
    stdio: ["ignore", "pipe", "pipe"],
  });
  service.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  service.stdout?.resume();
  await until("the bot to poll Telegram and the first feed poll", () => telegram.callsTo("getUpdates").length > 0 && /first poll 1/.test(stderr));
});

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    await exited;
  }
  await telegram?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("/feed through Telegram", () => {
  it("adds a feed with its title and latest item, shares one fetch between chats, stays silent on its first poll, then sends policy items to policy chats and every item to `all` chats", async () => {
    // Bob's Telegram speaks Japanese: the refusal comes from the Japanese catalog.
    const refused = await say(group, bob, `/feed add ${feeds.url("/reg.xml")}`, "管理");
    expect(refused).toContain("チャンネル管理権限");

    const added = await say(group, alice, `/feed add ${feeds.url("/reg.xml")} jp`, "Feed added");
    expect(added).toContain("Regulator News");
    expect(added).toContain("Existing notice on crypto-asset custody rules");
    expect(added).toContain("policy items only, about JP");
    const privateAdd = await say(alicePrivate, alice, `/feed add ${feeds.url("/reg.xml")} all`, "Feed added");
    expect(privateAdd).toContain("every item");

    const id = /Id (user-[0-9a-f]{8})/.exec(added)?.[1];
    expect(id).toBeDefined();
    expect(/Id (user-[0-9a-f]{8})/.exec(privateAdd)?.[1]).toBe(id);

    await until("the chat feed's first poll", () => cycles().some((l) => /^feeds 2:.*first poll 1/.test(l)));
    const firstPolls = cycles().length;
    await until("one more poll", () => cycles().length > firstPolls);
    // The item that was there when the feed was added is old news: nobody got it as an alert.
    expect(textsTo(group.id).filter((t) => t.includes("Existing notice")).length).toBe(1);
    expect(textsTo(alicePrivate.id).filter((t) => t.includes("Existing notice")).length).toBe(1);

    feeds.set("/reg.xml", { body: rss({ title: "Regulator News", items: [otherItem, policyItem, oldItem] }) });
    await until("both items to reach the `all` chat", () => textsTo(alicePrivate.id).some((t) => t.includes("picnic")) && textsTo(alicePrivate.id).some((t) => t.includes("draft rules on crypto-asset lending")));
    await until("the policy item to reach the group", () => textsTo(group.id).some((t) => t.includes("draft rules on crypto-asset lending")));
    const after = cycles().length;
    await until("two more polls", () => cycles().length > after + 1);
    expect(textsTo(group.id).some((t) => t.includes("picnic"))).toBe(false);
    expect(textsTo(group.id).find((t) => t.includes("draft rules on crypto-asset lending"))).toContain("Regulator News");
    // One feed, however many chats added it: no poll ever counted three feeds.
    expect(cycles().every((l) => /^feeds [12]:/.test(l))).toBe(true);
  });

  it("finds the feed a web page advertises, keeps to the per-chat limit, lists and removes", async () => {
    const found = await say(alicePrivate, alice, `/feed add ${feeds.url("/page.html")}`, "Feed added");
    expect(found).toContain("Discovered Authority News");
    expect(found).toContain("found on the page you gave");
    const limited = await say(alicePrivate, alice, `/feed add ${feeds.url("/third.xml")}`, "most allowed");
    expect(limited).toContain("already has 2 feeds, the most allowed here (2)");

    const listed = await say(alicePrivate, alice, "/feed list", "This chat's feeds");
    expect(listed).toContain("Regulator News");
    expect(listed).toContain("Discovered Authority News");
    const discoveredId = new RegExp(`(user-[0-9a-f]{8}) · Discovered`).exec(listed)?.[1];
    expect(discoveredId).toBeDefined();
    const removed = await say(alicePrivate, alice, `/feed remove ${discoveredId}`, "Feed removed");
    expect(removed).toContain("Discovered Authority News");
    const again = await say(alicePrivate, alice, "/feed list", "This chat's feeds");
    expect(again).not.toContain("Discovered Authority News");
    const unknown = await say(alicePrivate, alice, "/feed remove user-00000000", "has no feed");
    expect(unknown).toContain("/feed list");
  });

  it("pauses a feed that keeps failing and tells its chat once", async () => {
    await say(group, alice, `/feed add ${feeds.url("/flaky.xml")}`, "Feed added");
    await until("the flaky feed's first poll", () => cycles().some((l) => /^feeds 3:.*first poll 1/.test(l)));
    feeds.set("/flaky.xml", { status: 500, body: "down" });
    await until("the pause notice", () => textsTo(group.id).some((t) => t.includes("Feed paused: Flaky Agency")));
    const notice = textsTo(group.id).find((t) => t.includes("Feed paused")) as string;
    expect(notice).toContain("2 failures in a row");
    expect(notice).toContain("HTTP 500");
    const polls = cycles().length;
    await until("three more polls", () => cycles().length > polls + 2);
    expect(textsTo(group.id).filter((t) => t.includes("Feed paused")).length).toBe(1);
    // Paused feeds are not polled: back to the configured feed and the shared one.
    expect(cycles().at(-1)).toMatch(/^feeds 2:/);
    const listed = await say(group, alice, "/feed list", "This chat's feeds");
    expect(listed).toContain("Paused since");
  });
});

describe("/feed export and import through Telegram", () => {
  it("sends the chat's feeds as an OPML document, and a document captioned /feed import adds another reader's feeds", async () => {
    await say(alicePrivate, alice, "/feed export", "This chat's feeds (OPML)");
    const sent = await telegram.waitForCall("sendDocument", (p) => String(p.chat_id) === String(alicePrivate.id), 10_000);
    const document = (sent.params as { document?: { name: string; content: string } }).document;
    expect(document?.name).toBe("regwatch-feeds.opml");
    expect(document?.content).toContain(`xmlUrl="${feeds.url("/reg.xml")}"`);
    expect(document?.content).toContain('text="Regulator News"');

    // Another reader's export: folders, a feed without a title, &amp; in a URL, one feed regwatch cannot read.
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>Reader</title></head><body>
      <outline text="Regulators"><outline type="rss" xmlUrl="${feeds.url("/found.xml?lang=en&amp;type=news")}"/></outline>
      <outline type="rss" text="Broken" xmlUrl="${feeds.url("/missing.xml")}"/></body></opml>`;
    const before = textsTo(alicePrivate.id).length;
    telegram.sendDocument({ chat: alicePrivate, from: alice, caption: "/feed import", fileName: "reader.opml", content: opml });
    await until("the import report", () => textsTo(alicePrivate.id).slice(before).some((t) => t.includes("Feeds imported")));
    const report = textsTo(alicePrivate.id).slice(before).find((t) => t.includes("Feeds imported")) as string;
    expect(report).toContain("Added 1 of the 2 feeds in the file.");
    expect(report).toContain("Discovered Authority News");
    expect(report).toContain("Broken: Cannot use that URL: HTTP 404 Not Found.");

    const missing = await say(group, alice, "/feed import", "Attach an OPML file");
    expect(missing).toContain("/feed import as its caption");
  });
});

describe("/feed keyboard on Telegram", () => {
  it("lists the chat's feeds with a button each: an admin's tap removes one, a member's is refused", async () => {
    telegram.sendText({ chat: group, from: alice, text: "/feed" });
    const shown = () => [...telegram.messages.values()].find((m) => m.chatId === String(group.id) && JSON.stringify(m.params.reply_markup ?? "").includes("feed:rm:"));
    await until("the feed keyboard", () => shown() !== undefined);
    const message = shown()!;
    expect(message.text).toContain("Flaky Agency ⏸");
    const buttons = (message.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    const flaky = buttons.find((b) => b.text.includes("Flaky Agency"));
    expect(flaky?.callback_data).toMatch(/^feed:rm:user-[0-9a-f]{8}$/);

    telegram.pressButton({ from: bob, chatId: group.id, messageId: message.messageId, data: flaky!.callback_data });
    const refusal = await telegram.waitForCall("answerCallbackQuery", (p) => p.show_alert === true, 10_000);
    expect(String(refusal.params.text)).toContain("チャンネル管理権限");

    telegram.pressButton({ from: alice, chatId: group.id, messageId: message.messageId, data: flaky!.callback_data });
    const edited = await telegram.waitForCall("editMessageText", (p) => String(p.chat_id) === String(group.id) && !String(p.text).includes("Flaky Agency"), 10_000);
    expect(String(edited.params.text)).toContain("Regulator News");
    const listed = await say(group, alice, "/feed list", "This chat's feeds");
    expect(listed).not.toContain("Flaky Agency");
  });
});
