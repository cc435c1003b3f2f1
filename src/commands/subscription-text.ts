import type { Jurisdiction, Knowledge } from "../../config/knowledge.js";
import type { Alert } from "../core/article.js";
import type { ReplyField } from "../core/command.js";
import { isPaused, type DeliveryMode, type Subscription, type SubscriptionRule } from "../core/subscription.js";
import type { Interests } from "./interests.js";

// How subscriptions, jurisdictions and alerts read in replies: names and flags from the jurisdiction table,
// labels from the topic table, so a reply never shows a bare code the reader has to look up.

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

const jurisdictionOf = (knowledge: Knowledge, code: string): Jurisdiction | undefined => knowledge.jurisdictions.find((j) => j.code === code);

/** `🇯🇵 Japan`; the bare code when the table no longer has it. */
export function jurisdictionName(knowledge: Knowledge, code: string): string {
  const j = jurisdictionOf(knowledge, code);
  return j ? `${j.flag} ${j.name}` : code;
}

export function topicName(knowledge: Knowledge, id: string): string {
  return knowledge.topics.find((t) => t.id === id)?.label ?? id;
}

/** Jurisdictions and topics mixed, as the user listed them: "🇯🇵 Japan, Stablecoins". */
export function describeItems(knowledge: Knowledge, interests: Interests): string {
  const places = interests.jurisdictions.map((c) => (c === "all" ? "every jurisdiction" : jurisdictionName(knowledge, c)));
  return [...places, ...interests.topics.map((t) => topicName(knowledge, t))].join(", ");
}

const hh = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

export function describeDelivery(delivery: DeliveryMode): string {
  switch (delivery.mode) {
    case "instant":
      return "instant (each alert as it arrives)";
    case "daily":
      return `daily digest at ${hh(delivery.hour)} ${delivery.timeZone}`;
    case "weekly": {
      const day = WEEKDAYS[delivery.weekday] ?? "monday";
      return `weekly digest on ${day.charAt(0).toUpperCase()}${day.slice(1)}s at ${hh(delivery.hour)} ${delivery.timeZone}`;
    }
  }
}

/** "A and B", "A, B and C": lists in a sentence. */
export function listInWords(items: readonly string[], joiner = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${joiner} ${items.at(-1)}`;
}

const quoted = (words: readonly string[]): string[] => words.map((w) => `"${w}"`);

/**
 * One rule as one plain sentence: "Stablecoins or Tax from 🇺🇸 United States, only when naming "Circle"." or
 * "Every topic from 🇯🇵 Japan and 🇭🇰 Hong Kong."
 */
export function describeRule(knowledge: Knowledge, rule: SubscriptionRule): string {
  const what = rule.topics.length === 0 ? "Every topic" : listInWords(rule.topics.map((t) => topicName(knowledge, t)), "or");
  const where = rule.jurisdictions.includes("all") ? "every jurisdiction" : listInWords(rule.jurisdictions.map((c) => jurisdictionName(knowledge, c)));
  const parts = [`${what} from ${where}`];
  if (rule.include?.length) parts.push(`only when naming ${listInWords(quoted(rule.include), "or")}`);
  if (rule.exclude?.length) parts.push(`never when naming ${listInWords(quoted(rule.exclude), "or")}`);
  if (rule.mention) parts.push(`mentioning <@&${rule.mention}>`);
  return `${parts.join(", ")}.`;
}

/** "1. Every topic from 🇯🇵 Japan.\n2. Stablecoins from every jurisdiction." */
export function numberedRules(knowledge: Knowledge, rules: readonly SubscriptionRule[]): string {
  return rules.map((rule, i) => `${i + 1}. ${describeRule(knowledge, rule)}`).join("\n");
}

/** The fields every subscription reply shows: what the chat receives and how. */
export function subscriptionFields(knowledge: Knowledge, subscription: Subscription, now?: Date): ReplyField[] {
  const fields = [
    { name: "Rules", value: subscription.rules.length > 0 ? numberedRules(knowledge, subscription.rules) : "none" },
    { name: "Delivery", value: describeDelivery(subscription.delivery) },
  ];
  if (subscription.pausedUntil !== undefined && (now === undefined || isPaused(subscription, now))) {
    fields.push({ name: "Paused", value: subscription.pausedUntil === "indefinite" ? "until /resume" : `until ${subscription.pausedUntil.slice(0, 16).replace("T", " ")} UTC` });
  }
  if (!subscription.active) {
    fields.push({ name: "Stopped", value: `${subscription.inactiveSince?.slice(0, 10) ?? "?"}: ${subscription.inactiveReason ?? "the chat is gone"}` });
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
