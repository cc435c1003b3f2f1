import { describe, expect, it } from "vitest";
import { suggest } from "../../../adapters/discord/autocomplete.js";
import { commands } from "../../../commands/index.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import type { Command } from "../../../src/core/command.js";

const knowledge = loadKnowledge();
const command = (name: string): Command => commands.find((c) => c.name === name) as Command;
const values = (name: string, option: string, typed: string) => suggest(command(name), option, typed, knowledge).map((c) => c.value);

describe("autocomplete from the knowledge tables", () => {
  it("offers at most 25 choices for an empty field, though there are more jurisdictions", () => {
    expect(knowledge.jurisdictions.length).toBeGreaterThan(25);
    expect(values("subscribe", "what", "")).toHaveLength(25);
  });

  it("matches codes, names in other languages and topics", () => {
    expect(values("subscribe", "what", "hk")[0]).toBe("HK");
    expect(values("subscribe", "what", "日本")).toContain("JP");
    expect(values("subscribe", "what", "stable")).toContain("stablecoin");
    expect(values("jurisdictions", "jurisdiction", "stable")).not.toContain("stablecoin");
  });

  it("completes the last item of a list and keeps the ones before", () => {
    expect(values("subscribe", "what", "jp, g")).toContain("jp, GB");
    expect(values("subscribe", "what", "jp united k")).toContain("jp GB");
  });

  it("filters an enum option's choices by what was typed (enums over 25 choices autocomplete)", () => {
    const names = suggest(command("subscribe"), "delivery", "da", knowledge).map((c) => c.name);
    expect(names).toEqual(["daily"]);
  });

  it("keeps every choice within Discord's 100 characters", () => {
    for (const c of suggest(command("subscribe"), "what", `${"x ".repeat(48)}j`, knowledge)) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
