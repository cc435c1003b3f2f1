import { z } from "zod";
import type { Command, CommandContext, CommandServices } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import type { Subscription, SubscriptionRule } from "../src/core/subscription.js";
import { readInterests, requireManager, targetOf } from "../src/commands/interests.js";
import { notNamed, removeItems } from "../src/commands/rules.js";
import { describeItems, describeRule, numberedRules } from "../src/commands/subscription-text.js";

export const unsubscribeOptions = z.object({
  what: z.string().describe("A rule number from /subscriptions, a jurisdiction or topic (space or comma separated), or all"),
});

export const NO_ALERTS = "This chat receives no alerts now. /subscribe jp hk, /subscribe stablecoin or /subscribe all starts again.";

/** What the chat still receives, for every reply that changed something. */
function remaining(services: CommandServices, rules: readonly SubscriptionRule[]): string {
  return rules.length > 0 ? `Still receiving:\n${numberedRules(services.knowledge, rules)}` : NO_ALERTS;
}

async function save(services: CommandServices, current: Subscription, rules: SubscriptionRule[]): Promise<void> {
  if (rules.length === 0) await services.subscriptions.remove(current.target);
  else await services.subscriptions.put({ ...current, rules, updatedAt: services.now().toISOString() });
}

async function unsubscribe(ctx: CommandContext, options: z.output<typeof unsubscribeOptions>, services: CommandServices): Promise<void> {
  requireManager(ctx);
  const { knowledge } = services;
  const typed = options.what.normalize("NFKC").trim();
  const current = await services.subscriptions.get(targetOf(ctx));
  if (!current?.active || current.rules.length === 0) {
    if (current) await services.subscriptions.remove(current.target);
    await ctx.reply({ text: "This chat has no subscription. /subscribe jp hk, /subscribe stablecoin or /subscribe all starts one." });
    return;
  }

  // `/unsubscribe 2`, `/unsubscribe #2`, `/unsubscribe 1 3`: rules by their number in /subscriptions.
  if (/^#?\d+(?:[\s,、]+#?\d+)*$/.test(typed)) {
    const numbers = [...new Set(typed.split(/[\s,、]+/).map((n) => Number(n.replace("#", ""))))];
    const wrong = numbers.find((n) => n < 1 || n > current.rules.length);
    if (wrong !== undefined) {
      throw new UserError(`This chat has no rule ${wrong}: it has ${current.rules.length === 1 ? "rule 1" : `rules 1 to ${current.rules.length}`}. /subscriptions lists them.`);
    }
    const removed = numbers.sort((a, b) => a - b).map((n) => `${n}. ${describeRule(knowledge, current.rules[n - 1] as SubscriptionRule)}`);
    const rules = current.rules.filter((_, i) => !numbers.includes(i + 1));
    await save(services, current, rules);
    await ctx.reply({ title: rules.length > 0 ? "Subscription updated" : "Unsubscribed", text: [`Removed:\n${removed.join("\n")}`, remaining(services, rules)].join("\n\n") });
    return;
  }

  const removing = readInterests(knowledge, typed);
  if (removing.jurisdictions.includes("all")) {
    await services.subscriptions.remove(current.target);
    await ctx.reply({ title: "Unsubscribed", text: NO_ALERTS });
    return;
  }
  const outcome = removeItems(current.rules, removing);
  const missing = notNamed(current.rules, removing);
  const lines: string[] = [];
  // An item a broad rule receives is not "named by no rule" for the reader: the broad rule is explained instead.
  if (outcome.cannot.length === 0 && missing.jurisdictions.length + missing.topics.length > 0) lines.push(`No rule names ${describeItems(knowledge, missing)}.`);
  if (outcome.ended.length + outcome.changed.length === 0) {
    const broad = outcome.cannot.map((r) => current.rules.indexOf(r) + 1);
    if (broad.length > 0) {
      const which = broad.length === 1 ? `Rule ${broad[0]} receives` : `Rules ${broad.join(", ")} receive`;
      lines.push(`${which} every ${removing.jurisdictions.length > 0 ? "jurisdiction" : "topic"}, so ${describeItems(knowledge, removing)} cannot be left out: /unsubscribe ${broad[0]} removes that rule, or add exclude: words to a new rule.`);
    }
    await ctx.reply({ title: "Nothing to stop", text: [...lines, `This chat receives:\n${numberedRules(knowledge, current.rules)}`].join("\n") });
    return;
  }
  const stopped = [...outcome.ended.map((r) => `${describeRule(knowledge, r)} (rule removed)`), ...outcome.changed.map((r) => `${describeItems(knowledge, removing)} out of: ${describeRule(knowledge, r)}`)];
  await save(services, current, outcome.rules);
  await ctx.reply({
    title: outcome.rules.length > 0 ? "Subscription updated" : "Unsubscribed",
    text: [[`Stopped:`, ...stopped].join("\n"), ...lines, remaining(services, outcome.rules)].join("\n\n"),
  });
}

export const unsubscribeCommand: Command<typeof unsubscribeOptions> = {
  name: "unsubscribe",
  description: "Removes a rule by its number, a jurisdiction or topic, or everything: /unsubscribe 2, /unsubscribe all",
  options: unsubscribeOptions,
  positional: ["what"],
  rest: "what",
  examples: ["/unsubscribe 2", "/unsubscribe hk", "/unsubscribe stablecoin", "/unsubscribe all"],
  run: unsubscribe,
};
