import { afterEach, describe, expect, it } from "vitest";
import { alice, alicePrivate, bob, channel, group, startHarness, type Harness } from "../support/telegram/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const replyIn = (harness: Harness, chatId: number, match: (text: string) => boolean = () => true) =>
  harness.server.waitForCall("sendMessage", (p) => String(p.chat_id) === String(chatId) && match(String(p.text)));

describe("Telegram bot commands (real grammY against a local Bot API server)", () => {
  it("subscribes a private chat to JP and answers in HTML", async () => {
    h = await startHarness();
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/subscribe jp" });
    const reply = await replyIn(h, alicePrivate.id);
    expect(reply.params.parse_mode).toBe("HTML");
    expect(String(reply.params.text)).toMatch(/^<b>Subscribed<\/b>/);
    expect(String(reply.params.text)).toContain("🇯🇵 Japan");
    const sub = await h.services.subscriptions.get({ platform: "telegram", chatId: String(alicePrivate.id) });
    expect(sub).toMatchObject({ chatType: "private", rules: [{ jurisdictions: ["JP"], topics: [] }], createdBy: String(alice.id), active: true });
  });

  it("refuses a group member who is not an admin, and lets an admin subscribe the group", async () => {
    h = await startHarness();
    h.server.setMember(group.id, bob, "member");
    h.server.setMember(group.id, alice, "administrator");
    h.server.sendText({ chat: group, from: bob, text: "/subscribe@regwatch_test_bot jp" });
    const refusal = await replyIn(h, group.id);
    expect(String(refusal.params.text)).toContain("このチャットの購読を変更できるのは管理者だけです。");
    expect(h.server.callsTo("getChatMember").some((c) => c.params.user_id === bob.id)).toBe(true);
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(group.id) })).toBeUndefined();

    h.server.sendText({ chat: group, from: alice, text: "/subscribe hk" });
    await replyIn(h, group.id, (t) => t.includes("Subscribed"));
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(group.id) })).toMatchObject({ chatType: "group", rules: [{ jurisdictions: ["HK"], topics: [] }] });
  });

  it("ignores commands addressed to another bot, and unknown commands in groups unless addressed to it", async () => {
    h = await startHarness();
    h.server.sendText({ chat: group, from: alice, text: "/subscribe@other_bot jp" });
    h.server.sendText({ chat: group, from: alice, text: "/weather tokyo" });
    h.server.sendText({ chat: group, from: alice, text: "/help@regwatch_test_bot" });
    const help = await replyIn(h, group.id);
    // Telegram would make only "/ieo" of "/ieo-cap" clickable: replies use the Telegram name.
    expect(String(help.params.text)).toContain("/ieo_cap — ");
    expect(String(help.params.text)).not.toContain("/ieo-cap");
    expect(h.server.callsTo("sendMessage")).toHaveLength(1);
  });

  it("subscribes a channel from a channel post /subscribe@botname", async () => {
    h = await startHarness();
    h.server.sendText({ chat: channel, senderChat: channel, text: "/subscribe@regwatch_test_bot jp stablecoin" });
    await replyIn(h, channel.id, (t) => t.includes("Subscribed"));
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(channel.id) })).toMatchObject({
      chatType: "channel",
      rules: [{ jurisdictions: ["JP"], topics: ["stablecoin"] }],
    });
  });

  it("subscribes a channel from a private chat after checking the user and the bot are its admins", async () => {
    h = await startHarness();
    h.server.setMember(channel.id, bob, "member");
    h.server.sendText({ chat: { id: bob.id, type: "private", first_name: "Bob" }, from: bob, text: "/subscribe @regwatch_alerts jp" });
    const refused = await replyIn(h, bob.id);
    // Bob's app is in Japanese.
    expect(String(refused.params.text)).toContain("@regwatch_alerts の受信内容を変更できるのは、そのチャンネルの管理者だけです。");

    h.server.setMember(channel.id, alice, "creator");
    h.server.setMember(channel.id, h.server.bot, "member");
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/subscribe @regwatch_alerts jp" });
    expect(String((await replyIn(h, alicePrivate.id)).params.text)).toContain("I cannot post in @regwatch_alerts");
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(channel.id) })).toBeUndefined();

    h.server.setMember(channel.id, h.server.bot, "administrator");
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/subscribe @regwatch_alerts jp" });
    const done = await replyIn(h, alicePrivate.id, (t) => t.includes("Subscribed"));
    expect(String(done.params.text)).toMatch(/^<b>Subscribed · @regwatch_alerts<\/b>/);
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(channel.id) })).toMatchObject({ chatType: "channel", rules: [{ jurisdictions: ["JP"], topics: [] }], createdBy: String(alice.id) });

    h.server.sendText({ chat: alicePrivate, from: alice, text: "/subscribe @no_such_channel jp" });
    expect(String((await replyIn(h, alicePrivate.id, (t) => t.includes("no_such"))).params.text)).toContain("I cannot see @no_such_channel");
  });

  it("answers /ieo_cap 800万 3000万 with the Japanese cap, and /start with the help", async () => {
    h = await startHarness();
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/ieo_cap 800万 3000万" });
    const cap = await replyIn(h, alicePrivate.id);
    expect(String(cap.params.text)).toContain("Cap: ¥1,500,000");
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/ieo_cap income=8m assets=30m" });
    await h.server.waitForCall("sendMessage", () => h!.server.callsTo("sendMessage").length === 2);
    expect(h.server.callsTo("sendMessage")[1]?.params.text).toContain("Cap: ¥1,500,000");
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/start" });
    await replyIn(h, alicePrivate.id, (t) => t.startsWith("<b>Commands</b>"));
  });

  it("retries a command reply after a 429", async () => {
    h = await startHarness();
    h.server.failNext(alicePrivate.id, { kind: "retry-after", seconds: 1 }, { methods: ["sendMessage"] });
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/ieo_cap 800万 3000万" });
    await h.server.waitForCall("sendMessage", () => h!.server.callsTo("sendMessage").length >= 2, 8000);
    const sends = h.server.callsTo("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]?.params.text).toBe(sends[0]?.params.text);
    expect(h.server.messages.size).toBeGreaterThan(0);
  });
});

describe("the /subscribe keyboard", () => {
  it("toggles jurisdictions and edits the same message", async () => {
    h = await startHarness();
    h.server.sendText({ chat: alicePrivate, from: alice, text: "/subscribe" });
    const shown = await replyIn(h, alicePrivate.id);
    const keyboard = JSON.stringify(shown.params.reply_markup);
    expect(keyboard).toContain("sub:j:all:0");
    // The first page offers the jurisdictions with feeds, Japan among them, not the table's first 24.
    expect(keyboard).toContain('"callback_data":"sub:j:JP:0"');
    const sent = [...h.server.messages.values()].find((m) => m.text === shown.params.text);
    expect(sent).toBeDefined();
    const messageId = sent!.messageId;

    // The table follows on later pages.
    const page = JSON.stringify(h.server.messages.get(`${alicePrivate.id}:${messageId}`)?.params.reply_markup);
    expect(page).toContain('"callback_data":"sub:p:1"');
    h.server.pressButton({ from: alice, chatId: alicePrivate.id, messageId, data: "sub:j:JP:0" });
    const edit = await h.server.waitForCall("editMessageText", (p) => String(p.text).includes("🇯🇵 Japan"));
    expect(edit.params.message_id).toBe(messageId);
    expect(JSON.stringify(edit.params.reply_markup)).toContain("✅ 🇯🇵 JP");
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(alicePrivate.id) })).toMatchObject({ rules: [{ jurisdictions: ["JP"], topics: [] }] });
    await h.server.waitForCall("answerCallbackQuery", (p) => p.text === "Added");

    h.server.pressButton({ from: alice, chatId: alicePrivate.id, messageId, data: "sub:j:JP:0" });
    await h.server.waitForCall("answerCallbackQuery", (p) => p.text === "Removed");
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(alicePrivate.id) })).toBeUndefined();
    expect(h.server.messages.get(`${alicePrivate.id}:${messageId}`)?.text).toContain("None yet.");
    expect(h.server.callsTo("sendMessage")).toHaveLength(1);
  });

  it("refuses a tap by a group member who is not an admin", async () => {
    h = await startHarness();
    h.server.setMember(group.id, alice, "administrator");
    h.server.sendText({ chat: group, from: alice, text: "/subscribe" });
    const shown = await replyIn(h, group.id);
    const messageId = [...h.server.messages.values()].find((m) => m.text === shown.params.text)!.messageId;
    h.server.pressButton({ from: bob, chatId: group.id, messageId, data: "sub:j:JP:2" });
    const answer = await h.server.waitForCall("answerCallbackQuery", (p) => p.show_alert === true);
    expect(String(answer.params.text)).toContain("このチャットの購読を変更できるのは管理者だけです。");
    expect(h.server.callsTo("editMessageText")).toHaveLength(0);
    expect(await h.services.subscriptions.get({ platform: "telegram", chatId: String(group.id) })).toBeUndefined();
  });
});
