import { z } from "zod";
import type { Command, CommandServices, ReplyField } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import type { DeliveryMode, Subscription } from "../src/core/subscription.js";
import { quote, readInterests, requireManager, targetOf, type Interests } from "../src/commands/interests.js";
import { alertField, describeDelivery, describeItems, subscriptionFields, WEEKDAYS } from "../src/commands/subscription-text.js";
import { wholeNumber } from "../src/commands/parse.js";

export const DEFAULT_DIGEST_HOUR = 8;

const lower = (value: unknown): unknown => (typeof value === "string" ? value.trim().toLowerCase() : value);

/** An IANA time zone in its canonical spelling ("asia/tokyo" → "Asia/Tokyo"), or undefined if Intl does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Text reads `/subscribe jp hk stablecoin digest:daily hour:8 tz:Asia/Tokyo`; Discord shows the same five
 * options typed (`what`, `delivery` with its choices, `hour`, `time_zone`, `weekday`). Every option is optional:
 * `/subscribe digest:weekly` changes only how an existing subscription is delivered.
 */
export const subscribeOptions = z.object({
  what: z.string().optional().describe("Jurisdictions and topics, space or comma separated: jp hk stablecoin, or all"),
  delivery: z
    .preprocess(lower, z.enum(["instant", "daily", "weekly"], { error: "choose instant, daily or weekly" }))
    .optional()
    .describe("instant (default): each alert as it arrives; daily or weekly: one digest"),
  hour: z
    .preprocess(
      (value) => (typeof value === "string" ? (/^\s*(\d{1,2})(?::00)?\s*h?\s*$/i.exec(value)?.[1] ?? value) : value),
      wholeNumber(0, 23, "a whole hour from 0 to 23"),
    )
    .optional()
    .describe(`Hour of the digest, 0-23 (default ${DEFAULT_DIGEST_HOUR})`),
  time_zone: z
    .string()
    .transform((name, ctx) => {
      const canonical = canonicalTimeZone(name.trim());
      if (canonical) return canonical;
      ctx.addIssue({ code: "custom", message: `unknown time zone ${quote(name, 32)}; use a name such as Asia/Tokyo, Europe/London or UTC` });
      return z.NEVER;
    })
    .optional()
    .describe("Time zone of the digest hour, e.g. Asia/Tokyo (default UTC)"),
  weekday: z
    .preprocess(
      (value) => {
        const typed = lower(value);
        return typeof typed === "string" && typed.length >= 2 ? (WEEKDAYS.find((d) => d.startsWith(typed)) ?? typed) : typed;
      },
      z.enum(WEEKDAYS, { error: "a day of the week, e.g. monday" }),
    )
    .optional()
    .describe("Day of a weekly digest (default monday)"),
});

export type SubscribeOptions = z.output<typeof subscribeOptions>;

/** The delivery the options ask for, starting from the current one: unnamed parts keep their current value. */
export function chooseDelivery(current: DeliveryMode | undefined, options: SubscribeOptions): DeliveryMode {
  const mode = options.delivery ?? current?.mode ?? "instant";
  if (mode === "instant") {
    const stray = (["hour", "time_zone", "weekday"] as const).find((k) => options[k] !== undefined);
    if (stray) throw new UserError(`${stray} is for a digest: add delivery:daily or delivery:weekly.`);
    return { mode: "instant" };
  }
  const previous = current && current.mode !== "instant" ? current : undefined;
  const hour = options.hour ?? previous?.hour ?? DEFAULT_DIGEST_HOUR;
  const timeZone = options.time_zone ?? previous?.timeZone ?? "UTC";
  if (mode === "daily") {
    if (options.weekday !== undefined) throw new UserError("weekday is for a weekly digest: use delivery:weekly.");
    return { mode, hour, timeZone };
  }
  const weekday = options.weekday !== undefined ? WEEKDAYS.indexOf(options.weekday) : previous?.mode === "weekly" ? previous.weekday : 1;
  return { mode, hour, timeZone, weekday };
}

/** Adds to what the chat receives; "all" absorbs any list of jurisdictions. */
export function addInterests(current: Interests | undefined, added: Interests): Interests {
  const jurisdictions = [...new Set([...(current?.jurisdictions ?? []), ...added.jurisdictions])];
  return {
    jurisdictions: jurisdictions.includes("all") ? ["all"] : jurisdictions,
    topics: [...new Set([...(current?.topics ?? []), ...added.topics])],
  };
}

const deliveryNamed = (o: SubscribeOptions): boolean => [o.delivery, o.hour, o.time_zone, o.weekday].some((v) => v !== undefined);

async function subscribe(ctx: Parameters<Command["run"]>[0], options: SubscribeOptions, services: CommandServices): Promise<void> {
  requireManager(ctx);
  const { knowledge } = services;
  const target = targetOf(ctx);
  const stored = await services.subscriptions.get(target);
  // A chat the platform had given up on starts afresh rather than reviving what it wanted back then.
  const current = stored?.active ? stored : undefined;
  const added = options.what?.trim() ? readInterests(knowledge, options.what) : undefined;
  if (!added && !(current && deliveryNamed(options))) {
    throw new UserError("Say what this chat should receive: /subscribe jp hk stablecoin, or /subscribe all. /jurisdictions lists the codes.");
  }
  const delivery = chooseDelivery(current?.delivery, options);
  const interests = added ? addInterests(current, added) : (current as Subscription);
  const now = services.now().toISOString();
  const next: Subscription = {
    target,
    chatType: ctx.chat.type,
    jurisdictions: interests.jurisdictions,
    topics: interests.topics,
    delivery,
    createdBy: current?.createdBy ?? ctx.user.id,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
    active: true,
  };
  await services.subscriptions.put(next);

  const lines: string[] = [];
  if (added) {
    const fresh: Interests = {
      jurisdictions: added.jurisdictions.filter((j) => !current?.jurisdictions.includes(j) && !current?.jurisdictions.includes("all")),
      topics: added.topics.filter((t) => !current?.topics.includes(t)),
    };
    const anything = fresh.jurisdictions.length + fresh.topics.length > 0;
    lines.push(anything ? `Added ${describeItems(knowledge, fresh)}.` : "This chat already receives those.");
    if (narrowed(current, next)) lines.push("Topics and jurisdictions combine: this chat gets only those topics from those jurisdictions. /unsubscribe removes one.");
  }
  if (current && deliveryNamed(options)) lines.push(`Delivery is now ${describeDelivery(delivery)}.`);

  const [latest] = await services.alerts.latest(1, next);
  const fields: ReplyField[] = subscriptionFields(knowledge, next);
  const shown = latest ? alertField(knowledge, latest) : undefined;
  fields.push(
    shown
      ? { name: `Latest matching alert: ${shown.name}`, value: shown.value }
      : { name: "Latest matching alert", value: "None yet: alerts arrive here as soon as a regulator publishes one." },
  );
  await ctx.reply({
    title: current ? "Subscription updated" : "Subscribed",
    text: lines.join("\n"),
    fields,
    ...(latest?.url ? { link: { url: latest.url, label: "Latest matching alert" } } : {}),
  });
}

/** A subscription that received every topic (or every jurisdiction) and now has a filter: say so, it receives less. */
function narrowed(before: Interests | undefined, after: Interests): boolean {
  if (!before) return false;
  const hadPlaces = before.jurisdictions.length > 0;
  return (hadPlaces && before.topics.length === 0 && after.topics.length > 0) || (!hadPlaces && after.jurisdictions.length > 0 && !after.jurisdictions.includes("all"));
}

export const subscribeCommand: Command<typeof subscribeOptions> = {
  name: "subscribe",
  description: "Alerts in this chat for jurisdictions and topics, added to what it receives: /subscribe jp hk stablecoin",
  options: subscribeOptions,
  positional: ["what"],
  rest: "what",
  aliases: { digest: "delivery", mode: "delivery", tz: "time_zone", timezone: "time_zone", day: "weekday", at: "hour" },
  examples: ["/subscribe jp hk", "/subscribe Hong Kong, UK stablecoin", "/subscribe all", "/subscribe jp digest:daily hour:8 tz:Asia/Tokyo", "/subscribe digest:weekly day:friday"],
  run: subscribe,
};
