import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { readInterests } from "../src/commands/interests.js";
import { wholeNumber } from "../src/commands/parse.js";
import { alertField, describeItems } from "../src/commands/subscription-text.js";

export const MAX_LATEST = 10;
const DEFAULT_LATEST = 5;

export const latestOptions = z.object({
  jurisdiction: z.string().optional().describe("A jurisdiction or topic to show alerts for (default every one)"),
  count: wholeNumber(1, MAX_LATEST, `a number from 1 to ${MAX_LATEST}`, `at most ${MAX_LATEST}`)
    .optional()
    .describe(`How many alerts, 1-${MAX_LATEST} (default ${DEFAULT_LATEST})`),
});

export const latestCommand: Command<typeof latestOptions> = {
  name: "latest",
  description: "The latest alerts, for one jurisdiction or topic if named: /latest jp 3",
  options: latestOptions,
  positional: ["jurisdiction", "count"],
  aliases: { n: "count", topic: "jurisdiction" },
  examples: ["/latest", "/latest jp", "/latest hk 10", "/latest stablecoin"],
  async run(ctx, options, services) {
    let { jurisdiction: named, count } = options;
    // `/latest 3`: a lone number is the count.
    if (named !== undefined && count === undefined && /^\d+$/.test(named.trim())) {
      count = Number(named.trim());
      named = undefined;
      if (count < 1 || count > MAX_LATEST) throw new UserError(`count: a number from 1 to ${MAX_LATEST}`);
    }
    const filter = named?.trim() ? readInterests(services.knowledge, named) : undefined;
    const scoped = filter && !filter.jurisdictions.includes("all") ? filter : undefined;
    const alerts = await services.alerts.latest(count ?? DEFAULT_LATEST, scoped);
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
