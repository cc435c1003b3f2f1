import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { targetOf } from "../src/commands/interests.js";
import { subscriptionFields } from "../src/commands/subscription-text.js";

export const subscriptionsOptions = z.object({});

export const subscriptionsCommand: Command<typeof subscriptionsOptions> = {
  name: "subscriptions",
  description: "This chat's rules, numbered, and how alerts are delivered",
  options: subscriptionsOptions,
  async run(ctx, _options, services) {
    const subscription = await services.subscriptions.get(targetOf(ctx));
    if (!subscription || subscription.rules.length === 0) {
      await ctx.reply({ title: "No subscription", text: "This chat receives no alerts. /subscribe jp hk, /subscribe stablecoin or /subscribe all starts them." });
      return;
    }
    const since = `Since ${subscription.createdAt.slice(0, 10)}${subscription.updatedAt !== subscription.createdAt ? `, changed ${subscription.updatedAt.slice(0, 10)}` : ""}.`;
    const [rules, ...rest] = subscriptionFields(services.knowledge, subscription, services.now());
    const footer = subscription.active
      ? `${since} /unsubscribe 2 removes rule 2; /subscribe adds one.`
      : `${since} Alerts stopped because the chat could not be reached; /subscribe starts them again.`;
    await ctx.reply({
      title: subscription.active ? "This chat receives" : "This chat received (stopped)",
      text: `${rules?.value ?? ""}\n\n${footer}`,
      fields: rest,
    });
  },
};
