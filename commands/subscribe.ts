import { z } from "zod";
import type { Command, CommandContext, CommandServices, ReplyField, Translate } from "../src/core/command.js";
import { tr } from "../src/commands/localize.js";
import { UserError } from "../src/core/errors.js";
import type { DeliveryMode, Subscription, SubscriptionRule } from "../src/core/subscription.js";
import { quote, readInterests, requireManager, targetOf } from "../src/commands/interests.js";
import { addRule, ruleFrom } from "../src/commands/rules.js";
import { alertField, describeDelivery, describeRule, numberedRules, WEEKDAYS } from "../src/commands/subscription-text.js";
import { schemaError, schemaText } from "../src/commands/i18n.js";
import { canonicalTimeZone, extractDeliveryWords, readHour, readMode, readWeekday } from "../src/commands/synonyms.js";
import { wholeNumber } from "../src/commands/parse.js";

export const DEFAULT_DIGEST_HOUR = 8;
const MAX_KEYWORDS = 10;
const MAX_KEYWORD_CHARS = 40;
const MAX_RULES = 25;

const hourHelp = schemaError("hour", "a whole hour from 0 to 23, e.g. 9, 21 or 9am");

/** "circle, usdc" → ["circle", "usdc"]; commas in any script separate phrases. */
function readKeywords(text: string, option: string): string[] {
  const words = [...new Set(text.normalize("NFKC").split(/[,、，;]+/).map((w) => w.replace(/\s+/g, " ").trim()).filter(Boolean))];
  if (words.length === 0) throw new UserError(`${option}: give a word or phrase, e.g. ${option}:circle`);
  if (words.length > MAX_KEYWORDS) throw new UserError(`${option}: at most ${MAX_KEYWORDS} words or phrases, separated by commas.`);
  const long = words.find((w) => [...w].length > MAX_KEYWORD_CHARS);
  if (long) throw new UserError(`${option}: ${quote(long)} is longer than ${MAX_KEYWORD_CHARS} characters; use a shorter word.`);
  return words;
}

/**
 * Text reads `/subscribe jp hk stablecoin delivery:daily hour:9 time_zone:Asia/Tokyo`, or with everyday words
 * `/subscribe jp daily 9am JST`; Discord shows the same options typed. Every option is optional:
 * `/subscribe weekly` changes only how an existing subscription is delivered.
 */
export const subscribeOptions = z.object({
  what: z.string().optional().describe("Jurisdictions and topics, space or comma separated: jp hk stablecoin, or all"),
  delivery: z
    .preprocess((typed) => (typeof typed === "string" ? (readMode(typed) ?? typed) : typed), z.enum(["instant", "daily", "weekly"], schemaError("delivery", "choose instant, daily or weekly")))
    .optional()
    .describe("instant (default): each alert as it arrives; daily or weekly: one digest"),
  hour: z
    .preprocess(
      (typed) => (typeof typed === "string" ? (readHour(typed) ?? typed) : typed),
      wholeNumber(0, 23, hourHelp),
    )
    .optional()
    .describe(`Hour of the digest, 0-23 or 9am (default ${DEFAULT_DIGEST_HOUR})`),
  time_zone: z
    .string()
    .transform((name, ctx) => {
      const canonical = canonicalTimeZone(name);
      if (canonical) return canonical;
      const typed = quote(name, 32);
      ctx.addIssue({ code: "custom", message: schemaText("timeZone", `unknown time zone ${typed}; use a name such as Asia/Tokyo, Europe/London, UTC or JST`, { typed }) });
      return z.NEVER;
    })
    .optional()
    .describe("Time zone of the digest hour, e.g. Asia/Tokyo or JST (default UTC)"),
  weekday: z
    .preprocess((typed) => (typeof typed === "string" ? (readWeekday(typed) ?? typed) : typed), z.enum(WEEKDAYS, schemaError("weekday", "a day of the week, e.g. monday")))
    .optional()
    .describe("Day of a weekly digest (default monday)"),
  include: z.string().optional().describe("Only alerts naming one of these words, comma separated: circle, usdc"),
  exclude: z.string().optional().describe("Never alerts naming one of these words, comma separated: airdrop"),
  mention: z.string().optional().describe("Discord: a role to mention when this rule brings an alert, e.g. @JP-alerts"),
});

export type SubscribeOptions = z.output<typeof subscribeOptions>;

/** The delivery the options ask for, starting from the current one: unnamed parts keep their current value. */
export function chooseDelivery(
  current: DeliveryMode | undefined,
  options: Pick<SubscribeOptions, "delivery" | "hour" | "time_zone" | "weekday">,
  t: Translate = tr({}),
): DeliveryMode {
  const digestPart = (["hour", "time_zone", "weekday"] as const).find((k) => options[k] !== undefined);
  // "9am" or "friday" alone on an instant chat: the digest they describe is meant.
  const mode = options.delivery ?? (current && current.mode !== "instant" ? current.mode : digestPart ? (options.weekday !== undefined ? "weekly" : "daily") : (current?.mode ?? "instant"));
  if (mode === "instant") {
    if (digestPart) throw new UserError(t("subscribe.digestPart", { option: digestPart }));
    return { mode: "instant" };
  }
  const previous = current && current.mode !== "instant" ? current : undefined;
  const hour = options.hour ?? previous?.hour ?? DEFAULT_DIGEST_HOUR;
  const timeZone = options.time_zone ?? previous?.timeZone ?? "UTC";
  if (mode === "daily") {
    if (options.weekday !== undefined) throw new UserError(t("subscribe.weekdayDaily"));
    return { mode, hour, timeZone };
  }
  const weekday = options.weekday !== undefined ? WEEKDAYS.indexOf(options.weekday) : previous?.mode === "weekly" ? previous.weekday : 1;
  return { mode, hour, timeZone, weekday };
}

/** A Discord role mention as typed (`<@&123>`) or its id; only Manage Channels members may set one, only on Discord. */
function readMention(ctx: CommandContext, typed: string): string {
  const t = tr(ctx);
  if (ctx.chat.platform !== "discord") throw new UserError(t("subscribe.mentionNotDiscord"));
  if (!ctx.canManage) throw new UserError(t("subscribe.mentionNotAllowed"));
  const id = /^\s*(?:<@&)?(\d{5,25})>?\s*$/.exec(typed)?.[1];
  if (!id) throw new UserError(t("subscribe.mentionNotRole", { typed: quote(typed) }));
  return id;
}

const deliveryNamed = (o: Pick<SubscribeOptions, "delivery" | "hour" | "time_zone" | "weekday">): boolean =>
  [o.delivery, o.hour, o.time_zone, o.weekday].some((v) => v !== undefined);

/** Delivery words inside `what` ("jp daily 9am JST"), validated as if given by name; named options win. */
function withWordsFromWhat(options: SubscribeOptions): SubscribeOptions {
  if (!options.what) return options;
  const { rest, words } = extractDeliveryWords(options.what);
  const parsed = subscribeOptions.pick({ delivery: true, hour: true, time_zone: true, weekday: true }).parse(words);
  return {
    ...options,
    what: rest || undefined,
    delivery: options.delivery ?? parsed.delivery,
    hour: options.hour ?? parsed.hour,
    time_zone: options.time_zone ?? parsed.time_zone,
    weekday: options.weekday ?? parsed.weekday,
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

async function subscribe(ctx: CommandContext, typed: SubscribeOptions, services: CommandServices): Promise<void> {
  requireManager(ctx);
  const t = tr(ctx);
  const options = stripUndefined(withWordsFromWhat(typed));
  const { knowledge } = services;
  const target = targetOf(ctx);
  const stored = await services.subscriptions.get(target);
  // A chat the platform had given up on starts afresh rather than reviving what it wanted back then.
  const current = stored?.active ? stored : undefined;
  const filters = {
    ...(options.include ? { include: readKeywords(options.include, "include") } : {}),
    ...(options.exclude ? { exclude: readKeywords(options.exclude, "exclude") } : {}),
    ...(options.mention ? { mention: readMention(ctx, options.mention) } : {}),
  };
  const interests = options.what?.trim() ? readInterests(knowledge, options.what, t) : undefined;
  const hasFilters = Object.keys(filters).length > 0;
  const rule: SubscriptionRule | undefined = interests || hasFilters ? ruleFrom(interests ?? { jurisdictions: ["all"], topics: [] }, filters) : undefined;
  if (!rule && !(current && deliveryNamed(options))) {
    throw new UserError(t("subscribe.say"));
  }
  const delivery = chooseDelivery(current?.delivery, options, t);

  const lines: string[] = [];
  let rules = current?.rules ?? [];
  if (rule) {
    const outcome = addRule(rules, rule);
    if (outcome.kind === "covered") {
      lines.push(t("subscribe.already", { n: outcome.by + 1, rule: lowerFirst(describeRule(knowledge, rules[outcome.by] as SubscriptionRule, t)) }));
    } else {
      if (outcome.rules.length > MAX_RULES) throw new UserError(t("subscribe.tooMany", { max: MAX_RULES }));
      rules = outcome.rules;
      lines.push(t("subscribe.added", { n: outcome.index + 1, rule: lowerFirst(describeRule(knowledge, rules[outcome.index] as SubscriptionRule, t)) }));
    }
  }
  if (current && deliveryNamed(options)) lines.push(t("subscribe.deliveryNow", { delivery: describeDelivery(delivery, t) }));

  const now = services.now().toISOString();
  const next: Subscription = {
    target,
    chatType: ctx.chat.type,
    rules,
    delivery,
    ...(current?.pausedUntil !== undefined ? { pausedUntil: current.pausedUntil } : {}),
    ...(ctx.language ?? current?.language ? { language: (ctx.language ?? current?.language) as string } : {}),
    createdBy: current?.createdBy ?? ctx.user.id,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
    active: true,
  };
  await services.subscriptions.put(next);

  const [latest] = await services.alerts.latest(1, next);
  const fields: ReplyField[] = [
    { name: t("fields.receives"), value: numberedRules(knowledge, next.rules, t) },
    { name: t("fields.delivery"), value: describeDelivery(delivery, t) },
  ];
  const shown = latest ? alertField(knowledge, latest, false) : undefined;
  const noneYet = delivery.mode === "instant" ? t("subscribe.noneYetInstant") : t("subscribe.noneYetDigest", { delivery: describeDelivery(delivery, t) });
  fields.push(shown ? { name: t("fields.latestOne", { name: shown.name }), value: shown.value } : { name: t("fields.latest"), value: noneYet });
  await ctx.reply({
    title: current ? t("subscribe.titleUpdated") : t("subscribe.titleNew"),
    text: lines.join("\n"),
    fields,
    ...(latest?.url ? { link: { url: latest.url, label: t("fields.latest") } } : {}),
  });
}

const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

export const subscribeCommand: Command<typeof subscribeOptions> = {
  name: "subscribe",
  description: "Adds a rule: alerts for these jurisdictions and topics, on top of what this chat receives",
  options: subscribeOptions,
  positional: ["what"],
  rest: "what",
  aliases: { digest: "delivery", mode: "delivery", tz: "time_zone", timezone: "time_zone", day: "weekday", at: "hour", only: "include", without: "exclude", role: "mention" },
  examples: ["/subscribe jp hk", "/subscribe stablecoin", "/subscribe us stablecoin include:circle", "/subscribe jp daily 9am JST", "/subscribe weekly friday"],
  run: subscribe,
};
