import { z } from "zod";
import { ConfigError } from "../src/core/errors.js";
import { readSnapshot } from "./snapshot.js";
import { parseYaml, readSource, validate } from "./yaml-file.js";
import { configDataFile } from "./paths.js";

const term = z.string().trim().min(1);
const terms = z.array(term).default([]);

const regulatorSchema = z.strictObject({
  acronym: term.optional(),
  names: z.array(term).min(1),
  kind: z.enum([
    "regulator", "central-bank", "ministry", "sro", "government", "legislature", "tax", "law", "court", "standard-setter",
  ]),
  default: z.boolean().optional(),
  /** The topic its acts are about by its mandate: a financial intelligence unit's are about AML. */
  topic: z.string().optional(),
  /**
   * A regional body's member jurisdictions (the BEAC's six CEMAC states), its own entry's among them: its acts
   * are each member's.
   */
  members: z.array(z.string().regex(/^[A-Z]{2}$/, "must be ISO 3166-1 alpha-2")).min(2).optional(),
  /**
   * The domains it publishes on (sec.gov, fca.org.uk): a page there is its own release, so an act its title or
   * lead tells without naming anyone ("We are seeking views on our proposed rules") is its act.
   */
  sites: z.array(z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, "must be a domain in lower case, like sec.gov")).optional(),
});

const jurisdictionSchema = z.strictObject({
  code: z.string().regex(/^(?:[A-Z]{2}|EU|INT)$/, "must be ISO 3166-1 alpha-2, EU or INT"),
  name: term,
  flag: term,
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  names: terms,
  /**
   * Names that are also a common word in their language unless capitalised (Vietnamese "Pháp" is France,
   * "pháp lý" is legal): matched case-sensitively.
   */
  exactNames: terms,
  adjectives: terms,
  aliases: terms,
  places: terms,
  regulators: z.array(regulatorSchema).default([]),
});

const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, "must be lower-case-kebab"),
  label: term,
  terms: z.array(term).min(1),
  weak: terms,
  /** Who the topic's rules are about (VASPs, crypto exchanges): an act about them in the title or lead makes the topic. */
  subjects: terms,
  /** An authority whose name holds one of the terms ("Anti-Money Laundering Authority") is about this topic when it acts. */
  mandate: z.boolean().optional(),
});

const jurisdictionsFileSchema = z.strictObject({ jurisdictions: z.array(jurisdictionSchema).min(1) });
const topicsFileSchema = z.strictObject({
  topics: z.array(topicSchema).min(1),
  policy: z.strictObject({
    authorities: terms,
    acts: terms,
    /** Laws and rules as instruments ("Gesetz", "legge di bilancio", "พ.ร.บ."): acts that can be a sentence's subject. */
    instruments: terms,
    nonPolicy: terms,
    /**
     * A launch ("launches", "lanza", "запуск*"): a firm's product is not policy, but a central bank that opens its
     * sentence and launches something in scope (its digital currency, a payment system) acts.
     */
    launches: terms,
    incidents: terms,
    /** A person's stated view ("encouraged banks to", "stressed", "a plaidé"): in a sentence with no act, no official acts. */
    views: terms,
    /** Markers of a page that explains how something works ("what is", "is responsible for", "とは?"): not news of an act. */
    explainers: terms,
    speculative: terms,
    decided: terms,
    firms: terms,
    scope: z.array(term).min(1),
  }),
});

export type Regulator = z.infer<typeof regulatorSchema>;
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type PolicyCues = z.infer<typeof topicsFileSchema>["policy"];

/** The tables behind tagging, `/subscribe` choices, alert flags and help text. */
export interface Knowledge {
  jurisdictions: Jurisdiction[];
  topics: Topic[];
  policy: PolicyCues;
}

export interface KnowledgeFiles {
  jurisdictions?: string;
  topics?: string;
}

let cached: Knowledge | undefined;

/** Reads and validates config/jurisdictions.yaml and config/topics.yaml; ConfigError lists every problem. */
export function loadKnowledge(files: KnowledgeFiles = {}): Knowledge {
  const useCache = files.jurisdictions === undefined && files.topics === undefined;
  if (useCache && cached) return cached;
  const jurisdictionsFile = files.jurisdictions ?? configDataFile("jurisdictions.yaml");
  const topicsFile = files.topics ?? configDataFile("topics.yaml");
  const { jurisdictions } = readTable(jurisdictionsFile, jurisdictionsFileSchema);
  const { topics, policy } = readTable(topicsFile, topicsFileSchema);

  const jurisdictionProblems = checkJurisdictions(jurisdictions);
  if (jurisdictionProblems.length > 0) throw new ConfigError(jurisdictionsFile, jurisdictionProblems);
  const topicProblems = [...duplicates(topics.map((t) => t.id)).map((id) => `topics: id ${id} appears twice`), ...repeatedTerms(topics, policy)];
  if (topicProblems.length > 0) throw new ConfigError(topicsFile, topicProblems);

  const knowledge = { jurisdictions, topics, policy };
  if (useCache) cached = knowledge;
  return knowledge;
}

/** A table, from its build-time snapshot while the YAML is unchanged, else from the YAML; validated either way. */
function readTable<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const source = readSource(file);
  return validate(file, readSnapshot(file, source) ?? parseYaml(file, source), schema);
}

/**
 * Cross-entry rules zod cannot see: unique codes, at most one default reading of a shared acronym or name, each
 * site one body's, and a regional body's members in the table.
 */
function checkJurisdictions(jurisdictions: readonly Jurisdiction[]): string[] {
  const problems = duplicates(jurisdictions.map((j) => j.code)).map((code) => `jurisdictions: code ${code} appears twice`);
  const defaults = new Map<string, string[]>();
  for (const j of jurisdictions) {
    for (const r of j.regulators) {
      // A shared name ("National Treasury": South Africa's and Kenya's) has a usual reading as a shared acronym does.
      if (r.default) for (const key of r.acronym ? [`acronym ${r.acronym}`] : r.names.map((n) => `name ${n}`)) defaults.set(key, [...(defaults.get(key) ?? []), j.code]);
    }
  }
  for (const [reading, codes] of defaults) {
    if (codes.length > 1) problems.push(`jurisdictions: ${reading} is the default in ${codes.join(", ")}`);
  }
  const sites = new Map<string, string>();
  for (const j of jurisdictions) {
    for (const r of j.regulators) {
      const who = `${j.code} ${r.acronym ?? r.names[0]}`;
      for (const site of r.sites ?? []) {
        const other = sites.get(site);
        if (other) problems.push(`jurisdictions: site ${site} is both ${other}'s and ${who}'s`);
        else sites.set(site, who);
      }
    }
  }
  for (const j of jurisdictions) {
    for (const key of ["names", "exactNames", "adjectives", "aliases", "places"] as const) problems.push(...repeated(`jurisdictions: ${j.code} ${key}`, j[key]));
    for (const r of j.regulators) problems.push(...repeated(`jurisdictions: ${j.code} ${r.acronym ?? r.names[0]} names`, r.names));
  }
  const codes = new Set(jurisdictions.map((j) => j.code));
  for (const j of jurisdictions) {
    for (const r of j.regulators) {
      if (!r.members) continue;
      const who = r.acronym ?? r.names[0];
      for (const m of r.members) if (!codes.has(m)) problems.push(`jurisdictions: ${j.code} ${who}: member ${m} is not in the table`);
      if (!r.members.includes(j.code)) problems.push(`jurisdictions: ${j.code} ${who}: its members must include ${j.code}`);
    }
  }
  return problems;
}

/**
 * A term listed twice in one list: harmless to matching, but the second copy is an edit that did nothing, and
 * removing the first would then change nothing either. Lists that grow by hand need the check.
 */
function repeatedTerms(topics: readonly Topic[], policy: PolicyCues): string[] {
  const problems: string[] = [];
  for (const t of topics) for (const key of ["terms", "weak", "subjects"] as const) problems.push(...repeated(`topics: ${t.id} ${key}`, t[key]));
  for (const [key, list] of Object.entries(policy)) problems.push(...repeated(`policy: ${key}`, list));
  return problems;
}

function repeated(where: string, values: readonly string[]): string[] {
  return duplicates(values).map((v) => `${where}: "${v}" appears twice`);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const v of values) (seen.has(v) ? repeated : seen).add(v);
  return [...repeated];
}
