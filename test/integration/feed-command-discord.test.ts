import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { MEMBER_DEFAULT, Perm, snowflake, startDiscordServer, type DiscordServer } from "../support/discord-server.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { waitFor } from "../support/wait.js";

// The built service with a Discord token: a moderator adds a feed to a channel with /feed, a member without
// Manage Channels cannot, and the feed's new policy item reaches that channel only. The feed is on 127.0.0.1,
// so this configuration must allow private addresses and the server's port.

const dir = mkdtempSync(join(tmpdir(), "regwatch-feed-discord-"));
const store = `sqlite://${join(dir, "store.sqlite")}`;
const configFile = join(dir, "regwatch.yaml");
const guild = snowflake();
const [news, other, moderator, modRole, trader] = [snowflake(), snowflake(), snowflake(), snowflake(), snowflake()];
let feeds: FeedServer;
let discord: DiscordServer;
let service: ChildProcess;
let stderr = "";

const until = (what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> => waitFor(what, check, timeoutMs, () => `service stderr:\n${stderr}`);
const cycles = (): string[] => stderr.split("\n").flatMap((l) => /\binfo\s+(feeds \d+:.*)$/.exec(l)?.[1] ?? []);

/** The embed a /feed interaction was answered with, whether at once or after deferring. */
async function feed(userId: string, channelId: string, options: Record<string, string>): Promise<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }>; flags?: number }> {
  const { payload } = discord.interact({ guildId: guild, channelId, userId, name: "feed", options });
  const base = `/interactions/${payload.id}/${payload.token}/callback`;
  await discord.waitForCall((c) => c.path === base, 10_000);
  await until("the answer", () => discord.callsFor(payload).some((c) => (c.body as { data?: { embeds?: unknown[] }; embeds?: unknown[] })?.data?.embeds ?? (c.body as { embeds?: unknown[] })?.embeds));
  const answer = discord.callsFor(payload).map((c) => c.body as { data?: { embeds?: Array<Record<string, unknown>>; flags?: number }; embeds?: Array<Record<string, unknown>>; flags?: number }).find((b) => b?.data?.embeds ?? b?.embeds);
  const embed = (answer?.data?.embeds ?? answer?.embeds)?.[0] ?? {};
  return { ...embed, flags: answer?.data?.flags ?? answer?.flags } as never;
}

beforeAll(async () => {
  feeds = await startFeedServer({
    "/fsa.xml": { body: rss({ title: "FSA", items: [] }) },
    "/second.xml?a=1&b=2": { body: rss({ title: "Second Authority", items: [] }) },
    "/mas.xml": { body: rss({ title: "Authority Media Releases", items: [{ title: "Authority consults on stablecoin reserve rules", link: "https://regulator.example/1", pubDate: day(1), description: "The authority consults on reserve rules for stablecoin issuers." }] }) },
  });
  discord = await startDiscordServer({
    guilds: [
      {
        id: guild,
        roles: [{ id: modRole, permissions: MEMBER_DEFAULT | Perm.ManageChannels }],
        channels: [{ id: news, name: "news" }, { id: other, name: "other" }],
        members: [{ id: moderator, roles: [modRole] }, { id: trader }],
      },
    ],
  });
  const port = new URL(feeds.url("/")).port;
  writeFileSync(
    configFile,
    `contact: ci@example.com
schedule: "* * * * * *"
delivery:
  discord: { perSecond: 100 }
userFeeds: { allowPrivateAddresses: true, allowedPorts: [${port}] }
feeds:
  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }
`,
  );
  service = spawn(process.execPath, [BIN, "run", "--config", configFile], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, REGWATCH_STORE: store, DISCORD_TOKEN: "test-token", DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: discord.apiBase },
    stdio: ["ignore", "pipe", "pipe"],
  });
  service.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  service.stdout?.resume();
  await until("the gateway session and the first feed poll", () => discord.gateway.live().length === 1 && /first poll 1/.test(stderr));
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

describe("/feed through Discord", () => {
  it("lets a member with Manage Channels add a feed, refuses others, and posts its new items in that channel only", async () => {
    const refused = await feed(trader, news, { action: "add", target: feeds.url("/mas.xml") });
    expect(refused.flags).toBe(64);
    expect(refused.description).toContain("Manage Channels");

    const added = await feed(moderator, news, { action: "add", target: feeds.url("/mas.xml"), jurisdiction: "sg" });
    expect(added.title).toBe("Feed added: Authority Media Releases");
    expect(added.description).toContain("policy items only, about SG");
    expect(added.fields?.[0]?.value).toContain("Authority consults on stablecoin reserve rules");

    const listed = await feed(trader, news, { action: "list" });
    expect(listed.fields?.[0]?.name).toMatch(/^user-[0-9a-f]{8} · Authority Media Releases$/);
    const elsewhere = await feed(moderator, other, { action: "list" });
    expect(elsewhere.description).toContain("added no feeds");

    await until("the chat feed's first poll", () => cycles().some((l) => /^feeds 2:.*first poll 1/.test(l)));
    feeds.set("/mas.xml", {
      body: rss({
        title: "Authority Media Releases",
        items: [
          { title: "Authority issues final rules for stablecoin issuers @everyone", link: "https://regulator.example/2", pubDate: day(2), description: "The authority issued final rules for stablecoin issuers and their reserves." },
          { title: "Authority consults on stablecoin reserve rules", link: "https://regulator.example/1", pubDate: day(1), description: "The authority consults on reserve rules for stablecoin issuers." },
        ],
      }),
    });
    const post = await discord.waitForCall((c) => c.method === "POST" && c.path === `/channels/${news}/messages`, 15_000);
    expect(post.body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(post.body.embeds[0].title).toContain("Authority issues final rules for stablecoin issuers");
    expect(post.body.embeds[0].footer).toEqual({ text: "Authority Media Releases" });
    const polls = cycles().length;
    await until("two more polls", () => cycles().length > polls + 1);
    expect(discord.calls.filter((c) => c.method === "POST" && c.path === `/channels/${other}/messages`)).toHaveLength(0);
    // The first poll posted nothing: one message, the new item.
    expect(discord.calls.filter((c) => c.method === "POST" && c.path === `/channels/${news}/messages`)).toHaveLength(1);

    // The channel's feeds as an OPML attachment of the reply (multipart: the file's text is in the body).
    const { payload } = discord.interact({ guildId: guild, channelId: news, userId: moderator, name: "feed", options: { action: "export" } });
    const exported = await discord.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, 10_000);
    const raw = String(exported.body);
    expect(raw).toContain('filename="regwatch-feeds.opml"');
    expect(raw).toContain(`xmlUrl="${feeds.url("/mas.xml")}" regwatch:jurisdiction="SG"`);
    expect(raw).toContain("This chat's feeds (OPML)");

    // /feed import with an OPML file attached: another reader's export, a folder and an entity in the URL.
    const opml = `<?xml version="1.0"?><opml version="1.0"><body><outline text="Folder"><outline type="rss" text="Second" xmlUrl="${feeds.url("/second.xml?a=1&amp;b=2")}"/></outline></body></opml>`;
    const file = discord.attach("reader.opml", opml);
    const imported = discord.interact({ guildId: guild, channelId: other, userId: moderator, name: "feed", options: [{ name: "action", value: "import" }, { name: "file", type: 11, value: file }] });
    await discord.waitForCall((c) => c.path === `/interactions/${imported.payload.id}/${imported.payload.token}/callback`, 10_000);
    await until("the import answer", () => discord.callsFor(imported.payload).some((c) => JSON.stringify(c.body ?? "").includes("Feeds imported")));
    const answer = JSON.stringify(discord.callsFor(imported.payload).map((c) => c.body));
    expect(answer).toContain("Added 1 of the 1 feeds in the file.");
    const otherList = await feed(moderator, other, { action: "list" });
    expect(otherList.fields?.[0]?.name).toMatch(/· Second Authority$/);

    const removed = await feed(moderator, news, { action: "remove", target: listed.fields?.[0]?.name.split(" ")[0] ?? "" });
    expect(removed.title).toBe("Feed removed");
  });
});
