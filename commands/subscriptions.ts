import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { targetOf } from "../src/commands/interests.js";
import { tr } from "../src/commands/localize.js";
import { subscriptionFields } from "../src/commands/subscription-text.js";

export const subscriptionsOptions = z.object({});

export const subscriptionsCommand: Command<typeof subscriptionsOptions> = {
  name: "subscriptions",
  description: "This chat's rules, numbered, and how alerts are delivered",
  options: subscriptionsOptions,
  async run(ctx, _options, services) {
    const t = tr(ctx);
    const subscription = await services.subscriptions.get(targetOf(ctx));
    if (!subscription || subscription.rules.length === 0) {
      await ctx.reply({ title: t("subscriptions.titleNone"), text: t("subscriptions.none") });
      return;
    }
    const created = subscription.createdAt.slice(0, 10);
    const since =
      subscription.updatedAt.slice(0, 10) !== created
        ? t("subscriptions.sinceChanged", { date: created, changed: subscription.updatedAt.slice(0, 10) })
        : t("subscriptions.since", { date: created });
    const [rules, ...rest] = subscriptionFields(services.knowledge, subscription, services.now(), t);
    const footer = subscription.active ? `${since} ${t("subscriptions.footer")}` : `${since} ${t("subscriptions.stoppedFooter")}`;
    await ctx.reply({
      title: subscription.active ? t("subscriptions.title") : t("subscriptions.titleStopped"),
      text: `${rules?.value ?? ""}\n\n${footer}`,
      fields: rest,
    });
  },
};
