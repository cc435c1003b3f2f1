import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchAll, matchesAt } from "../../../src/analysis/matches.js";

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

describe("matchesAt: a search tried only where a match may start", () => {
  // Patterns whose every match starts at a digit, with lookbehinds and lookaheads that read past the start.
  const patterns = [/\d+/, /(?<=a)\d|\d{2}(?!%)/u, /(?<n>\d+)(?:\s?(?<unit>%|€))?/iu, /\d(?:a*|%)/u, /(?=\d)(?:(?<=x)\d\d?|\d a)/iu];
  const pieces = ["1", "25", " ", "a", "A", "x", "%", "€", "😀", "日", "\n"];

  it("finds what the global search finds when given every digit", () => {
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.constantFrom(...patterns), text, (pattern, t) => {
        const digits = [...t.matchAll(/\d/g)].map((m) => m.index);
        const sticky = new RegExp(pattern.source, pattern.flags + "y");
        expect(shape(matchesAt(t, sticky, digits))).toEqual(shape(t.matchAll(new RegExp(pattern.source, pattern.flags + "g"))));
        expect(sticky.lastIndex).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses a pattern that is not sticky", () => {
    expect(() => matchesAt("12", /\d/g, [0])).toThrow(/not a sticky pattern/);
  });
});
