import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { schemaError } from "../src/commands/i18n.js";
import { readInterests } from "../src/commands/interests.js";
import { wholeNumber } from "../src/commands/parse.js";
import { tr } from "../src/commands/localize.js";
import { ruleFrom } from "../src/commands/rules.js";
import { alertField, describeItems } from "../src/commands/subscription-text.js";

export const MAX_LATEST = 10;
const DEFAULT_LATEST = 5;
const countHelp = schemaError("count", `a number from 1 to ${MAX_LATEST}`, { max: MAX_LATEST });

export const latestOptions = z.object({
  what: z.string().optional().describe("Jurisdictions or topics to show alerts for, e.g. jp hk (default every one)"),
  count: wholeNumber(1, MAX_LATEST, countHelp)
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
    const t = tr(ctx);
    let count = options.count;
    let named = options.what?.normalize("NFKC").trim() ?? "";
    // `/latest jp hk 3`, `/latest 3`: a number at the end is the count.
    const trailing = /(?:^|\s)(\d+)$/.exec(named);
    if (trailing && count === undefined) {
      count = Number(trailing[1]);
      named = named.slice(0, trailing.index).trim();
      if (count < 1 || count > MAX_LATEST) throw new UserError(t("latest.count", { max: MAX_LATEST, example: `/latest ${named ? `${named} ` : ""}5` }));
    }
    const interests = named ? readInterests(services.knowledge, named, t) : undefined;
    const scoped = interests && !(interests.jurisdictions.includes("all") && interests.topics.length === 0) ? interests : undefined;
    const alerts = await services.alerts.latest(count ?? DEFAULT_LATEST, scoped ? { rules: [ruleFrom(scoped)] } : undefined);
    const what = scoped ? describeItems(services.knowledge, scoped, t) : "";
    if (alerts.length === 0) {
      await ctx.reply({ title: t("latest.title"), text: t("latest.none", { about: what ? t("latest.forWhat", { what }) : "" }) });
      return;
    }
    await ctx.reply({
      title: what ? t("latest.titleFor", { what }) : t("latest.title"),
      text: alerts.length === 1 ? t("latest.one") : t("latest.many", { count: alerts.length }),
      fields: alerts.map((alert) => alertField(services.knowledge, alert)),
    });
  },
};
