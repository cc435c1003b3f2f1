import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, regwatch } from "../support/cli.js";
import { MEMBER_DEFAULT, Perm, snowflake, startDiscordServer, type DiscordServer } from "../support/discord-server.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { waitFor } from "../support/wait.js";

// The built service (`npm run build` first) with a Discord token: a moderator subscribes a channel with the
// slash command, a new item appears on the local feed, and the alert reaches the channel as an embed
// through the delivery engine; a channel the bot lost access to is deactivated.

const dir = mkdtempSync(join(tmpdir(), "regwatch-discord-e2e-"));
const store = `sqlite://${join(dir, "store.sqlite")}`;
const configFile = join(dir, "regwatch.yaml");
const guild = snowflake();
const [markets, lost, moderator, modRole, trader] = [snowflake(), snowflake(), snowflake(), snowflake(), snowflake()];
// A Japanese server: its guild locale is ja, and a rule there mentions its JP-alerts role.
const [jaGuild, soba, jaModerator, jaModRole, jpAlerts] = [snowflake(), snowflake(), snowflake(), snowflake(), snowflake()];
let feeds: FeedServer;
let discord: DiscordServer;
let service: ChildProcess;
let stderr = "";

const item = (n: number) => ({
  title: `Japan's FSA publishes draft rules on crypto-asset lending **${n}** @everyone`,
  link: `https://www.fsa.go.jp/en/news/${n}.html`,
  pubDate: day(n),
  description: `The Financial Services Agency of Japan published draft rules number ${n} for crypto lending.`,
});

const until = (what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> => waitFor(what, check, timeoutMs, () => `service stderr:\n${stderr}`);

beforeAll(async () => {
  feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [item(1)] }) } });
  discord = await startDiscordServer({
    guilds: [
      {
        id: guild,
        roles: [{ id: modRole, permissions: MEMBER_DEFAULT | Perm.ManageChannels }],
        channels: [{ id: markets, name: "markets" }, { id: lost, name: "lost" }],
        members: [{ id: moderator, roles: [modRole] }, { id: trader }],
      },
      {
        id: jaGuild,
        locale: "ja",
        roles: [{ id: jaModRole, permissions: MEMBER_DEFAULT | Perm.ManageChannels }, { id: jpAlerts, permissions: MEMBER_DEFAULT }],
        channels: [{ id: soba, name: "相場" }],
        members: [{ id: jaModerator, roles: [jaModRole] }],
      },
    ],
  });
  writeFileSync(
    configFile,
    `contact: ci@example.com
schedule: "* * * * * *"
delivery:
  discord: { perSecond: 100 }
feeds:
  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }
`,
  );
  service = spawn(process.execPath, [BIN, "run", "--config", configFile], {
    env: {
      PATH: process.env.PATH ?? "",
      REGWATCH_HTTP_PORT: "0",
      HOME: dir,
      REGWATCH_STORE: store,
      DISCORD_TOKEN: "test-token",
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  service.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  service.stdout?.resume();
  await until("the gateway session and the first feed poll", () => discord.gateway.live().length === 1 && /first poll 1/.test(stderr));
  // The Japanese server subscribes before the new item appears, with a role to mention.
  const { payload } = discord.interact({ guildId: jaGuild, channelId: soba, userId: jaModerator, name: "subscribe", options: { what: "日本", mention: jpAlerts }, locale: "en-US" });
  const callback = await discord.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, 10_000);
  expect(callback.body.data.embeds[0].title).toBe("購読しました");
  expect(callback.body.data.embeds[0].description).toBe(`ルール 1 を追加しました: 🇯🇵 日本のすべてのトピック、<@&${jpAlerts}> にメンション。`);
});

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    await exited;
  }
  await discord?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function command(userId: string, name: string, options: Record<string, string>, kind: "command" | "autocomplete" = "command") {
  const list = Object.entries(options).map(([key, value], i) => ({ name: key, value, ...(kind === "autocomplete" && i === 0 ? { focused: true } : {}) }));
  const { payload } = discord.interact({ guildId: guild, channelId: markets, userId, name, options: list }, kind);
  return discord.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, 10_000);
}

async function subscribe(channelId: string): Promise<void> {
  const { payload } = discord.interact({ guildId: guild, channelId, userId: moderator, name: "subscribe", options: { what: "jp" } });
  const callback = await discord.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, 10_000);
  expect(callback.body.data.embeds[0].title).toBe("Subscribed");
}

describe("regwatch run with DISCORD_TOKEN", () => {
  it("posts a new JP item to the subscribed channel as an embed, and deactivates a channel the bot lost", async () => {
    await subscribe(markets);
    await subscribe(lost);
    discord.failChannel(lost, { status: 403, code: 50001, message: "Missing Access" });

    feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(2), item(1)] }) });
    const post = await discord.waitForCall((c) => c.method === "POST" && c.path === `/channels/${markets}/messages`, 15_000);
    expect(post.authorized).toBe(true);
    expect(post.body.allowed_mentions).toEqual({ parse: [], roles: [] });
    const [embed] = post.body.embeds;
    expect(embed.title).toBe("Japan's FSA publishes draft rules on crypto-asset lending \\*\\*2\\*\\* @everyone");
    expect(embed.url).toBe("https://www.fsa.go.jp/en/news/2.html");
    expect(embed.footer).toEqual({ text: "Japan FSA" });
    expect(embed.timestamp).toBe(new Date(Date.UTC(2026, 10, 3, 9)).toISOString());
    expect(embed.color).toBe(0xbc002d);
    expect(embed.fields).toContainEqual({ name: "Jurisdiction", value: "🇯🇵 Japan (JP)", inline: true });
    expect(embed.description).toContain("draft rules number 2");

    // In the Japanese server: Japanese labels, and only the rule's role may be pinged.
    const jaPost = await discord.waitForCall((c) => c.method === "POST" && c.path === `/channels/${soba}/messages`, 15_000);
    expect(jaPost.body.content).toBe(`<@&${jpAlerts}>`);
    expect(jaPost.body.allowed_mentions).toEqual({ parse: [], roles: [jpAlerts] });
    expect(jaPost.body.embeds[0].fields).toContainEqual({ name: "地域", value: "🇯🇵 日本 (JP)", inline: true });
    expect(jaPost.body.embeds[0].fields).toContainEqual({ name: "トピック", value: "暗号資産の貸借", inline: true });

    await until("the lost channel to be deactivated", () => new RegExp(`discord:${lost} is gone`).test(stderr));
    const inactive = await regwatch(["subscriptions", "--inactive", "--json", "--config", configFile], { REGWATCH_STORE: store });
    const stopped = JSON.parse(inactive.stdout) as Array<{ target: { chatId: string }; active: boolean; inactiveReason: string }>;
    expect(stopped).toEqual([expect.objectContaining({ target: { platform: "discord", chatId: lost }, active: false })]);
    expect(stopped[0]?.inactiveReason).toContain("50001");
    // One attempt: a 403 is final, never retried.
    expect(discord.calls.filter((c) => c.path === `/channels/${lost}/messages`)).toHaveLength(1);
    expect(stderr).not.toContain("test-token");
  });

  it("refuses /subscribe to a member without Manage Channels, answers /ieo-cap privately and completes jurisdictions", async () => {
    const refused = await command(trader, "subscribe", { what: "us" });
    expect(refused.body.data.flags).toBe(64);
    expect(refused.body.data.embeds[0].description).toContain("Manage Channels");

    const cap = await command(trader, "ieo-cap", { income: "800万", net_assets: "3000万" });
    expect(cap.body.data.flags).toBe(64);
    expect(cap.body.data.embeds[0].description).toMatch(/^Cap: ¥/);

    const completed = await command(moderator, "subscribe", { what: "jap" }, "autocomplete");
    expect(completed.body.data.choices).toContainEqual({ name: "🇯🇵 Japan (JP)", value: "JP" });
  });

  it("closes the gateway and exits 0 on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    expect(await exited).toBe(0);
    await until("the gateway connection to close", () => discord.gateway.live().length === 0, 5_000);
  });
});
