import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toApplicationCommand } from "../../../adapters/discord/definitions.js";
import { commands } from "../../../commands/index.js";
import { runCommandLine } from "../../../src/commands/run.js";
import { normalizeName } from "../../../src/commands/parse.js";
import { recordingContext, services } from "./support.js";

// One vocabulary: an option has one name, and help, the README, error replies and Discord's slash options all use it.

const optionNames = (name: string): string[] => Object.keys(commands.find((c) => c.name === name)?.options.shape ?? {});
const commandOf = (word: string) => commands.find((c) => normalizeName(c.name) === normalizeName(word));

/** Where a reply names an option: `delivery:daily`, `Missing net_assets`, `hour: a whole hour…` at its start. */
const namesIn = (text: string): string[] => [
  ...[...text.matchAll(/(?<![\w/-])([a-z][a-z_]*):(?=[^\s/])/g)].map((m) => m[1] as string),
  ...[...text.matchAll(/^([a-z][a-z_]*): |Missing ([a-z][a-z_]*)|^([a-z][a-z_]*) is /g)].map((m) => (m[1] ?? m[2] ?? m[3]) as string),
];

describe("option names", () => {
  it.each(commands.map((c) => [c.name]))("/%s: the same names in its schema, its help and its Discord options", async (name) => {
    const command = commandOf(name)!;
    const ctx = recordingContext();
    await runCommandLine(`/help ${name}`, ctx, services);
    const help = (ctx.replies[0]?.fields ?? []).map((f) => f.name);
    const discord = toApplicationCommand(command).options.map((o) => o.name).filter((n) => n !== "channel" && n !== "file");
    expect(help).toEqual(optionNames(name));
    expect(discord.sort()).toEqual(optionNames(name).sort());
  });

  it("the README writes every option of a chat command by its name", () => {
    const readme = readFileSync(join(import.meta.dirname, "../../../README.md"), "utf8");
    const spans = [...readme.matchAll(/`(\/[a-z_-]+)([^`]*)`/g)];
    let checked = 0;
    for (const [, slash, rest] of spans) {
      const command = commandOf(slash!.slice(1));
      if (!command) continue;
      for (const name of namesIn(rest ?? "")) {
        expect(optionNames(command.name), `${slash}${rest}`).toContain(name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it.each([
    "/subscribe jp delivery:hourly",
    "/subscribe jp hour:25 delivery:daily",
    "/subscribe jp time_zone:Mars/Olympus delivery:daily",
    "/subscribe jp delivery:instant hour:8",
    "/subscribe jp delivery:daily weekday:monday",
    "/subscribe jp weekday:someday",
    "/subscribe jp mention:@role",
    "/subscribe jp include:,",
    "/subscribe",
    "/latest jp 11",
    "/ieo-cap 8m",
    "/ieo-cap 8m 1m regime:mars",
    "/unsubscribe",
    "/subscribe jp colour:red",
  ])("%s: the error names options as /help does", async (line) => {
    const ctx = recordingContext();
    const outcome = await runCommandLine(line, ctx, services);
    expect(outcome.status).toBe("user-error");
    const text = ctx.replies[0]?.text ?? "";
    const command = commandOf(line.split(" ")[0]!.slice(1))!;
    for (const name of namesIn(text)) expect(optionNames(command.name), text).toContain(name);
  });
});
