import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { readInterests } from "../src/commands/interests.js";
import { ruleFrom } from "../src/commands/rules.js";
import { alertField, describeItems } from "../src/commands/subscription-text.js";

export const MAX_LATEST = 10;
const DEFAULT_LATEST = 5;
const COUNT_HELP = `a number from 1 to ${MAX_LATEST}`;

export const latestOptions = z.object({
  what: z.string().optional().describe("Jurisdictions or topics to show alerts for, e.g. jp hk (default every one)"),
  count: z.coerce
    .number({ error: COUNT_HELP })
    .int(COUNT_HELP)
    .min(1, COUNT_HELP)
    .max(MAX_LATEST, COUNT_HELP)
    .optional()
    .describe(`How many alerts, 1-${MAX_LATEST} (default ${DEFAULT_LATEST})`),
});

export const latestCommand: Command<typeof latestOptions> = {
  name: "latest",
  description: "The latest alerts, for jurisdictions or topics if named: /latest jp hk 3",
  options: latestOptions,
  positional: ["what"],
  rest: "what",
  aliases: { n: "count", topic: "what", jurisdiction: "what" },
  examples: ["/latest", "/latest jp", "/latest jp hk 10", "/latest stablecoin"],
  async run(ctx, options, services) {
    let count = options.count;
    let named = options.what?.normalize("NFKC").trim() ?? "";
    // `/latest jp hk 3`, `/latest 3`: a number at the end is the count.
    const trailing = /(?:^|\s)(\d+)$/.exec(named);
    if (trailing && count === undefined) {
      count = Number(trailing[1]);
      named = named.slice(0, trailing.index).trim();
      if (count < 1 || count > MAX_LATEST) throw new UserError(`count: ${COUNT_HELP}, e.g. /latest ${named ? `${named} ` : ""}5`);
    }
    const interests = named ? readInterests(services.knowledge, named) : undefined;
    const scoped = interests && !(interests.jurisdictions.includes("all") && interests.topics.length === 0) ? interests : undefined;
    const alerts = await services.alerts.latest(count ?? DEFAULT_LATEST, scoped ? { rules: [ruleFrom(scoped)] } : undefined);
    const about = scoped ? ` for ${describeItems(services.knowledge, scoped)}` : "";
    if (alerts.length === 0) {
      await ctx.reply({ title: "Latest alerts", text: `No alerts yet${about}: they appear here as regulators publish.` });
      return;
    }
    await ctx.reply({
      title: `Latest alerts${about}`,
      text: `${alerts.length === 1 ? "The latest alert" : `The ${alerts.length} latest alerts`}, newest first.`,
      fields: alerts.map((alert) => alertField(services.knowledge, alert)),
    });
  },
};
