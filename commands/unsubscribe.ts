import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import type { Subscription } from "../src/core/subscription.js";
import { readInterests, requireManager, targetOf, type Interests } from "../src/commands/interests.js";
import { describeItems, subscriptionFields } from "../src/commands/subscription-text.js";

export const unsubscribeOptions = z.object({
  what: z.string().describe("A jurisdiction or topic to stop (several: space or comma separated), or all"),
});

const NONE = "This chat receives no alerts now. /subscribe jp hk, or /subscribe all, starts again.";

/**
 * What is left after removing `removing`, or undefined when nothing should be: unsubscribing only ever narrows.
 * Dropping the last jurisdiction of a filtered subscription would leave "these topics everywhere", and dropping
 * its last topic "every topic there": both receive more, so the subscription ends instead.
 */
export function removeInterests(current: Interests, removing: Interests): Interests | undefined {
  if (removing.jurisdictions.includes("all")) return undefined;
  const jurisdictions = current.jurisdictions.filter((j) => !removing.jurisdictions.includes(j));
  const topics = current.topics.filter((t) => !removing.topics.includes(t));
  const lostAllPlaces = current.jurisdictions.length > 0 && jurisdictions.length === 0;
  const lostAllTopics = current.topics.length > 0 && topics.length === 0;
  return lostAllPlaces || lostAllTopics ? undefined : { jurisdictions, topics };
}

/** The subscription has no list to take an item from ("every jurisdiction", "every topic"): say how to narrow it. */
function refuseExceptions(current: Interests, removing: Interests): void {
  const everyPlace = current.jurisdictions.includes("all") || current.jurisdictions.length === 0;
  if (everyPlace && removing.jurisdictions.length > 0) {
    throw new UserError("This chat receives every jurisdiction, so it cannot leave one out: /unsubscribe all, then /subscribe the ones it wants.");
  }
  if (current.topics.length === 0 && removing.topics.length > 0) {
    throw new UserError("This chat receives every topic, so it cannot leave one out: /unsubscribe all, then /subscribe with the topics it wants (/subscribe jp stablecoin).");
  }
}

export const unsubscribeCommand: Command<typeof unsubscribeOptions> = {
  name: "unsubscribe",
  description: "Stops a jurisdiction or topic in this chat, or everything: /unsubscribe jp, /unsubscribe all",
  options: unsubscribeOptions,
  positional: ["what"],
  rest: "what",
  examples: ["/unsubscribe hk", "/unsubscribe stablecoin", "/unsubscribe all"],
  async run(ctx, options, services) {
    requireManager(ctx);
    const { knowledge } = services;
    const target = targetOf(ctx);
    const removing = readInterests(knowledge, options.what);
    const current = await services.subscriptions.get(target);
    if (!current?.active) {
      if (current) await services.subscriptions.remove(target);
      await ctx.reply({ text: "This chat has no subscription. /subscribe jp hk, or /subscribe all, starts one." });
      return;
    }
    if (!removing.jurisdictions.includes("all")) refuseExceptions(current, removing);
    const missing: Interests = {
      jurisdictions: removing.jurisdictions.filter((j) => j !== "all" && !current.jurisdictions.includes(j)),
      topics: removing.topics.filter((t) => !current.topics.includes(t)),
    };
    const stopping: Interests = {
      jurisdictions: removing.jurisdictions.filter((j) => !missing.jurisdictions.includes(j)),
      topics: removing.topics.filter((t) => !missing.topics.includes(t)),
    };
    const notReceived = missing.jurisdictions.length + missing.topics.length > 0 ? `This chat does not receive ${describeItems(knowledge, missing)}.` : "";
    if (stopping.jurisdictions.length + stopping.topics.length === 0) {
      await ctx.reply({ title: "Nothing to stop", text: notReceived, fields: subscriptionFields(knowledge, current) });
      return;
    }

    const left = removeInterests(current, stopping);
    if (!left) {
      await services.subscriptions.remove(target);
      await ctx.reply({ title: "Unsubscribed", text: [notReceived, NONE].filter(Boolean).join("\n") });
      return;
    }
    const next: Subscription = { ...current, ...left, updatedAt: services.now().toISOString() };
    await services.subscriptions.put(next);
    await ctx.reply({
      title: "Subscription updated",
      text: [`Stopped ${describeItems(knowledge, stopping)}.`, notReceived].filter(Boolean).join("\n"),
      fields: subscriptionFields(knowledge, next),
    });
  },
};
