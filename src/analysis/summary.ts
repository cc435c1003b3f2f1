import type { Figure } from "../core/article.js";
import { zoneWeight, type Segment } from "./terms.js";
import { clip, type Script } from "./text.js";

export const SUMMARY_MAX = 280;

// A cheap sign that a sentence carries a figure, in the ways the languages of the tables write one.
const FIGURE_HINT =
  /[$€£¥₩₹₺₫฿%％]|\d+(?:[.,]\d+)*\s?(?:million|billion|trillion|crores?|lakhs?|bn|mn|yen|won|円|원|万|億|억|조|亿|元|millones|milhões|milhão|Millionen|Milliarden|millions|milliards|milioni|miliardi|млн|млрд|milyon|milyar|triệu|tỷ|juta|miliar|bps|basis points?|baz puan)/giu;


/** How much a sentence carries the regulatory fact: who acted, what they did, on what, with which figures. */
function sentenceScore(s: Segment, policy: boolean): number {
  let authority = 0;
  let acts = 0;
  let topics = 0;
  let non = 0;
  for (const hit of s.hits) {
    for (const ref of hit.refs) {
      if (ref.t === "authority") authority = 1.5;
      else if (ref.t === "cue" && ref.cue === "authority") authority = Math.max(authority, 0.75);
      else if (ref.t === "cue" && ref.cue === "act") acts++;
      else if (ref.t === "cue" && (ref.cue === "non" || ref.cue === "launch")) non++;
      else if (ref.t === "topic" && ref.weight >= 1) topics++;
    }
  }
  const figures = (s.text.match(FIGURE_HINT) ?? []).length;
  const digits = /\d/.test(s.text) ? 0.5 : 0;
  let score = (zoneWeight(s.index) - 1) * 2 + Math.min(figures, 3) * 0.6 + digits + 0.5 * Math.min(topics, 2);
  score += policy ? authority + 0.6 * Math.min(acts, 3) - 1.2 * non : 0.5 * non;
  if (s.text.length < 30) score -= 2;
  return score;
}

/**
 * Extractive: the one or two sentences (in the article's order) that carry the most, within 280 characters,
 * never cut inside a word. A sentence too long to pair may lose its dateline, asides in brackets and trailing
 * clauses without figures. Falls back to the title when the body has no sentence.
 */
export function summarise(title: string, body: readonly Segment[], policy: boolean, language: Script, figures: readonly Figure[] = []): string {
  const candidates = chooseSentences(body, policy, language);
  // Only a "sentence" with no word break in 280 characters (a pasted hash, a URL), or no body, gets here.
  if (candidates.length === 0) return clip(title, SUMMARY_MAX, language);
  // The key figures: those of the title and the first sentences. Alerts list every figure beside the summary
  // ("Key figures: …"); the summary itself should still quote the main ones in their sentence.
  const head = [title, ...body.filter((s) => s.index <= 2).map((s) => s.text)].join("\n");
  const key = figures.filter((f) => head.includes(f.text));
  if (key.length === 0) return candidates[0]!.text;
  const keyLower = key.map((f) => f.text.toLowerCase());
  let best = { text: "", score: -Infinity };
  for (const c of candidates) {
    const lower = c.text.toLowerCase();
    let quoted = 0;
    for (let k = 0; k < key.length; k++) if (quotes(c.text, lower, key[k]!, keyLower[k]!)) quoted++;
    const score = c.score + FIGURE_WORTH * quoted;
    if (score > best.score) best = { text: c.text, score };
  }
  return best.text;
}

// What quoting a key figure is worth beside a sentence's score (in sentenceScore, about one figure's worth).
const FIGURE_WORTH = 0.6;

/**
 * Whether a summary quotes a figure, in its words or with its number in others ("$1.4B" is the "$1.4 billion"
 * quoted). A string search, not a second extraction: it runs for several candidates per article.
 */
function quotes(summary: string, summaryLower: string, f: Figure, figureLower: string): boolean {
  if (summaryLower.includes(figureLower)) return true;
  const number = f.kind === "money" || f.kind === "percent" || f.kind === "basis-points" ? /\d[\d.,]*\d|\d/.exec(f.text)?.[0] : undefined;
  return number !== undefined && number.length >= 2 && summary.includes(number);
}

/** Extractive candidates, best first: one or two sentences (in the article's order) within the limit. */
function chooseSentences(body: readonly Segment[], policy: boolean, language: Script): Candidate[] {
  const joiner = language === "en" || language === "ko" ? " " : "";
  const ranked = body
    .map((s) => ({ s, score: sentenceScore(s, policy) }))
    .sort((a, b) => b.score - a.score || a.s.index - b.s.index)
    .slice(0, 6)
    // Each sentence's shorter forms once: every pair below would otherwise cut them again.
    // (Written out: adding a field to a spread copy makes a hidden class per object, slow to make and to read.)
    .map(({ s, score }) => ({ s, score, forms: forms(s.text, language) }));
  const best = new BestCandidates(CANDIDATES);
  for (const [i, a] of ranked.entries()) {
    const aForms = a.forms;
    for (const text of aForms) best.consider(text, a.score);
    // Cutting a long sentence at a word boundary loses its end: worth it only for a clearly better sentence.
    const clipped = clip(aForms.at(-1)!, SUMMARY_MAX, language);
    if (clipped.length > 1) best.consider(clipped, a.score - 1);
    for (const b of ranked.slice(i + 1)) {
      if (b.score <= 0) continue;
      const [first, second] = a.s.index < b.s.index ? [a, b] : [b, a];
      for (const x of first.forms) {
        for (const y of second.forms) {
          // A pair over the limit is never taken: not joined at all.
          if (x.length + joiner.length + y.length > SUMMARY_MAX) continue;
          best.consider(x + joiner + y, a.score + b.score - 0.01 * (x.length + y.length > 200 ? 1 : 0));
        }
      }
    }
  }
  return best.list;
}

// How many candidates `summarise` weighs by the key figures they quote.
const CANDIDATES = 5;

interface Candidate {
  text: string;
  score: number;
}

/**
 * The best few distinct candidates seen, best first; between equal scores, the one seen first. Kept as they come
 * rather than all gathered and sorted: an article makes a hundred pairs or more, and a map of their texts would
 * hash every one of them.
 */
class BestCandidates {
  readonly list: Candidate[] = [];
  constructor(private readonly size: number) {}

  consider(text: string, score: number): void {
    if (text.length > SUMMARY_MAX) return;
    const list = this.list;
    if (list.length === this.size && score <= list[list.length - 1]!.score) return;
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.text.length !== text.length || list[i]!.text !== text) continue;
      if (score <= list[i]!.score) return;
      list.splice(i, 1);
      break;
    }
    let at = list.length;
    while (at > 0 && list[at - 1]!.score < score) at--;
    list.splice(at, 0, { text, score });
    if (list.length > this.size) list.pop();
  }
}

const DATELINE_MARK = /[:—–-]/;

/** The sentence as written, then shorter extractive forms of it (English only: the cuts rely on its punctuation). */
function forms(sentence: string, language: Script): string[] {
  if (language !== "en") return [sentence];
  const out = [sentence];
  // Each cut below needs a character most sentences lack (a dateline's colon or dash, a bracket, a late comma):
  // looked for first, so the patterns run only where they can match.
  let short = sentence;
  if (DATELINE_MARK.test(short)) short = short.replace(/^[A-Z][A-Za-z .]+(?:,\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?\s*[:—–-]\s+/, "");
  if (/[(（]/.test(short)) short = short.replace(/\s*[(（][^()（）\d]*[)）]/g, "");
  if (/\s\s/.test(short)) short = short.replace(/\s{2,}/g, " ");
  if (short !== sentence) out.push(short);
  // Trailing clauses that add colour, not facts: ", a milestone that...", ", with support from...", ", which...".
  for (;;) {
    // The clause starts at the last comma, at least 60 characters in, and holds no digit.
    const comma = short.lastIndexOf(",");
    if (comma < 60 || /\d/.test(short.slice(comma))) break;
    const m = short.match(/^(.{60,}?),\s+(?:a|an|which|who|with|while|marking|making|bringing|adding|saying|according)\b[^,\d]*([.!?]?)$/);
    if (!m) break;
    short = m[1]! + (m[2] || ".");
    out.push(short);
  }
  return out;
}
