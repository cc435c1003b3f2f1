import type { Jurisdiction, Knowledge } from "../../config/knowledge.js";
import type { Alert } from "../core/article.js";
import type { ReplyField } from "../core/command.js";
import type { DeliveryMode, Subscription } from "../core/subscription.js";
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

/** Both lists in words: "🇯🇵 Japan, 🇭🇰 Hong Kong" or "every jurisdiction"; "Stablecoins" or "every topic". */
export function describeInterests(knowledge: Knowledge, interests: Interests): { jurisdictions: string; topics: string } {
  const { jurisdictions, topics } = interests;
  const places =
    jurisdictions.includes("all") || (jurisdictions.length === 0 && topics.length > 0)
      ? "every jurisdiction"
      : jurisdictions.length === 0
        ? "none"
        : jurisdictions.map((c) => jurisdictionName(knowledge, c)).join(", ");
  return { jurisdictions: places, topics: topics.length === 0 ? "every topic" : topics.map((t) => topicName(knowledge, t)).join(", ") };
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

/** The fields every subscription reply shows: what the chat receives and how. */
export function subscriptionFields(knowledge: Knowledge, subscription: Subscription): ReplyField[] {
  const described = describeInterests(knowledge, subscription);
  const fields = [
    { name: "Jurisdictions", value: described.jurisdictions },
    { name: "Topics", value: described.topics },
    { name: "Delivery", value: describeDelivery(subscription.delivery) },
  ];
  if (!subscription.active) {
    fields.push({ name: "Stopped", value: `${subscription.inactiveSince?.slice(0, 10) ?? "?"}: ${subscription.inactiveReason ?? "the chat is gone"}` });
  }
  return fields;
}

const TITLE_CHARS = 200;

/** One alert as a reply field: flags and date as its name, title, feed and link as its value. */
export function alertField(knowledge: Knowledge, alert: Alert): ReplyField {
  const flags = alert.jurisdictions.map((c) => jurisdictionOf(knowledge, c)?.flag ?? c).join(" ");
  const date = alert.published?.slice(0, 10) ?? "undated";
  const title = [...alert.title].length > TITLE_CHARS ? `${[...alert.title].slice(0, TITLE_CHARS - 1).join("")}…` : alert.title;
  const lines = [`${title} (${alert.feedName})`];
  if (alert.url) lines.push(alert.url);
  return { name: [flags, date].filter(Boolean).join(" "), value: lines.join("\n") };
}
