import * as crypto from "node:crypto";

/**
 * SHA-256 in hex. Node's one-shot `crypto.hash` (20.12 and later) makes no Hash object: a poll hashes every
 * new item's text. The same digest either way.
 */
const sha256Hex: (data: string) => string =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "hex")
    : (data) => crypto.createHash("sha256").update(data).digest("hex");

/**
 * Query parameters that only say where a click came from. Removing them makes the same
 * story shared through a newsletter and a feed the same URL.
 */
const TRACKING_PARAMS = new Set([
  "fbclid", // Facebook
  "gclid", "dclid", "gbraid", "wbraid", // Google Ads
  "msclkid", // Microsoft Ads
  "yclid", // Yandex
  "mc_cid", "mc_eid", // Mailchimp
  "_hsenc", "_hsmi", // HubSpot
  "mkt_tok", // Marketo
  "igshid", // Instagram
  "ref", "ref_src", "ref_url", // "came from" markers
  "cmpid", "ncid", "sr_share", // publishers' campaign ids
]);

const isTracking = (name: string): boolean => {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
};

function safeDecode(value: string): string {
  // Nothing to decode in most names ("utm_source", "id"): neither the regex nor the decoder need run.
  if (!value.includes("%") && !value.includes("+")) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** Starts with an http(s) scheme and an authority: parsed the same with or without a base. */
const ABSOLUTE_HTTP = /^https?:\/\//i;

let lastBase: string | undefined;
let lastBaseValid = false;

/** Whether `base` parses as a URL; the last answer is kept, since the items of one feed share their base. */
function validBase(base: string): boolean {
  if (base !== lastBase) {
    lastBaseValid = URL.canParse(base);
    lastBase = base;
  }
  return lastBaseValid;
}

/**
 * The absolute http(s) form of `url` (resolved against `base` when relative), without
 * fragment and tracking parameters; scheme and host lower-cased, default port removed.
 * The rest (path, other parameters and their order and escaping) is left alone. Null when
 * it is not an http(s) URL.
 */
export function canonicalUrl(url: string, base?: string): string | null {
  const trimmed = url.trim();
  if (trimmed === "") return null;
  let parsed: URL;
  try {
    // An absolute http(s) URL ignores its base, but the base is still parsed (and a bad one still throws): a feed's
    // items share one base, so it is checked once and the item's URL parsed alone.
    parsed = base === undefined || (ABSOLUTE_HTTP.test(trimmed) && validBase(base)) ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  // Cut from the href rather than through the setters, each of which parses the whole URL again. A "#" in the href
  // can only start the fragment (elsewhere it is escaped), an empty one included.
  let href = parsed.href;
  const hash = href.indexOf("#");
  if (hash !== -1) href = href.slice(0, hash);
  const search = parsed.search;
  if (search !== "") {
    // Filtered by hand: URLSearchParams would re-encode the parameters we keep.
    const pairs = search.slice(1).split("&");
    const kept = pairs.filter((pair) => pair !== "" && !isTracking(safeDecode(pair.split("=", 1)[0] ?? "")));
    // Without its fragment the href ends with the query. The kept pairs are already escaped, so the query setter
    // would take them as they are.
    if (kept.length !== pairs.length) href = href.slice(0, href.length - search.length) + (kept.length > 0 ? `?${kept.join("&")}` : "");
  }
  return href;
}

/** The key that makes the same story the same across feeds: `u:<canonical URL>`. */
export function linkKey(url: string): string {
  return `u:${canonicalUrl(url) ?? url.trim()}`;
}

/**
 * A stable identity for an item: its guid (`g:<feedId>:<guid>`, canonicalised when the
 * guid is a URL), else its canonical link (`u:<url>`), else a hash of title and date
 * (`h:<feedId>:<32 hex>`).
 */
export function articleId(
  feedId: string,
  item: { guid?: string | null; link?: string | null; title?: string | null; published?: string | null },
): string {
  const guid = item.guid?.trim();
  if (guid) {
    const asUrl = /^https?:\/\//i.test(guid) ? canonicalUrl(guid) : null;
    return `g:${feedId}:${asUrl ?? guid}`;
  }
  const link = item.link ? canonicalUrl(item.link) : null;
  if (link) return `u:${link}`;
  const digest = sha256Hex(`${item.title?.trim() ?? ""}\n${item.published ?? ""}`).slice(0, 32);
  return `h:${feedId}:${digest}`;
}

/**
 * A run of whitespace that is not already one space: replaced by a space, it gives what `/\s+/g` gives, without
 * rewriting the (many) single spaces of a text.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * NFKC form of `value`. ASCII is its own NFKC form, and V8 copies a one-byte string to UTF-16 before ICU finds
 * that out: most feed text is ASCII, and skipping the copy saves more than the scan costs.
 */
export const nfkc = (value: string): string => (NON_ASCII.test(value) ? value.normalize("NFKC") : value);

/**
 * The key that makes the same story the same by what it says: `c:<32 hex>` over its title, date and text
 * (case and spacing ignored). It catches feeds that mint a new guid and link at every fetch, and mirrors
 * under other links. Null for an item with neither date nor text: a bare title ("Weekly bulletin") may
 * honestly repeat.
 */
export function contentKey(item: { title: string; published: string | null; text: string }): string | null {
  const fold = (value: string): string => nfkc(value).replace(SPACE_RUN, " ").trim().toLowerCase();
  const text = fold(item.text);
  if (!item.published && text === "") return null;
  const digest = sha256Hex(`${fold(item.title)}\n${item.published ?? ""}\n${text}`);
  return `c:${digest.slice(0, 32)}`;
}
