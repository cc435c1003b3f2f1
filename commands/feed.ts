import { z } from "zod";
import type { Command, CommandContext, CommandServices, ReplyField } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { targetKey } from "../src/core/subscription.js";
import { USER_FEED_PREFIX, userFeedId, type AlertChoice, type FeedFollower, type UserFeed, type UserFeedServices } from "../src/core/user-feed.js";
import { findJurisdiction } from "../src/analysis/knowledge.js";
import { quote, targetOf } from "../src/commands/interests.js";

const lower = (value: unknown): unknown => (typeof value === "string" ? value.trim().toLowerCase() : value);

export const feedOptions = z.object({
  action: z
    .preprocess(lower, z.enum(["add", "list", "remove", "export", "import"], { error: "choose add, list, remove, export or import" }))
    .describe("add, list, remove, export or import"),
  target: z.string().optional().describe("add: the feed's URL (or a page that links to it); remove: the feed's id"),
  jurisdiction: z.string().optional().describe("add: the jurisdiction the feed is about, e.g. sg (optional)"),
  alerts: z
    .preprocess(lower, z.enum(["policy", "all"], { error: "choose policy or all" }))
    .optional()
    .describe("add: policy (default) for policy items only, or all for every item"),
});

export type FeedOptions = z.output<typeof feedOptions>;

/** Needs the chat-feed services; the console without a store, or an operator who turned them off, has none. */
function servicesOf(services: CommandServices): UserFeedServices {
  const feeds = services.userFeeds;
  if (!feeds || !feeds.limits.enabled) throw new UserError("Adding feeds from chats is turned off on this regwatch.");
  return feeds;
}

function requireFeedManager(ctx: CommandContext): void {
  if (ctx.chat.type !== "private" && !ctx.canManage) throw new UserError("Only those who manage this chat (its admins; on Discord, Manage Channels) can change its feeds.");
}

const describeChoice = (f: Pick<FeedFollower, "alerts" | "jurisdiction">): string =>
  `${f.alerts === "all" ? "every item" : "policy items only"}${f.jurisdiction ? `, about ${f.jurisdiction}` : ""}`;

/** What the user typed without a scheme is taken as https. */
function normaliseUrl(text: string): string {
  const trimmed = text.trim().replace(/^<(.*)>$/, "$1");
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

async function add(ctx: CommandContext, options: FeedOptions, services: CommandServices): Promise<void> {
  requireFeedManager(ctx);
  const feeds = servicesOf(services);
  let { jurisdiction: named, alerts } = options;
  // `/feed add URL all`: a lone choice in the jurisdiction's place is the choice.
  if (named !== undefined && alerts === undefined && /^(?:all|policy)$/i.test(named.trim())) {
    alerts = named.trim().toLowerCase() as AlertChoice;
    named = undefined;
  }
  if (!options.target?.trim()) throw new UserError("Give the feed's address: /feed add https://regulator.example/news.rss [jurisdiction] [policy|all]");
  let jurisdiction: string | null = null;
  if (named?.trim()) {
    const found = findJurisdiction(services.knowledge, named);
    if (!found || found === "all") throw new UserError(`${quote(named, 32)} is not a jurisdiction I know. /jurisdictions lists the codes.`);
    jurisdiction = found.code;
  }
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  const all = await feeds.store.list();

  let probed;
  try {
    probed = await feeds.probe(normaliseUrl(options.target));
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`Cannot use that URL: ${error.message}.`);
    throw error;
  }
  const id = await userFeedId(probed.url);
  const existing = all.find((f) => f.id === id);
  const already = existing?.followers.find((f) => targetKey(f.target) === targetKey(target));
  if (!already && mine.length >= feeds.limits.maxPerChat) {
    throw new UserError(`This chat already has ${mine.length} feeds, the most allowed here (${feeds.limits.maxPerChat}). /feed remove one first.`);
  }
  if (!existing && all.length >= feeds.limits.maxTotal) {
    throw new UserError(`This regwatch already reads ${all.length} feeds added from chats, the most its operator allows.`);
  }
  const now = services.now().toISOString();
  const follower: FeedFollower = { target, jurisdiction, alerts: alerts ?? "policy", addedBy: ctx.user.id, addedAt: already?.addedAt ?? now };
  const feed: UserFeed = existing ?? { id, url: probed.url, title: probed.title, followers: [], createdAt: now };
  const next: UserFeed = {
    ...feed,
    title: probed.title,
    followers: [...feed.followers.filter((f) => targetKey(f.target) !== targetKey(target)), follower],
  };
  // It answered just now: a paused feed is read again.
  delete next.pausedAt;
  delete next.pauseReason;
  await feeds.store.put(next);

  const lines = [
    already ? `This chat already follows this feed; it now receives ${describeChoice(follower)}.` : `This chat now receives ${describeChoice(follower)} from it, starting with the next item published.`,
    `Id ${id} · ${probed.items} item${probed.items === 1 ? "" : "s"} now${probed.discoveredFrom ? " · found on the page you gave" : ""}`,
  ];
  const fields: ReplyField[] = [];
  if (probed.latest) {
    const date = probed.latest.published ? probed.latest.published.slice(0, 10) : "undated";
    fields.push({ name: "Latest item", value: `${probed.latest.title} (${date})${probed.latest.url ? `\n${probed.latest.url}` : ""}` });
  } else fields.push({ name: "Latest item", value: "The feed is empty for now." });
  await ctx.reply({ title: `Feed added: ${probed.title}`, text: lines.join("\n"), fields, link: { url: probed.url, label: "Feed" } });
}

async function list(ctx: CommandContext, services: CommandServices): Promise<void> {
  const feeds = servicesOf(services);
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  if (mine.length === 0) {
    await ctx.reply({ title: "This chat's feeds", text: "This chat has added no feeds. /feed add https://regulator.example/news.rss adds one." });
    return;
  }
  await ctx.reply({
    title: "This chat's feeds",
    text: `${mine.length} of at most ${feeds.limits.maxPerChat}. /feed remove <id> removes one.`,
    fields: mine.map((feed) => {
      const follower = feed.followers.find((f) => targetKey(f.target) === targetKey(target)) as FeedFollower;
      const paused = feed.pausedAt ? `\nPaused since ${feed.pausedAt.slice(0, 10)}: ${feed.pauseReason ?? "it kept failing"}. /feed add it again to resume.` : "";
      return { name: `${feed.id} · ${feed.title}`, value: `${feed.url}\n${describeChoice(follower)}${paused}` };
    }),
  });
}

async function remove(ctx: CommandContext, options: FeedOptions, services: CommandServices): Promise<void> {
  requireFeedManager(ctx);
  const feeds = servicesOf(services);
  const typed = options.target?.trim().toLowerCase() ?? "";
  if (!typed) throw new UserError("Say which feed: /feed remove <id>, with an id from /feed list.");
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  const id = typed.startsWith(USER_FEED_PREFIX) ? typed : USER_FEED_PREFIX + typed;
  const feed = mine.find((f) => f.id === id || f.url === options.target?.trim());
  if (!feed) throw new UserError(`This chat has no feed ${quote(options.target ?? "", 32)}. /feed list shows its feeds and their ids.`);
  await feeds.store.put({ ...feed, followers: feed.followers.filter((f) => targetKey(f.target) !== targetKey(target)) });
  await ctx.reply({ title: "Feed removed", text: `This chat no longer receives items from ${feed.title} (${feed.id}).` });
}

export const feedCommand: Command<typeof feedOptions> = {
  name: "feed",
  description: "Feeds this chat adds itself: /feed add <url> [jurisdiction] [policy|all], /feed list, /feed remove <id>",
  options: feedOptions,
  positional: ["action", "target", "jurisdiction", "alerts"],
  aliases: { url: "target", id: "target" },
  examples: ["/feed add https://www.mas.gov.sg/news sg", "/feed add https://regulator.example/rss.xml all", "/feed list", "/feed remove user-1a2b3c4d"],
  async run(ctx, options, services) {
    switch (options.action) {
      case "add":
        return add(ctx, options, services);
      case "list":
        return list(ctx, services);
      case "remove":
        return remove(ctx, options, services);
      default:
        throw new UserError(`/feed ${options.action} is not available here yet.`);
    }
  },
};
