import type { Analysis } from "../core/article.js";
import { foldOf } from "./folds.js";
import type { AnalysisInput, Analyzer } from "./index.js";

/** One labelled item, as in the labelled dev set. */
export interface LabelledItem {
  id?: string;
  title: string;
  text: string;
  url?: string | null;
  language?: string | null;
  published?: string | null;
  feedJurisdiction?: string | null;
  policy: boolean;
  jurisdictions: string[];
  topics: string[];
  referenceSummary?: string;
  /** Where two careful labellers could disagree. */
  ambiguous?: boolean;
}

export interface Miss {
  id: string;
  what: "policy" | "jurisdictions" | "topics" | "figures";
  expected: string;
  got: string;
}

export interface EvalReport {
  items: number;
  policyAccuracy: number;
  jurisdictionExactMatch: number;
  jurisdictionF1: number;
  topicF1: number;
  figureRecall: number;
  /** Of the items labelled policy, the share the analysis calls policy; and of those it calls policy, the share labelled so. */
  policyRecall: number;
  policyPrecision: number;
  /**
   * Jurisdictions and topics on the items both call policy only: an item the analysis misses counts as a miss of
   * its jurisdictions and topics in the measures above; these say how well it tags what it does alert.
   */
  jurisdictionExactWhenAlerted: number;
  topicF1WhenAlerted: number;
  misses: Miss[];
}

/** The whole-set report, and the same figures on the items tuned on and on the held-out fold. */
export interface SplitReport {
  folds: number;
  heldOutFold: number;
  whole: EvalReport;
  /** The whole set without the items marked ambiguous (where careful labellers could disagree). */
  clear: EvalReport;
  tuning: EvalReport;
  heldOut: EvalReport;
  /** One report per fold: how much the figures move from one part of the set to another. */
  perFold: EvalReport[];
}

/**
 * Scores the whole set, the tuning part and a held-out fold (by a hash of the id, see folds.ts). Tables are
 * tuned on the misses of the tuning part only; the held-out figure is what to expect on items never seen.
 */
export function evaluateSplit(analyzer: Analyzer, items: readonly LabelledItem[], folds = 5, heldOutFold = 0): SplitReport {
  const idOf = (item: LabelledItem, i: number) => item.id ?? `#${i + 1}`;
  const withFold = items.map((item, i) => ({ item: { ...item, id: idOf(item, i) }, fold: foldOf(idOf(item, i), folds) }));
  const pick = (keep: (fold: number) => boolean) => withFold.filter((x) => keep(x.fold)).map((x) => x.item);
  return {
    folds,
    heldOutFold,
    whole: evaluate(analyzer, withFold.map((x) => x.item)),
    clear: evaluate(analyzer, withFold.map((x) => x.item).filter((item) => item.ambiguous !== true)),
    tuning: evaluate(analyzer, pick((f) => f !== heldOutFold)),
    heldOut: evaluate(analyzer, pick((f) => f === heldOutFold)),
    perFold: Array.from({ length: folds }, (_, f) => evaluate(analyzer, pick((g) => g === f))),
  };
}

/**
 * Scores the analyzer against labels. Jurisdictions and topics are labelled for policy items only, so they are
 * scored on those; figure recall (numbers of the reference summary found in our summary or figures) on all.
 */
export function evaluate(analyzer: Analyzer, items: readonly LabelledItem[]): EvalReport {
  let policyRight = 0;
  let exact = 0;
  let policyItems = 0;
  let calledPolicy = 0;
  let bothPolicy = 0;
  let exactWhenAlerted = 0;
  const j = { tp: 0, fp: 0, fn: 0 };
  const t = { tp: 0, fp: 0, fn: 0 };
  const alerted = { tp: 0, fp: 0, fn: 0 };
  let numbersWanted = 0;
  let numbersFound = 0;
  const misses: Miss[] = [];

  items.forEach((item, i) => {
    const id = item.id ?? `#${i + 1}`;
    const input: AnalysisInput = {
      title: item.title, text: item.text, url: item.url ?? null, language: item.language ?? null,
      published: item.published ?? null, feedJurisdiction: item.feedJurisdiction ?? null,
    };
    const got = analyzer.analyze(input);
    if (got.policy === item.policy) policyRight++;
    else misses.push({ id, what: "policy", expected: String(item.policy), got: String(got.policy) });
    if (got.policy) calledPolicy++;
    if (item.policy) {
      policyItems++;
      const same = count(j, item.jurisdictions, got.jurisdictions);
      if (same) exact++;
      if (got.policy) {
        bothPolicy++;
        if (same) exactWhenAlerted++;
        count(alerted, item.topics, got.topics);
      }
      else misses.push({ id, what: "jurisdictions", expected: item.jurisdictions.join(","), got: got.jurisdictions.join(",") });
      if (!count(t, item.topics, got.topics)) {
        misses.push({ id, what: "topics", expected: item.topics.join(","), got: got.topics.join(",") });
      }
    }
    const wanted = numbersIn(item.referenceSummary ?? "");
    const have = numbersOf(got);
    const lost = [...wanted].filter((n) => !have.has(n));
    numbersWanted += wanted.size;
    numbersFound += wanted.size - lost.length;
    if (lost.length > 0) misses.push({ id, what: "figures", expected: lost.join(" "), got: got.summary });
  });

  return {
    items: items.length,
    policyAccuracy: ratio(policyRight, items.length),
    jurisdictionExactMatch: ratio(exact, policyItems),
    jurisdictionF1: f1(j),
    topicF1: f1(t),
    figureRecall: ratio(numbersFound, numbersWanted),
    policyRecall: ratio(bothPolicy, policyItems),
    policyPrecision: ratio(bothPolicy, calledPolicy),
    jurisdictionExactWhenAlerted: ratio(exactWhenAlerted, bothPolicy),
    topicF1WhenAlerted: f1(alerted),
    misses,
  };
}

function count(acc: { tp: number; fp: number; fn: number }, expected: string[], got: string[]): boolean {
  const want = new Set(expected);
  const have = new Set(got);
  for (const x of have) (want.has(x) ? acc.tp++ : acc.fp++);
  for (const x of want) if (!have.has(x)) acc.fn++;
  return want.size === have.size && [...want].every((x) => have.has(x));
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): number => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));

/** The distinct numbers written in a text, commas removed: "¥500,000" → 500000, "308-122" → 308 and 122. */
export function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) out.add(canonical(m[0]));
  return out;
}

const canonical = (n: string): string => String(Number(n.replace(/,/g, "").replace(/\.$/, "")));

/** Numbers an analysis carries: in the summary, in each figure's text, and in its value (dates by part). */
export function numbersOf(analysis: Analysis): Set<string> {
  const out = numbersIn(analysis.summary);
  for (const f of analysis.figures) {
    for (const n of numbersIn(f.text)) out.add(n);
    if (typeof f.value === "number") {
      // Unsigned, as `numbersIn` reads a reference: its "-0.25%" is 0.25.
      out.add(canonical(String(Math.abs(f.value))));
      // "0,50 ponto percentual" is 50 bp: a reference that writes "0.50 percentage point" means the same number.
      if (f.kind === "basis-points") out.add(canonical(String(f.value / 100)));
      // The same amount as a summary writes it: ₩2,730,000,000 is "₩2.73 billion", ¥48.2 billion, $1.4 million; and
      // a scaled number without a currency ("16,2 miliardi" is the reference's "16.2 billion").
      if (f.kind === "money" || f.kind === "count") {
        for (const unit of [1e3, 1e6, 1e9, 1e12]) {
          const scaled = f.value / unit;
          if (scaled >= 1) out.add(canonical(String(Math.round(scaled * 1000) / 1000)));
        }
      }
    }
    else if (f.kind === "date") for (const part of f.value.split("-")) out.add(canonical(part));
  }
  return out;
}
