// What decided a verdict, in terms an operator can trace to a table entry: the words matched, what the tables
// say they are, and the sentence each came from.
import type { JurisdictionEvidence } from "./jurisdictions.js";
import type { PolicyVerdict } from "./policy.js";
import type { Cue, Ref, Segment } from "./terms.js";
import type { Hit } from "./matcher.js";

export interface EvidenceTerm {
  /** The words as written in the article. */
  term: string;
  /** What the tables make of them: "authority US regulator", "act", "scope", "place JP", "topic tax". */
  as: string;
  /** "title", the sentence number (1 = first sentence of the text), or what else it came from: "url", "feed", "language". */
  where: string;
  sentence: string;
}

export interface Evidence {
  policy: { verdict: boolean; reason: string; terms: EvidenceTerm[] };
  jurisdictions: Array<{ code: string; terms: EvidenceTerm[] }>;
  topics: Array<{ id: string; terms: EvidenceTerm[] }>;
}

const SENTENCE_MAX = 240;
/** Enough to see why; an article with forty mentions of its regulator needs no forty lines. */
const TERMS_MAX = 8;

function term(segment: Segment, hit: Hit<Ref>, as: string): EvidenceTerm {
  const sentence = segment.text.length > SENTENCE_MAX ? segment.text.slice(0, SENTENCE_MAX - 1) + "…" : segment.text;
  return { term: segment.text.slice(hit.start, hit.end), as, where: segment.index < 0 ? "title" : String(segment.index + 1), sentence };
}

// A weekday is a figure's evidence, never the verdict's: it has no words here.
const CUES: Partial<Record<Cue, string>> = {
  authority: "authority", act: "act", instrument: "a law or rule (its subject when it opens the sentence)", non: "not policy", launch: "a launch (not policy, unless a central bank launches something in scope)", incident: "incident (not policy)", view: "a stated view, not an act", explainer: "an explainer (not policy)", spec: "speculative", done: "decided", scope: "scope",
  firm: "a firm, not an authority",
};

function describe(ref: Ref): string | undefined {
  switch (ref.t) {
    case "authority":
      return `authority ${ref.code} ${ref.kind}`;
    case "place":
      return ref.weight >= 1 ? `place ${ref.code}` : undefined;
    case "cue":
      return CUES[ref.cue];
    case "topic":
      return undefined;
  }
}

/**
 * An authority as it counted for `code`: the reading of that jurisdiction, or, for a body the text gave to another
 * country ("Chính phủ Thái Lan": a government the tables know as Vietnam's, followed by Thailand), its kind there.
 */
function authorityRole(hit: Hit<Ref>, code: string): string {
  const ref = hit.refs.find((r) => r.t === "authority" && r.code === code) ?? hit.refs.find((r) => r.t === "authority");
  return `authority ${code}${ref?.t === "authority" ? ` ${ref.kind}` : ""}`;
}

/** The policy cues of the title and lead (the part that decides), the hits behind each jurisdiction and topic. */
export function explainVerdict(
  segments: readonly Segment[],
  verdict: PolicyVerdict,
  places: readonly JurisdictionEvidence[],
  topics: readonly string[],
  priors: ReadonlyArray<{ code: string; term: EvidenceTerm }> = [],
): Evidence {
  const policyTerms: EvidenceTerm[] = [];
  // The page's site stood in for an actor the text left unnamed: say so, naming the table entry's site.
  const p = verdict.publisher;
  if (p) policyTerms.push({ term: p.site, as: `publisher ${p.code} ${p.kind}: the page is on its site, so an act told without an actor is its own`, where: "url", sentence: "" });
  for (const segment of segments) {
    if (segment.index > 2) break;
    for (const hit of segment.hits) {
      const roles = [...new Set(hit.refs.map(describe).filter((x): x is string => x !== undefined))];
      if (roles.length > 0) policyTerms.push(term(segment, hit, roles.join(", ")));
    }
  }
  const jurisdictions = [...new Set([...places.map((p) => p.code), ...priors.map((p) => p.code)])].map((code) => ({
    code,
    terms: places
      .filter((p) => p.code === code)
      .sort((a, b) => (a.as === b.as ? 0 : a.as === "authority" ? -1 : 1))
      .slice(0, TERMS_MAX)
      .map((p) => term(p.segment, p.hit, p.as === "authority" ? authorityRole(p.hit, code) : `place ${code}`))
      // The feed's jurisdiction, the page's site or the language: what decided a code the text itself did not name.
      .concat(priors.filter((p) => p.code === code).map((p) => p.term)),
  }));
  const topicEvidence = topics.map((id) => {
    const terms: EvidenceTerm[] = [];
    for (const segment of segments) {
      for (const hit of segment.hits) {
        for (const ref of hit.refs) {
          if (ref.t === "topic" && ref.id === id) terms.push(term(segment, hit, ref.weight >= 1 ? `topic ${id}` : `topic ${id} (weak)`));
          else if (id === "tax" && ref.t === "authority" && ref.kind === "tax") terms.push(term(segment, hit, `tax authority ${ref.code}`));
        }
      }
    }
    return { id, terms: terms.length > 0 ? terms.slice(0, TERMS_MAX) : [{ term: "", as: "no specific topic term: every alert carries a topic", where: "", sentence: "" }] };
  });
  return { policy: { verdict: verdict.policy, reason: verdict.reason, terms: policyTerms.slice(0, 3 * TERMS_MAX) }, jurisdictions, topics: topicEvidence };
}
