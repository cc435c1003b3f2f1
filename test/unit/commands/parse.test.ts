import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Command } from "../../../src/core/command.js";
import { UserError } from "../../../src/core/errors.js";
import { bindArguments, parseCommandLine, validateOptions } from "../../../src/commands/parse.js";
import { describeOptions, usage } from "../../../src/commands/describe.js";
import { ieoCapCommand } from "../../../commands/ieo-cap.js";
import { commands } from "../../../commands/index.js";

describe("parseCommandLine", () => {
  it.each([
    ["/ieo-cap income:8m net_assets:30m", "ieo-cap", [{ key: "income", value: "8m" }, { key: "net_assets", value: "30m" }]],
    ["/ieo_cap 800万 3000万 60万", "ieo-cap", [{ value: "800万" }, { value: "3000万" }, { value: "60万" }]],
    ["/ieo_cap income=8m assets=30m", "ieo-cap", [{ key: "income", value: "8m" }, { key: "assets", value: "30m" }]],
    ["/IEO_CAP@regwatch_bot 1 2", "ieo-cap", [{ value: "1" }, { value: "2" }]],
    ["ieo-cap income: 8m", "ieo-cap", [{ key: "income", value: "8m" }]],
    ["/ieo-cap --income 8m --net-assets=-3m", "ieo-cap", [{ key: "income", value: "8m" }, { key: "net-assets", value: "-3m" }]],
    ["/ieo-cap amount:\"8 000\" 'a b'", "ieo-cap", [{ key: "amount", value: "8 000" }, { value: "a b" }]],
    ["／ieo_cap　income：800万", "ieo-cap", [{ key: "income", value: "800万" }]],
    ["/ieo-cap -3,000,000", "ieo-cap", [{ value: "-3,000,000" }]],
  ])("reads %j", (text, name, args) => {
    expect(parseCommandLine(text)).toEqual({ name, args });
  });

  it("gives nothing for an empty line", () => {
    expect(parseCommandLine("   ")).toBeUndefined();
  });

  it("refuses an unclosed quote and a name without a value", () => {
    expect(() => parseCommandLine('/x a:"b')).toThrow(UserError);
    expect(() => parseCommandLine("/x income:")).toThrow(/income has no value/);
  });
});

describe("bindArguments", () => {
  const bind = (text: string) => bindArguments(ieoCapCommand, parseCommandLine(text)?.args ?? []);

  it("fills positions in the order the command gives", () => {
    expect(bind("/ieo_cap 800万 3000万 60万")).toEqual({ income: "800万", net_assets: "3000万", amount: "60万" });
  });

  it("treats - and _ alike and resolves aliases", () => {
    expect(bind("/ieo-cap net-assets:1 INCOME:2")).toEqual({ net_assets: "1", income: "2" });
    expect(bind("/ieo-cap assets=1 income=2")).toEqual({ net_assets: "1", income: "2" });
  });

  it("lets loose values fill the positions not already named", () => {
    expect(bind("/ieo-cap net_assets:30m 8m 1m")).toEqual({ net_assets: "30m", income: "8m", amount: "1m" });
  });

  it("refuses unknown options, repeats and extra values", () => {
    expect(() => bind("/ieo-cap salary:8m")).toThrow(/Unknown option salary for \/ieo-cap\. Options: income, net_assets/);
    expect(() => bind("/ieo-cap income:1 income:2")).toThrow(/income is given twice/);
    const help = commands.find((c) => c.name === "help")!;
    expect(() => bindArguments(help, parseCommandLine("/help a b")?.args ?? [])).toThrow(/Too many values for \/help\. Usage: \/help \[command\]/);
  });
});

describe("validateOptions", () => {
  it("applies defaults and normalises the regime", () => {
    expect(validateOptions(ieoCapCommand, { income: "1", net_assets: "2" }).regime).toBe("jp-ieo");
    expect(validateOptions(ieoCapCommand, { income: "1", net_assets: "2", regime: "US-REGCF" }).regime).toBe("us-regcf");
  });

  it("says what is missing, with the usage", () => {
    const command: Command = {
      name: "demo",
      description: "d",
      options: z.object({ income: z.string().describe("Your income"), net_assets: z.string().describe("Your net assets, e.g. 30m") }),
      positional: ["income", "net_assets"],
      async run() {},
    };
    expect(() => validateOptions(command, { income: "1" })).toThrow(/^Missing net_assets \(your net assets, e\.g\. 30m\)\. Usage: \/demo <income> <net_assets>/);
  });

  it("says what is wrong with a value", () => {
    expect(() => validateOptions(ieoCapCommand, { income: "1", net_assets: "2", regime: "mars" })).toThrow(
      /^regime: unknown regime "mars"; choose one of jp-ieo, /,
    );
  });

  it("coerces non-text options through the schema", () => {
    const command: Command = {
      name: "demo",
      description: "d",
      options: z.object({ count: z.coerce.number().int().describe("How many"), loud: z.stringbool().optional() }),
      async run() {},
    };
    expect(validateOptions(command, { count: "3", loud: "yes" })).toEqual({ count: 3, loud: true });
    expect(() => validateOptions(command, { count: "x" })).toThrow(/^count: /);
  });
});

describe("describeOptions", () => {
  it("reads names, descriptions, requiredness, choices and aliases from the schema", () => {
    const options = describeOptions(ieoCapCommand);
    expect(options.map((o) => [o.name, o.required])).toEqual([
      ["income", false],
      ["net_assets", false],
      ["amount", false],
      ["already", false],
      ["regime", false],
    ]);
    expect(options.find((o) => o.name === "net_assets")?.aliases).toContain("assets");
    expect(options.find((o) => o.name === "regime")?.choices).toContain("uk-restricted");
    expect(options.every((o) => o.description !== o.name)).toBe(true);
    expect(usage(ieoCapCommand)).toBe("/ieo-cap [income] [net_assets] [amount] [already…] [regime:…]");
  });
});
