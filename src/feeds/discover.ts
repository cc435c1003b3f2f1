import { describeError, FeedError, UserError } from "../core/errors.js";
import type { FeedSpec } from "../core/feed.js";
import type { ProbedFeed } from "../core/user-feed.js";
import { decodeFeed } from "./decode.js";
import { chronological } from "./detect.js";
import { fetchFeed, type FetchLimits } from "./fetch.js";
import { parseFeed, type ParsedFeed } from "./parse.js";
import { plainLine } from "./text.js";

const FEED_TYPES = /^application\/(?:rss|atom|rdf)\+xml$|^application\/xml$|^text\/xml$/i;

/** Attributes of one start tag, names lower-cased, entities in values left for the URL parser to keep. */
function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    found[(m[1] as string).toLowerCase()] ??= decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return found;
}

const decodeEntities = (text: string): string =>
  text.replace(/&(?:amp|#38|#x26);/gi, "&").replace(/&quot;/gi, '"').replace(/&#39;|&apos;/gi, "'").replace(/&lt;/gi, "<").replace(/&gt;/gi, ">");

/**
 * The feeds a web page advertises with `<link rel="alternate" type="application/rss+xml" href="…">` (as
 * browsers and feed readers find them), absolute, in page order. Only the head is read.
 */
export function advertisedFeeds(html: string, pageUrl: string): string[] {
  const head = html.slice(0, 512 * 1024);
  const urls: string[] = [];
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
    if (!rel.includes("alternate") || !FEED_TYPES.test((attrs.type ?? "").trim()) || !attrs.href) continue;
    try {
      const url = new URL(attrs.href.trim(), pageUrl).toString();
      if (!urls.includes(url)) urls.push(url);
    } catch {
      // A broken href is one less candidate, not a failure.
    }
  }
  return urls;
}

const looksLikeHtml = (text: string): boolean => /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head)\b/i.test(text);

/**
 * Fetches a URL from a chat once, through the address guard: a feed is read as it is; a web page is searched
 * for the feed it advertises, which is then fetched the same way. Throws UserError with the one-line reason.
 */
export async function probeFeed(raw: string, limits: FetchLimits): Promise<ProbedFeed> {
  const first = await readOnce(raw, limits);
  if ("parsed" in first) return describe(first.url, first.parsed);
  const candidates = advertisedFeeds(first.html, first.url);
  if (candidates.length === 0) throw new UserError("that page is not a feed and advertises none (no <link rel=\"alternate\"> to RSS or Atom)");
  const found = await readOnce(candidates[0] as string, limits);
  if (!("parsed" in found)) throw new UserError("the feed that page advertises is itself a web page");
  return { ...describe(found.url, found.parsed), discoveredFrom: first.url };
}

type Read = { url: string; parsed: ParsedFeed } | { url: string; html: string };

async function readOnce(url: string, limits: FetchLimits): Promise<Read> {
  const spec: FeedSpec = { id: "probe", name: "probe", url, jurisdiction: null, untrusted: true };
  try {
    const fetched = await fetchFeed(spec, {}, limits);
    if (fetched.status !== "ok") throw new UserError("the server answered 304 Not Modified to a first request");
    const { text } = decodeFeed(fetched.bytes, fetched.contentType);
    try {
      return { url: fetched.url, parsed: await parseFeed(text, { feedId: "probe", baseUrl: fetched.url }) };
    } catch (error) {
      if (looksLikeHtml(text)) return { url: fetched.url, html: text };
      throw error;
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof FeedError) throw new UserError(error.message);
    throw new UserError(describeError(error));
  }
}

function describe(url: string, parsed: ParsedFeed): ProbedFeed {
  const newest = chronological(parsed.articles).at(-1);
  const title = plainLine(parsed.title ?? "").slice(0, 200) || new URL(url).host;
  return {
    url,
    title,
    items: parsed.articles.length,
    ...(newest ? { latest: { title: newest.title, url: newest.url, published: newest.published } } : {}),
  };
}
