import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../src/analysis/index.js";

// Short items written for these tests, one verdict each: regulators' own releases that are or are not about
// crypto, payments or rates; the same acts (a ban, a fine, a revocation, a law entering into force, guidance) in
// every language of the tables; shared acronyms; one topic per language.
interface Verdict {
  id: string;
  title: string;
  text: string;
  /** Where the page is published: an authority's own site speaks for the act its text leaves unnamed. */
  url?: string;
  policy: boolean;
  jurisdictions?: string[];
  topic?: string;
  /** A topic the item must not get ("may face penalties" in a new law is no enforcement yet). */
  notTopic?: string;
}

const verdicts = JSON.parse(
  readFileSync(new URL("../../fixtures/analysis/verdicts.json", import.meta.url), "utf8"),
) as Verdict[];
const analyzer = await createAnalyzer();

describe("analyze: one verdict per written item", () => {
  it.each(verdicts.map((v) => [v.id, v] as const))("%s", (_id, v) => {
    // Explained, so that the evidence behind every verdict is built too (it has failed where the verdict did not).
    const got = analyzer.explain({ title: v.title, text: v.text, url: v.url });
    expect(got.policy).toBe(v.policy);
    if (v.jurisdictions) expect([...got.jurisdictions].sort()).toEqual([...v.jurisdictions].sort());
    if (v.topic) expect(got.topics).toContain(v.topic);
    if (v.notTopic) expect(got.topics).not.toContain(v.notTopic);
  });
});
