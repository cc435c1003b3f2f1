import { Api } from "grammy";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminCheck, chatRefOf, senderCanManage } from "../../../adapters/telegram/context.js";
import { keyboardView, parseAction, commandFor } from "../../../adapters/telegram/keyboard.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import { rankJurisdictions } from "../../../src/commands/featured.js";
import { translator } from "../../../src/commands/i18n.js";
import type { Subscription } from "../../../src/core/subscription.js";
import { startTelegramServer, type TelegramServer } from "../../support/telegram-server.js";

let server: TelegramServer;
beforeAll(async () => {
  server = await startTelegramServer();
});
afterAll(() => server.close());

const group = { id: -100777, type: "supergroup" as const, title: "G" };
const message = (over: Partial<Message>): Message => ({ message_id: 1, date: 0, chat: group, ...over }) as Message;

describe("AdminCheck", () => {
  it("asks getChatMember once within the time-to-live, and again after it", async () => {
    let now = 0;
    const check = new AdminCheck(new Api(server.token, { apiRoot: server.apiRoot }), 60_000, () => now);
    server.setMember(group.id, 7, "administrator");
    server.setMember(group.id, 8, "member");
    expect(await check.isAdmin(group.id, 7)).toBe(true);
    expect(await check.isAdmin(group.id, 7)).toBe(true);
    expect(await check.isAdmin(group.id, 8)).toBe(false);
    expect(server.callsTo("getChatMember")).toHaveLength(2);
    server.setMember(group.id, 7, "member");
    now = 61_000;
    expect(await check.isAdmin(group.id, 7)).toBe(false);
    expect(server.callsTo("getChatMember")).toHaveLength(3);
  });

  it("lets private chats, channel posts and anonymous group admins manage without asking", async () => {
    const before = server.callsTo("getChatMember").length;
    const check = new AdminCheck(new Api(server.token, { apiRoot: server.apiRoot }));
    expect(await senderCanManage(message({ chat: { id: 5, type: "private", first_name: "A" } }), check)).toBe(true);
    expect(await senderCanManage(message({ chat: { id: -1009, type: "channel", title: "C" } }), check)).toBe(true);
    expect(await senderCanManage(message({ sender_chat: group, from: { id: 1087968824, is_bot: true, first_name: "Group" } }), check)).toBe(true);
    expect(await senderCanManage(message({}), check)).toBe(false);
    expect(server.callsTo("getChatMember").length).toBe(before);
  });

  it("maps Telegram chat types to the neutral ones", () => {
    expect(chatRefOf(group)).toEqual({ platform: "telegram", id: "-100777", type: "group" });
    expect(chatRefOf({ id: -5, type: "group" })).toMatchObject({ type: "group" });
    expect(chatRefOf({ id: -1001, type: "channel" })).toMatchObject({ type: "channel" });
  });
});

describe("keyboard", () => {
  const knowledge = loadKnowledge();
  const sub = (jurisdictions: string[], topics: string[] = []): Subscription => ({
    target: { platform: "telegram", chatId: "1" },
    chatType: "private",
    rules: [{ jurisdictions: jurisdictions.length === 0 ? ["all"] : jurisdictions, topics }],
    delivery: { mode: "instant" },
    createdBy: "1",
    createdAt: "",
    updatedAt: "",
    active: true,
  });

  it("keeps callback data within 64 bytes and reads it back", () => {
    for (const page of [0, 1, 2, "topics"] as const) {
      for (const row of keyboardView(knowledge, undefined, page).markup.inline_keyboard) {
        for (const button of row) {
          const data = (button as { callback_data: string }).callback_data;
          expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
          expect(parseAction(data)).toBeDefined();
        }
      }
    }
    expect(parseAction("other:thing")).toBeUndefined();
    expect(parseAction("sub:j:<b>:0")).toBeUndefined();
  });

  it("turns a tap into the same /subscribe or /unsubscribe a user would type", () => {
    const jp = parseAction("sub:j:JP:2")!;
    expect(commandFor(undefined, jp)).toBe("/subscribe JP");
    expect(commandFor(sub(["JP"]), jp)).toBe("/unsubscribe JP");
    // A topic button stands for that topic from every jurisdiction; JP stablecoins alone do not light it.
    expect(commandFor(sub(["JP"], ["stablecoin"]), parseAction("sub:t:stablecoin")!)).toBe("/subscribe stablecoin");
    expect(commandFor(sub([], ["stablecoin"]), parseAction("sub:t:stablecoin")!)).toBe("/unsubscribe stablecoin");
    expect(commandFor(sub(["JP"]), parseAction("sub:p:1")!)).toBeUndefined();
  });

  it("marks what the chat receives", () => {
    const view = keyboardView(knowledge, { ...sub(["JP", "HK"]), rules: [{ jurisdictions: ["JP", "HK"], topics: [] }, { jurisdictions: ["all"], topics: ["stablecoin"] }] }, 2);
    expect(view.text).toContain("1. Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong.\n2. Stablecoins from every jurisdiction.");
    expect(JSON.stringify(view.markup)).toContain("✅ 🇯🇵 JP");
    expect(JSON.stringify(keyboardView(knowledge, sub([], ["stablecoin"]), "topics").markup)).toContain("✅ Stablecoins");
  });

  it("offers the jurisdictions with feeds and the most subscribed on the first page, then the whole table", () => {
    const subs = [sub(["JP", "HK"]), sub(["JP"]), sub(["SG"]), { ...sub(["KE"]), active: false }];
    const featured = rankJurisdictions(["US", "JP", "HK"], subs, 24);
    expect(featured).toEqual(["JP", "HK", "US", "SG"]);
    const first = JSON.stringify(keyboardView(knowledge, undefined, 0, featured).markup);
    expect(first).toContain('"callback_data":"sub:j:JP:0"');
    expect(first).toContain('"callback_data":"sub:j:SG:0"');
    expect(first).not.toContain("sub:j:KE");
    expect(first.indexOf("🇯🇵 JP")).toBeLessThan(first.indexOf("🇺🇸 US"));
    // The table follows: its first slice is now page 1.
    const table = keyboardView(knowledge, undefined, 1, featured).markup.inline_keyboard.flat().map((b) => (b as { callback_data: string }).callback_data);
    expect(table[0]).toBe(`sub:j:${knowledge.jurisdictions[0]!.code}:1`);
  });

  it("speaks the chat's language", () => {
    const view = keyboardView(knowledge, { ...sub([]), rules: [{ jurisdictions: ["JP"], topics: [] }] }, 0, ["JP"], translator("ja"));
    expect(view.text).toContain("<b>このチャットのアラート</b>\n1. 🇯🇵 日本のすべてのトピック。");
    expect(JSON.stringify(view.markup)).toContain("🌐 すべての地域");
    expect(JSON.stringify(keyboardView(knowledge, undefined, "topics", [], translator("ja")).markup)).toContain("ステーブルコイン");
  });
});
