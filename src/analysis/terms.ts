import type { Knowledge } from "../../config/knowledge.js";
import { foldWord, isUnspaced, SINGULAR, TermMatcher, UNSPACED_CHAR, type Hit, type MatcherOptions } from "./matcher.js";
import { splitSentences, type Script } from "./text.js";
import { AS_WRITTEN, WEEKDAY_NAMES } from "./weekday-names.js";

/** What a matched term is evidence of. */
export type Ref =
  | { t: "authority"; code: string; kind: string; fallback: boolean; topic?: string; members?: readonly string[] }
  | { t: "place"; code: string; weight: number }
  | { t: "topic"; id: string; weight: number; subject?: true }
  | { t: "cue"; cue: Cue };

/** The FATF and its regional bodies: standard-setters whose mandate is AML. */
export const isAmlSetter = (ref: Ref): boolean => ref.t === "authority" && ref.kind === "standard-setter" && ref.topic === "aml";

/**
 * Policy cues: an official actor, what it did, the main event being something else (an incident: a hack, a theft),
 * a launch, a person's stated view, a page that explains how something works, a move only expected, a move made
 * ("voted to hold", "下调了"), the scope, and a firm named after an authority's namesake ("Royal Bank of Canada"),
 * which counts for nothing but keeps the authority inside it from matching.
 */
export type Cue = "authority" | "act" | "instrument" | "non" | "launch" | "incident" | "view" | "explainer" | "spec" | "done" | "scope" | "firm" | Weekday;

/**
 * A weekday's name: a date once read against the publication date (weekdays.ts). A cue rather than a kind of its
 * own, so that every ref keeps one of four shapes (the analysis reads refs in its hottest loops, and V8 reads an
 * object of five shapes or more through its slowest path).
 */
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
// One ref object per weekday, shared by every matcher, so a hit is told a weekday's by identity.
const WEEKDAY_REF: readonly Ref[] = WEEKDAYS.map((cue) => ({ t: "cue", cue }));
const WEEKDAY_REFS: ReadonlySet<Ref> = new Set(WEEKDAY_REF);

// How much a mention of a place says about the article's jurisdiction: a country's name or adjective
// says a lot, a city (often only a dateline: "Paris, 26 June") very little.
const NAME_WEIGHT = 1;
const PLACE_WEIGHT = 0.3;

export function compileTerms(knowledge: Knowledge, options: MatcherOptions = {}): TermMatcher<Ref> {
  const inner = new TermMatcher<Ref>(options);
  // The longest match wins, so "crypto exchange" (a topic term) would hide the "crypto" that puts the item in
  // scope: a term that contains a scope word carries the scope cue itself.
  // Likewise a topic term holding an act ("業務改善命令" holds "命令", "without registration" "registration")
  // carries the act cue: the topic must not hide what the authority did.
  // A term's words, folded: every containment test asks for them, most terms more than once.
  const wordsOf = memo((term: string) => term.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean).map((w) => foldWord(w)));
  const inScope = containsTest(knowledge.policy.scope, wordsOf);
  const holdsAct = containsTest(knowledge.policy.acts, wordsOf);
  const scopeRef: Ref = { t: "cue", cue: "scope" };
  const scopeWords = new Set(knowledge.policy.scope.map((t) => foldWord(t)));
  const actRef: Ref = { t: "cue", cue: "act" };

  // One object per distinct meaning, so a term listed twice (or a plural listed beside its singular) is counted once.
  const shared = new Map<string, Ref>([[JSON.stringify(scopeRef), scopeRef], [JSON.stringify(actRef), actRef]]);
  // Callers pass one object per list (a jurisdiction's names, a topic's terms): looked up by identity, stringified once.
  const interned = new Map<Ref, Ref>();
  const m = {
    add(term: string, given: Ref, caseSensitive = false): void {
      let ref = interned.get(given);
      if (!ref) {
        const key = JSON.stringify(given);
        ref = shared.get(key);
        if (!ref) shared.set(key, (ref = given));
        interned.set(given, ref);
      }
      inner.add(term, ref, caseSensitive);
      // An acronym matched as written beats the same word folded, so "MiCA" the law also carries the scope word "MiCA".
      if (ref !== scopeRef && (inScope(term) || (caseSensitive && scopeWords.has(foldWord(term))))) inner.add(term, scopeRef, caseSensitive);
      if (ref.t === "topic" && holdsAct(term)) inner.add(term, actRef, caseSensitive);
    },
  };
  // An authority named for its mandate ("Anti-Geldwäsche-Behörde", "National Tax Agency") swallows the topic
  // word its name holds: the name carries the topic itself.
  const mandates = heldTopics(knowledge.topics.filter((t) => t.mandate), wordsOf);
  for (const j of knowledge.jurisdictions) {
    const named: Ref = { t: "place", code: j.code, weight: NAME_WEIGHT };
    const place: Ref = { t: "place", code: j.code, weight: PLACE_WEIGHT };
    for (const name of j.names) m.add(name, named);
    for (const name of j.adjectives) m.add(name, named);
    for (const name of j.exactNames) m.add(name, named, true);
    for (const city of j.places) m.add(city, place);
    for (const r of j.regulators) {
      const ref: Ref = {
        t: "authority", code: j.code, kind: r.kind, fallback: r.default === true, ...(r.topic ? { topic: r.topic } : {}), ...(r.members ? { members: r.members } : {}),
      };
      if (r.acronym) m.add(r.acronym, ref, true);
      for (const name of r.names) {
        m.add(name, ref);
        for (const topic of mandates) if (topic.holds(name)) m.add(name, topic.ref);
      }
    }
  }
  for (const topic of knowledge.topics) {
    const strong: Ref = { t: "topic", id: topic.id, weight: 1 };
    const weak: Ref = { t: "topic", id: topic.id, weight: 0.5 };
    const subject: Ref = { t: "topic", id: topic.id, weight: 0.5, subject: true };
    for (const term of topic.terms) m.add(term, strong);
    for (const term of topic.weak) m.add(term, weak);
    for (const term of topic.subjects) m.add(term, subject);
  }
  const p = knowledge.policy;
  // A rate move written as an act ("cuts interest rates", "ลดอัตราดอกเบี้ยนโยบาย") carries the monetary-policy
  // topic too: the longest match must not hide it. Only that topic: across languages a short topic word inside
  // an act is too often another word ("ban" in Vietnamese "ban hành", to issue).
  const topicsHeld = heldTopics(knowledge.topics.filter((t) => t.id === "monetary-policy"), wordsOf);
  const withTopics = (term: string): void => {
    for (const topic of topicsHeld) if (topic.holds(term)) m.add(term, topic.ref);
  };
  const cue = (c: Cue): Ref => ({ t: "cue", cue: c });
  const authority = cue("authority"), non = cue("non"), launch = cue("launch"), incident = cue("incident"), view = cue("view"), explainer = cue("explainer"), spec = cue("spec"), done = cue("done"), firm = cue("firm");
  for (const term of p.authorities) m.add(term, authority);
  // An act told in several words names what it acts on too ("mengenakan denda", imposed a fine; "הטילה קנס"): the
  // longest match must not hide the topic's own term inside it. A Latin word of four letters or more (three in other
  // scripts), so that a short topic word inside another language's phrase ("ban" in "ban hành") is not read.
  const longEnough = (term: string): boolean => term.replace("*", "").length >= (/^[\p{Script=Latin}\s*-]+$/u.test(term) ? 4 : 3);
  const namedInActs = heldTopics(
    knowledge.topics.filter((t) => t.id !== "monetary-policy").map((t) => ({ ...t, terms: t.terms.filter(longEnough) })),
    wordsOf,
  );
  for (const term of p.acts) {
    m.add(term, actRef);
    withTopics(term);
    if (/\s/.test(term)) for (const topic of namedInActs) if (topic.holds(term)) m.add(term, topic.ref);
  }
  const instrument = cue("instrument");
  for (const term of p.instruments) {
    m.add(term, actRef);
    m.add(term, instrument);
  }
  for (const term of p.nonPolicy) m.add(term, non);
  for (const term of p.launches) m.add(term, launch);
  for (const term of p.incidents) m.add(term, incident);
  for (const term of p.views) m.add(term, view);
  for (const term of p.explainers) m.add(term, explainer);
  for (const term of p.speculative) m.add(term, spec);
  for (const term of p.decided) {
    m.add(term, done);
    withTopics(term);
  }
  for (const term of p.scope) m.add(term, scopeRef);
  for (const term of p.firms) m.add(term, firm);
  WEEKDAY_NAMES.forEach((names, day) => {
    const weekday = WEEKDAY_REF[day]!;
    for (const name of names) m.add(name, weekday, AS_WRITTEN.has(name));
  });
  return inner;
}

const memo = <T>(f: (key: string) => T): ((key: string) => T) => {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) seen.set(key, (value = f(key)));
    return value;
  };
};

/** For each topic, whether a term holds one of its terms, and the ref such a term then also carries. */
function heldTopics(topics: readonly Knowledge["topics"][number][], wordsOf: (term: string) => string[]): Array<{ holds: (term: string) => boolean; ref: Ref }> {
  return topics.map((t) => ({ holds: containsTest(t.terms, wordsOf), ref: { t: "topic", id: t.id, weight: 1 } }));
}

/**
 * Whether a longer term contains one of `terms`: a whole word, a "stem*", a phrase, or (CJK, Thai, Arabic) a substring.
 * Every name and term of the tables is asked at compile time, so the lists are indexed: substrings by their first
 * character, stems by the prefixes of a word, phrases by their first word.
 */
function containsTest(terms: readonly string[], wordsOf: (term: string) => string[]): (term: string) => boolean {
  const words = new Set<string>();
  const stems = new Set<string>();
  // The lengths the stems come in, longest first: a word is looked up at those lengths only.
  let stemLengths: number[] = [];
  const unspaced = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  // Phrases of stems ("віртуальн* актив*"): word by word, each a stem or a whole word.
  const stemPhrases: Array<Array<{ word: string; stem: boolean }>> = [];
  for (const written of terms) {
    const s = written.endsWith(SINGULAR) ? written.slice(0, -1) : written;
    if ([...s].some((c) => isUnspaced(c.codePointAt(0)!))) {
      const list = unspaced.get(s[0]!);
      if (list) list.push(s);
      else unspaced.set(s[0]!, [s]);
    } else if (/\s/.test(s) && s.includes("*")) {
      stemPhrases.push(s.split(/\s+/).map((w) => (w.endsWith("*") ? { word: foldWord(w.slice(0, -1)), stem: true } : { word: foldWord(w), stem: false })));
    } else if (s.endsWith("*")) {
      const stem = foldWord(s.slice(0, -1));
      stems.add(stem);
      if (!stemLengths.includes(stem.length)) stemLengths.push(stem.length);
    } else if (!/\s/.test(s)) words.add(foldWord(s));
    else {
      const folded = s.split(/\s+/).map((w) => foldWord(w));
      const list = phrases.get(folded[0]!);
      const phrase = " " + folded.join(" ") + " ";
      if (list) list.push(phrase);
      else phrases.set(folded[0]!, [phrase]);
    }
  }
  stemLengths = stemLengths.sort((a, b) => b - a);
  // A stem that `word` starts with, shorter than `word` by `shorter` characters at least.
  const startsWithStem = (word: string, shorter: number): boolean => {
    for (const n of stemLengths) if (n <= word.length - shorter && stems.has(word.slice(0, n))) return true;
    return false;
  };
  return (term) => {
    // Only a term with a character of a script without spaces can hold such a substring.
    if (unspaced.size > 0 && UNSPACED_CHAR.test(term)) {
      for (let i = 0; i < term.length; i++) {
        const list = unspaced.get(term[i]!);
        if (list?.some((u) => u !== term && term.startsWith(u, i))) return true;
      }
    }
    const parts = wordsOf(term);
    // One word holds another only as a compound of a stem: "криптобирж*" holds "крипто*".
    if (parts.length < 2) return parts.length === 1 && startsWithStem(parts[0]!, 1);
    if (parts.some((w) => words.has(w) || startsWithStem(w, 0))) return true;
    const joined = " " + parts.join(" ") + " ";
    if (parts.some((w) => phrases.get(w)?.some((p) => joined.includes(p)))) return true;
    const stemPhraseAt = (phrase: (typeof stemPhrases)[number], i: number): boolean =>
      phrase.every((w, j) => {
        const part = parts[i + j];
        return part !== undefined && (w.stem ? part.startsWith(w.word) : part === w.word);
      });
    return stemPhrases.some((phrase) => parts.some((_, i) => stemPhraseAt(phrase, i)));
  };
}

/**
 * The terms of one sentence, without the speculative cue of the month "May" ("May 6", "6 May", the Spanish "29 may"):
 * only this month is also a cue word (the modal "may"), so it is told apart here, once, rather than by every reader of the cues
 * or by a second, case-sensitive copy of the list. Its weekdays are moved out to `weekdays` in the same walk.
 */
function hitsIn(matcher: TermMatcher<Ref>, text: string, weekdays: Hit<Ref>[]): Hit<Ref>[] {
  const hits = matcher.match(text);
  for (let i = hits.length - 1; i >= 0; i--) {
    const hit = hits[i]!;
    if (hit.refs.some((r) => WEEKDAY_REFS.has(r))) {
      weekdays.unshift(hit);
      hits.splice(i, 1);
      continue;
    }
    if (hit.end - hit.start !== 3 || !isMonthMay(hit, text)) continue;
    const refs = hit.refs.filter((r) => !(r.t === "cue" && r.cue === "spec"));
    if (refs.length === 0) hits.splice(i, 1);
    else hits[i] = { ...hit, refs };
  }
  return hits;
}

function isMonthMay(hit: Hit<Ref>, text: string): boolean {
  // "29 may (AGN)": Spanish writes the month in lower case.
  if (!/^may$/i.test(text.slice(hit.start, hit.end))) return false;
  return /^\s?\d/.test(text.slice(hit.end, hit.end + 2)) || /\d\s?$/.test(text.slice(Math.max(0, hit.start - 2), hit.start));
}

/** The title (index -1) or one sentence of the body, with the terms found in it. */
export interface Segment {
  index: number;
  text: string;
  hits: Hit<Ref>[];
  /** The weekdays it names: kept apart, so that the verdict's rules never meet them. */
  weekdays: readonly Hit<Ref>[];
}

export function segment(matcher: TermMatcher<Ref>, title: string, body: string, language: Script): Segment[] {
  const sentences = splitSentences(body, language).map((s) => s.text);
  // An item without a headline: its first sentence plays the title's part.
  const head = title.trim() ? title : (sentences.shift() ?? "");
  const segments: Segment[] = [found(matcher, -1, head)];
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!;
    // A sentence the item repeats (a lead printed twice, a line under every paragraph) is looked up once.
    const same = earlier(segments, text);
    if (same) segments.push({ index: i, text, hits: same.hits.map((h) => ({ refs: h.refs, start: h.start, end: h.end })), weekdays: same.weekdays });
    else segments.push(found(matcher, i, text));
  }
  return segments;
}

/** A segment with the terms found in it (every segment has `weekdays`: one object shape for all). */
function found(matcher: TermMatcher<Ref>, index: number, text: string): Segment {
  const weekdays: Hit<Ref>[] = [];
  const hits = hitsIn(matcher, text, weekdays);
  return { index, text, hits, weekdays: weekdays.length > 0 ? weekdays : NONE };
}

const NONE: readonly Hit<Ref>[] = Object.freeze([]);

function earlier(segments: readonly Segment[], text: string): Segment | undefined {
  for (const s of segments) if (s.text.length === text.length && s.text === text) return s;
  return undefined;
}

/** Where a segment sits decides how much its evidence weighs: the title and the lead carry the main event. */
export const zoneWeight = (index: number): number => (index < 0 ? 2 : index === 0 ? 1.5 : index === 1 ? 1.2 : 1);

/** Every ref of kind `t`, with its hit and segment, in text order (an array: callers walk it, some twice). */
export function refsOf<T extends Ref["t"]>(segments: readonly Segment[], t: T): Array<{ segment: Segment; hit: Hit<Ref>; ref: Extract<Ref, { t: T }> }> {
  const out: Array<{ segment: Segment; hit: Hit<Ref>; ref: Extract<Ref, { t: T }> }> = [];
  for (const s of segments) {
    for (const hit of s.hits) {
      for (const ref of hit.refs) if (ref.t === t) out.push({ segment: s, hit, ref: ref as Extract<Ref, { t: T }> });
    }
  }
  return out;
}
