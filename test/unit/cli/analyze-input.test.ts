import { describe, expect, it } from "vitest";
import { parseItems } from "../../../src/cli/analyze.js";
import type { AnalysisInput } from "../../../src/analysis/index.js";
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS } from "../../../src/core/text-limits.js";

/** The one item of a single-item source; a single bad item would have thrown. */
function only(source: string, name: string): AnalysisInput {
  const item = parseItems(source, name).items[0];
  if (!item || "error" in item) throw new Error(`${name}: no item`);
  return item;
}

describe("analyze input: hostile sizes and invisible characters", () => {
  it("caps a 10 MB title and a long text as the poller does", () => {
    const title = "FSA fines exchange ".repeat(530_000);
    expect(title.length).toBeGreaterThan(10_000_000);
    const item = only(JSON.stringify({ title, text: "word ".repeat(100_000) }), "big.json");
    expect(item.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(item.title.startsWith("FSA fines exchange FSA")).toBe(true);
    expect(item.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it("reads a JSON file that starts with a UTF-8 byte-order mark", () => {
    expect(only('\uFEFF{"title":"FSA fines exchange"}', "bom.json").title).toBe("FSA fines exchange");
  });
});
