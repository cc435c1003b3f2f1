import type { Hit } from "./matcher.js";
import { isAmlSetter, refsOf, type Ref, type Segment } from "./terms.js";

/**
 * Topic ids, primary first. A topic needs real support (one clear term, or a title mention) and enough
 * weight beside the primary one: a passing "enforcement actions" in an AML report is not a second topic.
 */
export function tagTopics(segments: readonly Segment[]): string[] {
  // Each list walks every hit of every sentence: gathered once for all the passes below.
  const topicRefs = issuerLicences(refsOf(segments, "topic"));
  const authorityRefs = refsOf(segments, "authority");
  const score = scoresOf(topicRefs, authorityRefs);
  const acted = actedOn(segments);
  // What the act is about counts as much as one clear term.
  for (const id of acted) score.set(id, (score.get(id) ?? 0) + 0.5);
  // Weak terms ("exchange", "registered") support a topic but never make one on their own.
  const strong = new Set(topicRefs.filter((x) => x.ref.weight >= 1).map((x) => x.ref.id));
  for (const id of pairedWeak(segments)) strong.add(id);
  for (const id of acted) strong.add(id);
  for (const { segment, hit, ref } of authorityRefs) {
    const topic = mandateOf(ref, segment, hit);
    if (topic) strong.add(topic);
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const top = ranked.find(([id]) => id !== "other")?.[1] ?? 0;
  const chosen = ranked
    .filter(([id, s]) => id !== "other" && strong.has(id) && s >= 1 && s >= 0.3 * top)
    .map(([id]) => id);
  if (chosen.length === 0) return (score.get("other") ?? 0) >= 1 ? ["other"] : [];
  // A broad act named in the title or lead ("lifts ban", "comprehensive rules", "legalises") is a topic of its own beside
  // the specific ones.
  if (topicRefs.some((x) => x.ref.id === "other" && x.ref.weight >= 1 && x.segment.index <= 1)) chosen.push("other");
  return chosen.slice(0, 5);
}

/**
 * "Licences for stablecoin issuers": a licence in a sentence about stablecoins, with no exchange or service provider
 * named in it, is the stablecoin regime's, not exchange licensing.
 */
function issuerLicences(refs: RefsOf<"topic">): RefsOf<"topic"> {
  const stablecoin = new Set<Segment>();
  const providers = new Set<Segment>();
  for (const { segment, ref } of refs) {
    if (ref.id === "stablecoin" && ref.weight >= 1) stablecoin.add(segment);
    else if (ref.id === "exchange-licensing" && ref.weight < 1) providers.add(segment);
  }
  if (stablecoin.size === 0) return refs;
  return refs.filter(({ segment, ref }) => ref.id !== "exchange-licensing" || !stablecoin.has(segment) || providers.has(segment));
}

/**
 * Topics whose subjects an authority acts on in the title or lead: "rules for crypto exchanges", "the VASP Bill",
 * "Binance fined as a reporting entity". Named further down, the same nouns are only support.
 */
function actedOn(segments: readonly Segment[]): Set<string> {
  let acts = false;
  let amlSetter = false;
  const subjects = new Set<string>();
  for (const segment of segments) {
    if (segment.index > 1) break;
    for (const hit of segment.hits) {
      for (const ref of hit.refs) {
        if (ref.t === "cue" && ref.cue === "act") acts = true;
        else if (ref.t === "topic" && ref.subject) subjects.add(ref.id);
        else if (isAmlSetter(ref)) amlSetter = true;
      }
    }
  }
  // The FATF's reports on "virtual asset service providers" are about their AML duties, not about licensing them.
  if (amlSetter) subjects.delete("exchange-licensing");
  return acts ? subjects : new Set();
}

/**
 * Topics with two different weak terms in one sentence: who is regulated and what is done to them ("registration
 * of virtual asset service providers") make the topic together, where either alone is a passing mention.
 */
function pairedWeak(segments: readonly Segment[]): Set<string> {
  const out = new Set<string>();
  for (const segment of segments) {
    let seen: Map<string, string> | undefined; // made for the (few) sentences with a weak term
    for (const hit of segment.hits) {
      // Read only for a hit that has a weak topic term: most hits have none.
      let word: string | undefined;
      for (const ref of hit.refs) {
        if (ref.t !== "topic" || ref.weight >= 1) continue;
        word ??= segment.text.slice(hit.start, hit.end).toLowerCase();
        const first = (seen ??= new Map()).get(ref.id);
        if (first === undefined) seen.set(ref.id, word);
        else if (first !== word) out.add(ref.id);
      }
    }
  }
  return out;
}

type RefsOf<T extends Ref["t"]> = ReturnType<typeof refsOf<T>>;

/** Weighted mentions per topic; the title counts double. */
function scoresOf(topicRefs: RefsOf<"topic">, authorityRefs: RefsOf<"authority">): Map<string, number> {
  const score = new Map<string, number>();
  const add = (id: string, w: number) => score.set(id, (score.get(id) ?? 0) + w);
  for (const { segment, hit, ref } of topicRefs) {
    // "Markets watch for a potential rate hike": a move not yet made is not the monetary-policy topic.
    // ("Voted to hold rates ahead of the Budget" tells a move made: the sentence's decided cue outweighs its "ahead of".)
    if (ref.id === "monetary-policy" && speculates(segment, hit)) continue;
    add(ref.id, ref.weight * (segment.index < 0 ? 2 : 1));
  }
  // A tax authority or a financial intelligence unit acting makes the item about its mandate, named or not.
  const counted = new Set<string>();
  for (const { segment, hit, ref } of authorityRefs) {
    const topic = mandateOf(ref, segment, hit);
    if (!topic || (topic !== "tax" && counted.has(topic))) continue;
    counted.add(topic);
    add(topic, segment.index < 0 ? 2 : 1);
  }
  return score;
}

const cueIn = (segment: Segment, cue: string, except?: unknown): boolean =>
  segment.hits.some((h) => h !== except && h.refs.some((r) => r.t === "cue" && r.cue === cue));

/** A sentence that talks of a rate move as expected, and does not say it was made. */
function speculates(segment: Segment, hit: unknown): boolean {
  return cueIn(segment, "spec", hit) && !cueIn(segment, "done", hit);
}

/**
 * The topic an authority's acts are about by its mandate: tax for a tax office anywhere; AML for an FIU or the
 * FATF once, when it is the actor of the title or lead (an FIU thanked for its help is not the news).
 */
function mandateOf(ref: Mandated, segment: Segment, hit: Hit<Ref>): string | undefined {
  const topic = ownMandate(ref, segment);
  // A shared acronym ("AFM": the Dutch markets authority, Kazakhstan's financial-monitoring agency) has a mandate only
  // when every body it may name has that one.
  return topic !== undefined && hit.refs.every((r) => r.t !== "authority" || ownMandate(r, segment) === topic) ? topic : undefined;
}

type Mandated = { kind: string; topic?: string };
const ownMandate = (ref: Mandated, segment: Segment): string | undefined => (ref.kind === "tax" ? "tax" : segment.index <= 0 ? ref.topic : undefined);
