import { escapeMarkdown, type APIEmbed } from "discord.js";
import type { Alert } from "../../src/core/article.js";
import type { ReplyMessage } from "../../src/core/command.js";
import { alertCount, type AlertLabels } from "../../src/core/delivery.js";

/** Discord's documented embed limits. */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Across every embed of one message. */
  total: 6000,
  embedsPerMessage: 10,
  content: 2000,
} as const;

/** What rendering needs from the jurisdiction and topic tables. */
export interface RenderKnowledge {
  jurisdictions: ReadonlyArray<{ code: string; name: string; flag: string }>;
  topics: ReadonlyArray<{ id: string; label: string }>;
}

/** One message as posted: embeds, and content only for a digest's heading. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

const ALERT_DESCRIPTION = 1500;
const DIGEST_DESCRIPTION = 300;

// Controls and every bidi control: an override in a title would reorder the rest of the embed.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

// escapeMarkdown leaves masked links, headings and lists alone unless asked: a feed's `[Log in](https://…)`
// would otherwise stay a live link under words of the feed's choosing.
const ESCAPE_ALL = { maskedLink: true, heading: true, bulletedList: true, numberedList: true } as const;

/**
 * Feed text shown as written: controls dropped and markdown escaped (a title `**x**` and a masked link stay
 * literal), then cut to `max` without splitting an escape. Cutting the raw text and escaping again keeps a
 * trailing backslash from eating the ellipsis.
 */
export function feedText(text: string, max: number): string {
  const clean = text.replace(UNSAFE, "").trim();
  // Escaping only lengthens text, so nothing past `max` raw characters can survive: cut there first.
  let raw = clean.slice(0, max);
  for (;;) {
    const escaped = escapeMarkdown(raw, ESCAPE_ALL) + (raw.length < clean.length ? "…" : "");
    if (escaped.length <= max) return escaped;
    raw = raw.slice(0, Math.max(0, raw.length - (escaped.length - max) - 1)).trimEnd();
  }
}

/** A colour per jurisdiction, so a channel can be scanned at a glance; unknown codes get a stable hue of their own. */
const COLOURS: Record<string, number> = {
  JP: 0xbc002d,
  US: 0x3c3b6e,
  GB: 0x012169,
  EU: 0x003399,
  HK: 0xde2910,
  CH: 0xda291c,
  KR: 0x0047a0,
  SG: 0xef3340,
  AU: 0x00843d,
  CA: 0xd80621,
  INT: 0x5865f2,
};

export function colourOf(code: string | undefined): number {
  if (code === undefined) return 0x99aab5;
  const known = COLOURS[code];
  if (known !== undefined) return known;
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
  return hslToRgb(hash, 0.6, 0.45);
}

function hslToRgb(h: number, s: number, l: number): number {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return (f(0) << 16) | (f(8) << 8) | f(4);
}

export function jurisdictionText(knowledge: RenderKnowledge | undefined, codes: readonly string[], labels?: AlertLabels): string {
  return codes
    .map((code) => {
      const known = knowledge?.jurisdictions.find((j) => j.code === code);
      return known ? `${known.flag} ${labels?.places?.[code] ?? known.name} (${code})` : code;
    })
    .join("\n");
}

const topicText = (knowledge: RenderKnowledge | undefined, ids: readonly string[], labels?: AlertLabels): string =>
  ids.map((id) => labels?.topicLabels?.[id] ?? knowledge?.topics.find((t) => t.id === id)?.label ?? id).join(", ");

const httpUrl = (url: string | null | undefined): string | undefined => (url && /^https?:\/\//i.test(url) && url.length <= 2048 ? url : undefined);

/** The alert as one embed: linked title, summary, jurisdiction with flag, topics, key figures, source and date. */
export function alertEmbed(alert: Alert, knowledge?: RenderKnowledge, descriptionMax = ALERT_DESCRIPTION, labels?: AlertLabels): APIEmbed {
  const fields: NonNullable<APIEmbed["fields"]> = [];
  if (alert.jurisdictions.length > 0) {
    fields.push({ name: labels?.jurisdiction ?? "Jurisdiction", value: fieldValue(jurisdictionText(knowledge, alert.jurisdictions, labels)), inline: true });
  }
  if (alert.topics.length > 0) fields.push({ name: labels?.topics ?? "Topics", value: fieldValue(topicText(knowledge, alert.topics, labels)), inline: true });
  const figures = [...new Set(alert.figures.map((f) => f.text))];
  if (figures.length > 0) fields.push({ name: labels?.keyFigures ?? "Key figures", value: feedText(figures.join(" · "), LIMITS.fieldValue) });

  const url = httpUrl(alert.url);
  const embed: APIEmbed = {
    title: feedText(alert.title || "(untitled)", LIMITS.title),
    description: feedText(alert.summary || alert.text, descriptionMax) || undefined,
    color: colourOf(alert.jurisdictions[0]),
    fields,
    footer: { text: feedText(alert.feedName, LIMITS.footer - 64) + modelMark(alert, labels) },
  };
  if (url) embed.url = url;
  if (alert.published) embed.timestamp = alert.published;
  if (!embed.description) delete embed.description;
  return shrinkToTotal(embed, LIMITS.total);
}

/** A model-written summary says so in the footer, in the chat's language. */
const modelMark = (alert: Alert, labels?: AlertLabels): string => (alert.summaryBy === "model" ? ` · ${feedText(labels?.modelSummary ?? "Summary by model", 60)}` : "");

const fieldValue = (text: string): string => (text.length <= LIMITS.fieldValue ? text : `${text.slice(0, LIMITS.fieldValue - 1)}…`) || "-";

/** Characters Discord counts towards the 6,000 of a message. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Cuts the description (then the fields) until the embed fits `max`: the title, source and jurisdictions stay. */
function shrinkToTotal(embed: APIEmbed, max: number): APIEmbed {
  let over = embedLength(embed) - max;
  if (over <= 0) return embed;
  if (embed.description) {
    const keep = Math.max(0, embed.description.length - over - 1);
    embed.description = keep > 0 ? `${embed.description.slice(0, keep)}…` : undefined;
    if (!embed.description) delete embed.description;
    over = embedLength(embed) - max;
  }
  while (over > 0 && embed.fields && embed.fields.length > 0) {
    embed.fields.pop();
    over = embedLength(embed) - max;
  }
  return embed;
}

/**
 * A digest as several messages: a heading, then one compact embed per alert, packed at most ten embeds and
 * 6,000 characters to a message.
 */
export function digestMessages(label: string, alerts: readonly Alert[], knowledge?: RenderKnowledge, labels?: AlertLabels): DiscordMessage[] {
  const heading = feedText(`${label}: ${alertCount(alerts.length, labels)}`, LIMITS.content - 4);
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = { content: `**${heading}**`, embeds: [] };
  let used = 0;
  for (const alert of alerts) {
    const embed = alertEmbed(alert, knowledge, DIGEST_DESCRIPTION, labels);
    const size = embedLength(embed);
    if (current.embeds.length >= LIMITS.embedsPerMessage || used + size > LIMITS.total) {
      messages.push(current);
      current = { embeds: [] };
      used = 0;
    }
    current.embeds.push(embed);
    used += size;
  }
  if (current.embeds.length > 0 || messages.length === 0) messages.push(current);
  return messages;
}

/**
 * Reply text keeps its markdown (ours), but replies quote feed titles and what users typed: controls go, and
 * masked links are escaped, since no reply of ours uses one.
 */
const replyText = (text: string): string => text.replace(UNSAFE, "").replace(/\[([^\]\n]*)\]\(/g, "\\[$1\\](");

/** A command's reply as an embed: our own text (not escaped, it may use markdown), within the same limits. */
export function replyEmbed(message: ReplyMessage): APIEmbed {
  const cut = (raw: string, max: number) => {
    const text = replyText(raw);
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
  };
  const embed: APIEmbed = { color: 0x5865f2 };
  if (message.title) embed.title = cut(message.title, LIMITS.title);
  if (message.text) embed.description = cut(message.text, LIMITS.description);
  const fields = (message.fields ?? []).slice(0, LIMITS.fields).map((f) => ({ name: cut(f.name || "-", LIMITS.fieldName), value: cut(f.value || "-", LIMITS.fieldValue) }));
  // The link goes on the title and, with its label, into a field: a linked title alone does not say what it opens.
  const url = httpUrl(message.link?.url);
  if (url && embed.title) embed.url = url;
  if (url && fields.length < LIMITS.fields) fields.push({ name: cut(message.link?.label ?? "Link", LIMITS.fieldName), value: url });
  if (fields.length > 0) embed.fields = fields;
  if (message.footer) embed.footer = { text: cut(message.footer, LIMITS.footer) };
  return shrinkToTotal(embed, LIMITS.total);
}
