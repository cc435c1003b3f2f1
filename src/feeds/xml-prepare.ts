/**
 * A light, linear pre-pass over feed XML before rss-parser sees it.
 *
 * rss-parser (xml2js underneath) loses or chokes on a few things we need, so this pass
 * walks the markup once, tag by tag (comments, CDATA, processing instructions and quoted
 * attribute values are skipped as units, so a `<` or `>` inside them cannot derail it), and:
 *
 * - tells what the document is from its root element (RSS, RDF, Atom), refusing HTML pages,
 *   other XML and truncated documents with a one-line reason;
 * - works out the `xml:base` and `xml:lang` in scope for every element (nested and relative
 *   bases resolved) and writes them onto the elements we read later (channel/feed,
 *   item/entry, link) as `regwatch-base` / `regwatch-lang` attributes, which rss-parser
 *   hands back through custom fields: it drops `xml:base` itself;
 * - rewrites XHTML-typed Atom text constructs (`type="xhtml"`, `application/xhtml+xml`),
 *   and titles or descriptions holding unescaped markup, into escaped HTML: their child
 *   elements make rss-parser throw "Cannot convert object to primitive value" or lose text;
 * - renames Atom entry dates (`published`, `updated`...) so rss-parser does not run
 *   `new Date(x).toISOString()` on them, which throws for one bad date and loses the feed;
 * - escapes stray `&` (`AT&T`, unescaped query strings), which strict XML rejects;
 * - drops the XML declaration: the text is already decoded, and some feeds put a comment
 *   before it, which is not allowed.
 *
 * A regex over the whole document could not keep track of nesting and scope; a real
 * parser (sax) would mean a second full parse and a direct dependency we do not declare.
 */

export type FeedFormat = "rss" | "rdf" | "atom";

export class NotAFeed extends Error {
  override name = "NotAFeed";
}

export interface PreparedXml {
  xml: string;
  format: FeedFormat;
  /** An RSS or RDF root with no channel and no items: nothing for rss-parser to read. */
  empty: boolean;
}

/** Attributes the pass writes for parse.ts to read back. */
export const BASE_ATTR = "regwatch-base";
export const LANG_ATTR = "regwatch-lang";
/** Prefix for renamed Atom entry dates: `<published>` becomes `<regwatch-published>`. */
export const DATE_PREFIX = "regwatch-";

const ATOM_ENTRY_DATES = new Set(["published", "updated", "issued", "modified", "created"]);
const TEXT_CONSTRUCTS = new Set(["title", "subtitle", "summary", "content", "description", "rights", "tagline", "info"]);
const ITEMS = new Set(["item", "entry"]);
const CONTAINERS = new Set(["channel", "feed"]);
const HTML_ROOTS = new Set(["html", "head", "body", "div", "p", "table", "a", "h1", "meta", "title", "script"]);

interface Open {
  name: string;
  local: string;
  /** Absolute xml:base in scope, or null when no ancestor set one. */
  base: string | null;
  lang: string | null;
  /** Name written for the closing tag when the element was renamed. */
  renamedTo?: string;
}

export interface StartTag {
  raw: string;
  name: string;
  attrs: ReadonlyMap<string, string>;
  selfClosing: boolean;
  end: number;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1).toLowerCase();

export function decodeAttr(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? "";
  });
}

const escapeAttr = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

const escapeText = (value: string): string => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Escapes `&` that does not start a reference. Named references other than XML's five are
 * escaped too (`&nbsp;` → `&amp;nbsp;`): the text keeps them literally and the HTML-to-text
 * step decodes them later, where the HTML entity table is known.
 */
function fixAmpersands(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?!(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)/g, "&amp;");
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** Reads the start tag beginning at `at` (the `<`), honouring quoted attribute values. */
export function readStartTag(xml: string, at: number): StartTag {
  // From `>` to `>`: a quote before the next `>` opens a value that may hold one, so the search goes on after it.
  let i = at + 1;
  let gt: number;
  for (;;) {
    gt = xml.indexOf(">", i);
    if (gt === -1) throw new NotAFeed("truncated XML: a start tag is never closed");
    let quote = i;
    while (quote < gt && xml.charCodeAt(quote) !== 34 && xml.charCodeAt(quote) !== 39) quote++;
    if (quote === gt) break;
    const close = xml.indexOf(xml[quote]!, quote + 1);
    if (close === -1) throw new NotAFeed("truncated XML: a start tag is never closed");
    i = close + 1;
  }
  const raw = xml.slice(at, gt + 1);
  const name = /^<([^\s/>]+)/.exec(raw)?.[1] ?? "";
  // An attribute needs its "=": most tags of a feed have none.
  let attrs = NO_ATTRIBUTES;
  if (raw.includes("=")) {
    const found = new Map<string, string>();
    for (const match of raw.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      found.set(match[1]!, decodeAttr(match[2] ?? match[3] ?? ""));
    }
    attrs = found;
  }
  return { raw, name, attrs, selfClosing: raw.endsWith("/>"), end: gt + 1 };
}

/** Where the construct starting at `at` ends (exclusive), for comments, CDATA, PIs, DOCTYPE. */
function skipSpecial(xml: string, at: number): number {
  const until = (terminator: string, from: number, what: string): number => {
    const found = xml.indexOf(terminator, from);
    if (found === -1) throw new NotAFeed(`truncated XML: unterminated ${what}`);
    return found + terminator.length;
  };
  if (xml.startsWith("<!--", at)) return until("-->", at + 4, "comment");
  if (xml.startsWith("<![CDATA[", at)) return until("]]>", at + 9, "CDATA section");
  if (xml.startsWith("<?", at)) return until("?>", at + 2, "processing instruction");
  if (xml.startsWith("<![", at)) throw new NotAFeed("truncated XML: unterminated CDATA section");
  // <!DOCTYPE ...> with an optional internal subset in brackets.
  const bracket = xml.indexOf("[", at);
  const close = xml.indexOf(">", at);
  if (close === -1) throw new NotAFeed("truncated XML: unterminated DOCTYPE");
  if (bracket !== -1 && bracket < close) return until("]>", bracket, "DOCTYPE");
  return close + 1;
}

function resolveBase(value: string, against: string): string | null {
  try {
    return new URL(value.trim(), against).href;
  } catch {
    return null;
  }
}

/** Index of the `<` of the end tag that closes the element whose start tag ends at `from`. */
function findMatchingEnd(xml: string, from: number): number {
  let depth = 1;
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) throw new NotAFeed("truncated XML: an element is never closed");
    if (xml.startsWith("</", lt)) {
      depth--;
      if (depth === 0) return lt;
      const gt = xml.indexOf(">", lt);
      if (gt === -1) throw new NotAFeed("truncated XML: an end tag is never closed");
      i = gt + 1;
    } else if (xml[lt + 1] === "!" || xml[lt + 1] === "?") {
      i = skipSpecial(xml, lt);
    } else {
      const tag = readStartTag(xml, lt);
      if (!tag.selfClosing) depth++;
      i = tag.end;
    }
  }
}

/** `<title type="xhtml"><div>Example <b>x</b></div></title>` → `<title type="html">&lt;div&gt;…</title>`. */
function rewriteXhtml(xml: string, tag: StartTag): { replacement: string; end: number } {
  const close = findMatchingEnd(xml, tag.end);
  const gt = xml.indexOf(">", close);
  if (gt === -1) throw new NotAFeed("truncated XML: an end tag is never closed");
  const closeEnd = gt + 1;
  const inner = xml
    .slice(tag.end, close)
    // CDATA inside XHTML is text: turn it into escaped HTML text before escaping the whole.
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => escapeText(text));
  const start = tag.raw
    .replace(/\stype\s*=\s*(["'])[^"']*\1/, ' type="html"')
    .replace(/\smode\s*=\s*(["'])[^"']*\1/, "");
  return { replacement: `${start}${escapeText(inner)}${xml.slice(close, closeEnd)}`, end: closeEnd };
}

/**
 * Atom `<content type="text/xml">` (or any XML media type but XHTML) carries data, not
 * prose: EDGAR puts filing records there. Its text run together would be noise.
 */
function isXmlData(local: string, tag: StartTag): boolean {
  const type = tag.attrs.get("type")?.trim().toLowerCase() ?? "";
  return local === "content" && /[/+]xml$/.test(type) && !type.includes("xhtml");
}

/** Unescaped markup in a text element (`<title>Fine <b>imposed</b></title>`), which xml2js turns into objects. */
function hasChildElements(xml: string, tag: StartTag): boolean {
  const inner = xml.slice(tag.end, findMatchingEnd(xml, tag.end));
  if (!inner.includes("<")) return false;
  return /<[A-Za-z_]/.test(inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, ""));
}

function isXhtml(tag: StartTag): boolean {
  const type = tag.attrs.get("type")?.trim().toLowerCase();
  return type === "xhtml" || type === "application/xhtml+xml" || tag.attrs.get("mode")?.toLowerCase() === "xml";
}

/** Rewrites `xml` for rss-parser, or throws NotAFeed with a one-line reason. */
export function prepareXml(input: string, baseUrl: string): PreparedXml {
  const xml = input.replace(/^\uFEFF/, "");
  const out: string[] = [];
  const stack: Open[] = [];
  let format: FeedFormat | null = null;
  let rootClosed = false;
  let sawChannel = false;
  let sawItem = false;
  let i = 0;

  const firstTag = xml.search(/\S/);
  if (firstTag === -1) throw new NotAFeed("empty document");
  if (xml[firstTag] !== "<") throw new NotAFeed(`not XML: starts with ${JSON.stringify(xml.slice(firstTag, firstTag + 20))}`);

  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    out.push(fixAmpersands(text));
    if (lt === -1) break;

    if (xml.startsWith("<!", lt) || xml.startsWith("<?", lt)) {
      const end = skipSpecial(xml, lt);
      const special = xml.slice(lt, end);
      if (/^<!DOCTYPE\s+html/i.test(special)) throw new NotAFeed("an HTML page, not a feed");
      if (!/^<\?xml\s/i.test(special)) out.push(special);
      i = end;
      continue;
    }

    if (xml.startsWith("</", lt)) {
      const gt = xml.indexOf(">", lt);
      if (gt === -1) throw new NotAFeed("truncated XML: an end tag is never closed");
      const open = stack.pop();
      out.push(open?.renamedTo ? `</${open.renamedTo}>` : xml.slice(lt, gt + 1));
      if (stack.length === 0) rootClosed = true;
      i = gt + 1;
      continue;
    }

    const tag = readStartTag(xml, lt);
    const local = localName(tag.name);
    const parent = stack[stack.length - 1];

    if (!parent) {
      if (rootClosed) throw new NotAFeed("malformed XML: more than one root element");
      if (HTML_ROOTS.has(local)) throw new NotAFeed("an HTML page, not a feed");
      if (local === "rss") format = "rss";
      else if (local === "rdf") format = "rdf";
      else if (local === "feed") format = "atom";
      else throw new NotAFeed(`not RSS or Atom: the root element is <${tag.name}>`);
    }
    if (parent && stack.length === 1 && local === "channel") sawChannel = true;
    if (local === "item") sawItem = true;

    // xml:base and xml:lang in scope for this element.
    const parentBase = parent?.base ?? null;
    const ownBase = tag.attrs.get("xml:base");
    const base = ownBase !== undefined ? (resolveBase(ownBase, parentBase ?? baseUrl) ?? parentBase) : parentBase;
    const ownLang = tag.attrs.get("xml:lang")?.trim();
    const lang = ownLang ? ownLang : (parent?.lang ?? null);

    if (TEXT_CONSTRUCTS.has(local) && !tag.selfClosing && !isXmlData(local, tag) && (isXhtml(tag) || hasChildElements(xml, tag))) {
      const { replacement, end } = rewriteXhtml(xml, tag);
      out.push(replacement);
      i = end;
      continue;
    }

    if (format === "atom" && isXmlData(local, tag)) {
      if (tag.selfClosing) {
        i = tag.end;
      } else {
        const close = findMatchingEnd(xml, tag.end);
        const gt = xml.indexOf(">", close);
        if (gt === -1) throw new NotAFeed("truncated XML: an end tag is never closed");
        i = gt + 1;
      }
      continue;
    }

    let raw = fixAmpersands(tag.raw);
    const open: Open = { name: tag.name, local, base, lang };
    if (format === "atom" && parent?.local === "entry" && ATOM_ENTRY_DATES.has(local) && !tag.name.includes(":")) {
      open.renamedTo = DATE_PREFIX + local;
      raw = `<${open.renamedTo}${raw.slice(1 + tag.name.length)}`;
    }
    if (ITEMS.has(local) || CONTAINERS.has(local) || local === "link") {
      const extra = (base ? ` ${BASE_ATTR}="${escapeAttr(base)}"` : "") + (lang ? ` ${LANG_ATTR}="${escapeAttr(lang)}"` : "");
      if (extra) raw = raw.replace(/\s*(\/?)>$/, `${extra}$1>`);
    }
    out.push(raw);
    if (tag.selfClosing) {
      if (!parent) rootClosed = true;
    } else {
      stack.push(open);
    }
    i = tag.end;
  }

  if (format === null) throw new NotAFeed("no root element");
  if (stack.length > 0) throw new NotAFeed(`truncated XML: <${stack[0]!.name}> is never closed`);
  if ((format === "rss" || format === "rdf") && !sawChannel) {
    // An empty shell (`<rss></rss>`) is a feed with nothing in it; items without a channel are not.
    if (sawItem) throw new NotAFeed("no <channel> element");
    return { xml: out.join(""), format, empty: true };
  }
  return { xml: out.join(""), format, empty: false };
}
