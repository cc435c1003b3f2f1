import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../src/analysis/index.js";

interface Fixture {
  id: string;
  rule: string;
  title: string;
  text: string;
  language?: string;
  feedJurisdiction?: string;
  policy: boolean;
  jurisdictions: string[];
  topics: string[];
}

const fixtures = JSON.parse(
  readFileSync(new URL("../../fixtures/analysis/labelled.json", import.meta.url), "utf8"),
) as Fixture[];
const analyzer = await createAnalyzer();

describe("analyze: policy, jurisdictions and topics", () => {
  it.each(fixtures.map((f) => [f.rule, f] as const))("%s", (_rule, f) => {
    const got = analyzer.analyze({
      title: f.title, text: f.text, language: f.language ?? null, feedJurisdiction: f.feedJurisdiction ?? null,
    });
    expect(got.policy).toBe(f.policy);
    expect([...got.jurisdictions].sort()).toEqual([...f.jurisdictions].sort());
    // The labelled topics must be found; the primary one first.
    for (const topic of f.topics) expect(got.topics).toContain(topic);
    if (f.topics[0] && f.topics.length === 1) expect(got.topics[0]).toBe(f.topics[0]);
  });

  it("does not read the English word \"Island\" as Iceland", () => {
    const rhode = analyzer.analyze({
      title: "Rhode Island passes crypto kiosk law",
      text: "Rhode Island lawmakers passed a law capping crypto kiosk transactions. Long Island residents lost savings to kiosk scams.",
    });
    expect(rhode.jurisdictions).toEqual(["US"]);
    const long = analyzer.analyze({
      title: "Long Island man charged over crypto kiosk scam",
      text: "Prosecutors charged a Long Island man with laundering money through crypto kiosks on the island.",
    });
    expect(long.jurisdictions).not.toContain("IS");
    const cayman = analyzer.analyze({
      title: "Cayman Islands regulator registers crypto firms",
      text: "The Cayman Islands Monetary Authority registered two virtual asset service providers.",
    });
    expect(cayman.jurisdictions).toEqual(["KY"]);
    // Iceland itself is still found, in English and in Icelandic.
    const iceland = analyzer.analyze({
      title: "Central Bank of Iceland warns on crypto",
      text: "Seðlabanki Íslands warned that crypto-assets are not legal tender in Iceland.",
    });
    expect(iceland.jurisdictions).toEqual(["IS"]);
  });

  it("uses the feed's jurisdiction only as a prior", () => {
    const item = {
      title: "Japan's FSA tightens rules for crypto exchanges",
      text: "The Financial Services Agency said exchanges must keep customer assets in cold wallets.",
    };
    expect(analyzer.analyze({ ...item, feedJurisdiction: "US" }).jurisdictions).toEqual(["JP"]);
    expect(analyzer.analyze({ ...item, feedJurisdiction: "XX" }).jurisdictions).toEqual(["JP"]);
  });

  it("labels no jurisdiction or topic on non-policy items, but still summarises them", () => {
    const got = analyzer.analyze({
      title: "Ether price jumps 8% after network upgrade",
      text: "Ether rose 8% to $4,100 after the network upgrade went live on the mainnet.",
    });
    expect(got).toMatchObject({ policy: false, jurisdictions: [], topics: [] });
    expect(got.summary).toContain("$4,100");
  });

  it("is deterministic and does not depend on earlier calls", () => {
    const f = fixtures[0]!;
    const a = analyzer.analyze({ title: f.title, text: f.text });
    analyzer.analyze({ title: "x", text: "y" });
    expect(analyzer.analyze({ title: f.title, text: f.text })).toEqual(a);
  });
});

describe("analyze: summary", () => {
  const long =
    "The Monetary Authority of Singapore on Wednesday issued final rules requiring digital payment token service " +
    "providers to hold customer assets in a statutory trust by 30 June 2026. Industry groups had lobbied for a longer " +
    "transition, arguing that smaller firms would struggle to meet the new requirements in time. The rules also cap " +
    "retail exposure to S$200,000 per customer. Photo by Someone on Unsplash. Read more: our coverage of Singapore.";

  it("keeps at most two sentences, 280 characters, and the regulatory fact with its figures", () => {
    const got = analyzer.analyze({ title: "MAS finalises custody rules for crypto firms", text: long });
    expect(got.summary.length).toBeLessThanOrEqual(280);
    expect(got.summary).toContain("30 June 2026");
    expect(got.summary).not.toMatch(/Unsplash|Read more/);
    const sentences = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(got.summary)];
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(got.figures).toContainEqual({ kind: "money", value: 200000, currency: "SGD", text: "S$200,000" });
  });

  it("never cuts inside a word when a single sentence is too long", () => {
    const sentence =
      "The regulator announced " + Array.from({ length: 60 }, (_, i) => `requirement${i}`).join(" and ") + ".";
    const got = analyzer.analyze({ title: "Regulator announces rules", text: sentence });
    expect(got.summary.length).toBeLessThanOrEqual(280);
    expect(got.summary.endsWith("…")).toBe(true);
    const lastWord = got.summary.slice(0, -1).split(" ").at(-1)!;
    expect(sentence.split(/[ .]/)).toContain(lastWord);
  });

  it("falls back to the title when the body has no sentence to offer", () => {
    expect(analyzer.analyze({ title: "CFTC and SEC sign data-sharing MoU", text: "" }).summary).toBe("CFTC and SEC sign data-sharing MoU");
    expect(analyzer.analyze({ title: "FCA bans crypto derivatives", text: "x".repeat(5000) }).summary).toBe("FCA bans crypto derivatives");
  });

  it("prefers the quote that keeps the key figures of the title and lead", () => {
    const got = analyzer.analyze({
      title: "Ruritania's central bank cuts its policy rate by 75 basis points",
      text:
        "The Central Bank of Ruritania on Thursday cut its benchmark rate by 75 basis points to 21%, its first cut in two years. " +
        "The committee cited slowing inflation and weaker demand for credit across the economy, in a decision that surprised " +
        "most of the analysts who follow the bank. The committee will meet again in six weeks.",
      published: "2026-03-05",
    });
    expect(got.summary.length).toBeLessThanOrEqual(280);
    expect(got.summary).toContain("75 basis points");
    expect(got.summary).toContain("21%");
    expect(got.figures.map((f) => f.kind)).toEqual(expect.arrayContaining(["basis-points", "percent"]));
  });

  it("summarises in the article's language", () => {
    const f = fixtures.find((x) => x.id === "japanese")!;
    const got = analyzer.analyze({ title: f.title, text: f.text, language: "ja" });
    expect(got.summary).toMatch(/金融庁/);
    expect(got.summary.length).toBeLessThanOrEqual(280);
  });
});

describe("brief analysis, for items the poller will not alert", () => {
  it("gives a non-policy item only its verdict, and a policy item everything", async () => {
    const analyzer = await createAnalyzer();
    const hack = { title: "Exchange loses $40 million in hack", text: "Hackers drained $40 million from the exchange's hot wallet on 3 March 2026." };
    expect(analyzer.analyze(hack, { brief: true })).toEqual({ policy: false, jurisdictions: [], topics: [], summary: "", figures: [] });
    expect(analyzer.analyze(hack).figures.map((f) => f.text)).toContain("$40 million");
    const fine = { title: "FCA fines crypto firm £3 million", text: "The Financial Conduct Authority fined a cryptoasset firm £3 million on 3 March 2026 for anti-money laundering failures." };
    expect(analyzer.analyze(fine, { brief: true })).toEqual(analyzer.analyze(fine));
  });
});
