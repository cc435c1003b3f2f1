import { z } from "zod";
import type { Command, CommandContext, CommandServices, Translate } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import type { Subscription, SubscriptionRule } from "../src/core/subscription.js";
import { readInterests, requireManager, targetOf } from "../src/commands/interests.js";
import { tr } from "../src/commands/localize.js";
import { notNamed, removeItems } from "../src/commands/rules.js";
import { describeItems, describeRule, numberedRules } from "../src/commands/subscription-text.js";

export const unsubscribeOptions = z.object({
  what: z.string().describe("A rule number from /subscriptions, a jurisdiction or topic (space or comma separated), or all"),
});

/** What the chat still receives, for every reply that changed something. */
function remaining(services: CommandServices, rules: readonly SubscriptionRule[], t: Translate): string {
  return rules.length > 0 ? `${t("unsubscribe.stillReceiving")}\n${numberedRules(services.knowledge, rules, t)}` : t("unsubscribe.noAlerts");
}

async function save(services: CommandServices, current: Subscription, rules: SubscriptionRule[]): Promise<void> {
  if (rules.length === 0) await services.subscriptions.remove(current.target);
  else await services.subscriptions.put({ ...current, rules, updatedAt: services.now().toISOString() });
}

async function unsubscribe(ctx: CommandContext, options: z.output<typeof unsubscribeOptions>, services: CommandServices): Promise<void> {
  requireManager(ctx);
  const t = tr(ctx);
  const { knowledge } = services;
  const typed = options.what.normalize("NFKC").trim();
  const current = await services.subscriptions.get(targetOf(ctx));
  if (!current?.active || current.rules.length === 0) {
    if (current) await services.subscriptions.remove(current.target);
    await ctx.reply({ text: t("unsubscribe.none") });
    return;
  }
  const title = (rules: readonly SubscriptionRule[]) => (rules.length > 0 ? t("unsubscribe.titleUpdated") : t("unsubscribe.titleDone"));

  // `/unsubscribe 2`, `/unsubscribe #2`, `/unsubscribe 1 3`: rules by their number in /subscriptions.
  if (/^#?\d+(?:[\s,、]+#?\d+)*$/.test(typed)) {
    const numbers = [...new Set(typed.split(/[\s,、]+/).map((n) => Number(n.replace("#", ""))))];
    const wrong = numbers.find((n) => n < 1 || n > current.rules.length);
    if (wrong !== undefined) {
      const range = current.rules.length === 1 ? t("unsubscribe.ruleOne") : t("unsubscribe.ruleRange", { last: current.rules.length });
      throw new UserError(t("unsubscribe.noSuchRule", { n: wrong, range }));
    }
    const removed = numbers.sort((a, b) => a - b).map((n) => `${n}. ${describeRule(knowledge, current.rules[n - 1] as SubscriptionRule, t)}`);
    const rules = current.rules.filter((_, i) => !numbers.includes(i + 1));
    await save(services, current, rules);
    await ctx.reply({ title: title(rules), text: [`${t("unsubscribe.removed")}\n${removed.join("\n")}`, remaining(services, rules, t)].join("\n\n") });
    return;
  }

  const removing = readInterests(knowledge, typed, t);
  if (removing.jurisdictions.includes("all")) {
    await services.subscriptions.remove(current.target);
    await ctx.reply({ title: t("unsubscribe.titleDone"), text: t("unsubscribe.noAlerts") });
    return;
  }
  const outcome = removeItems(current.rules, removing);
  const missing = notNamed(current.rules, removing);
  const lines: string[] = [];
  // An item a broad rule receives is not "named by no rule" for the reader: the broad rule is explained instead.
  if (outcome.cannot.length === 0 && missing.jurisdictions.length + missing.topics.length > 0) lines.push(t("unsubscribe.notNamed", { items: describeItems(knowledge, missing, t) }));
  if (outcome.ended.length + outcome.changed.length === 0) {
    const broad = outcome.cannot.map((r) => current.rules.indexOf(r) + 1);
    if (broad.length > 0) {
      const which = broad.length === 1 ? t("unsubscribe.whichOne", { n: broad[0] }) : t("unsubscribe.whichMany", { list: broad.join(", ") });
      const kind = removing.jurisdictions.length > 0 ? t("unsubscribe.kindJurisdiction") : t("unsubscribe.kindTopic");
      lines.push(t("unsubscribe.cannot", { which, kind, items: describeItems(knowledge, removing, t), n: broad[0] }));
    }
    await ctx.reply({ title: t("unsubscribe.titleNothing"), text: [...lines, `${t("unsubscribe.receives")}\n${numberedRules(knowledge, current.rules, t)}`].join("\n") });
    return;
  }
  const stopped = [
    ...outcome.ended.map((r) => t("unsubscribe.ruleRemoved", { rule: describeRule(knowledge, r, t) })),
    ...outcome.changed.map((r) => t("unsubscribe.itemOut", { items: describeItems(knowledge, removing, t), rule: describeRule(knowledge, r, t) })),
  ];
  await save(services, current, outcome.rules);
  await ctx.reply({ title: title(outcome.rules), text: [[t("unsubscribe.stopped"), ...stopped].join("\n"), ...lines, remaining(services, outcome.rules, t)].join("\n\n") });
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
