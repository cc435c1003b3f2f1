import { ApplicationCommandOptionType, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkDefinition, toApplicationCommand, toApplicationCommands } from "../../../adapters/discord/definitions.js";
import { commands } from "../../../commands/index.js";
import type { Command } from "../../../src/core/command.js";

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

describe("slash command definitions from the zod schemas", () => {
  const definitions = toApplicationCommands(commands);

  it("turns every command into a definition Discord accepts", () => {
    expect(definitions.map((d) => d.name)).toEqual(commands.map((c) => c.name));
    for (const d of definitions) {
      expect(checkDefinition(d)).toEqual([]);
      expect(d.name).toMatch(NAME);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.options.length).toBeLessThanOrEqual(25);
      for (const o of d.options) {
        expect(o.name).toMatch(NAME);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
      // Required options first, as Discord insists.
      const required = d.options.map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it("keeps /ieo-cap amounts as strings, so 800万 and 8m can be typed", () => {
    const ieoCap = definitions.find((d) => d.name === "ieo-cap");
    const income = ieoCap?.options.find((o) => o.name === "income");
    expect(income).toMatchObject({ type: ApplicationCommandOptionType.String, required: false });
    expect(ieoCap?.options.find((o) => o.name === "amount")).toMatchObject({ required: false });
    expect(ieoCap?.options.find((o) => o.name === "regime")?.choices?.length).toBeGreaterThan(1);
  });

  it("asks for Manage Channels on /subscribe, offers a channel option and autocompletes what to follow", () => {
    const subscribe = definitions.find((d) => d.name === "subscribe");
    expect(subscribe?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageChannels));
    expect(subscribe?.options.find((o) => o.name === "channel")).toMatchObject({ type: ApplicationCommandOptionType.Channel, required: false });
    const what = subscribe?.options.find((o) => o.name === "what");
    expect(what).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(what?.choices).toBeUndefined();
    expect(subscribe?.options.find((o) => o.name === "hour")).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 0, max_value: 23 });
    expect(subscribe?.options.find((o) => o.name === "mention")).toMatchObject({ type: ApplicationCommandOptionType.Role, required: false });
    // Japanese descriptions from the catalog, for members whose Discord is in Japanese.
    expect(subscribe?.description_localizations?.ja).toMatch(/^ルールを追加/);
    expect(subscribe?.options.find((o) => o.name === "what")?.description_localizations?.ja).toMatch(/^地域とトピック/);
    expect(definitions.find((d) => d.name === "ieo-cap")?.default_member_permissions).toBeNull();
  });

  it("reads types, limits, requiredness and choices from the schema", () => {
    const sample: Command = {
      name: "sample",
      description: "x".repeat(150),
      options: z.object({
        count: z.coerce.number().int().gt(0).lte(50).describe("How many"),
        ratio: z.coerce.number().min(0.5).max(2).optional().describe("A ratio"),
        flag: z.stringbool().optional().describe("On or off"),
        label: z.string().min(2).max(40).describe("A label"),
        colour: z.enum(["red", "green"]).default("red").describe("A colour"),
        topic: z.string().optional().describe("A topic"),
        many: z.enum(Array.from({ length: 30 }, (_, i) => `v${i}`) as [string, ...string[]]).optional().describe("One of thirty"),
      }),
      async run() {},
    };
    const d = toApplicationCommand(sample, {});
    expect(d.description).toHaveLength(100);
    const by = (name: string) => d.options.find((o) => o.name === name);
    expect(by("count")).toMatchObject({ type: ApplicationCommandOptionType.Integer, required: true, min_value: 1, max_value: 50 });
    expect(by("ratio")).toMatchObject({ type: ApplicationCommandOptionType.Number, required: false, min_value: 0.5, max_value: 2 });
    expect(by("flag")).toMatchObject({ type: ApplicationCommandOptionType.Boolean, required: false });
    expect(by("label")).toMatchObject({ type: ApplicationCommandOptionType.String, required: true, min_length: 2, max_length: 40 });
    expect(by("colour")).toMatchObject({ required: false, choices: [{ name: "red", value: "red" }, { name: "green", value: "green" }] });
    expect(by("topic")).toMatchObject({ autocomplete: true });
    expect(by("many")).toMatchObject({ autocomplete: true });
    expect(by("many")?.choices).toBeUndefined();
    expect(d.options.slice(0, 2).map((o) => o.name)).toEqual(["count", "label"]);
  });

  it("refuses a schema Discord would reject, naming the problem", () => {
    const bad: Command = { name: "Bad Name", description: "d", options: z.object({ Upper: z.string().describe("u") }), async run() {} };
    expect(() => toApplicationCommand(bad, {})).toThrow(/name "Bad Name".*option name "Upper"/);
  });
});
