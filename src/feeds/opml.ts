/**
 * OPML, the file feed readers exchange subscription lists in. Reading is tolerant of what other readers
 * write (outlines nested in folders, a `title` without `text` or neither, entities in `xmlUrl`); writing
 * keeps a feed's jurisdiction in a namespaced attribute that other readers ignore.
 */
export interface OpmlFeed {
  url: string;
  title: string | null;
  jurisdiction: string | null;
}

const NAMESPACE = "urn:regwatch:opml";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** An OPML file that is not one: says why in one line. */
export class OpmlError extends Error {
  override name = "OpmlError";
}

/** Every feed outline (one with an http or https `xmlUrl`) in document order, folders flattened, duplicates dropped. */
export function readOpml(text: string): OpmlFeed[] {
  const body = text.replace(/^\uFEFF/, "").replace(/<!--[\s\S]*?-->/g, "");
  if (!/<opml\b/i.test(body)) throw new OpmlError("not an OPML file (no <opml> element)");
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  for (const match of body.matchAll(/<outline\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of (match[1] ?? "").matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[(a[1] as string).toLowerCase()] ??= decodeEntities(a[2] ?? a[3] ?? "");
    }
    const raw = attrs.xmlurl?.trim();
    if (!raw) continue;
    let url: string;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") continue;
      url = parsed.toString();
    } catch {
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    const title = (attrs.title ?? attrs.text ?? "").replace(/\s+/g, " ").trim() || null;
    const jurisdiction = attrs["regwatch:jurisdiction"]?.trim().toUpperCase() || null;
    feeds.push({ url, title, jurisdiction });
  }
  return feeds;
}

/** An OPML 2.0 document listing the feeds. */
export function writeOpml(title: string, feeds: readonly OpmlFeed[], created: Date = new Date()): string {
  const lines = feeds.map((feed) => {
    const name = escapeAttribute(feed.title ?? feed.url);
    const jurisdiction = feed.jurisdiction ? ` regwatch:jurisdiction="${escapeAttribute(feed.jurisdiction)}"` : "";
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttribute(feed.url)}"${jurisdiction}/>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<opml version="2.0" xmlns:regwatch="${NAMESPACE}">`,
    `  <head>`,
    `    <title>${escapeAttribute(title)}</title>`,
    `    <dateCreated>${created.toUTCString()}</dateCreated>`,
    `  </head>`,
    `  <body>`,
    ...lines,
    `  </body>`,
    `</opml>`,
    ``,
  ].join("\n");
}
