import { describe, expect, it } from "vitest";
import {
  editDistance, findJurisdiction, findTopic, loadKnowledge, suggestJurisdiction, suggestTopic,
} from "../../../src/analysis/knowledge.js";

const k = loadKnowledge();
const code = (x: ReturnType<typeof findJurisdiction>) => (x === "all" ? "all" : x?.code);

describe("findJurisdiction", () => {
  it.each([
    ["uk", "GB"], ["UK", "GB"], ["gb", "GB"], ["Hong Kong", "HK"], ["hong kong", "HK"], ["日本", "JP"],
    ["한국", "KR"], ["UAE", "AE"], ["u.s.", "US"], ["EU", "EU"], ["international", "INT"], ["all", "all"], ["Japanese", "JP"],
  ])("%s → %s", (typed, expected) => {
    expect(code(findJurisdiction(k, typed))).toBe(expected);
  });

  it("says nothing for unknown text", () => {
    expect(findJurisdiction(k, "Atlantis")).toBeUndefined();
    expect(findJurisdiction(k, "  ")).toBeUndefined();
  });

  it("exposes what alerts and /subscribe need", () => {
    const jp = findJurisdiction(k, "jp");
    expect(jp).toMatchObject({ code: "JP", name: "Japan", flag: "🇯🇵", currency: "JPY" });
    if (jp === "all" || !jp) throw new Error("unreachable");
    expect(jp.regulators.find((r) => r.acronym === "FSA")?.names).toContain("金融庁");
  });
});

describe("suggestJurisdiction", () => {
  it("offers the closest spelling", () => {
    expect(suggestJurisdiction(k, "Singapure")?.code).toBe("SG");
    expect(suggestJurisdiction(k, "Hongkong")?.code).toBe("HK");
    expect(suggestJurisdiction(k, "xyzzyqwerty")).toBeUndefined();
  });
});

describe("findTopic and suggestTopic", () => {
  it("resolves ids, labels and terms", () => {
    expect((findTopic(k, "stablecoins") as { id: string }).id).toBe("stablecoin");
    expect((findTopic(k, "ICO") as { id: string }).id).toBe("token-offering");
    expect((findTopic(k, "Exchange licensing") as { id: string }).id).toBe("exchange-licensing");
    expect(findTopic(k, "all")).toBe("all");
    expect(findTopic(k, "weather")).toBeUndefined();
  });

  it("suggests the closest topic", () => {
    expect(suggestTopic(k, "stablcoin")?.id).toBe("stablecoin");
    expect(suggestTopic(k, "custodi")?.id).toBe("custody");
  });

  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});
