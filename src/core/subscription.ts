import type { Platform } from "./command.js";

/** A chat that receives alerts: a Telegram chat or channel, a Discord channel, the console. */
export interface Target {
  platform: Platform;
  /** Telegram chat id (negative for groups and channels), Discord channel id, "console". */
  chatId: string;
}

/** `telegram:-1001234` — the one string form of a target, used as a store key and in logs. */
export const targetKey = (target: Target): string => `${target.platform}:${target.chatId}`;

export type DeliveryMode =
  | { mode: "instant" }
  /** One message a day (or a week, on `weekday`, 0 = Sunday) at `hour` in `timeZone` (IANA name). */
  | { mode: "daily"; hour: number; timeZone: string }
  | { mode: "weekly"; hour: number; timeZone: string; weekday: number };

/**
 * One thing a chat asked for: alerts from these jurisdictions about these topics, optionally only those that
 * name a keyword (`include`) and never those that name another (`exclude`).
 */
export interface SubscriptionRule {
  /** Jurisdiction codes (GB, HK, EU, INT…), or ["all"]. Never empty. */
  jurisdictions: string[];
  /** Topic ids; empty means every topic. */
  topics: string[];
  /** Whole words or phrases, case-insensitive: the alert must name at least one. */
  include?: string[];
  /** Whole words or phrases, case-insensitive: an alert naming any of them is left out. */
  exclude?: string[];
  /** A Discord role id to mention when this rule brings an alert. */
  mention?: string;
}

/** What one chat receives: an alert reaches it once when any of its rules matches. */
export interface Subscription {
  target: Target;
  chatType: "private" | "group" | "channel";
  rules: SubscriptionRule[];
  delivery: DeliveryMode;
  /** The language of whoever subscribed (a catalog language): alerts are labelled in it unless /language says otherwise. */
  language?: string;
  /** Nothing is delivered before this time (ISO), or ever while it is "indefinite"; alerts meanwhile are skipped. */
  pausedUntil?: string;
  /** Who subscribed the chat (platform user id) and when. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** False once the platform said the chat is gone (blocked, kicked, deleted); `inactiveReason` says why. */
  active: boolean;
  inactiveReason?: string;
  inactiveSince?: string;
}

/** What matching reads of an alert: where, about what, and (for keywords) its words. */
export interface MatchableAlert {
  jurisdictions: readonly string[];
  topics: readonly string[];
  title?: string;
  summary?: string;
  text?: string;
}

const everyPlace = (rule: Pick<SubscriptionRule, "jurisdictions">): boolean => rule.jurisdictions.includes("all");

/** Whether one rule accepts an alert: its place (or all), one of its topics (or any), its keywords. */
export function ruleMatches(rule: SubscriptionRule, alert: MatchableAlert): boolean {
  const place = everyPlace(rule) || rule.jurisdictions.some((j) => alert.jurisdictions.includes(j));
  if (!place) return false;
  if (rule.topics.length > 0 && !rule.topics.some((t) => alert.topics.includes(t))) return false;
  if (!rule.include?.length && !rule.exclude?.length) return true;
  const words = alertWords(alert);
  if (rule.include?.length && !rule.include.some((k) => namesKeyword(words, k))) return false;
  return !rule.exclude?.some((k) => namesKeyword(words, k));
}

/** Any rule matches: the one definition of "this chat gets this alert". */
export function subscriptionMatches(subscription: Pick<Subscription, "rules">, alert: MatchableAlert): boolean {
  return subscription.rules.some((rule) => ruleMatches(rule, alert));
}

/** The rules of a subscription that accept an alert (mentions come from these). */
export const matchingRules = (subscription: Pick<Subscription, "rules">, alert: MatchableAlert): SubscriptionRule[] =>
  subscription.rules.filter((rule) => ruleMatches(rule, alert));

const fold = (text: string): string => text.normalize("NFKC").toLocaleLowerCase("en-US");

function alertWords(alert: MatchableAlert): string {
  return fold([alert.title ?? "", alert.summary ?? "", alert.text ?? ""].join("\n"));
}

/** Scripts written without spaces between words: a keyword in them matches wherever it appears. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** A whole-word, case-insensitive test; "sec" does not match "section", "ステーブルコイン" matches inside a sentence. */
export function namesKeyword(foldedText: string, keyword: string): boolean {
  const wanted = fold(keyword).trim().replace(/\s+/g, " ");
  if (wanted === "") return false;
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
  if (UNSPACED.test(wanted)) return new RegExp(escaped, "u").test(foldedText);
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escaped}(?![\\p{L}\\p{N}\\p{M}])`, "u").test(foldedText);
}

/**
 * The index lists a subscription is filed under, so that every one that matches an alert is found from the
 * alert's jurisdictions and topics: each jurisdiction any rule names; each topic of a rule with every
 * jurisdiction; "all" for a rule with every jurisdiction and every topic. Inactive ones are filed nowhere.
 */
export function subscriptionIndexKeys(subscription: Pick<Subscription, "rules" | "active">): string[] {
  if (!subscription.active) return [];
  const keys = new Set<string>();
  for (const rule of subscription.rules) {
    if (!everyPlace(rule)) for (const j of rule.jurisdictions) keys.add(`j:${j}`);
    else if (rule.topics.length > 0) for (const t of rule.topics) keys.add(`t:${t}`);
    else keys.add("all");
  }
  return [...keys];
}

/** The index lists an alert is looked up in: every subscription `subscriptionMatches` is filed under one. */
export function alertIndexKeys(alert: MatchableAlert): string[] {
  return [...new Set(["all", ...alert.jurisdictions.map((j) => `j:${j}`), ...alert.topics.map((t) => `t:${t}`)])];
}

/** A subscription as an older regwatch stored it: one list of jurisdictions and one of topics, combined with AND. */
export interface LegacySubscription extends Omit<Subscription, "rules"> {
  jurisdictions: string[];
  topics: string[];
}

export type StoredSubscription = Subscription | LegacySubscription;

const isLegacy = (stored: StoredSubscription): stored is LegacySubscription => !Array.isArray((stored as Subscription).rules);

/**
 * Reads either shape as the current one, receiving exactly what it did: the old pair becomes one rule with the
 * same AND, "topics everywhere" (no jurisdictions) becomes a rule for every jurisdiction, and nothing chosen
 * stays nothing.
 */
export function migrateSubscription(stored: StoredSubscription): Subscription {
  if (!isLegacy(stored)) return stored;
  const { jurisdictions, topics, ...rest } = stored;
  const rule: SubscriptionRule | undefined =
    jurisdictions.includes("all") ? { jurisdictions: ["all"], topics: [...topics] }
    : jurisdictions.length > 0 ? { jurisdictions: [...jurisdictions], topics: [...topics] }
    : topics.length > 0 ? { jurisdictions: ["all"], topics: [...topics] }
    : undefined;
  return { ...rest, rules: rule ? [rule] : [] };
}

/** Where an older regwatch filed a stored record; a re-put takes it out of exactly those lists. */
export function storedIndexKeys(stored: StoredSubscription): string[] {
  if (!isLegacy(stored)) return subscriptionIndexKeys(stored);
  if (!stored.active) return [];
  const { jurisdictions, topics } = stored;
  if (jurisdictions.includes("all")) return ["all"];
  if (jurisdictions.length === 0) return [...new Set(topics)].map((t) => `t:${t}`);
  return [...new Set(jurisdictions)].map((j) => `j:${j}`);
}

/** Whether a subscription is paused at this moment. */
export function isPaused(subscription: Pick<Subscription, "pausedUntil">, now: Date): boolean {
  const until = subscription.pausedUntil;
  if (until === undefined) return false;
  return until === "indefinite" || Date.parse(until) > now.getTime();
}
