import Parser from "rss-parser";
import type { Article } from "../core/article.js";
import { FeedError } from "../core/errors.js";
import { capText, capTitle, MAX_TEXT_CHARS, MAX_TITLE_CHARS, RAW_FACTOR } from "../core/text-limits.js";
import { firstPublishedDate, parseFeedDate } from "./dates.js";
import { articleId, canonicalUrl } from "./identity.js";
import { LeanParser } from "./lean-parser.js";
import { plainLine, plainText, snippet } from "./text.js";
import { BASE_ATTR, DATE_PREFIX, LANG_ATTR, NotAFeed, prepareXml } from "./xml-prepare.js";

export interface ParsedFeed {
  title: string | null;
  language: string | null;
  articles: Article[];
}

/**
 * Raw values as xml2js gives them: a string, or `{ _: text, $: attributes }` when the
 * element has attributes, or a nested object for elements with children.
 */
type Raw = unknown;
type Attrs = Record<string, string | undefined>;

/** What rss-parser copies for us beyond its own fields (see `customFields` below). */
interface RawItem extends Parser.Item {
  rwAttrs?: Attrs;
  rwLinks?: Raw[];
  rwGuid?: Raw[];
  rwCategories?: Raw[];
  rwSubjects?: Raw[];
  rwDates?: Raw[];
  date?: Raw;
  language?: Raw;
  id?: Raw;
  "rdf:about"?: string;
  "content:encoded"?: Raw;
  [DATE_FIELD: `rw-${string}`]: Raw[] | undefined;
}

interface RawFeed {
  rwAttrs?: Attrs;
  rwLinks?: Raw[];
  language?: Raw;
  dcLanguage?: Raw;
  title?: Raw;
}

const ENTRY_DATES = ["published", "issued", "created", "updated", "modified"] as const;

// rss-parser's custom field lists accept `[from, to, { keepArray }]` at run time; its types
// only know a narrower shape, hence the casts.
const parser = new LeanParser<RawFeed, RawItem>({
  defaultRSS: 2,
  customFields: {
    feed: [
      ["$", "rwAttrs", { keepArray: true }],
      ["link", "rwLinks", { keepArray: true }],
      ["dc:language", "dcLanguage"],
    ] as unknown as (keyof RawFeed)[],
    item: [
      // `$` is the element's attribute object: with keepArray it is copied as it is.
      ["$", "rwAttrs", { keepArray: true }],
      ["link", "rwLinks", { keepArray: true }],
      ["guid", "rwGuid", { keepArray: true }],
      ["category", "rwCategories", { keepArray: true }],
      ["dc:subject", "rwSubjects", { keepArray: true }],
      ["dc:language", "language"],
      ...ENTRY_DATES.map((name) => [DATE_PREFIX + name, `rw-${name}`, { keepArray: true }]),
    ] as unknown as (keyof RawItem)[],
  },
});

/** The text of a raw value: the string, or its `_`; "" for anything else. */
function textOf(value: Raw): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "_" in value && typeof value._ === "string") return value._;
  return "";
}

function attrsOf(value: Raw): Attrs {
  if (value && typeof value === "object" && "$" in value && value.$ && typeof value.$ === "object") {
    return value.$ as Attrs;
  }
  return {};
}

function resolveHttp(url: string, base: string | undefined): string | null {
  return canonicalUrl(url, base);
}

/**
 * The item's link, absolute. Bases in order: xml:base in scope of the link (item, channel or
 * root), the channel's own link, the URL the feed was fetched from.
 */
function itemLink(item: RawItem, format: string, fallbackBase: string): string | null {
  const links = item.rwLinks ?? [];
  let chosen: Raw | undefined;
  if (format === "atom") {
    // rel missing means alternate; otherwise rss-parser would take the first, maybe rel="self".
    const withHref = links.filter((link) => attrsOf(link).href);
    chosen =
      withHref.find((link) => (attrsOf(link).rel ?? "alternate") === "alternate") ??
      withHref.find((link) => !["self", "enclosure", "replies", "edit"].includes(attrsOf(link).rel ?? ""));
  } else {
    chosen = links.find((link) => textOf(link).trim() !== "");
  }
  const baseOf = (raw: Raw | undefined): string =>
    attrsOf(raw)[BASE_ATTR] ?? item.rwAttrs?.[BASE_ATTR] ?? fallbackBase;

  if (chosen !== undefined) {
    const href = format === "atom" ? (attrsOf(chosen).href ?? "") : textOf(chosen);
    const resolved = resolveHttp(href, baseOf(chosen));
    if (resolved) return resolved;
  }
  // RDF: the item's identity is its URL. RSS: a guid is a permalink unless it says otherwise.
  if (item["rdf:about"]) {
    const about = resolveHttp(item["rdf:about"], baseOf(undefined));
    if (about) return about;
  }
  const guid = item.rwGuid?.[0];
  if (guid !== undefined && attrsOf(guid).isPermaLink?.trim().toLowerCase() !== "false") {
    const text = textOf(guid).trim();
    if (/^https?:\/\//i.test(text)) return resolveHttp(text, undefined);
  }
  return null;
}

function categoriesOf(item: RawItem): string[] {
  const found: string[] = [];
  for (const raw of item.rwCategories ?? []) {
    const attrs = attrsOf(raw);
    // Atom: `term` is the category, `label` its display name (EDGAR puts the scheme's name
    // there), so term first. RSS: the element text; `domain` is the taxonomy, not a category.
    found.push(textOf(raw) || attrs.term || attrs.label || "");
  }
  for (const raw of item.rwSubjects ?? []) found.push(textOf(raw));
  const seen = new Set<string>();
  const result: string[] = [];
  for (const category of found) {
    const clean = capTitle(plainLine(category.slice(0, MAX_TITLE_CHARS * RAW_FACTOR)));
    const key = clean.toLowerCase();
    if (clean !== "" && !seen.has(key)) {
      seen.add(key);
      result.push(clean);
    }
  }
  return result;
}

function publishedOf(item: RawItem, text: string): string | null {
  const candidates: Raw[] = [
    ...ENTRY_DATES.flatMap((name) => item[`rw-${name}`] ?? []),
    item.pubDate,
    item.date,
  ];
  for (const candidate of candidates) {
    const iso = parseFeedDate(textOf(candidate));
    if (iso) return iso;
  }
  return firstPublishedDate(text);
}

/** The richest body: the longest plain text among content:encoded, content, description, summary; capped. */
function bodyOf(item: RawItem): string {
  let best = "";
  for (const raw of [item["content:encoded"], item.content, item.summary]) {
    const text = plainText(textOf(raw).slice(0, MAX_TEXT_CHARS * RAW_FACTOR));
    if (text.length > best.length) best = text;
  }
  return capText(best);
}

/** The title as plain text on one line, capped: a 4 MB title is converted and kept only in part. */
const titleOf = (raw: Raw): string => capTitle(plainLine(textOf(raw).slice(0, MAX_TITLE_CHARS * RAW_FACTOR)));

function guidOf(item: RawItem, format: string): string | null {
  const raw = format === "atom" ? item.id : (item.rwGuid?.[0] ?? item["rdf:about"]);
  const text = textOf(raw).trim();
  return text === "" ? null : text;
}

function toArticle(item: RawItem, context: { feedId: string; format: string; base: string; language: string | null }): Article {
  const url = itemLink(item, context.format, context.base);
  const text = bodyOf(item);
  const published = publishedOf(item, text);
  const title = titleOf(item.title) || snippet(text) || (url ? capTitle(url) : "") || "(untitled)";
  const language = textOf(item.language).trim() || item.rwAttrs?.[LANG_ATTR] || context.language;
  return {
    id: articleId(context.feedId, { guid: guidOf(item, context.format), link: url, title, published }),
    feedId: context.feedId,
    url,
    title,
    text,
    published,
    categories: categoriesOf(item),
    language: language || null,
  };
}

/** The channel's (or Atom feed's) own link, absolute, to resolve items' relative links against. */
function channelLink(feed: RawFeed, format: string, baseUrl: string): string | null {
  const base = feed.rwAttrs?.[BASE_ATTR] ?? baseUrl;
  const links = feed.rwLinks ?? [];
  const raw =
    format === "atom"
      ? links.find((link) => (attrsOf(link).rel ?? "alternate") === "alternate" && attrsOf(link).href)
      : links.find((link) => textOf(link).trim() !== "");
  if (raw === undefined) return null;
  return resolveHttp(format === "atom" ? (attrsOf(raw).href ?? "") : textOf(raw), base);
}

/** One line from an xml2js/sax error: "Unexpected close tag\nLine: 4\n…" → "Unexpected close tag (line 5)". */
function describeXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [first, ...rest] = message.split("\n");
  const line = /Line:\s*(\d+)/.exec(rest.join("\n"));
  return `malformed XML: ${first?.trim() || "unreadable"}${line ? ` (line ${Number(line[1]) + 1})` : ""}`;
}

/**
 * Reads a decoded feed (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 1.0/0.3) into articles. Throws
 * FeedError "not-a-feed" with a one-line reason for HTML pages, truncated or malformed XML
 * and other documents.
 */
export async function parseFeed(xml: string, options: { feedId: string; baseUrl: string }): Promise<ParsedFeed> {
  const { feedId, baseUrl } = options;
  let prepared;
  try {
    prepared = prepareXml(xml, baseUrl);
  } catch (error) {
    if (error instanceof NotAFeed) throw new FeedError(feedId, "not-a-feed", error.message, { cause: error });
    throw error;
  }

  if (prepared.empty) return { title: null, language: null, articles: [] };

  let feed: RawFeed & Parser.Output<RawItem>;
  try {
    feed = await parser.parseString(prepared.xml);
  } catch (error) {
    throw new FeedError(feedId, "not-a-feed", describeXmlError(error), { cause: error });
  }

  const format = prepared.format;
  const channelBase = feed.rwAttrs?.[BASE_ATTR] ?? channelLink(feed, format, baseUrl) ?? baseUrl;
  const language =
    textOf(feed.language).trim() || textOf(feed.dcLanguage).trim() || feed.rwAttrs?.[LANG_ATTR] || null;
  const context = { feedId, format, base: channelBase, language };
  return {
    title: titleOf(feed.title) || null,
    language,
    articles: (feed.items ?? []).map((item) => toArticle(item, context)),
  };
}
