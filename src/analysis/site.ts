// Where a page is published says something about whose rules it reports: a regulator's own site
// (sec.or.th, fsa.go.jp) or a national news site (.com.ph). Only country-code domains count, and not those
// sold worldwide as generic names (.io, .co, .ai, .me, .tv...).

const GENERIC = new Set(["io", "co", "ai", "me", "tv", "cc", "ly", "to", "fm", "gg", "vc", "sh", "ws", "la", "im", "is", "so", "xyz", "app", "news"]);
const SPECIAL: Readonly<Record<string, string>> = { uk: "GB", gov: "US", mil: "US", eu: "EU", int: "INT" };

/** The jurisdiction code a URL's domain points to, when it is in the table. */
export function siteJurisdiction(url: string | null | undefined, known: ReadonlySet<string>): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const tld = host.slice(host.lastIndexOf(".") + 1);
  if (!/^[a-z]{2,3}$/.test(tld) || GENERIC.has(tld)) return null;
  const code = SPECIAL[tld] ?? (tld.length === 2 ? tld.toUpperCase() : null);
  return code && known.has(code) ? code : null;
}
