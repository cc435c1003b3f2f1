import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchAll } from "../../../src/analysis/matches.js";

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, parts: [...m], groups: m.groups }));

describe("matchAll over a shared pattern", () => {
  // Patterns that match nothing, something, or the empty string (where the search steps over a character, or a
  // whole surrogate pair under the u flag).
  const patterns = [/\d+/g, /(?<n>\d+)(?:\s?(?<unit>%|€))?/gu, /a*/g, /a*/gu, /(?:)/gu, /x?|\d/giu, /(?<e>)|😀/gu, /[^]?/g, /\p{L}*/gu];
  const pieces = ["1", "25", " ", "a", "A", "x", "%", "€", "😀", "\ud83d", "\ude00", "日", "\n"];

  it("finds what String.prototype.matchAll finds, and leaves the pattern at the start", () => {
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.constantFrom(...patterns), text, (pattern, t) => {
        expect(shape(matchAll(t, pattern))).toEqual(shape(t.matchAll(pattern)));
        expect(pattern.lastIndex).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses a pattern that is not global, as matchAll does", () => {
    expect(() => matchAll("12", /\d/)).toThrow(/not a global pattern/);
  });
});
