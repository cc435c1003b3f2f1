import type { InlineKeyboardMarkup } from "grammy/types";
import type { Translate } from "../../src/core/command.js";
import type { UserFeed } from "../../src/core/user-feed.js";
import { escapeHtml } from "./render.js";

/**
 * `/feed` alone on Telegram: the chat's feeds, each with a button that removes it. Callback data is
 * `feed:rm:user-1a2b3c4d` (22 bytes, well under Telegram's 64).
 */
const PREFIX = "feed:rm:";

export function parseFeedAction(data: string | undefined): { id: string } | undefined {
  const match = /^feed:rm:(user-[0-9a-f]{8})$/.exec(data ?? "");
  return match ? { id: match[1] as string } : undefined;
}

const short = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text);

export function feedKeyboardView(feeds: readonly UserFeed[], t: Translate): { text: string; markup: InlineKeyboardMarkup } {
  const lines = [`<b>${escapeHtml(t("feed.listTitle"))}</b>`];
  if (feeds.length === 0) lines.push(escapeHtml(t("feed.none")));
  else {
    for (const feed of feeds) lines.push(`${escapeHtml(feed.id)} · ${escapeHtml(short(feed.title, 80))}${feed.pausedAt ? " ⏸" : ""}`);
    lines.push("", escapeHtml(t("feed.keyboardHint")));
  }
  return {
    text: lines.join("\n"),
    markup: { inline_keyboard: feeds.map((feed) => [{ text: `✕ ${short(feed.title, 40)}`, callback_data: `${PREFIX}${feed.id}` }]) },
  };
}
