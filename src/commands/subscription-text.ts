import type { Jurisdiction, Knowledge } from "../../config/knowledge.js";
import type { Alert } from "../core/article.js";
import type { ReplyField, Translate } from "../core/command.js";
import { isPaused, type DeliveryMode, type Subscription, type SubscriptionRule } from "../core/subscription.js";
import { translator } from "./i18n.js";
import type { Interests } from "./interests.js";

// How subscriptions, jurisdictions and alerts read in replies: names and flags from the jurisdiction table,
// labels from the topic table (or the language's catalog), so a reply never shows a bare code to look up.

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** English, loaded on first use (nothing reads files on import). */
const english: Translate = (key, values) => translator("en")(key, values);

const jurisdictionOf = (knowledge: Knowledge, code: string): Jurisdiction | undefined => knowledge.jurisdictions.find((j) => j.code === code);

/**
 * `🇯🇵 Japan`, or in a language whose catalog names a script (`nameScript`), the table's first name in it
 * (`🇯🇵 日本`); the bare code when the table no longer has it.
 */
export function jurisdictionName(knowledge: Knowledge, code: string, t: Translate = english): string {
  const j = jurisdictionOf(knowledge, code);
  return j ? `${j.flag} ${placeName(j, t)}` : code;
}

/** The place's name without its flag, in the language's script where the table has one. */
export function placeName(j: Jurisdiction, t: Translate = english): string {
  const script = t("nameScript");
  const local = script && script !== "nameScript" ? j.names.find((n) => new RegExp(`^(?:${script})+$`, "u").test(n)) : undefined;
  return local ?? j.name;
}

export function topicName(knowledge: Knowledge, id: string, t: Translate = english): string {
  const label = knowledge.topics.find((x) => x.id === id)?.label ?? id;
  return t(`topicLabels.${id}`, { defaultValue: label });
}

/** Jurisdictions and topics mixed, as the user listed them: "🇯🇵 Japan, Stablecoins". */
export function describeItems(knowledge: Knowledge, interests: Interests, t: Translate = english): string {
  const places = interests.jurisdictions.map((c) => (c === "all" ? t("rules.everyJurisdiction") : jurisdictionName(knowledge, c, t)));
  return [...places, ...interests.topics.map((x) => topicName(knowledge, x, t))].join(", ");
}

const hh = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

export function describeDelivery(delivery: DeliveryMode, t: Translate = english): string {
  switch (delivery.mode) {
    case "instant":
      return t("delivery.instant");
    case "daily":
      return t("delivery.daily", { hour: hh(delivery.hour), zone: delivery.timeZone });
    case "weekly":
      return t("delivery.weekly", { day: t(`weekdays.${WEEKDAYS[delivery.weekday] ?? "monday"}`), hour: hh(delivery.hour), zone: delivery.timeZone });
  }
}

/** "A and B", "A, B and C": lists in a sentence, with the language's word. */
export function listInWords(items: readonly string[], joiner: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${joiner} ${items.at(-1)}`;
}

const quoted = (words: readonly string[]): string[] => words.map((w) => `"${w}"`);

/**
 * One rule as one plain sentence: "Stablecoins or Tax from 🇺🇸 United States, only when naming "Circle"." or
 * "Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong."
 */
export function describeRule(knowledge: Knowledge, rule: SubscriptionRule, t: Translate = english): string {
  const what = rule.topics.length === 0 ? t("rules.everyTopic") : listInWords(rule.topics.map((x) => topicName(knowledge, x, t)), t("rules.or"));
  const where = rule.jurisdictions.includes("all") ? t("rules.everyJurisdiction") : listInWords(rule.jurisdictions.map((c) => jurisdictionName(knowledge, c, t)), t("rules.and"));
  const parts = [t("rules.sentence", { what, where })];
  if (rule.include?.length) parts.push(t("rules.only", { words: listInWords(quoted(rule.include), t("rules.or")) }));
  if (rule.exclude?.length) parts.push(t("rules.never", { words: listInWords(quoted(rule.exclude), t("rules.or")) }));
  if (rule.mention) parts.push(t("rules.mention", { role: rule.mention }));
  return `${parts.join(t("rules.joiner"))}${t("rules.end")}`;
}

/** "1. Every topic from 🇯🇵 Japan.\n2. Stablecoins from every jurisdiction." */
export function numberedRules(knowledge: Knowledge, rules: readonly SubscriptionRule[], t: Translate = english): string {
  return rules.map((rule, i) => `${i + 1}. ${describeRule(knowledge, rule, t)}`).join("\n");
}

/** The fields every subscription reply shows: what the chat receives and how. */
export function subscriptionFields(knowledge: Knowledge, subscription: Subscription, now?: Date, t: Translate = english): ReplyField[] {
  const fields = [
    { name: t("fields.rules"), value: subscription.rules.length > 0 ? numberedRules(knowledge, subscription.rules, t) : t("rules.none") },
    { name: t("fields.delivery"), value: describeDelivery(subscription.delivery, t) },
  ];
  if (subscription.pausedUntil !== undefined && (now === undefined || isPaused(subscription, now))) {
    fields.push({
      name: t("fields.paused"),
      value: subscription.pausedUntil === "indefinite" ? t("fields.pausedIndefinitely") : t("fields.pausedUntil", { time: subscription.pausedUntil.slice(0, 16).replace("T", " ") }),
    });
  }
  if (!subscription.active) {
    fields.push({ name: t("fields.stopped"), value: `${subscription.inactiveSince?.slice(0, 10) ?? "?"}: ${subscription.inactiveReason ?? "the chat is gone"}` });
  }
  return fields;
}

const TITLE_CHARS = 200;

/** One alert as a reply field: flags and date as its name, title, feed and (unless the reply links it already) link as its value. */
export function alertField(knowledge: Knowledge, alert: Alert, withLink = true): ReplyField {
  const flags = alert.jurisdictions.map((c) => jurisdictionOf(knowledge, c)?.flag ?? c).join(" ");
  const date = alert.published?.slice(0, 10) ?? "undated";
  const title = [...alert.title].length > TITLE_CHARS ? `${[...alert.title].slice(0, TITLE_CHARS - 1).join("")}…` : alert.title;
  const lines = [`${title} (${alert.feedName})`];
  if (alert.url && withLink) lines.push(alert.url);
  return { name: [flags, date].filter(Boolean).join(" "), value: lines.join("\n") };
}
