import type { Alert } from "../../src/core/article.js";
import type { ReplyMessage } from "../../src/core/command.js";
import { alertCount, type AlertLabels } from "../../src/core/delivery.js";

/** Telegram's limit for a text message, counted in UTF-16 code units. */
export const MESSAGE_LIMIT = 4096;

/** What the renderer knows about a jurisdiction code: the flag and name shown beside an alert. */
export interface JurisdictionLabel {
  code: string;
  name: string;
  flag: string;
}

export interface RenderOptions {
  /** The jurisdiction table; codes without an entry are shown as they are. */
  jurisdictions?: ReadonlyMap<string, JurisdictionLabel>;
  /** Maximum length of one message's HTML (tests lower it). */
  limit?: number;
  /** The words around the alert in the chat's language; English when absent. */
  labels?: AlertLabels;
}

// Controls (an ESC or NUL in a feed title) and every bidi control: an override in a title would reorder
// the rest of the message, link text included. Line breaks and tabs stay.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** Escapes what Telegram's HTML parse mode reads as markup: only `<`, `>` and `&` (and `"` inside attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text without the controls that could hide or reorder what a message says. */
export const stripUnsafe = (text: string): string => text.replace(UNSAFE, "");

/**
 * Feed text as it may appear in a message: unsafe controls dropped, and `@name` defused with a word joiner
 * so that a title cannot mention (and notify) a user or a group's members. Replies keep their mentions:
 * they name channels on purpose, and only echo what the user typed in the same chat.
 */
export function cleanText(text: string): string {
  return stripUnsafe(text).replace(/@(?=\w)/g, "@\u2060");
}

/**
 * `text` cleaned, cut so that its escaped form plus an ellipsis fits `max`, and escaped. Cutting happens on the
 * plain text, so it never falls inside an entity or a tag; it prefers the last space in the final fifth, and
 * never splits a surrogate pair.
 */
export function fitText(text: string, max: number, prepare: (text: string) => string = cleanText): string {
  const clean = prepare(text);
  const escaped = escapeHtml(clean);
  if (escaped.length <= max) return escaped;
  if (max <= 1) return "";
  let used = 0;
  let end = 0;
  for (const ch of clean) {
    const cost = escapeHtml(ch).length;
    if (used + cost > max - 1) break;
    used += cost;
    end += ch.length;
  }
  let cut = clean.slice(0, end);
  const space = cut.search(/\s\S*$/);
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${escapeHtml(cut.trimEnd())}…`;
}

/** Only http(s) links become anchors; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `#token_offering`: hashtags allow letters, digits and underscores only. */
export const hashtag = (topic: string): string => `#${topic.replace(/[^\p{L}\p{N}_]+/gu, "_")}`;

function placeLine(alert: Alert, options: RenderOptions): string {
  const names = alert.jurisdictions.map((code) => {
    const known = options.jurisdictions?.get(code);
    return known ? `${known.flag} ${options.labels?.places?.[code] ?? known.name}` : code;
  });
  return fitText([...names, alert.feedName].filter(Boolean).join(" · "), 300);
}

/**
 * One alert as HTML, within the limit:
 *
 *   🇯🇵 Japan · Japan FSA
 *   <b>Title</b>
 *
 *   Summary
 *
 *   Key figures: ¥1,000,000 · 5%
 *   <a href="…">Source</a>
 *   #stablecoin #aml
 *
 * The title and summary give way when the message is too long: the summary first, then the title.
 */
export function renderAlert(alert: Alert, options: RenderOptions = {}): string {
  const limit = options.limit ?? MESSAGE_LIMIT;
  const place = placeLine(alert, options);
  const url = safeUrl(alert.url);
  const figures = alert.figures.map((f) => f.text).filter((t) => t.trim() !== "");
  const tail = [
    figures.length > 0 ? `${escapeHtml(options.labels?.keyFigures ?? "Key figures")}: ${fitText([...new Set(figures)].join(" · "), 400)}` : "",
    url ? `<a href="${escapeHtml(url)}">${escapeHtml(options.labels?.source ?? "Source")}: ${fitText(alert.feedName || "link", 100)}</a>` : "",
    alert.topics.length > 0 ? escapeHtml(alert.topics.map(hashtag).join(" ")) : "",
  ].filter(Boolean);

  const compose = (title: string, summary: string): string =>
    [place, `<b>${title}</b>`, summary ? `\n${summary}` : "", tail.length > 0 ? `\n${tail.join("\n")}` : ""]
      .filter(Boolean)
      .join("\n");
  const fixed = compose("", "").length + 1; // +1 for the blank line the summary brings
  const room = Math.max(0, limit - fixed);
  // The title keeps up to a quarter of the room (at least 200); the summary has what is left.
  const title = fitText(alert.title || "(untitled)", Math.min(room, Math.max(200, Math.floor(room / 4))));
  const summaryText = alert.summary && alert.summary !== alert.title ? alert.summary : "";
  // A model's summary says so, in the chat's language, in the room the summary would otherwise use.
  const mark = alert.summaryBy === "model" && summaryText ? ` <i>(${escapeHtml(options.labels?.modelSummary ?? "Summary by model")})</i>` : "";
  const summary = summaryText ? fitText(summaryText, room - title.length - mark.length) + mark : "";
  return compose(title || "…", summary);
}

/** A command's reply as HTML; longer replies are split into several messages, each within the limit. */
export function renderReply(message: ReplyMessage, options: Pick<RenderOptions, "limit"> = {}): string[] {
  const blocks: string[] = [];
  if (message.title) blocks.push(`<b>${fitText(message.title, 256, stripUnsafe)}</b>`);
  if (message.text) blocks.push(...stripUnsafe(message.text).split("\n").map((line) => escapeHtml(line)));
  const fields = (message.fields ?? []).map((field) => `<b>${fitText(field.name, 256, stripUnsafe)}:</b> ${escapeHtml(stripUnsafe(field.value))}`);
  const url = safeUrl(message.link?.url);
  const link = url ? [`<a href="${escapeHtml(url)}">${fitText(message.link?.label ?? url, 256, stripUnsafe)}</a>`] : [];
  // Details fold into one expandable quote (one block, so a split never separates its tags).
  const folded = message.details ? [...fields, ...link].join("\n") : "";
  if (message.details && folded.length > 0 && folded.length < (options.limit ?? MESSAGE_LIMIT) - 200) blocks.push(`<blockquote expandable>${folded}</blockquote>`);
  else blocks.push(...fields, ...link);
  if (message.footer) blocks.push(`<i>${escapeHtml(stripUnsafe(message.footer))}</i>`);
  return pack(blocks, options.limit ?? MESSAGE_LIMIT);
}

/**
 * Lines joined into as few messages as fit the limit. A line longer than the limit on its own (escaped
 * text, no tags) is cut at the last whitespace or before an entity, never inside one.
 */
export function pack(lines: readonly string[], limit: number): string[] {
  const messages: string[] = [];
  let current = "";
  const flush = (): void => {
    if (current.trim() !== "") messages.push(current);
    current = "";
  };
  for (const line of lines.flatMap((l) => splitLong(l, limit))) {
    if (current === "") current = line;
    else if (current.length + 1 + line.length <= limit) current += `\n${line}`;
    else {
      flush();
      current = line;
    }
  }
  flush();
  return messages;
}

function splitLong(line: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(" ", limit);
    if (cut < limit * 0.5) cut = limit;
    // Back off out of an entity (`&amp;`) or a tag, and out of the middle of a surrogate pair.
    const amp = rest.lastIndexOf("&", cut - 1);
    if (amp >= 0 && rest.indexOf(";", amp) >= cut) cut = amp;
    const lt = rest.lastIndexOf("<", cut - 1);
    if (lt >= 0 && rest.indexOf(">", lt) >= cut) cut = lt;
    if (/[\ud800-\udbff]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}

/** A digest as messages within the limit: a header, then each alert in a few lines. */
export function renderDigest(
  label: string,
  alerts: readonly Alert[],
  options: RenderOptions = {},
): string[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  const header = `<b>${fitText(label, 200)}</b> · ${escapeHtml(alertCount(alerts.length, options.labels))}`;
  const entries = alerts.map((alert) => {
    const url = safeUrl(alert.url);
    const title = fitText(alert.title || "(untitled)", 300);
    const lines = [placeLine(alert, options), url ? `<b><a href="${escapeHtml(url)}">${title}</a></b>` : `<b>${title}</b>`];
    if (alert.summary && alert.summary !== alert.title) lines.push(fitText(alert.summary, 600));
    return `\n${lines.join("\n")}`;
  });
  const messages: string[] = [];
  let current = header;
  for (const entry of entries) {
    if (current.length + entry.length <= limit) current += entry;
    else {
      messages.push(current);
      current = entry.trimStart();
    }
  }
  messages.push(current);
  return messages;
}
