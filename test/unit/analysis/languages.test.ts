import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../src/analysis/index.js";

interface Fixture {
  id: string;
  rule: string;
  title: string;
  text: string;
  url?: string;
  language?: string;
  policy: boolean;
  jurisdictions: string[];
  topics?: string[];
}

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/analysis/${name}`, import.meta.url), "utf8")) as Fixture[];
const analyzer = await createAnalyzer();
const run = (f: Fixture) =>
  analyzer.analyze({ title: f.title, text: f.text, url: f.url ?? null, language: f.language ?? null });

describe.each([
  ["every language of the tables", load("languages.json")],
  ["the scope rule and tricky negatives", load("scope.json")],
  ["acronyms shared by several jurisdictions", load("collisions.json")],
])("analyze: %s", (_name, fixtures) => {
  it.each(fixtures.map((f) => [f.rule, f] as const))("%s", (_rule, f) => {
    const got = run(f);
    expect(got.policy).toBe(f.policy);
    expect([...got.jurisdictions].sort()).toEqual([...f.jurisdictions].sort());
    for (const topic of f.topics ?? []) expect(got.topics).toContain(topic);
  });
});

describe("explain", () => {
  it("names the terms and sentences behind the verdict, each jurisdiction and each topic", () => {
    const got = analyzer.explain({ title: "", text: "Thailand's SEC fined a crypto exchange 2 million baht. The fine follows an inspection." });
    expect(got.policy).toBe(true);
    expect(got.evidence.policy.terms.map((t) => [t.term, t.as])).toEqual(
      expect.arrayContaining([["Thailand", "place TH"], ["fined", "act"], ["crypto exchange", "scope"]]),
    );
    expect(got.evidence.jurisdictions).toEqual([
      { code: "TH", terms: expect.arrayContaining([expect.objectContaining({ term: "SEC", as: "authority TH regulator", where: "title" })]) },
    ]);
    const enforcement = got.evidence.topics.find((t) => t.id === "enforcement")!;
    expect(enforcement.terms[0]).toMatchObject({ term: "fined", sentence: "Thailand's SEC fined a crypto exchange 2 million baht." });
  });

  it("explains a body the text gives to another country by that country (Chính phủ Thái Lan)", () => {
    const got = analyzer.explain({ title: "", text: "Chính phủ Thái Lan phê duyệt khung pháp lý cho tài sản số." });
    expect(got.jurisdictions).toEqual(["TH"]);
    expect(got.evidence.jurisdictions).toEqual([
      { code: "TH", terms: expect.arrayContaining([expect.objectContaining({ term: "Chính phủ", as: "authority TH government" })]) },
    ]);
  });

  it("names the site that published the page when it stands for the actor the text leaves unnamed", () => {
    const item = { title: "CP26/9: Stablecoin redemption", text: "We are seeking views on proposed rules for redeeming qualifying stablecoins." };
    const got = analyzer.explain({ ...item, url: "https://www.fca.org.uk/publications/consultation-papers/cp26-9" });
    expect(got.policy).toBe(true);
    expect(got.jurisdictions).toEqual(["GB"]);
    expect(got.evidence.policy.terms[0]).toMatchObject({ term: "fca.org.uk", as: expect.stringMatching(/^publisher GB regulator/), where: "url" });
    expect(got.evidence.jurisdictions).toEqual([{ code: "GB", terms: [expect.objectContaining({ term: "fca.org.uk", where: "url" })] }]);
    // The same words elsewhere name no actor.
    const elsewhere = analyzer.explain({ ...item, url: "https://news.example.com/cp26-9" });
    expect(elsewhere.policy).toBe(false);
    expect(elsewhere.evidence.policy.terms.some((t) => t.where === "url")).toBe(false);
  });

  it("names the prior behind a jurisdiction the text does not name: the feed's, or the language's", () => {
    const item = { title: "暗号資産の規制を強化", text: "当局は暗号資産交換業者への規制を強化すると発表した。", language: "ja" };
    expect(analyzer.explain(item).evidence.jurisdictions).toEqual([
      { code: "JP", terms: [expect.objectContaining({ term: "ja", as: expect.stringContaining("language"), where: "language" })] },
    ]);
    const fed = analyzer.explain({ ...item, feedId: "fsa-ja", feedJurisdiction: "JP" });
    expect(fed.evidence.jurisdictions).toEqual([
      { code: "JP", terms: [expect.objectContaining({ term: "fsa-ja", as: expect.stringContaining("feed"), where: "feed" })] },
    ]);
  });

  it("says why an item is not policy", () => {
    const got = analyzer.explain({ title: "SEC charges manufacturer with accounting fraud", text: "The SEC charged the company." });
    expect(got.evidence.policy).toMatchObject({ verdict: false, reason: expect.stringContaining("not about crypto") });
    expect(got.evidence.jurisdictions).toEqual([]);
  });

  it("names the marker of an explainer that kept a page about an authority's job from being policy", () => {
    const got = analyzer.explain({ title: "", text: "The Reserve Bank of Australia is responsible for setting the cash rate." });
    expect(got.policy).toBe(false);
    expect(got.evidence.policy.terms).toContainEqual(expect.objectContaining({ term: "is responsible for", as: "an explainer (not policy)" }));
  });
});
