import { zoneWeight, type Segment } from "./terms.js";

/** Evidence in one segment: an official actor, what it did, and signs that the main event is something else. */
function cues(segment: Segment) {
  let authority = false;
  let country = false;
  let acts = 0;
  let non = 0;
  let spec = 0;
  for (const hit of segment.hits) {
    let act = false;
    for (const ref of hit.refs) {
      if (ref.t === "authority" || (ref.t === "cue" && ref.cue === "authority")) authority = true;
      else if (ref.t === "place" && ref.weight >= 1) country = true;
      else if (ref.t === "cue" && ref.cue === "act") act = true;
      else if (ref.t === "cue" && ref.cue === "non") non++;
      else if (ref.t === "cue" && ref.cue === "spec") spec++;
    }
    if (act) acts++;
  }
  return { authority, country, acts, non, spec };
}

export interface PolicyVerdict {
  policy: boolean;
  score: number;
}

/**
 * Is the main event an authority's act? The title and the lead decide; later sentences count a quarter, so a
 * regulator mentioned in passing (or "authorities are investigating" under a hack) does not make it policy.
 * A central-bank move still only expected ("markets watch for a potential hike") is not a decision.
 */
export function judgePolicy(segments: readonly Segment[], primaryTopic: string | undefined): PolicyVerdict {
  let score = 0;
  let speculative = 0;
  let leadActs = 0;
  let titleActor = false;
  let leadActor = false;
  for (const segment of segments) {
    const c = cues(segment);
    const lead = segment.index <= 1;
    const w = lead ? zoneWeight(segment.index) : 0.25;
    // A country as the subject ("Japan to tighten rules", "Thailand approves") stands for its government.
    const actor = c.authority ? 0.75 : c.country && lead ? 0.5 : 0;
    score += w * (actor + 0.75 * Math.min(c.acts, 2) - 1.25 * Math.min(c.non, 2));
    if (lead) leadActs += c.acts;
    if (segment.index < 0) titleActor ||= actor > 0;
    else if (lead) leadActor ||= c.authority;
    if (segment.index <= 0) speculative += c.spec;
  }
  if (primaryTopic === "monetary-policy" && speculative > 0) score -= 3;
  // Either the lead says what was done, or an authority is the subject of both title and lead.
  const acted = leadActs > 0 || (titleActor && leadActor);
  return { policy: acted && score >= 2.5, score };
}
