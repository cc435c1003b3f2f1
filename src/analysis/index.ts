import type { Analysis } from "../core/article.js";
import { extractFigures } from "./figures.js";
import { tagJurisdictions } from "./jurisdictions.js";
import { loadKnowledge, type Knowledge } from "./knowledge.js";
import { judgePolicy } from "./policy.js";
import { summarise } from "./summary.js";
import { compileTerms, segment } from "./terms.js";
import { detectLanguage, plainText } from "./text.js";
import { tagTopics } from "./topics.js";

export { extractFigures } from "./figures.js";
export { findJurisdiction, findTopic, loadKnowledge, suggestJurisdiction, suggestTopic } from "./knowledge.js";
export type { Jurisdiction, Knowledge, Regulator, Topic } from "./knowledge.js";
export { detectLanguage, plainText, splitSentences } from "./text.js";

export interface AnalysisInput {
  title: string;
  /** Body text; markup and entities are tolerated and removed. */
  text: string;
  url?: string | null;
  feedId?: string;
  /** The feed's configured jurisdiction: a prior, not the answer. */
  feedJurisdiction?: string | null;
  /** BCP 47 tag from the feed; guessed from the script when absent. */
  language?: string | null;
  /** ISO date of publication: supplies the year of "Jan. 16" and the month of "4일". */
  published?: string | null;
}

export interface Analyzer {
  analyze(input: AnalysisInput): Analysis;
}

const MAX_BODY_CHARS = 8000;

/** Compiles the tables once; `analyze` is then pure and synchronous. */
export function createAnalyzer(knowledge: Knowledge = loadKnowledge()): Analyzer {
  const matcher = compileTerms(knowledge);
  const known = new Set(knowledge.jurisdictions.map((j) => j.code));
  return {
    analyze(input: AnalysisInput): Analysis {
      const title = plainText(input.title).replace(/\n/g, " ");
      // The main event is in the title and lead: a full-length page adds cost, not evidence.
      const body = plainText(input.text).slice(0, MAX_BODY_CHARS);
      const language = detectLanguage(input.language, title + "\n" + body);
      const segments = segment(matcher, title, body, language);
      const topics = tagTopics(segments);
      const { policy } = judgePolicy(segments, topics[0]);
      const feedJurisdiction = input.feedJurisdiction && known.has(input.feedJurisdiction) ? input.feedJurisdiction : null;
      return {
        policy,
        // Jurisdictions and topics are labels of policy items only: a hack in Dubai is not news for AE subscribers.
        jurisdictions: policy ? tagJurisdictions(segments, { feedJurisdiction, language }) : [],
        // Every alert carries a topic, so topic subscriptions see it: "other" when none of the specific ones fits.
        topics: policy ? (topics.length > 0 ? topics : ["other"]) : [],
        summary: summarise(title, segments.slice(1), policy, language),
        figures: extractFigures(title + "\n" + body, input.published),
      };
    },
  };
}
