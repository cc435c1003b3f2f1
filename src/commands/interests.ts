import type { Knowledge } from "../../config/knowledge.js";
import { findJurisdiction, findTopic, suggestJurisdiction, suggestTopic } from "../analysis/knowledge.js";
import type { CommandContext, Translate } from "../core/command.js";
import { tr } from "./localize.js";
import { UserError } from "../core/errors.js";
import type { Target } from "../core/subscription.js";

/** What a chat asks for: jurisdiction codes (or "all") and topic ids, in the order typed, without repeats. */
export interface Interests {
  jurisdictions: string[];
  topics: string[];
}

/** Names run to four words ("British Virgin Islands", "Securities classification"); longer spans are never names. */
const LONGEST_NAME = 4;
const MOST_WORDS = 60;

/**
 * Reads "jp, Hong Kong 日本 stablecoins" into codes and topic ids. Commas (any script) separate items; within an
 * item the longest run of words that names something wins, so "Hong Kong" is one jurisdiction. Anything left
 * unknown is refused in one line, with the closest jurisdiction or topic as a suggestion.
 */
export function readInterests(knowledge: Knowledge, text: string, t: Translate = tr({})): Interests {
  const items = text.normalize("NFKC").split(/[,、;]+/).map((item) => item.split(/\s+/).filter(Boolean));
  if (items.flat().length > MOST_WORDS) throw new UserError(`That is more than ${MOST_WORDS} words; list fewer jurisdictions and topics.`);
  const jurisdictions: string[] = [];
  const topics: string[] = [];
  const unknown: string[] = [];

  for (const words of items) {
    let pending: string[] = [];
    const flush = () => {
      if (pending.length > 0) unknown.push(pending.join(" "));
      pending = [];
    };
    for (let i = 0; i < words.length; ) {
      const found = longestName(knowledge, words, i);
      if (!found) {
        pending.push(words[i] as string);
        i++;
        continue;
      }
      flush();
      (found.kind === "jurisdiction" ? jurisdictions : topics).push(found.id);
      i += found.length;
    }
    flush();
  }

  if (unknown.length > 0) {
    const items = unknown.map((u) => t("errors.unknownItem", { typed: quote(u), suggestion: suggestion(knowledge, u, t) })).join("; ");
    throw new UserError(t("errors.unknownItems", { items }));
  }
  const unique = [...new Set(jurisdictions)];
  return { jurisdictions: unique.includes("all") ? ["all"] : unique, topics: [...new Set(topics)] };
}

function longestName(knowledge: Knowledge, words: readonly string[], from: number): { kind: "jurisdiction" | "topic"; id: string; length: number } | undefined {
  for (let length = Math.min(LONGEST_NAME, words.length - from); length > 0; length--) {
    const span = words.slice(from, from + length).join(" ");
    const jurisdiction = findJurisdiction(knowledge, span);
    if (jurisdiction) return { kind: "jurisdiction", id: jurisdiction === "all" ? "all" : jurisdiction.code, length };
    const topic = findTopic(knowledge, span);
    if (topic && topic !== "all") return { kind: "topic", id: topic.id, length };
  }
  return undefined;
}

/** Words for what every alert is about: they mean "all", not a topic. */
const EVERYTHING = /^(?:crypto|cryptos|cryptocurrency|cryptocurrencies|crypto assets?|digital assets?|bitcoin|btc|web3|暗号資産|仮想通貨|가상자산|加密货币)$/i;

/** Close names from both tables: "(did you mean HK, Hong Kong, or the topic stablecoin?)". */
function suggestion(knowledge: Knowledge, typed: string, t: Translate): string {
  if (EVERYTHING.test(typed.normalize("NFKC").trim())) return t("errors.didYouMeanAll");
  const jurisdiction = suggestJurisdiction(knowledge, typed);
  const topic = suggestTopic(knowledge, typed);
  const options = [...(jurisdiction ? [`${jurisdiction.code}, ${jurisdiction.name}`] : []), ...(topic ? [jurisdiction ? t("errors.theTopic", { id: topic.id }) : topic.id] : [])];
  return options.length > 0 ? t("errors.didYouMean", { options: options.join(t("errors.or")) }) : "";
}

/** What someone typed, echoed short and quoted: replies never carry a long run of user text. */
export function quote(text: string, max = 40): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/\s+/g, " ").trim();
  const chars = [...clean];
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : clean}"`;
}

/** The chat a command runs in, as a subscription target. */
export const targetOf = (ctx: CommandContext): Target => ({ platform: ctx.chat.platform, chatId: ctx.chat.id });

/** Changing a group's or channel's subscriptions is for its administrators; a private chat is its user's own. */
export function requireManager(ctx: CommandContext): void {
  if (ctx.chat.type !== "private" && !ctx.canManage) {
    throw new UserError(tr(ctx)("errors.onlyAdmins"));
  }
}
