import { describe, expect, it } from "vitest";
import { parseItems } from "../../../src/cli/analyze.js";
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS } from "../../../src/core/text-limits.js";

describe("analyze input: hostile sizes and invisible characters", () => {
  it("caps a 10 MB title and a long text as the poller does", () => {
    const title = "FSA fines exchange ".repeat(530_000);
    expect(title.length).toBeGreaterThan(10_000_000);
    const { items } = parseItems(JSON.stringify({ title, text: "word ".repeat(100_000) }), "big.json");
    expect(items[0]?.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(items[0]?.title.startsWith("FSA fines exchange FSA")).toBe(true);
    expect(items[0]?.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it("reads a JSON file that starts with a UTF-8 byte-order mark", () => {
    expect(parseItems('\uFEFF{"title":"FSA fines exchange"}', "bom.json").items[0]?.title).toBe("FSA fines exchange");
  });
});
