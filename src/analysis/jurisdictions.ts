import type { Hit } from "./matcher.js";
import { homeOfAFirm } from "./firm-home.js";
import { refsOf, zoneWeight, type Ref, type Segment } from "./terms.js";

export interface JurisdictionContext {
  feedJurisdiction: string | null;
  /** The country of the page's domain (sec.or.th → TH), a weaker prior than the feed's. */
  site: string | null;
  /** The article's language (ISO 639-1), asked only when the text leaves a choice open: detection costs. */
  language: () => string;
  /** The item is a rate decision: one central bank sets its rate, others named are comparisons. */
  rateDecision?: boolean;
}

/** Languages written mostly in one jurisdiction of the table: a prior when the text names no clear actor. */
const LANGUAGE_HOME: Readonly<Record<string, string>> = {
  ja: "JP", ko: "KR", th: "TH", vi: "VN", id: "ID", ms: "MY", tr: "TR", uk: "UA", pl: "PL", it: "IT", hi: "IN", pt: "BR",
  cs: "CZ", sk: "SK", hu: "HU", ro: "RO", bg: "BG", hr: "HR", sl: "SI", sv: "SE", da: "DK", no: "NO", nb: "NO", fi: "FI",
  el: "GR", et: "EE", lv: "LV", lt: "LT", he: "IL", bn: "BD", ka: "GE", fa: "IR", ur: "PK", ne: "NP",
  // Told by their scripts: Armenian, Amharic, Sinhala and India's languages but Tamil (Sri Lanka's too).
  hy: "AM", am: "ET", si: "LK", pa: "IN", gu: "IN", or: "IN", te: "IN", kn: "IN", ml: "IN",
};

/** The hit that made a jurisdiction, for --explain. */
export interface JurisdictionEvidence {
  code: string;
  segment: Segment;
  hit: Hit<Ref>;
  as: "authority" | "place";
}

/** A prior that counted for a jurisdiction chosen: the feed's, the page's site, or the article's language. */
export interface JurisdictionPrior {
  code: string;
  from: "feed" | "site" | "language";
  /** The language, for `language`. */
  language?: string;
}

export interface JurisdictionTags {
  codes: string[];
  evidence: JurisdictionEvidence[];
  priors: JurisdictionPrior[];
}

/**
 * The jurisdictions whose authority acts, strongest first. An authority named in the text weighs most; a
 * country's name less; a city least; the feed's jurisdiction and the article's language are priors only.
 */
export function tagJurisdictions(segments: readonly Segment[], ctx: JurisdictionContext): JurisdictionTags {
  const score = new Map<string, number>();
  const withAuthority = new Set<string>();
  const namedInTitle = new Set<string>();
  const evidence: JurisdictionEvidence[] = [];
  const add = (code: string, w: number) => score.set(code, (score.get(code) ?? 0) + w);

  const named = new Map<string, number>();
  let euActNamed = false;
  for (const { segment, hit, ref } of refsOf(segments, "place")) {
    if (ref.weight >= 1) named.set(ref.code, (named.get(ref.code) ?? 0) + 1);
    if (homeOfAFirm(hit, segment)) continue;
    // "avant la date limite de licence de l'UE": the EU in a member state's headline frames its act.
    if (ref.code === "EU" && segment.index < 0 && ref.weight >= 1) euActNamed = true;
    // Repeated mentions add less and less: a country named five times in passing is still in passing.
    const seen = named.get(ref.code) ?? 1;
    add(ref.code, (ref.weight * zoneWeight(segment.index)) / Math.sqrt(seen));
    if (segment.index < 0 && ref.weight >= 1) namedInTitle.add(ref.code);
    evidence.push({ code: ref.code, segment, hit, as: "place" });
  }

  let language: string | undefined;
  const languageHome = (): string | undefined => LANGUAGE_HOME[(language ??= ctx.language())];
  const ownAbbreviation = ownAbbreviations(segments);
  // Authorities named without ambiguity: context for the shared acronyms ("SEC" beside Thailand's ministry).
  const sure = new Set<string>();
  const sureBody = sayingAgain();
  for (const { segment, hit, ref } of refsOf(segments, "authority")) {
    const single = hit.refs.every((r) => r.t !== "authority" || r === ref);
    if (!single || ownAbbreviation(hit, segment)) continue;
    // "…ตลาดหลักทรัพย์ของสหรัฐฯ", the securities commission of the US: the body named is that country's.
    const owner = countryAfter(hit, segment, new Set([ref.code]), OF_A_COUNTRY);
    sure.add(sureBody(segment.text.slice(hit.start, hit.end), owner ?? ref.code, owner !== undefined));
  }
  const mention = sayingAgain();
  const authorityCount = new Map<string, number>();
  // Regional bodies that acted, by the code of their seat: their acts are every member's.
  const regional = new Map<string, { members: readonly string[]; segment: Segment; hit: Hit<Ref> }>();
  // The headline's first actor is its subject: it stays among the jurisdictions whatever else the text names.
  let headActor: string | undefined;
  // Where each actor is first named: bodies named together in the lead's sentence ("the HKMA, together with the
  // Bank of Thailand and the CBUAE, announced") act together, however often the first of them is named again.
  const firstNamed = new Map<string, number>();
  // Central banks named in the title or first sentence: in a rate decision, the one that moved.
  const setsRate = new Set<string>();
  // The last central bank named as a name ("Banco de Portugal"): "o banco central" after it, the common noun, is it.
  let centralBankNamed: string | undefined;
  for (const segment of segments) {
    for (const hit of segment.hits) {
      if (ownAbbreviation(hit, segment)) continue;
      const owner = ownerOf(hit, segment);
      const written = segment.text.slice(hit.start, hit.end);
      const commonNoun = centralBankNamed !== undefined && owner === undefined && isCentralBankNoun(hit, written);
      const resolved = commonNoun ? centralBankNamed : owner ?? resolveAuthority(hit, segment, named, ctx, languageHome, sure);
      if (!resolved) continue;
      const generic = !hit.refs.some((r) => r.t === "authority");
      // A generic word for a body ("the central bank of Qatar") is not a name the text can say again.
      const code = generic ? resolved : mention(segment.text.slice(hit.start, hit.end), resolved, owner !== undefined);
      if (code === "EU" && segment.index <= EU_ACT_REACH && hit.refs.some((r) => r.t === "authority" && r.kind === "law" && r.code === "EU")) euActNamed = true;
      // A standard-setter past the lead is most often the yardstick a national act meets ("in line with FATF
      // standards", "the OECD's CARF"), not an actor: there it weighs as half a place, so that the country meeting it
      // (named once or twice, "Italia si allinea al Regolamento MiCA") outweighs the yardstick named twice.
      // An international standard named as such ("Recommendation 15", "the FATF Standards") is that yardstick anywhere.
      const yardstick = !generic && hit.refs.every((r) => r.t !== "authority" || r.kind === "law");
      // A standard-setter named after a national actor has opened the story ("Bank Al-Maghrib..., with the World
      // Bank's support", "...at the IMF/World Bank Spring Meetings") is its adviser or its venue.
      const standard = !generic && hit.refs.every((r) => r.t !== "authority" || r.kind === "standard-setter");
      if (yardstick || (standard && (segment.index > 1 || (headActor !== undefined && headActor !== code) || ownsAStandard(hit, segment)))) {
        // "the Eastern and Southern Africa Anti-Money Laundering Group (ESAAMLG)" is one mention of the yardstick.
        if (restatesName(hit, segment, code)) continue;
        add(code, (0.5 * zoneWeight(segment.index)) / Math.sqrt((named.get(code) ?? 0) + 1));
        named.set(code, (named.get(code) ?? 0) + 1);
        evidence.push({ code, segment, hit, as: "place" });
        continue;
      }
      if (!commonNoun && written !== written.toLowerCase() && hit.refs.some((r) => r.t === "authority" && r.kind === "central-bank" && r.code === code)) centralBankNamed = code;
      const n = (authorityCount.get(code) ?? 0) + 1;
      authorityCount.set(code, n);
      // An actor first met deep in the body is background ("in contrast, the US..."), unless it also leads.
      if (segment.index <= DEEP) withAuthority.add(code);
      if (segment.index < 0) headActor ??= code;
      if (!firstNamed.has(code)) firstNamed.set(code, segment.index);
      // A generic body named with its country ("البنك المركزي القطري") may be the bank that moved too.
      // So is a central bank's name the text gives to another country ("サウジ中央銀行", the Saudi central bank).
      if (segment.index <= 0 && (generic || hit.refs.some((r) => r.t === "authority" && r.kind === "central-bank" && (r.code === code || owner === code)))) setsRate.add(code);
      add(code, (2.5 * zoneWeight(segment.index)) / Math.sqrt(n));
      evidence.push({ code, segment, hit, as: "authority" });
      const body = hit.refs.find((r): r is Extract<Ref, { t: "authority" }> => r.t === "authority" && r.code === code);
      if (body?.members) regional.set(code, { members: body.members, segment, hit });
    }
  }

  const priors: JurisdictionPrior[] = [];
  if (ctx.feedJurisdiction) {
    add(ctx.feedJurisdiction, 1.5);
    priors.push({ code: ctx.feedJurisdiction, from: "feed" });
  } else if (ctx.site) {
    add(ctx.site, 1);
    priors.push({ code: ctx.site, from: "site" });
  }
  const before = [...score.values()].sort((a, b) => b - a);
  // The language only breaks a near tie or stands in for a missing actor: detecting it is the costly part.
  const togetherWith = (code: string, top: string): boolean => {
    const at = firstNamed.get(top);
    return at !== undefined && at <= 1 && withAuthority.has(code) && firstNamed.get(code) === at;
  };
  const choose = (scores: ReadonlyMap<string, number>): string[] => {
    const ranked = [...scores].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
    const top = ranked[0];
    if (!top || top[1] < 2) return ctx.feedJurisdiction ? [ctx.feedJurisdiction] : top ? [top[0]] : [];
    return ranked
      .filter(([code, s]) =>
        code === top[0] || code === headActor || togetherWith(code, top[0]) || (withAuthority.has(code) && s >= 0.4 * top[1]) || (namedInTitle.has(code) && s >= 0.75 * top[1]))
      .map(([code]) => code);
  };
  let codes: string[] | undefined;
  if (withAuthority.size === 0 || before.length < 1 || (before[1] ?? 0) > before[0]! - 1) {
    // Not yet detected: when no language's home would change the answer, the answer is known without it.
    if (language === undefined) {
      // A home that is neither an actor nor named in the title, and stays below the top even with its point,
      // cannot change the answer: only the others are tried.
      const topScore = before[0];
      const idle = (home: string) =>
        topScore !== undefined && !withAuthority.has(home) && !namedInTitle.has(home) && (score.get(home) ?? 0) + 1 < topScore;
      codes = sameForEveryHome(score, choose, idle);
    }
    if (codes === undefined) {
      const home = languageHome();
      if (home) {
        add(home, 1);
        priors.push({ code: home, from: "language", language });
      }
    }
  }
  codes ??= choose(score);
  // One central bank sets a rate: of those named up front, the strongest ("Banxico cut, after the Fed"); others
  // named later are comparisons ("the Bank of Israel cuts, joining the Fed and the ECB").
  // A euro-area central bank beside the ECB reports the ECB's decision ("Suomen Pankki: EKP piti korot ennallaan").
  if (ctx.rateDecision && setsRate.has("EU")) for (const c of EURO_AREA) setsRate.delete(c);
  // The headline's subject, when it is one of them, is the one that moved ("Danish central bank cuts to align with ECB").
  if (ctx.rateDecision && setsRate.size > 0) {
    codes = headActor !== undefined && setsRate.has(headActor) ? [headActor] : codes.filter((c) => setsRate.has(c)).slice(0, 1);
  }
  // "A national licence under an EU regime gets both": an EU act (MiCA) named beside a member state's act.
  if (euActNamed && !codes.includes("EU") && codes.length > 0 && codes.every((c) => EU_MEMBERS.has(c) || EEA_ONLY.has(c))) codes = [...codes, "EU"];
  // "La COBAC interdit ... en zone CEMAC": a regional body's act is each member's, its seat first; a member the text
  // names ("La BCEAO met en garde ... au Bénin") narrows it to the members named.
  let chosen = [...codes];
  for (const [seat, body] of regional) {
    if (!chosen.includes(seat)) continue;
    const namedMembers = body.members.filter((m) => named.has(m));
    if (namedMembers.length > 0 && !namedMembers.includes(seat)) chosen = chosen.filter((c) => c !== seat);
    for (const m of namedMembers.length > 0 ? namedMembers : body.members) {
      if (chosen.includes(m)) continue;
      chosen.push(m);
      evidence.push({ code: m, segment: body.segment, hit: body.hit, as: "authority" });
    }
  }
  return { codes: chosen, evidence: evidence.filter((e) => chosen.includes(e.code)), priors: priors.filter((p) => chosen.includes(p.code)) };
}

/**
 * Whether a hit is an acronym the text itself defines as something else (`definedAsAnother`), there or anywhere:
 * an acronym the text defines as a law ("the Financial Services Act 2019 (“FSA”)"), or as a body the tables know by
 * its full name ("the National Bank of Serbia (NBS)", not Slovakia's NBS), is that wherever the text uses it again,
 * the headline too: the full name already counts for its country. (One defined as a body's name in another
 * language, "Gugus Tugas Aksi Keuangan (FATF)", is not.)
 * Each hit is looked at once.
 */
function ownAbbreviations(segments: readonly Segment[]): (hit: Hit<Ref>, segment: Segment) => boolean {
  const defined = new Set<Hit<Ref>>();
  const throughout = new Set<string>();
  for (const segment of segments) {
    for (const hit of segment.hits) {
      const as = definedAsAnother(hit, segment);
      if (as === false) continue;
      defined.add(hit);
      if (as !== "name") throughout.add(segment.text.slice(hit.start, hit.end));
    }
  }
  if (defined.size === 0) return () => false;
  return (hit, segment) => defined.has(hit) || (throughout.size > 0 && throughout.has(segment.text.slice(hit.start, hit.end)));
}

/**
 * The bodies named so far, as written, with whose they were. A name said again as written ("ก.ล.ต. สหรัฐฯ", then
 * "ก.ล.ต."), or inside a longer name ("ก.ล.ต.สหรัฐ", the US SEC, then "ก.ล.ต."; "美国证监会", then "证监会"), is the body
 * first named with its country. Returns the code a mention stands for (`qualified`: the text names its country right
 * there), and remembers it.
 */
function sayingAgain(): (written: string, code: string, qualified: boolean) => string {
  const said: Array<{ written: string; code: string; qualified: boolean }> = [];
  return (written, resolved, qualified) => {
    const earlier = qualified
      ? undefined
      : said.find((n) => n.code !== resolved && (n.written.length > written.length ? n.written.includes(written) : n.qualified && n.written === written));
    const code = earlier?.code ?? resolved;
    said.push({ written, code, qualified });
    return code;
  };
}

/**
 * "the Civil Punishment Measures Committee (OCC)": an acronym in brackets right after a name that is none of its
 * bodies' is the text's own abbreviation of that name, not the body the tables know by it (the US OCC).
 * Says whether that name is a law's ("law"), a body the tables know under another jurisdiction ("body"), or anything
 * else's ("name"), or `false` when the acronym is not so defined.
 */
function definedAsAnother(hit: Hit<Ref>, segment: Segment): false | "name" | "law" | "body" {
  const text = segment.text;
  const acronym = text.slice(hit.start, hit.end);
  // "(OCC)", and "(“NBS”)" with the acronym quoted inside the brackets.
  const quoted = QUOTE.test(text[hit.start - 1] ?? "") && QUOTE.test(text[hit.end] ?? "");
  const open = hit.start - (quoted ? 2 : 1);
  // "(BoT)", "(BdP)": acronyms in mixed case too, with at least two capitals.
  if (text[open] !== "(" || text[hit.end + (quoted ? 1 : 0)] !== ")" || !/^[A-Z](?=[a-z]?[A-Z])[A-Za-z]{1,6}$/.test(acronym)) return false;
  const codes = new Set(hit.refs.flatMap((r) => (r.t === "authority" ? [r.code] : [])));
  if (codes.size === 0) return false;
  const before = text.slice(0, open).trimEnd();
  const name = segment.hits.find((h) => h !== hit && h.end >= before.length - 1 && h.end <= before.length + 1);
  if (name?.refs.some((r) => r.t === "authority" && codes.has(r.code))) return false;
  // Another jurisdiction's body or law named in full right before: "code monétaire et financier (CMF)" is France's.
  if (name?.refs.some((r) => r.t === "authority")) return "body";
  // The capitalised name right before the bracket ("of", "and" may join its words); none: "(SEC)" after "regulators".
  const words = /(?:\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|and|for|the|on|de|des|du|la|del|di)\b)?\s+)*\p{Lu}[\p{L}'’.-]*(?:\s+\d{4})?$/u.exec(before)?.[0];
  if (!words) return false;
  // "the Financial Services Act 2019 (“FSA”)": a law's name, whatever its initials spell.
  if (LAW_NAME.test(words)) return "law";
  // A spelling the tables lack ("International Organisation of Securities Commissions (IOSCO)"): its initials still spell the acronym.
  const initials = words.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!).join("");
  for (let i = 0; i < initials.length - 1; i++) if (isSubsequence(initials.slice(i), acronym) && initials[i] === acronym[0]) return false;
  return "name";
}

/**
 * A central bank's name written as the common noun ("o banco central", "el banco central"): the tables give
 * "Banco Central" to Brazil, but in lower case it is whichever central bank the text is about.
 */
function isCentralBankNoun(hit: Hit<Ref>, written: string): boolean {
  return written === written.toLowerCase() && written !== written.toUpperCase() && hit.refs.every((r) => r.t !== "authority" || r.kind === "central-bank") && hit.refs.some((r) => r.t === "authority");
}

const QUOTE = /["“”'‘’«»]/;
const LAW_NAME = /\b(?:Act|Law|Bill|Ordinance|Regulations?|Decree|Code)(?:\s+\d{4})?$/;

const isSubsequence = (part: string, whole: string): boolean => {
  let j = 0;
  for (const c of whole) if (c === part[j]) j++;
  return j === part.length;
};

/** EU member states: their acts under an EU regulation are the EU's too. */
const EU_MEMBERS = new Set(["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]);

/** EEA states outside the EU, which take EU financial law (MiCA) into their own. */
const EEA_ONLY = new Set(["NO", "LI", "IS"]);

/** Members whose rates the ECB sets (Bulgaria from 2026). */
const EURO_AREA = ["AT", "BE", "BG", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT", "SK", "SI", "ES"];

/** How far into the text an EU act must be named to frame a member state's act. */
const EU_ACT_REACH = 3;

/** Kinds of body every country has, named the same way in its own language: a country right after says whose. */
const GENERIC_KINDS = new Set(["government", "ministry", "legislature"]);
/**
 * The country named right after a body's name, with what stands between them matching `gap` ("…Commission of
 * Ghana", "Chính phủ Thái Lan"), when it is none of `codes`.
 */
function countryAfter(hit: Hit<Ref>, segment: Segment, codes: ReadonlySet<string>, gap: RegExp): string | undefined {
  const next = segment.hits.find((h) => h.start >= hit.end && h.start <= hit.end + 8);
  if (!next || !gap.test(segment.text.slice(hit.end, next.start))) return undefined;
  return anotherCountry(next, codes);
}

/**
 * The country written right before a body's name in Chinese, Japanese or Korean ("ウクライナ中央銀行", "美国证监会",
 * "우크라이나 중앙은행"), when it is none of `codes`: these languages name another country's body with the country's
 * name in front and no "of", so a name the tables give one country ("中央銀行", Taiwan's) is then the named country's.
 */
function countryBefore(hit: Hit<Ref>, segment: Segment, codes: ReadonlySet<string>): string | undefined {
  const text = segment.text;
  if (!CJK_START.test(text.slice(hit.start, hit.start + 1))) return undefined;
  const prev = segment.hits.findLast((h) => h.end <= hit.start && h.end >= hit.start - 1);
  if (!prev || !CJK_END.test(text.slice(prev.start, prev.end)) || !/^ ?$/.test(text.slice(prev.end, hit.start))) return undefined;
  return anotherCountry(prev, codes);
}

/**
 * The country whose body it is, written right before its name with or without a possessive: "El Salvador's
 * Congress", "Salvadoran Congress", "the Argentine Securities and Exchange Commission". The tables give "Congress"
 * and that commission's name to the US; the text says whose.
 */
function countryOwning(hit: Hit<Ref>, segment: Segment, codes: ReadonlySet<string>): string | undefined {
  const prev = segment.hits.findLast((h) => h.end <= hit.start && h.end >= hit.start - 3);
  if (!prev || !/^(?:['’]s)?\s$/.test(segment.text.slice(prev.end, hit.start))) return undefined;
  return anotherCountry(prev, codes);
}

/** The country a hit names (a country's name or adjective, not a city), when it is none of `codes`. */
function anotherCountry(hit: Hit<Ref>, codes: ReadonlySet<string>): string | undefined {
  const place = hit.refs.find((r) => r.t === "place" && r.weight >= 1);
  return place?.t === "place" && !codes.has(place.code) ? place.code : undefined;
}

const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]$/u;

const NO_CODES: ReadonlySet<string> = new Set();

/** An acronym in brackets right after a name of the same jurisdiction's body: "Financial Action Task Force (FATF)". */
function restatesName(hit: Hit<Ref>, segment: Segment, code: string): boolean {
  if (segment.text[hit.start - 1] !== "(") return false;
  const name = segment.hits.find((h) => h.end >= hit.start - 2 && h.end < hit.start);
  return name !== undefined && name.refs.some((r) => r.t === "authority" && r.code === code);
}

/** "compliant with Recommendation 15 of the ESAAMLG": the standard-setter is named as the standard's owner. */
function ownsAStandard(hit: Hit<Ref>, segment: Segment): boolean {
  const law = segment.hits.findLast((h) => h.end <= hit.start && h.refs.some((r) => r.t === "authority" && r.kind === "law"));
  return law !== undefined && hit.start - law.end <= 160 && /^\s+of\s+the\s[^.;:]*$/.test(segment.text.slice(law.end, hit.start));
}

// At most one character between the body and the country; or "of" in the languages of the tables.
const AT_ONCE = /^[^]?$/;
const THAI = /[\u0E00-\u0E7F]/;
const OF_A_COUNTRY = /^(?:\s(?:of|of the|de|de la|del|do|da|du|des|di|della|von|der|của)\s|ของ)$/i;

/** The sentence index past which a newly met authority no longer counts as a co-actor. */
const DEEP = 4;

const HOMES = [...new Set(Object.values(LANGUAGE_HOME))];

/** The codes chosen whatever the article's language, if that is so: with no home's point, and with each home's. */
function sameForEveryHome(
  score: ReadonlyMap<string, number>,
  choose: (scores: ReadonlyMap<string, number>) => string[],
  idle: (home: string) => boolean,
): string[] | undefined {
  const without = choose(score);
  for (const home of HOMES) {
    if (idle(home)) continue;
    const trial = new Map(score);
    trial.set(home, (trial.get(home) ?? 0) + 1);
    const codes = choose(trial);
    if (codes.length !== without.length || codes.some((c, i) => c !== without[i])) return undefined;
  }
  return without;
}

/**
 * The country the text names right beside a body's name, when it is another than the tables give that name:
 * "Chính phủ Thái Lan", "Pemerintah Malaysia" (a generic body's name followed at once by a country: Vietnamese and
 * Indonesian put the country after); "Banco Central de Moçambique", "the Securities and Exchange Commission of
 * Ghana", Thai "…ตลาดหลักทรัพย์ของสหรัฐฯ" (any body's name followed by "of" and another country, even one the tables
 * do not know by that name); Thai "ก.ล.ต. สหรัฐฯ" (any body, the country right after); "El Salvador's Congress"
 * (any body, the country right before: countryOwning); "ウクライナ中央銀行" (countryBefore); "البنك المركزي
 * القطري", "the central bank of Qatar" (a generic word for a body, whether or not the tables know it by this name).
 */
function ownerOf(hit: Hit<Ref>, segment: Segment): string | undefined {
  const candidates = hit.refs.filter((r): r is Extract<Ref, { t: "authority" }> => r.t === "authority");
  if (candidates.length === 0) {
    if (!hit.refs.some((r) => r.t === "cue" && r.cue === "authority")) return undefined;
    return countryAfter(hit, segment, NO_CODES, AT_ONCE) ?? countryAfter(hit, segment, NO_CODES, OF_A_COUNTRY);
  }
  const codes = new Set(candidates.map((c) => c.code));
  const generic = candidates.every((c) => GENERIC_KINDS.has(c.kind)) || THAI.test(segment.text.slice(hit.start, hit.start + 1));
  return (
    (generic ? countryAfter(hit, segment, codes, AT_ONCE) : undefined) ??
    countryOwning(hit, segment, codes) ??
    countryAfter(hit, segment, codes, OF_A_COUNTRY) ??
    countryBefore(hit, segment, codes)
  );
}

/**
 * The jurisdiction of an authority mention the text does not name with its country (`ownerOf` comes first). A name
 * shared by several (SEC, FSA, FSC, FIU, CBK) is read by context: a country named right beside it ("Thailand's SEC"),
 * then the feed's jurisdiction, then another authority of one candidate named in the article, then the page's
 * domain's country, then a candidate country named anywhere, then the article's language (a Thai text's SEC is
 * Thai), then the usual reading (`default`).
 */
function resolveAuthority(
  hit: Hit<Ref>,
  segment: Segment,
  named: ReadonlyMap<string, number>,
  priors: Pick<JurisdictionContext, "feedJurisdiction" | "site">,
  languageHome: () => string | undefined,
  sure: ReadonlySet<string>,
): string | undefined {
  const candidates = hit.refs.filter((r): r is Extract<Ref, { t: "authority" }> => r.t === "authority");
  if (candidates.length === 0) return undefined;
  const codes = new Set(candidates.map((c) => c.code));
  if (candidates.length === 1) return candidates[0]!.code;
  const beside = segment.hits.find(
    (h) =>
      h !== hit &&
      h.start >= hit.start - 30 &&
      h.end <= hit.end + 20 &&
      h.refs.some((r) => r.t === "place" && r.weight >= 1 && codes.has(r.code)),
  );
  if (beside) {
    const ref = beside.refs.find((r) => r.t === "place" && codes.has(r.code));
    if (ref?.t === "place") return ref.code;
  }
  const { feedJurisdiction, site } = priors;
  if (feedJurisdiction && codes.has(feedJurisdiction)) return feedJurisdiction;
  const alongside = [...codes].filter((c) => sure.has(c));
  if (alongside.length === 1) return alongside[0];
  // The page's domain is a weaker prior than the feed's: a Dominican site reports Guatemala's "Junta Monetaria".
  if (site && codes.has(site)) return site;
  const fallback = candidates.find((c) => c.fallback)?.code;
  const mentioned = [...codes].filter((c) => named.has(c)).sort((a, b) => named.get(b)! - named.get(a)!);
  if (mentioned.length > 0 && !(fallback && mentioned.includes(fallback))) return mentioned[0];
  const home = languageHome();
  if (home && codes.has(home)) return home;
  // "...prepared by the Ministry of Finance with the Securities Exchange Commission and the National Bank of Serbia":
  // a shared name in a text about another country, none of whose bodies' countries it names or writes in, is that
  // country's body the tables do not know, not the default reading's.
  if (mentioned.length === 0 && [...sure].some((c) => c !== "EU" && c !== "INT")) return undefined;
  return fallback ?? mentioned[0];
}
