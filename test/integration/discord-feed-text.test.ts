import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordPlatform } from "../../adapters/discord/platform.js";
import { replyEmbed } from "../../adapters/discord/render.js";
import { loadKnowledge } from "../../src/analysis/knowledge.js";
import { alertField } from "../../src/commands/subscription-text.js";
import type { Alert } from "../../src/core/article.js";
import { parseFeed } from "../../src/feeds/parse.js";
import { rss } from "../support/rss.js";
import { snowflake, startDiscordServer, type DiscordServer } from "../support/discord-server.js";

const channel = snowflake();
let server: DiscordServer;

beforeAll(async () => {
  server = await startDiscordServer({ guilds: [{ id: snowflake(), channels: [{ id: channel }] }] });
});
afterAll(async () => {
  await server?.close();
});

/** What Discord's markdown would turn into a live link or formatting: an unescaped `[text](url)`, `**bold**`, a heading. */
const liveMaskedLink = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(\s*<?https?:/;
const liveBold = /(?<!\\)\*\*[^*\n]+(?<!\\)\*\*/;
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function delivered(alert: Alert): Promise<any> {
  const rest = new REST({ api: server.apiBase, retries: 0 }).setToken("feed-text-token");
  const platform = createDiscordPlatform({ rest });
  const before = server.calls.length;
  expect(await platform.send({ platform: "discord", chatId: channel }, { kind: "alert", alert })).toEqual({ status: "sent" });
  const call = server.calls.slice(before).find((c) => c.method === "POST" && c.path === `/channels/${channel}/messages`);
  expect(call).toBeDefined();
  return call?.body;
}

describe("feed text in Discord embeds, as the local Discord receives it through discord.js", () => {
  it("a masked link, markdown and a bidi override from a feed arrive as plain text", async () => {
    const xml = rss({
      title: "Hostile",
      items: [
        {
          title: "**Urgent** \u202egnp.exe [Log in](https://evil.example/login)",
          link: "https://regulator.example/notice/1",
          pubDate: "Tue, 01 Dec 2026 09:00:00 GMT",
          description: "[Log in](https://evil.example/login) to keep your account \u202eevil\u202c # Heading",
        },
      ],
    });
    const [article] = (await parseFeed(xml, { feedId: "hostile", baseUrl: "https://regulator.example/feed.xml" })).articles;
    expect(article).toBeDefined();
    const alert: Alert = {
      ...article!,
      feedName: "Hostile [feed](https://evil.example/feed)",
      policy: true,
      jurisdictions: ["JP"],
      topics: [],
      summary: article!.text,
      figures: [{ kind: "money", value: 1, currency: "USD", text: "[$1](https://evil.example/money)" }],
    };
    const body = await delivered(alert);
    const embed = body.embeds[0];
    const shown = [embed.title, embed.description, embed.footer?.text, ...embed.fields.map((f: any) => f.value)].join("\n");
    expect(embed.description).toContain("Log in");
    expect(shown).not.toMatch(liveMaskedLink);
    expect(shown).not.toMatch(liveBold);
    expect(shown).not.toMatch(bidiControls);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    // The embed's own link is the item's, never one from its text.
    expect(embed.url).toBe("https://regulator.example/notice/1");
  });

  it("a feed title quoted in a command's reply (/latest) is plain text too", async () => {
    const alert = {
      id: "x", feedId: "hostile", url: "https://regulator.example/notice/2", title: "[Log in](https://evil.example/login) \u202eexe.pdf",
      text: "", published: null, categories: [], language: null, feedName: "Hostile", policy: true, jurisdictions: ["JP"], topics: [], summary: "", figures: [],
    } satisfies Alert;
    const rest = new REST({ api: server.apiBase, retries: 0 }).setToken("feed-text-token");
    const before = server.calls.length;
    await rest.post(`/channels/${channel}/messages`, { body: { embeds: [replyEmbed({ title: "Latest alerts", text: "**The latest alert**", fields: [alertField(loadKnowledge(), alert)] })] } });
    const call = server.calls.slice(before).find((c) => c.method === "POST");
    const embed = call?.body.embeds[0];
    expect(embed.fields[0].value).toContain("Log in");
    expect(embed.fields[0].value).not.toMatch(liveMaskedLink);
    expect(embed.fields[0].value).not.toMatch(bidiControls);
    // Our own markdown still works.
    expect(embed.description).toBe("**The latest alert**");
  });
});
