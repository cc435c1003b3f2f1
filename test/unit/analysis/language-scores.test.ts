import fc from "fast-check";
import { readFileSync } from "node:fs";
import { eld } from "eld/extrasmall";
import { describe, expect, it } from "vitest";
import { loadScorer } from "../../../src/analysis/language-scores.js";
import { LANGUAGES } from "../../../src/analysis/language.js";

// The scorer reads eld's model for our languages only; it must name what eld's own `detect` names with that subset.
const scorer = (await loadScorer(LANGUAGES))!;
eld.setLanguageSubset([...LANGUAGES]);
const byEld = (text: string) => eld.detect(text).language;

describe("loadScorer", () => {
  it("finds eld's tables", () => {
    expect(scorer).toBeTypeOf("function");
    expect(scorer("La Comisión Nacional del Mercado de Valores impuso una multa a la plataforma")).toBe("es");
    expect(scorer("Die Bundesanstalt warnt Verbraucher vor Anbietern ohne Erlaubnis")).toBe("de");
    expect(scorer("")).toBe("");
    expect(scorer("12345 !!")).toBe("");
  });

  it("names eld's language for every text of the labelled fixtures, whole and cut", () => {
    let named = 0;
    for (const file of ["labelled", "languages", "scope", "collisions"]) {
      const items = JSON.parse(readFileSync(new URL(`../../fixtures/analysis/${file}.json`, import.meta.url), "utf8")) as Array<{ title?: string; text?: string }>;
      for (const item of items) {
        const whole = `${item.title ?? ""}\n${item.text ?? ""}`;
        for (const text of [whole, whole.slice(0, 200), whole.slice(0, 40), whole.slice(150, 1400)]) {
          const expected = byEld(text);
          if (expected) named++;
          expect([text, scorer(text)]).toEqual([text, expected]);
        }
      }
    }
    expect(named).toBeGreaterThan(400);
  });

  it("names eld's language for random text, words of several scripts and any code point", () => {
    const words = ["the", "der", "regulación", "não", "kripto", "için", "để", "của", "банк", "віртуальні", "ustawa", "legge", "crypto", "₩", "2027", "don't", "l’autorité", "  ", "-", "金融庁", "ก.ล.ต.", "البنك"];
    const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: "binary", maxLength: 6 }), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(text, (t) => {
        expect(scorer(t)).toBe(byEld(t));
      }),
      { numRuns: 5000 },
    );
  });
});
