import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import { TermMatcher } from "../../../src/analysis/matcher.js";
import { compileTerms } from "../../../src/analysis/terms.js";

// The matcher looks ASCII words up by hash and compares them in place; with `hashedAscii: false` it makes every
// word's string and looks it up by string. The two must find the same terms.
describe("TermMatcher: ASCII words by hash", () => {
  const knowledge = loadKnowledge();
  const hashed = compileTerms(knowledge);
  const byString = compileTerms(knowledge, { hashedAscii: false });
  const hits = (m: typeof hashed, text: string) => m.match(text).map((h) => [h.start, h.end, JSON.stringify(h.refs)]);

  it("finds what the lookup by string finds, on random texts made of the tables' own words", () => {
    const terms = [
      ...knowledge.jurisdictions.flatMap((j) => [...j.names, ...j.regulators.flatMap((r) => [...r.names, ...(r.acronym ? [r.acronym] : [])])]),
      ...knowledge.topics.flatMap((t) => t.terms),
      ...knowledge.policy.acts,
      ...knowledge.policy.scope,
    ];
    const words = [...new Set(terms.flatMap((t) => t.replace(/\*/g, "").split(/\s+/)))].filter((w) => w.length > 0);
    expect(words.length).toBeGreaterThan(1000);
    const word = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(...words).map((w) => w.toLowerCase() + "s"),
      fc.constantFrom("the", "said", "on", "Tuesday", "it", "will", "firms", "100%", "¥50,000,000", "1", "April", "2027", "Aa", "BB"),
    );
    const text = fc.array(fc.tuple(word, fc.constantFrom(" ", " ", ", ", ". ", "-", "\n")), { maxLength: 20 }).map((parts) => parts.flat().join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const expected = hits(byString, t);
        found += expected.length;
        expect(hits(hashed, t)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
    expect(found).toBeGreaterThan(5000);
  });

  it("finds every stem of the tables in a word that extends it, past the first-two-letters check", () => {
    const stems = [
      ...knowledge.topics.flatMap((t) => [...t.terms, ...t.weak, ...t.subjects]),
      ...Object.values(knowledge.policy).flat(),
    ].filter((t) => /^[a-z]+\*$/i.test(t));
    expect(stems.length).toBeGreaterThan(20);
    for (const stem of stems) {
      const word = stem.slice(0, -1) + "xyz";
      for (const m of [hashed, byString]) expect(m.match(`the ${word} rule`).some((h) => h.start === 4), `${stem} in "${word}"`).toBe(true);
    }
    // A word that only shares a stem's first two letters begins nothing ("for" beside "forbud*").
    const m = new TermMatcher<string>();
    m.add("forbud*", "ban");
    expect(m.match("for the forbudte")).toEqual([{ refs: ["ban"], start: 8, end: 16 }]);
  });

  it("finds terms added after a text was read", () => {
    const m = new TermMatcher<string>();
    m.add("crypto", "scope");
    const found = (text: string) => m.match(text).map((h) => [text.slice(h.start, h.end), h.refs.join("+")]);
    expect(found("A crypto exchange in Dubai")).toEqual([["crypto", "scope"]]);
    m.add("crypto exchange", "venue");
    m.add("Dubai", "place");
    m.add("DIFC", "zone", true);
    expect(found("A crypto exchange in Dubai and DIFC")).toEqual([["crypto exchange", "venue"], ["Dubai", "place"], ["DIFC", "zone"]]);
  });

  it("tells apart keys whose hashes are equal", () => {
    // "Aa" and "BB" have the same hash (65·31 + 97 = 66·31 + 66).
    const m = new TermMatcher<string>();
    m.add("Aa", "aa", true);
    m.add("BB", "bb", true);
    m.add("BB rule", "bb-rule", true);
    const found = (text: string) => m.match(text).map((h) => [text.slice(h.start, h.end), h.refs.join("+")]);
    expect(found("Aa, BB and Aa BB rule")).toEqual([["Aa", "aa"], ["BB", "bb"], ["Aa", "aa"], ["BB rule", "bb-rule"]]);
    expect(found("AA bb")).toEqual([]);
  });
});
