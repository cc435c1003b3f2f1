import type { Analysis } from "../core/article.js";
import { explainVerdict, type Evidence, type EvidenceTerm } from "./evidence.js";
import { extractFigures } from "./figures.js";
import { tagJurisdictions, type JurisdictionPrior } from "./jurisdictions.js";
import { loadKnowledge, type Knowledge } from "./knowledge.js";
import { loadLanguageDetector, type LanguageDetector } from "./language.js";
import { judgePolicy } from "./policy.js";
import { hostOf, publisherOf, publisherTable, siteJurisdiction } from "./site.js";
import { summarise } from "./summary.js";
import { compileTerms, segment } from "./terms.js";
import { plainText, readingForm, scriptOf } from "./text.js";
import { tagTopics } from "./topics.js";
import { weekdayFigures } from "./weekdays.js";

export { extractFigures } from "./figures.js";
export { findJurisdiction, findTopic, loadKnowledge, suggestJurisdiction, suggestTopic } from "./knowledge.js";
export type { Jurisdiction, Knowledge, Regulator, Topic } from "./knowledge.js";
export { loadLanguageDetector, type LanguageDetector } from "./language.js";
export { plainText, scriptOf, splitSentences } from "./text.js";
export type { Evidence, EvidenceTerm } from "./evidence.js";

export interface AnalysisInput {
  /** May be empty: feeds and social posts often have no headline, and the text then carries the item. */
  title: string;
  /** Body text; markup and entities are tolerated and removed. */
  text: string;
  url?: string | null;
  feedId?: string;
  /** The feed's configured jurisdiction: a prior, not the answer. */
  feedJurisdiction?: string | null;
  /** BCP 47 tag from the feed; detected from the text when absent. */
  language?: string | null;
  /** ISO date of publication: supplies the year of "Jan. 16" and the month of "4일". */
  published?: string | null;
}

/** An analysis with the terms and sentences behind each part of the verdict. */
export interface ExplainedAnalysis extends Analysis {
  evidence: Evidence;
}

export interface AnalyzeOptions {
  /**
   * Only the verdict for an item that is not policy: its summary is left empty and its figures unread. For the
   * poller, whose non-policy items are never alerted (most of a regulator's feed); the figures and the summary
   * are most of an analysis's cost.
   */
  brief?: boolean;
}

export interface Analyzer {
  analyze(input: AnalysisInput, options?: AnalyzeOptions): Analysis;
  /** The same verdict, with the table entries and sentences that decided it (for `analyze --explain`). */
  explain(input: AnalysisInput): ExplainedAnalysis;
}

const MAX_BODY_CHARS = 8000;
const MAX_TITLE_CHARS = 1000;

/**
 * Compiles the tables and loads the language detector's model once; `analyze` is then pure and synchronous.
 * Importing the analysis does no such work: it happens here, when the composition root asks for an analyzer.
 */
export async function createAnalyzer(knowledge: Knowledge = loadKnowledge()): Promise<Analyzer> {
  return buildAnalyzer(knowledge, await loadLanguageDetector());
}

function buildAnalyzer(knowledge: Knowledge, detectLanguage: LanguageDetector): Analyzer {
  const matcher = compileTerms(knowledge);
  const known = new Set(knowledge.jurisdictions.map((j) => j.code));
  const publishers = publisherTable(knowledge.jurisdictions);

  function run(input: AnalysisInput, explain: boolean, brief = false): Analysis | ExplainedAnalysis {
    // A headline longer than this is not a headline: bounded, so hostile input costs no more than a long article.
    const title = readingForm(plainText(input.title.slice(0, MAX_TITLE_CHARS * 4)).replace(/\n/g, " ").slice(0, MAX_TITLE_CHARS));
    // The main event is in the title and lead: a full-length page adds cost, not evidence.
    const body = readingForm(plainText(input.text.slice(0, MAX_BODY_CHARS * 8)).slice(0, MAX_BODY_CHARS));
    // One string for the passes that read title and body together (the figures' patterns flatten it once).
    const whole = title + "\n" + body;
    const script = scriptOf(input.language, whole);
    const segments = segment(matcher, title, body, script);
    const topics = tagTopics(segments);
    const publisher = publisherOf(input.url, publishers);
    const verdict = judgePolicy(segments, topics[0], publisher);
    const { policy } = verdict;
    if (brief && !policy && !explain) return { policy, jurisdictions: [], topics: [], summary: "", figures: [] };
    const feedJurisdiction = input.feedJurisdiction && known.has(input.feedJurisdiction) ? input.feedJurisdiction : null;
    const language = () => detectLanguage(input.language, whole.trim());
    // Jurisdictions and topics are labels of policy items only: a hack in Dubai is not news for AE subscribers.
    // An authority's own site says whose page it is better than its domain's country code (bis.org, sec.gov).
    const site = publisher && known.has(publisher.code) ? publisher.code : siteJurisdiction(input.url, known);
    const places = policy ? tagJurisdictions(segments, { feedJurisdiction, site, language, rateDecision: topics[0] === "monetary-policy" }) : { codes: [], evidence: [], priors: [] };
    const written = extractFigures(whole, input.published, input.language);
    const figures = [...written, ...weekdayFigures(segments, input.published, written)];
    const analysis: Analysis = {
      policy,
      jurisdictions: places.codes,
      // Every alert carries a topic, so topic subscriptions see it: "other" when none of the specific ones fits.
      // A rate decision that names nothing in scope is that alone: its "holds" and "warns" are not enforcement.
      topics: !policy ? [] : verdict.rateOnly ? ["monetary-policy"] : topics.length > 0 ? topics : ["other"],
      summary: summarise(title, title ? segments.slice(1) : segments, policy, script, figures),
      figures,
    };
    if (!explain) return analysis;
    const priorTerm = (p: JurisdictionPrior): EvidenceTerm =>
      p.from === "feed"
        ? { term: input.feedId ?? "", as: `the feed's jurisdiction ${p.code} (a prior)`, where: "feed", sentence: "" }
        : p.from === "site"
          ? { term: hostOf(input.url), as: publisher ? `publisher ${p.code} ${publisher.kind}: its site` : `the site's country domain ${p.code} (a prior)`, where: "url", sentence: "" }
          : { term: p.language ?? "", as: `the article's language, written mostly in ${p.code} (a prior)`, where: "language", sentence: "" };
    return { ...analysis, evidence: explainVerdict(segments, verdict, places.evidence, analysis.topics, places.priors.map((p) => ({ code: p.code, term: priorTerm(p) }))) };
  }

  return {
    analyze: (input, options) => run(input, false, options?.brief === true),
    explain: (input) => run(input, true) as ExplainedAnalysis,
  };
}
