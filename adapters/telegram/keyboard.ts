import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Knowledge } from "../../config/knowledge.js";
import type { Subscription, SubscriptionRule } from "../../src/core/subscription.js";
import type { Translate } from "../../src/core/command.js";
import { tr } from "../../src/commands/localize.js";
import { numberedRules, topicName } from "../../src/commands/subscription-text.js";
import { escapeHtml } from "./render.js";

/**
 * The inline keyboard `/subscribe` shows: jurisdictions in pages (70 of them do not fit one keyboard), then
 * topics; a tap toggles one and the same message is edited to show the new state. Callback data stays well
 * under Telegram's 64 bytes: `sub:j:JP:2` (toggle JP, shown on page 2), `sub:t:stablecoin`, `sub:p:1`, `sub:tp`.
 */
export const PAGE_SIZE = 24;
const COLUMNS = 4;

export type KeyboardAction =
  | { kind: "jurisdiction"; code: string; page: number }
  | { kind: "topic"; id: string }
  | { kind: "page"; page: number }
  | { kind: "topics" };

export type KeyboardPage = number | "topics";

export function parseAction(data: string | undefined): KeyboardAction | undefined {
  const parts = (data ?? "").split(":");
  if (parts[0] !== "sub") return undefined;
  const [, kind, value = "", page = "0"] = parts;
  if (kind === "j" && /^(?:[A-Z]{2,3}|all)$/.test(value)) return { kind: "jurisdiction", code: value, page: Number(page) || 0 };
  if (kind === "t" && /^[a-z-]+$/.test(value)) return { kind: "topic", id: value };
  if (kind === "p") return { kind: "page", page: Number(value) || 0 };
  if (kind === "tp") return { kind: "topics" };
  return undefined;
}

/** Which page an action leaves the keyboard on. */
export const pageAfter = (action: KeyboardAction): KeyboardPage =>
  action.kind === "jurisdiction" || action.kind === "page" ? action.page : "topics";

const plain = (rule: SubscriptionRule): boolean => !rule.include?.length && !rule.exclude?.length && !rule.mention;

/** Jurisdictions with a rule for all their alerts, and topics with a rule for them everywhere: what a button shows as on. */
function chosen(subscription: Subscription | undefined): { places: Set<string>; topics: Set<string> } {
  const places = new Set<string>();
  const topics = new Set<string>();
  for (const rule of subscription?.active ? subscription.rules : []) {
    if (!plain(rule)) continue;
    if (rule.topics.length === 0) for (const j of rule.jurisdictions) places.add(j);
    else if (rule.jurisdictions.includes("all")) for (const t of rule.topics) topics.add(t);
  }
  return { places, topics };
}

/** Whether the chat now receives this item, i.e. whether a tap removes it. */
export function isChosen(subscription: Subscription | undefined, action: KeyboardAction): boolean {
  const { places, topics } = chosen(subscription);
  if (action.kind === "jurisdiction") return places.has(action.code);
  if (action.kind === "topic") return topics.has(action.id);
  return false;
}

/** The neutral command a tap stands for: the same /subscribe and /unsubscribe as typed ones, with their checks. */
export function commandFor(subscription: Subscription | undefined, action: KeyboardAction): string | undefined {
  const item = action.kind === "jurisdiction" ? action.code : action.kind === "topic" ? action.id : undefined;
  if (item === undefined) return undefined;
  return `/${isChosen(subscription, action) ? "unsubscribe" : "subscribe"} ${item}`;
}

export interface KeyboardView {
  /** HTML. */
  text: string;
  markup: InlineKeyboardMarkup;
}

/**
 * With `featured` codes, page 0 offers them (the jurisdictions with feeds and the most subscribed) and the
 * whole table follows from page 1; without, the table starts on page 0.
 */
export function keyboardView(
  knowledge: Knowledge,
  subscription: Subscription | undefined,
  page: KeyboardPage,
  featured: readonly string[] = [],
  t: Translate = tr({}),
): KeyboardView {
  const on = chosen(subscription);
  const places = [...on.places];
  const topics = [...on.topics];
  const first = featured.flatMap((code) => knowledge.jurisdictions.filter((j) => j.code === code)).slice(0, PAGE_SIZE);
  const offset = first.length > 0 ? 1 : 0;
  const pages = offset + Math.max(1, Math.ceil(knowledge.jurisdictions.length / PAGE_SIZE));
  const mark = (on: boolean, label: string): string => (on ? `✅ ${label}` : label);
  const rows: InlineKeyboardButton[][] = [];

  if (page === "topics") {
    const buttons = knowledge.topics.map((topic) => ({ text: mark(on.topics.has(topic.id), topicName(knowledge, topic.id, t)), callback_data: `sub:t:${topic.id}` }));
    rows.push(...chunk(buttons, 2));
    rows.push([{ text: t("keyboard.back"), callback_data: "sub:p:0" }]);
  } else {
    const current = Math.min(Math.max(0, page), pages - 1);
    const slice = offset === 1 && current === 0 ? first : knowledge.jurisdictions.slice((current - offset) * PAGE_SIZE, (current - offset + 1) * PAGE_SIZE);
    if (current === 0) rows.push([{ text: mark(on.places.has("all"), t("keyboard.all")), callback_data: "sub:j:all:0" }]);
    const buttons = slice.map((j) => ({ text: mark(on.places.has(j.code), `${j.flag} ${j.code}`), callback_data: `sub:j:${j.code}:${current}` }));
    rows.push(...chunk(buttons, COLUMNS));
    const nav: InlineKeyboardButton[] = [];
    if (current > 0) nav.push({ text: "◀", callback_data: `sub:p:${current - 1}` });
    nav.push({ text: t("keyboard.topics", { page: current + 1, pages }), callback_data: "sub:tp" });
    if (current < pages - 1) nav.push({ text: "▶", callback_data: `sub:p:${current + 1}` });
    rows.push(nav);
  }

  const rules = subscription?.active ? subscription.rules : [];
  const lines = [
    `<b>${escapeHtml(t("keyboard.title"))}</b>`,
    escapeHtml(rules.length > 0 ? numberedRules(knowledge, rules, t) : t("keyboard.none")),
    "",
    escapeHtml(t("keyboard.hint")),
  ];
  return { text: lines.join("\n"), markup: { inline_keyboard: rows } };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}
