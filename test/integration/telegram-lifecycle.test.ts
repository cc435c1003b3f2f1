import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramPlatform } from "../../adapters/telegram/platform.js";
import type { Alert } from "../../src/core/article.js";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server.js";
import { alice, alicePrivate, freePort, group, startHarness, type Harness } from "../support/telegram/harness.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const harness = async (...args: Parameters<typeof startHarness>): Promise<Harness> => {
  const h = await startHarness(...args);
  cleanups.push(() => h.stop());
  return h;
};
const server = async (): Promise<TelegramServer> => {
  const s = await startTelegramServer();
  cleanups.push(() => s.close());
  return s;
};

describe("command menu", () => {
  it("is published on the first start and not again while the definitions are the same", async () => {
    const s = await server();
    const first = await harness({ server: s });
    // The default (English) menu, and one for users whose Telegram is in Japanese.
    expect(s.callsTo("setMyCommands")).toHaveLength(2);
    const published = s.callsTo("setMyCommands")[0]?.params.commands as Array<{ command: string }>;
    expect(published.map((c) => c.command)).toEqual(expect.arrayContaining(["subscribe", "unsubscribe", "subscriptions", "pause", "resume", "jurisdictions", "topics", "latest", "ieo_cap", "language", "help"]));
    const japanese = s.callsTo("setMyCommands").find((c) => c.params.language_code === "ja")?.params.commands as Array<{ command: string; description: string }>;
    expect(japanese.find((c) => c.command === "subscribe")?.description).toMatch(/^ルールを追加/);
    expect(first.logger.lines).toContain("info telegram: command menu published");
    await first.stop();
    cleanups.pop();

    await harness({ server: s });
    expect(s.callsTo("getMyCommands")).toHaveLength(4);
    expect(s.callsTo("setMyCommands")).toHaveLength(2);
  });
});

describe("webhook mode", () => {
  it("registers the webhook with a secret, takes updates bearing it and refuses others", async () => {
    const s = await server();
    const port = await freePort();
    const h = await harness({
      server: s,
      webhookSecret: "test-secret_123",
      config: { webhook: { url: "https://bot.example/telegram", host: "127.0.0.1", port, path: "/telegram" } },
    });
    expect(s.webhook).toEqual({ url: "https://bot.example/telegram", secret: "test-secret_123" });
    expect(s.callsTo("getUpdates")).toHaveLength(0);

    const update = { update_id: 1, message: { message_id: 5, date: 0, chat: alicePrivate, from: alice, text: "/ieo_cap 800万 3000万", entities: [{ type: "bot_command", offset: 0, length: 8 }] } };
    const post = (secret: string | undefined, path = "/telegram") =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: JSON.stringify(update),
      });

    expect((await post("wrong")).status).toBe(401);
    expect((await post(undefined)).status).toBe(401);
    expect((await post("test-secret_123", "/elsewhere")).status).toBe(404);
    expect(s.callsTo("sendMessage")).toHaveLength(0);

    expect((await post("test-secret_123")).status).toBe(200);
    const reply = await s.waitForCall("sendMessage");
    expect(String(reply.params.text)).toContain("Cap: ¥1,500,000");
    expect(h.adapter.webhookAddress()?.port).toBe(port);
  });
});

describe("startup", () => {
  it("fails with a message that does not contain the token when the token is refused", async () => {
    const s = await startTelegramServer({ token: "999:RIGHT" });
    cleanups.push(() => s.close());
    const error = await startHarness({ server: s, token: "999:WRONG" }).catch((e: unknown) => e);
    expect(String(error)).toContain("telegram: cannot start: getMe: 401 Unauthorized");
    expect(String(error)).not.toContain("999:WRONG");
  });
});

const alert: Alert = {
  id: "a1",
  feedId: "fsa",
  feedName: "Japan FSA",
  url: "https://www.fsa.go.jp/en/news/1.html",
  title: "FSA <b>draft</b> rules & crypto lending",
  text: "",
  published: "2026-11-26T09:00:00.000Z",
  categories: [],
  language: "en",
  policy: true,
  jurisdictions: ["JP"],
  topics: ["lending"],
  summary: "Draft rules.",
  figures: [],
};

describe("delivery platform", () => {
  const platformOn = (s: TelegramServer) =>
    createTelegramPlatform({ api: new Api(s.token, { apiRoot: s.apiRoot }), token: s.token, linkPreviews: false });
  const target = (chatId: number) => ({ platform: "telegram" as const, chatId: String(chatId) });

  it("sends an alert as HTML with link previews off", async () => {
    const s = await server();
    expect(await platformOn(s).send(target(alicePrivate.id), { kind: "alert", alert })).toEqual({ status: "sent" });
    const [call] = s.callsTo("sendMessage");
    expect(call?.params).toMatchObject({ chat_id: String(alicePrivate.id), parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    expect(String(call?.params.text)).toContain("<b>FSA &lt;b&gt;draft&lt;/b&gt; rules &amp; crypto lending</b>");
  });

  it("hands 429 back to the engine at once, without retrying", async () => {
    const s = await server();
    s.failNext(alicePrivate.id, { kind: "retry-after", seconds: 7 });
    expect(await platformOn(s).send(target(alicePrivate.id), { kind: "alert", alert })).toMatchObject({ status: "retry-after", seconds: 7 });
    expect(s.callsTo("sendMessage")).toHaveLength(1);
  });

  it("says gone for a blocked bot, a kicked bot and a missing chat; moved for a migrated group; failed for 500", async () => {
    const s = await server();
    const platform = platformOn(s);
    s.failNext(1, { kind: "blocked" });
    s.failNext(2, { kind: "kicked" });
    s.failNext(3, { kind: "chat-not-found" });
    s.failNext(group.id, { kind: "migrate", to: -1009999 });
    s.failNext(5, { kind: "server-error" });
    const send = (id: number) => platform.send(target(id), { kind: "alert", alert });
    expect(await send(1)).toMatchObject({ status: "gone", reason: expect.stringContaining("blocked by the user") });
    expect(await send(2)).toMatchObject({ status: "gone" });
    expect(await send(3)).toMatchObject({ status: "gone" });
    expect(await send(group.id)).toMatchObject({ status: "gone", movedTo: "-1009999" });
    const failed = await send(5);
    expect(failed).toMatchObject({ status: "failed" });
    expect(JSON.stringify(failed)).not.toContain(s.token);
  });

  it("reports a network failure as failed, without the token", async () => {
    const s = await startTelegramServer();
    const root = s.apiRoot;
    await s.close();
    const platform = createTelegramPlatform({ api: new Api(s.token, { apiRoot: root }), token: s.token, linkPreviews: false });
    const result = await platform.send(target(1), { kind: "alert", alert });
    expect(result.status).toBe("failed");
    expect(JSON.stringify(result)).not.toContain(s.token);
  });
});
