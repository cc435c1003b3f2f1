import type { Jurisdiction, Knowledge, Topic } from "../../config/knowledge.js";

export { loadKnowledge } from "../../config/knowledge.js";
export type { Jurisdiction, Knowledge, KnowledgeFiles, PolicyCues, Regulator, Topic } from "../../config/knowledge.js";

// What users type in chat commands ("uk", "Hong Kong", "日本", "stablecoins") resolved against the same tables
// that drive tagging, so /subscribe accepts exactly what alerts can carry.

const normalise = (text: string): string =>
  text.normalize("NFKC").toLowerCase().replace(/[.'’]/g, "").replace(/[\s_-]+/g, " ").trim();

const ALL = new Set(["all", "any", "every", "everything", "*", "全部", "すべて", "全て", "전체", "모두"]);

function jurisdictionKeys(j: Jurisdiction): string[] {
  return [j.code, j.name, ...j.names, ...j.exactNames, ...j.adjectives, ...j.aliases].map(normalise);
}

/** A code, name, adjective or alias in any case and script; "all" for every jurisdiction; undefined if unknown. */
export function findJurisdiction(knowledge: Knowledge, userText: string): Jurisdiction | "all" | undefined {
  const key = normalise(userText);
  if (!key) return undefined;
  if (ALL.has(key)) return "all";
  const byCode = knowledge.jurisdictions.find((j) => j.code.toLowerCase() === key);
  return byCode ?? knowledge.jurisdictions.find((j) => jurisdictionKeys(j).includes(key));
}

/** "Did you mean": the jurisdiction whose code, name or alias is closest to what the user typed, if close. */
export function suggestJurisdiction(knowledge: Knowledge, userText: string): Jurisdiction | undefined {
  return closest(knowledge.jurisdictions, jurisdictionKeys, normalise(userText));
}

function topicKeys(t: Topic): string[] {
  return [t.id, t.label, ...t.terms].map(normalise);
}

/** A topic id, label or one of its terms ("ICO" → token-offering, "stablecoins" → stablecoin). */
export function findTopic(knowledge: Knowledge, userText: string): Topic | "all" | undefined {
  const key = normalise(userText);
  if (!key) return undefined;
  if (ALL.has(key)) return "all";
  const singular = key.endsWith("s") ? key.slice(0, -1) : key;
  return (
    knowledge.topics.find((t) => t.id === key || t.id === singular) ??
    knowledge.topics.find((t) => topicKeys(t).some((k) => k === key || k === singular))
  );
}

export function suggestTopic(knowledge: Knowledge, userText: string): Topic | undefined {
  return closest(knowledge.topics, (t) => [t.id, t.label].map(normalise), normalise(userText));
}

function closest<T>(items: readonly T[], keys: (item: T) => string[], typed: string): T | undefined {
  if (!typed) return undefined;
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    for (const key of keys(item)) {
      const d = editDistance(typed, key);
      if (d < bestDistance) [best, bestDistance] = [item, d];
    }
  }
  // One typo in a short word, about one in three characters in a longer one.
  return bestDistance <= Math.max(1, Math.floor(typed.length / 3)) ? best : undefined;
}

/** Levenshtein distance, one row of memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
