import type { Hit } from "./matcher.js";
import type { Ref, Segment } from "./terms.js";

/**
 * "a UK-based entrepreneur", "a Dubai-registered exchange": the place describes a firm or a person, not who
 * acts. It still tells which country a shared acronym beside it belongs to ("India-based platforms registered
 * with the FIU").
 */
export function homeOfAFirm(hit: Hit<Ref>, segment: Segment): boolean {
  return FIRM_HOME.test(segment.text.slice(hit.end, hit.end + 48));
}

// With a space only "based": "the UK registered 50 firms" is the UK acting. "South Korea's top banks unite" is
// the banks acting, as "South Korea's largest cryptocurrency exchange" is the exchange; "Japan's financial regulator"
// and "Kenya's central bank" are not matched here (a body of the state is no firm). "South African grocery giant",
// "Nigerian crypto exchanges" and "Mexican crypto unicorn Bitso" are firms too, named by their home's adjective: a
// few words before the firm's noun.
const FIRM_HOME =
  /^(?:[-‐‑](?:based|headquartered|registered|incorporated|listed)|\s+based|\s+(?:merkezli|merkezi|basierte?|ansässige?|baseada|basada|basée)\b|['’]s\s+(?:(?:top|largest|biggest|major|leading|main|big|private|commercial|state-owned|\d+)\s+){0,2}(?:(?!central\s|reserve\s|national\s|state\s)[\p{L}-]+\s+)?(?:banks?|lenders?|exchanges?|firms?|compan(?:y|ies)|brokers?|brokerages?|startups?|fintechs?|conglomerates?|retailers?|telecoms?|chains?|giants?)\b|\s+(?:[\p{L}-]+\s+){0,2}(?:giants?|retailers?|supermarkets?|grocers?|fintechs?|startups?|unicorns?|conglomerates?|crypto\s+exchanges?|companies|company|firms?|billionaires?|tycoons?|entrepreneurs?)\b)/iu;
