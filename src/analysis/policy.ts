import { homeOfAFirm } from "./firm-home.js";
import type { Publisher } from "./site.js";
import { isAmlSetter, zoneWeight, type Segment } from "./terms.js";

/** Evidence in one segment: an official actor, what it did, signs the main event is something else, and scope. */
function cues(segment: Segment) {
  let authority = false;
  let centralBank = false;
  let country = false;
  let lawLeads = false;
  let place = false;
  let acts = 0;
  let non = 0;
  let incident = false;
  let explainer = false;
  let explainerFirst = false;
  let launches = 0;
  let bankLeads = false;
  let spec = 0;
  let done = false;
  let doneEnd = -Infinity;
  let specFirst = false;
  let scope = 0;
  let rate = 0;
  let amlSetter = false;
  let view = false;
  let setter = false;
  // Which comes first, an actor or act, or a non-policy event: headlines lead with their main event
  // ("Exchange launches product after FCA registration" is a launch; "FCA fines exchange after hack" a fine).
  let leader: "official" | "non" | undefined;
  for (const hit of segment.hits) {
    let act = false;
    for (const ref of hit.refs) {
      if (ref.t === "authority") {
        // A law named ("under MiCA") is the frame, not an actor: Binance delisting under MiCA is Binance's act. A law
        // that opens the sentence is its subject, as an instrument is ("'가상자산이용자보호법' 시행", "MiCA takes effect"):
        // within a few characters only, for a law's name is often the object of what comes before it ("Krytyczne
        // uwagi do ustawy o kryptoaktywach", critical remarks on the law).
        if (ref.kind === "law") {
          if (hit.start <= LAW_SUBJECT_REACH) lawLeads = true;
          continue;
        }
        authority = true;
        if (ref.kind === "central-bank") {
          centralBank = true;
          bankLeads ||= hit.start <= SUBJECT_REACH;
        }
        else if (ref.kind === "standard-setter") {
          setter = true;
          amlSetter ||= isAmlSetter(ref);
        }
      } else if (ref.t === "cue") {
        if (ref.cue === "authority") authority = true;
        else if (ref.cue === "act") act = true;
        else if (ref.cue === "instrument") {
          // (An instrument is an act too: its term carries the act cue beside this one.)
          // A law or rule that opens the sentence is its subject: "Gesetz vom 6. Dezember 2023 über…", "La legge di
          // bilancio 2025 ha soppresso…". It is the legislator's or the regulator's act, unnamed.
          if (hit.start <= SUBJECT_REACH) lawLeads = true;
        }
        else if (ref.cue === "non") non++;
        else if (ref.cue === "launch") launches++;
        else if (ref.cue === "incident") {
          non++;
          incident = true;
        }
        else if (ref.cue === "view") view = true;
        else if (ref.cue === "explainer") {
          non++;
          explainer = true;
          // "What is Dubai's virtual assets law?", "業務改善命令とは?" explain; "The Verkhovna Rada backed the bill.
          // What does it propose?" is the news of an act, with its explanation after.
          explainerFirst ||= !authority && !country;
        }
        else if (ref.cue === "spec") {
          spec++;
          // "Expected to hold" (diperkirakan akan mempertahankan): a forecast that comes first governs the verb after it.
          // Where the verb comes first and its mood after it ("利上げに踏み切る公算", likely to go ahead with a hike),
          // a forecast that follows the verb at once governs it too.
          specFirst ||= !done || hit.start - doneEnd <= MOOD_GAP;
        }
        // A move told as made is what the authority did.
        else if (ref.cue === "done") {
          done = act = true;
          doneEnd = hit.end;
        }
        else if (ref.cue === "scope") scope++;
      } else if (ref.t === "place" && ref.weight >= 1) {
        place = true;
        // Only a country that opens the sentence is its subject: "Thailand approves", not "a token in Dubai".
        if (hit.start <= SUBJECT_REACH && !homeOfAFirm(hit, segment)) country = true;
      } else if (ref.t === "place" && hit.start === 0 && actsNext(segment, hit)) {
        // A capital that opens the sentence and acts at once stands for its government: "Alger interdit", "Beijing bans".
        country = true;
      }
      else if (ref.t === "topic" && ref.weight >= 1) {
        if (SCOPE_TOPICS.has(ref.id)) scope++;
        else if (ref.id === "monetary-policy") rate++;
      }
    }
    if (act) acts++;
    if (!leader) {
      if (hit.refs.some((r) => r.t === "cue" && (r.cue === "non" || r.cue === "launch" || r.cue === "incident" || r.cue === "explainer"))) leader = "non";
      else if (hit.refs.some((r) => (r.t === "authority" && r.kind !== "law") || (r.t === "cue" && (r.cue === "act" || r.cue === "authority" || r.cue === "done")))) leader = "official";
    }
  }
  // "Voted to hold rates ahead of the Budget": a sentence that tells the move made is not a forecast of it.
  // A rate move told as made ("forhøjer Nationalbanken foliorenten") is the whole decision: it weighs as much as a
  // sentence that names the act twice, so a lead that tells it under a bare headline ("Renteforhøjelse") suffices.
  if (done && rate > 0) acts = Math.max(acts, 2);
  // "The governor encouraged banks to issue stablecoins": an official who only states a view acts for no one. A
  // standard-setter's view is its formal position (the IMF urging a country to narrow its bitcoin law).
  if (view && acts === 0 && !setter) authority = false;
  // "The Central Bank of Nigeria has launched a digital currency it calls the eNaira": a central bank that opens the
  // sentence and launches something in scope decides on it. Anyone else's launch is a product, and so is one told
  // in a speech that names the bank further on ("… member of the ECB's board … We launched our study phase").
  if (authority && bankLeads && scope > 0) acts += launches;
  else non += launches;
  return { authority, centralBank, amlSetter, country, lawLeads, place, acts, non, incident, explainer, explainerFirst, spec: done && !specFirst ? 0 : spec, decided: done, scope, rate, nonLeads: leader === "non" };
}

/** A sentence about a rate or an act: only there does a future or a forecast make the move an expectation. */
function talksOfAMove(c: ReturnType<typeof cues>): boolean {
  return c.rate > 0 || c.acts > 0;
}

/** The hit right after `hit` is an act: "Alger interdit", not "Alger, 28 juillet" nor "Tokyo stocks fall". */
function actsNext(segment: Segment, hit: Segment["hits"][number]): boolean {
  const next = segment.hits[segment.hits.indexOf(hit) + 1];
  return next !== undefined && next.start - hit.end <= 2 && next.refs.some((r) => r.t === "cue" && (r.cue === "act" || r.cue === "done"));
}

/** The most characters between a verb and a forecast after it that still make the forecast its mood ("踏み切る公算"). */
const MOOD_GAP = 2;
/** How far into a sentence a country's name can still be its subject ("The wait is over: Australia releases"). */
const SUBJECT_REACH = 25;
/** How far into a sentence a law's own name can still be its subject ("오늘부터 '가상자산이용자보호법' 시행"). */
const LAW_SUBJECT_REACH = 12;

/** Topics that are about crypto, stablecoins, payments or CBDCs by their very terms. */
const SCOPE_TOPICS = new Set(["stablecoin", "staking", "token-offering", "cbdc", "defi"]);

export interface PolicyVerdict {
  policy: boolean;
  score: number;
  /** Why, in words an operator can act on. */
  reason: string;
  /** A central bank's rate decision and nothing about crypto, stablecoins, payments or CBDCs. */
  rateOnly?: boolean;
  /** The authority whose site published the page, when it counted as the actor of an act the text left unnamed. */
  publisher?: Publisher;
}

/**
 * Is the main event an authority's act within regwatch's scope? Two tests, both needed:
 * - an authority acts: the title and the lead decide; later sentences count a quarter, so a regulator mentioned
 *   in passing (or "authorities are investigating" under a hack) does not make it policy;
 * - the act is about crypto-assets, stablecoins, payments or CBDCs (a scope term in the title or the first
 *   sentences), or it is a central bank's rate decision. An accounting-fraud charge, a forex penalty or a
 *   statistics release by the same regulators is not news for regwatch's users.
 * A central-bank move still only expected ("markets watch for a potential hike") is not a decision.
 */
export function judgePolicy(segments: readonly Segment[], primaryTopic: string | undefined, publisher: Publisher | null = null): PolicyVerdict {
  let score = 0;
  let speculative = 0;
  let titleDecided = false;
  let titleMove = false;
  let titleClean = false;
  let leadActs = 0;
  let titleActor = false;
  let leadActor = false;
  let anyActor = false;
  let scope = 0;
  let rate = 0;
  let centralBank = false;
  let amlSetter = false;
  let titleSpeculates = false;
  let leadTellsMove = false;
  let movedInCountry = false;
  let byPublisher = false;
  let explains = false;
  for (const segment of segments) {
    const c = cues(segment);
    // The headline says what the page is (an untitled page's first sentence stands in for it: segment -1).
    if (segment.index < 0) explains ||= c.explainerFirst;
    const lead = segment.index <= 1;
    const w = lead ? zoneWeight(segment.index) : 0.25;
    // A country as the subject ("Japan to tighten rules", "Thailand approves") stands for its government.
    // On an authority's own site, an act the title or first sentence tells without naming anyone is the
    // publisher's: "CP25/14: Stablecoin issuance" over "We are seeking views on our proposed rules".
    const published = publisher !== null && segment.index <= 0 && c.acts > 0 && !c.authority;
    const actor = c.authority || published ? 0.75 : (c.country || c.lawLeads) && lead ? 0.5 : 0;
    // A hack or a price named beside the act ("fined after the hack") weighs less than one standing alone.
    // An authority that leads its sentence and then "launches" something launches a consultation, a phase, a sandbox.
    // An authority that leads and acts on it ("bans new listings") makes the non-policy word its object; not a hack
    // or a theft, which stays the main event when the police investigate or arrest someone.
    // Nor an explainer: "The RBA is responsible for setting the cash rate" has the bank as its subject, and tells no act.
    const discounted = c.authority && !c.nonLeads && !c.incident && !c.explainer;
    const non = discounted ? (c.acts > 0 ? 0.25 : 0.5) * Math.min(c.non, 1) : 1.25 * Math.min(c.non, 2);
    // The main event is told in the title and first sentence; a hack recalled later is background.
    // A headline that tells an authority's move made ("Swedish central bank cuts rate to zero") is the main event:
    // the lead's "bigger than analysts had expected" is its colour.
    // A headline where an authority acts and nothing else happens ("FSA grants Coincheck its licence") tells the main
    // event too: a hack the lead recalls is the firm's history, weighed as background.
    const nonWeight = segment.index === 0 && titleMove ? 0 : segment.index === 0 && titleClean ? 0.25 : segment.index <= 0 ? w : 0.25;
    score += w * (actor + 0.75 * Math.min(c.acts, 2)) - nonWeight * non;
    if (lead) leadActs += c.acts;
    byPublisher ||= published;
    anyActor ||= c.authority || published || (c.country && segment.index <= 2) || (c.lawLeads && lead);
    if (segment.index < 0) titleActor ||= actor > 0;
    else if (lead) leadActor ||= c.authority || published;
    if (segment.index < 0) {
      titleDecided = c.spec === 0 && c.decided;
      titleMove = titleDecided && actor > 0 && !c.nonLeads;
      titleClean = c.authority && c.acts > 0 && c.non === 0 && c.spec === 0;
      // "The next meeting will be held on 15 September" over a lead that tells the move: a future that names no
      // rate and no act forecasts nothing.
      titleSpeculates = c.spec > 0 && talksOfAMove(c);
    } else if (lead && c.decided && c.rate > 0 && c.spec === 0) {
      leadTellsMove = true;
      // "The cash rate target in Australia will remain unchanged at 4.10%": a country's rate told as set is its
      // central bank's decision, the bank unnamed (its own release).
      movedInCountry ||= c.place;
    }
    // A headline that tells the move made ("BoK holds rate at 2.5%") is not undone by the lead's "expectations".
    if (segment.index <= 0 && !(segment.index === 0 && titleDecided)) speculative += c.spec;
    if (segment.index <= 2) {
      scope += c.scope;
      rate += c.rate;
      centralBank ||= c.centralBank || (published && publisher?.kind === "central-bank");
    }
    if (lead) amlSetter ||= c.amlSetter;
  }
  // A lead that tells the rate move made ("the MPC has resolved to maintain the policy rate") under a headline that
  // does not speculate: an "expected to" in the first sentence is about something else (how a statement was received).
  if (leadTellsMove && !titleSpeculates) speculative = 0;
  // A rate set by a central bank, or by a body the text does not tie to one ("the Monetary Policy Committee").
  const rateDecision = primaryTopic === "monetary-policy" && rate > 0 && (centralBank || leadActor || titleActor || movedInCountry) && speculative === 0;
  // A rate move only talked about is not the monetary-policy topic (topics.ts), so an item about nothing else has
  // no topic at all, or only the catch-all ("...ahead of the Fed's decision; ETF inflows reached $12.9 million"):
  // "97.8% odds of a Fed cut: what it means for BTC" is that expected move too.
  const aboutRates = primaryTopic === "monetary-policy" || ((primaryTopic === undefined || primaryTopic === "other") && rate > 0);
  if (aboutRates && speculative > 0) score -= 3;
  // Either the lead says what was done, or an authority is the subject of both title and lead.
  // "MSCI decides", "investors hope for a fair tax" name no official at all: no authority acted.
  const acted = (leadActs > 0 && anyActor) || (titleActor && leadActor);
  // The verdict names the publisher when its site stood in for an actor the text left unnamed.
  const told = (verdict: PolicyVerdict): PolicyVerdict => (byPublisher && publisher ? { ...verdict, publisher } : verdict);
  if (!acted || score < 2.5) {
    return told({ policy: false, score, reason: !acted ? "no act of an authority in the title or lead" : "the main event is not an authority's act" });
  }
  // "What is Dubai's virtual assets law?": a headline (or an untitled page's first sentence) that explains before it
  // names an actor is the page's purpose, however many acts the explanation goes on to name.
  if (explains) return told({ policy: false, score, reason: "a page that explains, not news of an act" });
  // "Traders eye the Fed's cut next week": a rate move only expected is the market's news, whatever else it names.
  if (aboutRates && speculative > 0 && rate > 0) {
    return told({ policy: false, score, reason: "a rate move expected, not made" });
  }
  // The FATF and its regional bodies assess every country's AML regime, virtual assets included: their listings and
  // reviews are in scope by the label rules ("official assessments by international standard-setters").
  if (scope === 0 && !rateDecision && !amlSetter) {
    return told({ policy: false, score, reason: "an authority acts, but not about crypto, stablecoins, payments or CBDCs, nor on rates" });
  }
  if (rateDecision && scope === 0) return told({ policy: true, score, reason: "a central bank's rate decision", rateOnly: true });
  return told({ policy: true, score, reason: "an authority acts on crypto, stablecoins, payments or CBDCs" });
}
