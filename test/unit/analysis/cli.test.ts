import { describe, expect, it } from "vitest";
import { parseItems } from "../../../src/cli/analyze.js";
import { UserError } from "../../../src/core/errors.js";
import { createAnalyzer } from "../../../src/analysis/index.js";
import { evaluate, numbersIn } from "../../../src/analysis/evaluate.js";

describe("analyze input", () => {
  it("accepts one item or an array", () => {
    expect(parseItems('{"title":"T","text":"x","language":"ja"}', "f")).toMatchObject({
      single: true, items: [{ title: "T", text: "x", language: "ja" }],
    });
    expect(parseItems('[{"title":"A"},{"title":"B","url":"https://x.test/"}]', "f").items).toHaveLength(2);
  });

  it("takes items without a title, keeping their place in the batch", () => {
    const { items } = parseItems('[{"title":"A"},{"text":"The FCA fined a firm."},{"title":null,"text":"x"}]', "in.json");
    expect(items).toEqual([
      expect.objectContaining({ title: "A", text: "" }),
      expect.objectContaining({ title: "", text: "The FCA fined a firm." }),
      expect.objectContaining({ title: "", text: "x" }),
    ]);
  });

  it("rejects a bad single item with a one-line UserError", () => {
    expect(() => parseItems("{nope", "in.json")).toThrow(new UserError("in.json: not valid JSON"));
    expect(() => parseItems('{"title":"A","text":5}', "in.json")).toThrow("in.json: text must be a string");
    expect(() => parseItems('{"title":" ","text":"<p> </p>"}', "in.json")).toThrow("in.json: empty item (no title and no text)");
  });

  it("gives a bad item of a batch its own one-line error, in its place, and keeps the others", () => {
    const { items } = parseItems('[{"title":"A"},{"title":"  ","text":"<p> </p>"},{},3,{"title":"B"}]', "in.json");
    expect(items).toEqual([
      expect.objectContaining({ title: "A" }),
      { error: "in.json: item 2: empty item (no title and no text)" },
      { error: "in.json: item 3: empty item (no title and no text)" },
      { error: "in.json: item 4: expected an object with a title or text" },
      expect.objectContaining({ title: "B" }),
    ]);
  });
});

describe("evaluate", () => {
  it("scores policy, jurisdictions, topics and figure recall, and lists the misses", async () => {
    const report = evaluate(await createAnalyzer(), [
      {
        id: "a", title: "FCA fines crypto firm £2 million", text: "The Financial Conduct Authority fined a crypto firm £2 million on 3 March 2026 for weak anti-money laundering controls.",
        policy: true, jurisdictions: ["GB"], topics: ["enforcement", "aml"], referenceSummary: "The FCA fined an exchange £2 million on 3 March 2026.",
      },
      { id: "b", title: "Bitcoin rallies 4%", text: "Bitcoin rose 4% to $70,000.", policy: true, jurisdictions: ["US"], topics: ["other"] },
    ]);
    expect(report.policyAccuracy).toBe(0.5);
    expect(report.jurisdictionExactMatch).toBe(0.5);
    expect(report.figureRecall).toBe(1);
    expect(report.misses.map((m) => `${m.id}:${m.what}`)).toEqual(["b:policy", "b:jurisdictions", "b:topics"]);
  });

  it("says apart the policy items missed and how well the alerted ones are tagged", async () => {
    const report = evaluate(await createAnalyzer(), [
      {
        id: "hit", title: "FCA fines crypto firm £2 million", text: "The Financial Conduct Authority fined a crypto firm £2 million for weak anti-money laundering controls.",
        policy: true, jurisdictions: ["GB"], topics: ["enforcement", "aml", "custody"],
      },
      { id: "missed", title: "Bitcoin rallies 4%", text: "Bitcoin rose 4% to $70,000.", policy: true, jurisdictions: ["US"], topics: ["other"] },
      { id: "false-alarm", title: "SEC charges crypto lender", text: "The SEC charged a crypto lender with selling unregistered securities.", policy: false, jurisdictions: [], topics: [] },
      { id: "quiet", title: "Exchange hires a CFO", text: "A crypto exchange hired a new chief financial officer.", policy: false, jurisdictions: [], topics: [] },
    ]);
    expect(report.policyRecall).toBe(0.5);
    expect(report.policyPrecision).toBe(0.5);
    // The missed item's jurisdiction counts against the exact match, not against the alerted one.
    expect(report.jurisdictionExactMatch).toBe(0.5);
    expect(report.jurisdictionExactWhenAlerted).toBe(1);
    // Alerted: enforcement and aml found, custody not (2 of 3 labels, nothing extra) = 0.8.
    expect(report.topicF1WhenAlerted).toBeCloseTo(0.8);
  });

  it("finds a percentage point kept as basis points under the number the reference writes", async () => {
    const report = evaluate(await createAnalyzer(), [
      {
        id: "selic", title: "Copom corta a Selic em 0,50 ponto percentual", text: "O Copom reduziu a taxa Selic em 0,50 ponto percentual, para 13,25%.",
        policy: true, jurisdictions: ["BR"], topics: ["monetary-policy"], referenceSummary: "Copom cut the Selic by 0.50 percentage point to 13.25%.",
      },
    ]);
    expect(report.figureRecall).toBe(1);
  });

  it("finds a scaled number without a currency under the number the reference writes", async () => {
    const report = evaluate(await createAnalyzer(), [
      {
        id: "debt", title: "Il debito pubblico scende", text: "Secondo la Banca d'Italia il debito è calato di 16,2 miliardi rispetto ad agosto.",
        policy: false, jurisdictions: [], topics: [], referenceSummary: "Italy's public debt fell by 16.2 billion from August.",
      },
    ]);
    expect(report.figureRecall).toBe(1);
  });

  it("finds a negative rate under the number the reference writes, as both are read unsigned", async () => {
    const report = evaluate(await createAnalyzer(), [
      {
        id: "riksbank", title: "", text: "Riksbanken sänker sin styrande ränta från -0,25 till -0,35 procent.",
        policy: true, jurisdictions: ["SE"], topics: ["monetary-policy"], referenceSummary: "The Riksbank cut its policy rate from -0.25% to -0.35%.",
      },
    ]);
    expect(report.figureRecall).toBe(1);
  });

  it("reads the numbers of a reference summary", () => {
    expect([...numbersIn("capped ¥500,000 at 5%, up to ¥2 million; vote 308-122")]).toEqual(["500000", "5", "2", "308", "122"]);
  });
});
