import { describe, expect, it } from "vitest";
import { canonicalTimeZone, extractDeliveryWords, readHour, readWeekday } from "../../../src/commands/synonyms.js";
import { addRule, covers, removeItems } from "../../../src/commands/rules.js";

describe("everyday delivery words", () => {
  it.each([
    ["9", 9], ["09:00", 9], ["9h", 9], ["9am", 9], ["9 pm", 21], ["12am", 0], ["12pm", 12], ["21時", 21], ["２１時", 21],
  ] as const)("reads the hour %s as %d", (typed, hour) => expect(readHour(typed)).toBe(hour));

  it.each(["24", "13pm", "0am", "nine", "9:30"])("refuses the hour %s", (typed) => expect(readHour(typed)).toBeUndefined());

  it("reads time zones, abbreviations and weekdays", () => {
    expect(canonicalTimeZone("JST")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("asia/tokyo")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("Mars/Olympus")).toBeUndefined();
    expect(readWeekday("fri")).toBe("friday");
    expect(readWeekday("Fridays")).toBe("friday");
    expect(readWeekday("金曜日")).toBe("friday");
    expect(readWeekday("fr")).toBeUndefined();
  });

  it("takes only whole delivery words out of a line, leaving places and topics", () => {
    expect(extractDeliveryWords("jp hk daily 9am JST")).toEqual({ rest: "jp hk", words: { delivery: "daily", hour: "9am", time_zone: "JST" } });
    expect(extractDeliveryWords("weekly friday us stablecoin")).toEqual({ rest: "us stablecoin", words: { delivery: "weekly", weekday: "friday" } });
    // "9" alone, "sg" and "mon" stay: a bare number or a short word could be something else.
    expect(extractDeliveryWords("sg 9 mon")).toEqual({ rest: "sg 9 mon", words: {} });
  });
});

describe("rules", () => {
  const jp = { jurisdictions: ["JP"], topics: [] };
  const stable = { jurisdictions: ["all"], topics: ["stablecoin"] };
  it("covers: a broader rule receives everything a narrower one does", () => {
    expect(covers({ jurisdictions: ["all"], topics: [] }, jp)).toBe(true);
    expect(covers(jp, { jurisdictions: ["JP"], topics: ["tax"] })).toBe(true);
    expect(covers({ jurisdictions: ["JP"], topics: ["tax"] }, jp)).toBe(false);
    expect(covers(jp, { ...jp, include: ["circle"] })).toBe(true);
    expect(covers({ ...jp, include: ["circle"] }, jp)).toBe(false);
    expect(covers({ ...jp, exclude: ["airdrop"] }, jp)).toBe(false);
    expect(covers(jp, { ...jp, mention: "123456" })).toBe(false);
  });

  it("adding folds the rules the new one covers, and never loses any", () => {
    const added = addRule([jp, { jurisdictions: ["HK"], topics: ["tax"] }, stable], { jurisdictions: ["all"], topics: [] });
    expect(added).toEqual({ kind: "added", rules: [{ jurisdictions: ["all"], topics: [] }], index: 0 });
    expect(addRule([jp], { jurisdictions: ["US"], topics: [] })).toEqual({ kind: "added", rules: [{ jurisdictions: ["JP", "US"], topics: [] }], index: 0 });
    expect(addRule([{ jurisdictions: ["US"], topics: ["stablecoin"] }], { jurisdictions: ["US"], topics: ["tax"] })).toEqual({
      kind: "added",
      rules: [{ jurisdictions: ["US"], topics: ["stablecoin", "tax"] }],
      index: 0,
    });
    expect(addRule([jp, stable], { jurisdictions: ["JP"], topics: ["stablecoin"] })).toEqual({ kind: "covered", by: 0 });
  });

  it("removing never widens: a rule that loses its last place or topic ends", () => {
    const out = removeItems([{ jurisdictions: ["JP"], topics: ["stablecoin"] }, { jurisdictions: ["JP", "HK"], topics: [] }, stable], { jurisdictions: ["JP"], topics: [] });
    expect(out.rules).toEqual([{ jurisdictions: ["HK"], topics: [] }, stable]);
    expect(out.ended).toEqual([{ jurisdictions: ["JP"], topics: ["stablecoin"] }]);
    expect(out.cannot).toEqual([stable]);
  });
});
