// Where a page is published says something about whose rules it reports: a regulator's own site
// (sec.or.th, fsa.go.jp) or a national news site (.com.ph). Only country-code domains count, and not those
// sold worldwide as generic names (.io, .co, .ai, .me, .tv...).

import type { Jurisdiction, Regulator } from "./knowledge.js";

const GENERIC = new Set(["io", "co", "ai", "me", "tv", "cc", "ly", "to", "fm", "gg", "vc", "sh", "ws", "la", "im", "is", "so", "xyz", "app", "news"]);
const SPECIAL: Readonly<Record<string, string>> = { uk: "GB", gov: "US", mil: "US", eu: "EU", int: "INT" };

/** The host name of a URL in lower case, or null when it is none. */
function hostname(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The host of a URL, without "www."; "" when it is none. */
export function hostOf(url: string | null | undefined): string {
  return hostname(url)?.replace(/^www\./, "") ?? "";
}

/** The jurisdiction code a URL's domain points to, when it is in the table. */
export function siteJurisdiction(url: string | null | undefined, known: ReadonlySet<string>): string | null {
  const host = hostname(url);
  if (!host) return null;
  const tld = host.slice(host.lastIndexOf(".") + 1);
  if (!/^[a-z]{2,3}$/.test(tld) || GENERIC.has(tld)) return null;
  const code = SPECIAL[tld] ?? (tld.length === 2 ? tld.toUpperCase() : null);
  return code && known.has(code) ? code : null;
}

/** An authority whose own site published the page. */
export interface Publisher {
  /** The domain as the tables list it ("fca.org.uk" for www.fca.org.uk). */
  site: string;
  code: string;
  kind: Regulator["kind"];
}

/** Every listed site of every authority, for `publisherOf`. */
export function publisherTable(jurisdictions: readonly Jurisdiction[]): ReadonlyMap<string, Publisher> {
  const table = new Map<string, Publisher>();
  for (const j of jurisdictions) {
    for (const r of j.regulators) for (const site of r.sites ?? []) table.set(site, { site, code: j.code, kind: r.kind });
  }
  return table;
}

/**
 * The authority whose site the URL is on: its host or the nearest parent domain listed ("acpr.banque-france.fr"
 * is the ACPR's when listed, else the Banque de France's; "conteudo.cvm.gov.br" is the CVM's).
 */
export function publisherOf(url: string | null | undefined, table: ReadonlyMap<string, Publisher>): Publisher | null {
  const host = table.size === 0 ? null : hostname(url);
  if (!host) return null;
  // Stops at the last two labels: "gov.br" or "europa.eu" alone is a whole government's, not one body's.
  for (let dot = -1; host.indexOf(".", dot + 1) !== -1; dot = host.indexOf(".", dot + 1)) {
    const found = table.get(host.slice(dot + 1));
    if (found) return found;
  }
  return null;
}
