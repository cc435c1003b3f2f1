import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import { compileTerms, segment } from "../../../src/analysis/terms.js";

describe("segment", () => {
  const matcher = compileTerms(loadKnowledge());

  it("gives a sentence the item repeats the hits it would get alone, as hits of its own", () => {
    const lead = "The Financial Services Agency said on Tuesday it will require crypto-asset firms to hold reserves.";
    const other = "The SEC fined an exchange.";
    const body = [lead, other, lead, lead].join("\n");
    const segments = segment(matcher, "FSA rules on crypto-asset custody", body, "en");
    expect(segments.map((s) => s.text)).toEqual(["FSA rules on crypto-asset custody", lead, other, lead, lead]);
    // The weekday ("on Tuesday") is kept apart from the hits the verdict reads.
    const isWeekday = (h: (typeof segments)[number]["hits"][number]) => h.refs.some((r) => r.t === "cue" && r.cue === "tuesday");
    for (const s of segments) {
      expect(s.hits).toEqual(matcher.match(s.text).filter((h) => !isWeekday(h)));
      expect(s.weekdays ?? []).toEqual(matcher.match(s.text).filter(isWeekday));
    }
    expect(segments[3]!.weekdays).toHaveLength(1);
    expect(segments[3]!.hits.length).toBeGreaterThan(2);
    // Equal, not shared: the analysis tells hits apart by identity.
    segments[3]!.hits.forEach((hit, i) => expect(hit).not.toBe(segments[1]!.hits[i]));
    expect(segments[3]!.hits).not.toBe(segments[1]!.hits);
  });

  it("repeats the title's hits for a sentence that repeats the title", () => {
    const title = "SEC fines a crypto exchange";
    const segments = segment(matcher, title, `${title}\nThe fine is the largest.`, "en");
    expect(segments[1]!.text).toBe(title);
    expect(segments[1]!.hits).toEqual(segments[0]!.hits);
    expect(segments[1]!.hits.length).toBeGreaterThan(0);
  });
});
