import { z } from "zod";
import type { Command, CommandContext, CommandServices, ReplyField } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { targetKey } from "../src/core/subscription.js";
import { USER_FEED_PREFIX, userFeedId, type AlertChoice, type FeedFollower, type UserFeed, type UserFeedServices } from "../src/core/user-feed.js";
import { findJurisdiction } from "../src/analysis/knowledge.js";
import { schemaError } from "../src/commands/i18n.js";
import { quote, targetOf } from "../src/commands/interests.js";
import { tr } from "../src/commands/localize.js";

const lower = (value: unknown): unknown => (typeof value === "string" ? value.trim().toLowerCase() : value);

export const feedOptions = z.object({
  action: z
    .preprocess(lower, z.enum(["add", "list", "remove", "export", "import"], schemaError("feedAction", "choose add, list, remove, export or import")))
    .describe("add, list, remove, export or import"),
  target: z.string().optional().describe("add: the feed's URL (or a page that links to it); remove: the feed's id"),
  jurisdiction: z.string().optional().describe("add: the jurisdiction the feed is about, e.g. sg (optional)"),
  alerts: z
    .preprocess(lower, z.enum(["policy", "all"], schemaError("feedAlerts", "choose policy or all")))
    .optional()
    .describe("add: policy (default) for policy items only, or all for every item"),
});

export type FeedOptions = z.output<typeof feedOptions>;

/** Needs the chat-feed services; the console without a store, or an operator who turned them off, has none. */
function servicesOf(ctx: CommandContext, services: CommandServices): UserFeedServices {
  const feeds = services.userFeeds;
  if (!feeds || !feeds.limits.enabled) throw new UserError(tr(ctx)("feed.off"));
  return feeds;
}

function requireFeedManager(ctx: CommandContext): void {
  if (ctx.chat.type !== "private" && !ctx.canManage) throw new UserError(tr(ctx)("feed.onlyManagers"));
}

const describeChoice = (ctx: CommandContext, f: Pick<FeedFollower, "alerts" | "jurisdiction">): string => {
  const t = tr(ctx);
  const what = f.alerts === "all" ? t("feed.everyItem") : t("feed.policyItems");
  return f.jurisdiction ? t("feed.about", { what, jurisdiction: f.jurisdiction }) : what;
};

/** What the user typed without a scheme is taken as https. */
function normaliseUrl(text: string): string {
  const trimmed = text.trim().replace(/^<(.*)>$/, "$1");
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

interface Followed {
  title: string;
  id: string;
  already: boolean;
  follower: FeedFollower;
  probed: Awaited<ReturnType<UserFeedServices["probe"]>>;
}

/** Fetches the URL once and makes this chat a follower of its feed, within the operator's limits. */
async function follow(ctx: CommandContext, services: CommandServices, feeds: UserFeedServices, typedUrl: string, jurisdiction: string | null, alerts: AlertChoice): Promise<Followed> {
  const t = tr(ctx);
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  const all = await feeds.store.list();
  let probed;
  try {
    probed = await feeds.probe(normaliseUrl(typedUrl));
  } catch (error) {
    if (error instanceof UserError) throw new UserError(t("feed.cannotUse", { reason: error.message }));
    throw error;
  }
  const id = await userFeedId(probed.url);
  const existing = all.find((f) => f.id === id);
  const already = existing?.followers.find((f) => targetKey(f.target) === targetKey(target));
  if (!already && mine.length >= feeds.limits.maxPerChat) {
    throw new UserError(t("feed.chatLimit", { have: mine.length, max: feeds.limits.maxPerChat }));
  }
  if (!existing && all.length >= feeds.limits.maxTotal) {
    throw new UserError(t("feed.totalLimit", { have: all.length }));
  }
  const now = services.now().toISOString();
  const follower: FeedFollower = { target, jurisdiction, alerts, addedBy: ctx.user.id, addedAt: already?.addedAt ?? now };
  await feeds.store.update(id, (current) => {
    const feed: UserFeed = current ?? { id, url: probed.url, title: probed.title, followers: [], createdAt: now };
    const next: UserFeed = { ...feed, title: probed.title, followers: [...feed.followers.filter((f) => targetKey(f.target) !== targetKey(target)), follower] };
    // It answered just now: a paused feed is read again.
    delete next.pausedAt;
    delete next.pauseReason;
    return next;
  });
  return { title: probed.title, id, already: already !== undefined, follower, probed };
}

function jurisdictionOf(ctx: CommandContext, services: CommandServices, named: string | undefined): string | null {
  if (!named?.trim()) return null;
  const found = findJurisdiction(services.knowledge, named);
  if (!found || found === "all") throw new UserError(tr(ctx)("feed.unknownJurisdiction", { typed: quote(named, 32) }));
  return found.code;
}

async function add(ctx: CommandContext, options: FeedOptions, services: CommandServices): Promise<void> {
  requireFeedManager(ctx);
  const t = tr(ctx);
  const feeds = servicesOf(ctx, services);
  let { jurisdiction: named, alerts } = options;
  // `/feed add URL all`: a lone choice in the jurisdiction's place is the choice.
  if (named !== undefined && alerts === undefined && /^(?:all|policy)$/i.test(named.trim())) {
    alerts = named.trim().toLowerCase() as AlertChoice;
    named = undefined;
  }
  if (!options.target?.trim()) throw new UserError(t("feed.needUrl"));
  const jurisdiction = jurisdictionOf(ctx, services, named);
  const { id, already, follower, probed } = await follow(ctx, services, feeds, options.target, jurisdiction, alerts ?? "policy");
  const lines = [
    already ? t("feed.alreadyFollows", { what: describeChoice(ctx, follower) }) : t("feed.nowReceives", { what: describeChoice(ctx, follower) }),
    t("feed.idLine", { id, items: probed.items }) + (probed.discoveredFrom ? t("feed.discovered") : ""),
  ];
  const fields: ReplyField[] = [];
  if (probed.latest) {
    const date = probed.latest.published ? probed.latest.published.slice(0, 10) : t("feed.undated");
    fields.push({ name: t("feed.latestItem"), value: `${probed.latest.title} (${date})${probed.latest.url ? `\n${probed.latest.url}` : ""}` });
  } else fields.push({ name: t("feed.latestItem"), value: t("feed.empty") });
  await ctx.reply({ title: t("feed.added", { title: probed.title }), text: lines.join("\n"), fields, link: { url: probed.url, label: t("feed.link") } });
}

/** OPML files chats send are small: a few hundred feeds at most. */
const MAX_OPML_BYTES = 512 * 1024;
const SHOWN_RESULTS = 20;

async function exportFeeds(ctx: CommandContext, services: CommandServices): Promise<void> {
  const t = tr(ctx);
  const feeds = servicesOf(ctx, services);
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  if (mine.length === 0) throw new UserError(t("feed.none"));
  const content = feeds.writeOpml(
    t("feed.exportTitle"),
    mine.map((feed) => ({ url: feed.url, title: feed.title, jurisdiction: feed.followers.find((f) => targetKey(f.target) === targetKey(target))?.jurisdiction ?? null })),
  );
  await ctx.reply({ title: t("feed.exportTitle"), text: t("feed.exportText", { have: mine.length }), attachment: { name: "regwatch-feeds.opml", mimeType: "text/x-opml", content } });
}

async function importFeeds(ctx: CommandContext, options: FeedOptions, services: CommandServices): Promise<void> {
  requireFeedManager(ctx);
  const t = tr(ctx);
  const feeds = servicesOf(ctx, services);
  if (!ctx.attachment) throw new UserError(t("feed.needFile"));
  const text = await ctx.attachment.read(MAX_OPML_BYTES);
  const listed = feeds.readOpml(text);
  if (listed.length === 0) throw new UserError(t("feed.emptyOpml"));
  const added: string[] = [];
  const refused: string[] = [];
  for (const entry of listed) {
    try {
      const jurisdiction = entry.jurisdiction && services.knowledge.jurisdictions.some((j) => j.code === entry.jurisdiction) ? entry.jurisdiction : null;
      const done = await follow(ctx, services, feeds, entry.url, jurisdiction, options.alerts ?? "policy");
      added.push(`${done.id} · ${done.title}`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      refused.push(`${entry.title ?? entry.url}: ${error.message}`);
    }
  }
  const fields: ReplyField[] = [];
  if (added.length > 0) fields.push({ name: t("feed.importAdded", { have: added.length }), value: added.slice(0, SHOWN_RESULTS).join("\n") });
  if (refused.length > 0) fields.push({ name: t("feed.importRefused", { have: refused.length }), value: refused.slice(0, SHOWN_RESULTS).join("\n") });
  await ctx.reply({ title: t("feed.importTitle"), text: t("feed.importText", { added: added.length, listed: listed.length }), fields });
}

async function list(ctx: CommandContext, services: CommandServices): Promise<void> {
  const t = tr(ctx);
  const feeds = servicesOf(ctx, services);
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  if (mine.length === 0) {
    await ctx.reply({ title: t("feed.listTitle"), text: t("feed.none") });
    return;
  }
  await ctx.reply({
    title: t("feed.listTitle"),
    text: t("feed.listText", { have: mine.length, max: feeds.limits.maxPerChat }),
    fields: mine.map((feed) => {
      const follower = feed.followers.find((f) => targetKey(f.target) === targetKey(target)) as FeedFollower;
      const paused = feed.pausedAt ? `\n${t("feed.pausedSince", { date: feed.pausedAt.slice(0, 10), reason: feed.pauseReason ?? "" })}` : "";
      return { name: `${feed.id} · ${feed.title}`, value: `${feed.url}\n${describeChoice(ctx, follower)}${paused}` };
    }),
  });
}

async function remove(ctx: CommandContext, options: FeedOptions, services: CommandServices): Promise<void> {
  requireFeedManager(ctx);
  const t = tr(ctx);
  const feeds = servicesOf(ctx, services);
  const typed = options.target?.trim().toLowerCase() ?? "";
  if (!typed) throw new UserError(t("feed.needId"));
  const target = targetOf(ctx);
  const mine = await feeds.store.ofChat(target);
  const id = typed.startsWith(USER_FEED_PREFIX) ? typed : USER_FEED_PREFIX + typed;
  const feed = mine.find((f) => f.id === id || f.url === options.target?.trim());
  if (!feed) throw new UserError(t("feed.noSuchFeed", { typed: quote(options.target ?? "", 32) }));
  await feeds.store.update(feed.id, (current) => current && { ...current, followers: current.followers.filter((f) => targetKey(f.target) !== targetKey(target)) });
  await ctx.reply({ title: t("feed.removed"), text: t("feed.removedText", { title: feed.title, id: feed.id }) });
}

export const feedCommand: Command<typeof feedOptions> = {
  name: "feed",
  description: "Feeds this chat adds: /feed add <url> [jurisdiction] [policy|all], list, remove, export, import",
  options: feedOptions,
  positional: ["action", "target", "jurisdiction", "alerts"],
  aliases: { url: "target", id: "target" },
  examples: ["/feed add https://www.mas.gov.sg/news sg", "/feed add https://regulator.example/rss.xml all", "/feed list", "/feed remove user-1a2b3c4d", "/feed export", "/feed import (with an OPML file attached)"],
  async run(ctx, options, services) {
    switch (options.action) {
      case "add":
        return add(ctx, options, services);
      case "list":
        return list(ctx, services);
      case "remove":
        return remove(ctx, options, services);
      case "export":
        return exportFeeds(ctx, services);
      case "import":
        return importFeeds(ctx, options, services);
    }
  },
};
