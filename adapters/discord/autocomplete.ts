import type { ApplicationCommandOptionChoiceData } from "discord.js";
import type { Command } from "../../src/core/command.js";
import { describeOptions } from "../../src/commands/describe.js";
import { completions, fit } from "./definitions.js";

/** What autocomplete reads from the jurisdiction and topic tables. */
export interface CompletionKnowledge {
  jurisdictions: ReadonlyArray<{ code: string; name: string; flag: string; names?: readonly string[]; aliases?: readonly string[] }>;
  topics: ReadonlyArray<{ id: string; label: string }>;
}

const MAX = 25;
const key = (text: string): string => text.normalize("NFKC").toLowerCase().trim();

interface Candidate {
  value: string;
  label: string;
  /** 0: the code or id starts with what was typed; 1: a name does; 2: a name contains it. */
  rank: number;
  /** Completes the last two words as one name ("hong ko" → HK), replacing both. */
  twoWords?: boolean;
}

/**
 * Choices for the option being typed. A list option (`what: jp, hk stable…`) completes its last item and
 * keeps what came before, so each pick adds one more; single-value options complete the whole value.
 */
export function suggest(command: Command, option: string, typed: string, knowledge: CompletionKnowledge): ApplicationCommandOptionChoiceData<string>[] {
  const kind = completions[option];
  if (!kind) {
    const choices = describeOptions(command).find((o) => o.name === option)?.choices ?? [];
    const t = key(typed);
    return choices.filter((c) => key(c).includes(t)).slice(0, MAX).map((c) => ({ name: fit(c, 100), value: fit(c, 100) }));
  }
  const list = kind === "both" || option.endsWith("s");
  // `head` is everything up to the last separator, kept as typed; `partial` the item being typed.
  const parts = list ? /^([\s\S]*[,\s])?([^,\s]*)$/.exec(typed) : null;
  const head = parts?.[1] ?? "";
  const partial = key(list ? (parts?.[2] ?? "") : typed);
  // A two-word name ("hong ko") is typed across the split: try the last two words as one item too.
  const twoWords = list ? key(/(\S+\s+\S*)$/.exec(typed)?.[1] ?? "") : "";

  const candidates = [
    ...(kind !== "topics" ? jurisdictionCandidates(knowledge, partial, twoWords) : []),
    ...(kind !== "jurisdictions" ? topicCandidates(knowledge, partial) : []),
  ].sort((a, b) => Number(b.twoWords ?? false) - Number(a.twoWords ?? false) || a.rank - b.rank);

  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const base = c.twoWords ? head.replace(/\S+\s*$/, "") : head;
    const value = `${base}${c.value}`;
    if (value.length > 100 || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: fit(`${base}${c.label}`, 100), value });
    if (choices.length === MAX) break;
  }
  return choices;
}

function jurisdictionCandidates(knowledge: CompletionKnowledge, partial: string, twoWords: string): Candidate[] {
  const out: Candidate[] = [];
  for (const j of knowledge.jurisdictions) {
    const label = `${j.flag} ${j.name} (${j.code})`;
    const names = [j.name, ...(j.names ?? []), ...(j.aliases ?? [])].map(key);
    if (twoWords.includes(" ") && names.some((n) => n.startsWith(twoWords))) out.push({ value: j.code, label, rank: 1, twoWords: true });
    const rank =
      partial === "" || key(j.code).startsWith(partial) ? 0 : names.some((n) => n.startsWith(partial)) ? 1 : partial.length >= 2 && names.some((n) => n.includes(partial)) ? 2 : undefined;
    if (rank !== undefined) out.push({ value: j.code, label, rank });
  }
  return out;
}

function topicCandidates(knowledge: CompletionKnowledge, partial: string): Candidate[] {
  const out: Candidate[] = [];
  for (const t of knowledge.topics) {
    const rank = partial === "" ? 3 : key(t.id).startsWith(partial) ? 0 : key(t.label).startsWith(partial) ? 1 : partial.length >= 2 && key(t.label).includes(partial) ? 2 : undefined;
    if (rank !== undefined) out.push({ value: t.id, label: `${t.label} (${t.id})`, rank });
  }
  return out;
}
