import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { targetOf } from "../src/commands/interests.js";
import { subscriptionFields } from "../src/commands/subscription-text.js";

export const subscriptionsOptions = z.object({});

export const subscriptionsCommand: Command<typeof subscriptionsOptions> = {
  name: "subscriptions",
  description: "What this chat receives and how it is delivered",
  options: subscriptionsOptions,
  async run(ctx, _options, services) {
    const subscription = await services.subscriptions.get(targetOf(ctx));
    if (!subscription) {
      await ctx.reply({ title: "No subscription", text: "This chat receives no alerts. /subscribe jp hk, or /subscribe all, starts them." });
      return;
    }
    const since = `Since ${subscription.createdAt.slice(0, 10)}${subscription.updatedAt !== subscription.createdAt ? `, changed ${subscription.updatedAt.slice(0, 10)}` : ""}.`;
    await ctx.reply({
      title: subscription.active ? "This chat's subscription" : "This chat's subscription (stopped)",
      text: subscription.active ? since : `${since} Alerts stopped because the chat could not be reached; /subscribe starts them again.`,
      fields: subscriptionFields(services.knowledge, subscription),
    });
  },
};
