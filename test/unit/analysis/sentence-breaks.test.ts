import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sentenceBounds } from "../../../src/analysis/sentence-breaks.js";
import { splitSentences, splitSentencesByIcu } from "../../../src/analysis/text.js";

const icu = new Intl.Segmenter("en", { granularity: "sentence" });
/** ICU's segment starts and the text's end, in the form `sentenceBounds` answers. */
const icuBounds = (text: string): number[] => [...[...icu.segment(text)].map((s) => s.index), text.length].filter((b, i) => i === 0 || b > 0);

// Every character `sentenceBounds` knows, found by asking it one character at a time.
const known = Array.from({ length: 0x2100 }, (_, c) => String.fromCharCode(c)).filter((c) => sentenceBounds(c) !== undefined);

describe("sentenceBounds", () => {
  it("knows ASCII, Latin and Cyrillic letters and common punctuation, and leaves CJK, Thai, Arabic and marks to ICU", () => {
    for (const text of ["The SEC. It acts.", "Regulación: ¿qué?", "Behörde «Zitat» – Straße", "Банк России. Он", "Ngân hàng ơ Ư", "1.5% ¥50,000 €3…"]) {
      expect(sentenceBounds(text)).toEqual(icuBounds(text));
    }
    for (const text of ["金融庁。", "ก.ล.ต.", "البنك", "a\u0301", "soft\u00adhyphen", "line\u2028sep", "\u01c5"]) expect(sentenceBounds(text)).toBeUndefined();
    expect(known.length).toBeGreaterThan(900);
  });

  it("gives ICU's bounds on random strings of the characters it knows", () => {
    const pieces = [".", ".", "!", "?", " ", " ", "\n", "\r", "\r\n", ",", ";", ":", '"', ")", "a", "A", "Ab", "U.S.", "1", "3.5", "…", "«", "’"];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...known)), { maxLength: 14 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(sentenceBounds(t)).toEqual(icuBounds(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it("gives ICU's bounds for a text longer than its shared buffer, and again for a short one after it", () => {
    const long = "The SEC fined a firm. It will appeal, said Mr. Lee.\n".repeat(1500);
    expect(long.length).toBeGreaterThan(1 << 16);
    expect(sentenceBounds(long)).toEqual(icuBounds(long));
    expect(sentenceBounds("One. Two!")).toEqual([0, 5, 9]);
  });

  it("gives ICU's sentences on the labelled fixtures", () => {
    let fast = 0;
    for (const file of ["labelled", "languages", "scope", "collisions"]) {
      const items = JSON.parse(readFileSync(new URL(`../../fixtures/analysis/${file}.json`, import.meta.url), "utf8")) as Array<{ title?: string; text?: string }>;
      for (const item of items) {
        for (const text of [item.title ?? "", item.text ?? ""]) {
          if (sentenceBounds(text)) fast++;
          expect(splitSentences(text, "en")).toEqual(splitSentencesByIcu(text, "en"));
        }
      }
    }
    expect(fast).toBeGreaterThan(100);
  });
});
