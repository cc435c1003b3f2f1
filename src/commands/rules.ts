import type { SubscriptionRule } from "../core/subscription.js";
import type { Interests } from "./interests.js";

// Rule arithmetic for /subscribe and /unsubscribe: adding never narrows what a chat receives, removing takes
// out exactly what was named and never widens a rule.

const everyPlace = (rule: SubscriptionRule): boolean => rule.jurisdictions.includes("all");
const subset = (a: readonly string[], b: readonly string[]): boolean => a.every((x) => b.includes(x));
const sameSet = (a: readonly string[] = [], b: readonly string[] = []): boolean => subset(a, b) && subset(b, a);

/** The rule typed words ask for: the places named (or every one) × the topics named (or every one). */
export function ruleFrom(interests: Interests, extra: Pick<SubscriptionRule, "include" | "exclude" | "mention"> = {}): SubscriptionRule {
  const jurisdictions = interests.jurisdictions.length === 0 || interests.jurisdictions.includes("all") ? ["all"] : [...interests.jurisdictions];
  const rule: SubscriptionRule = { jurisdictions, topics: [...interests.topics] };
  if (extra.include?.length) rule.include = [...extra.include];
  if (extra.exclude?.length) rule.exclude = [...extra.exclude];
  if (extra.mention) rule.mention = extra.mention;
  return rule;
}

/** Whether every alert `inner` accepts is also accepted by `outer` (with the same mention). */
export function covers(outer: SubscriptionRule, inner: SubscriptionRule): boolean {
  if (outer.mention !== inner.mention) return false;
  const places = everyPlace(outer) || (!everyPlace(inner) && subset(inner.jurisdictions, outer.jurisdictions));
  const topics = outer.topics.length === 0 || (inner.topics.length > 0 && subset(inner.topics, outer.topics));
  const include = !outer.include?.length || (!!inner.include?.length && subset(inner.include, outer.include));
  const exclude = subset(outer.exclude ?? [], inner.exclude ?? []);
  return places && topics && include && exclude;
}

const sameFilters = (a: SubscriptionRule, b: SubscriptionRule): boolean =>
  a.mention === b.mention && sameSet(a.include, b.include) && sameSet(a.exclude, b.exclude);

export type AddOutcome = { kind: "covered"; by: number } | { kind: "added"; rules: SubscriptionRule[]; index: number };

/**
 * Adds a rule to a chat's rules. A rule already covered changes nothing; one that differs from an existing rule
 * only in its places (or only in its topics) joins it ("Japan" + "Hong Kong" reads as one rule); rules the new
 * one covers are folded into it. Whatever happens, every alert received before is still received.
 */
export function addRule(rules: readonly SubscriptionRule[], added: SubscriptionRule): AddOutcome {
  const by = rules.findIndex((r) => covers(r, added));
  if (by >= 0) return { kind: "covered", by };
  const joinable = rules.findIndex(
    (r) =>
      sameFilters(r, added) &&
      ((sameSet(r.topics, added.topics) && !everyPlace(r) && !everyPlace(added)) || sameSet(r.jurisdictions, added.jurisdictions)),
  );
  let merged = added;
  let at = rules.length;
  if (joinable >= 0) {
    const r = rules[joinable] as SubscriptionRule;
    merged = sameSet(r.topics, added.topics)
      ? { ...r, jurisdictions: [...new Set([...r.jurisdictions, ...added.jurisdictions])] }
      : { ...r, topics: r.topics.length === 0 || added.topics.length === 0 ? [] : [...new Set([...r.topics, ...added.topics])] };
    at = joinable;
  }
  const next: SubscriptionRule[] = [];
  let index = -1;
  rules.forEach((r, i) => {
    if (i === at) {
      index = next.length;
      next.push(merged);
    } else if (!covers(merged, r)) next.push(r);
  });
  if (index < 0) {
    index = next.length;
    next.push(merged);
  }
  return { kind: "added", rules: next, index };
}

export interface RemoveOutcome {
  rules: SubscriptionRule[];
  /** Rules (as they were) that ended because they lost their last place or topic. */
  ended: SubscriptionRule[];
  /** Rules (as they were) that lost an item and go on. */
  changed: SubscriptionRule[];
  /** Rules that receive every jurisdiction or every topic, so the item cannot be taken out of them. */
  cannot: SubscriptionRule[];
}

/**
 * Takes jurisdictions and topics out of the rules naming them. A rule left without its last place or topic ends
 * (keeping it would widen it to "every"); a rule for every place or topic keeps the item and is reported.
 */
export function removeItems(rules: readonly SubscriptionRule[], removing: Interests): RemoveOutcome {
  const outcome: RemoveOutcome = { rules: [], ended: [], changed: [], cannot: [] };
  for (const rule of rules) {
    const places = everyPlace(rule) ? rule.jurisdictions : rule.jurisdictions.filter((j) => !removing.jurisdictions.includes(j));
    const topics = rule.topics.filter((t) => !removing.topics.includes(t));
    const touched = places.length !== rule.jurisdictions.length || topics.length !== rule.topics.length;
    const unreachable =
      (everyPlace(rule) && removing.jurisdictions.length > 0) || (rule.topics.length === 0 && removing.topics.length > 0);
    if (!touched) {
      if (unreachable) outcome.cannot.push(rule);
      outcome.rules.push(rule);
    } else if (places.length === 0 || (rule.topics.length > 0 && topics.length === 0)) {
      outcome.ended.push(rule);
    } else {
      outcome.changed.push(rule);
      outcome.rules.push({ ...rule, jurisdictions: places, topics });
    }
  }
  return outcome;
}

/** Which of the named items no rule mentions at all. */
export function notNamed(rules: readonly SubscriptionRule[], items: Interests): Interests {
  return {
    jurisdictions: items.jurisdictions.filter((j) => j !== "all" && !rules.some((r) => r.jurisdictions.includes(j))),
    topics: items.topics.filter((t) => !rules.some((r) => r.topics.includes(t))),
  };
}
