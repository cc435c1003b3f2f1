import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordPlatform, translateSendError } from "../../../adapters/discord/platform.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import type { Alert } from "../../../src/core/article.js";
import type { ChatPlatform } from "../../../src/core/delivery.js";
import { snowflake, startDiscordServer, type DiscordServer } from "../../support/discord-server.js";

const guild = snowflake();
const [ok, noAccess, deleted, noPerms, flaky, busy, kicked] = Array.from({ length: 7 }, () => snowflake()) as [string, string, string, string, string, string, string];

let server: DiscordServer;
let platform: ChatPlatform;

const alert: Alert = {
  id: "a1",
  feedId: "sec",
  feedName: "SEC press releases",
  url: "https://www.sec.gov/news/1",
  title: "@everyone <@&123> SEC **charges** a crypto platform",
  text: "",
  published: "2026-11-20T09:00:00.000Z",
  categories: [],
  language: "en",
  policy: true,
  jurisdictions: ["US"],
  topics: ["enforcement"],
  summary: "The SEC charged a platform. @here",
  figures: [],
};

beforeAll(async () => {
  server = await startDiscordServer({ guilds: [{ id: guild, channels: [ok, noAccess, noPerms, flaky, busy].map((id) => ({ id })) }] });
  // Few retries keep the 5xx case quick; discord.js's own retry is what the test shows, nothing on top of it.
  const rest = new REST({ api: server.apiBase, retries: 1 }).setToken("test-token");
  platform = createDiscordPlatform({ rest, knowledge: loadKnowledge() });
});
afterAll(() => server.close());

const send = (chatId: string) => platform.send({ platform: "discord", chatId }, { kind: "alert", alert });
const posts = (chatId: string) => server.calls.filter((c) => c.method === "POST" && c.path === `/channels/${chatId}/messages`);

describe("the Discord delivery platform", () => {
  it("posts the alert as an embed with every mention disabled", async () => {
    expect(await send(ok)).toEqual({ status: "sent" });
    const [call] = posts(ok);
    expect(call?.authorized).toBe(true);
    expect(call?.body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(call?.body.content).toBeUndefined();
    expect(call?.body.embeds).toHaveLength(1);
    expect(call?.body.embeds[0].title).toBe("@everyone <@&123> SEC \\*\\*charges\\*\\* a crypto platform");
  });

  it("mentions only the roles a matching rule named, and labels the alert in the chat's language", async () => {
    const role = snowflake();
    const labels = { keyFigures: "主な数字", source: "出典", jurisdiction: "地域", topics: "トピック" };
    expect(await platform.send({ platform: "discord", chatId: ok }, { kind: "alert", alert, mentionRoles: [role, "@everyone"], labels })).toEqual({ status: "sent" });
    const call = posts(ok).at(-1);
    expect(call?.body.content).toBe(`<@&${role}>`);
    // The article's own <@&123> and @everyone stay inert: only the rule's role is allowed.
    expect(call?.body.allowed_mentions).toEqual({ parse: [], roles: [role] });
    expect(call?.body.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(["地域", "トピック"]);
  });

  it("gives up on a channel it may not access, that was deleted, where it lacks permissions, or whose server removed it", async () => {
    server.failChannel(noAccess, { status: 403, code: 50001, message: "Missing Access" });
    server.failChannel(noPerms, { status: 403, code: 50013, message: "Missing Permissions" });
    server.failChannel(kicked, { status: 404, code: 10004, message: "Unknown Guild" });
    expect(await send(noAccess)).toMatchObject({ status: "gone", reason: expect.stringContaining("50001 Missing Access") });
    expect(await send(deleted)).toMatchObject({ status: "gone", reason: expect.stringContaining("10003 Unknown Channel") });
    expect(await send(noPerms)).toMatchObject({ status: "gone", reason: expect.stringContaining("50013") });
    expect(await send(kicked)).toMatchObject({ status: "gone", reason: expect.stringContaining("10004") });
    // One attempt each: a 4xx is never retried.
    expect(posts(noAccess)).toHaveLength(1);
  });

  it("leaves a 5xx to discord.js's own retries, then reports a failure for the engine's backoff", async () => {
    server.failChannel(flaky, { status: 502, code: 0, message: "Bad Gateway", times: 5 });
    const result = await send(flaky);
    expect(result).toMatchObject({ status: "failed", reason: expect.stringContaining("502") });
    expect(posts(flaky)).toHaveLength(2);
  });

  it("lets discord.js wait out a 429 itself and sends once the Retry-After has passed", async () => {
    server.failChannel(busy, { status: 429, code: 0, message: "rate limited", times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    expect(await send(busy)).toEqual({ status: "sent" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(posts(busy)).toHaveLength(2);
  });

  it("calls a refused connection a failure, not a gone chat", async () => {
    const closed = new REST({ api: "http://127.0.0.1:9/api", retries: 0, timeout: 2000 }).setToken("test-token");
    const offline = createDiscordPlatform({ rest: closed });
    const result = await offline.send({ platform: "discord", chatId: ok }, { kind: "alert", alert });
    expect(result.status).toBe("failed");
    expect(JSON.stringify(result)).not.toContain("test-token");
  });

  it("never puts anything but a status and reason in the result", () => {
    expect(translateSendError("weird")).toEqual({ status: "failed", reason: "weird" });
  });
});
