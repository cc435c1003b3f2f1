import { Command } from "commander";
import { describeDelivery } from "../commands/subscription-text.js";
import { targetKey, type Subscription, type SubscriptionRule } from "../core/subscription.js";
import { withStores } from "./stores.js";
import { terminalSafe } from "./render.js";

/** `JP,HK×all`, `all×stablecoin`, `US×stablecoin+"circle"-"tether"@role`: one rule, compact. */
export function ruleLine(rule: SubscriptionRule): string {
  const places = rule.jurisdictions.join(",");
  const topics = rule.topics.length === 0 ? "all" : rule.topics.join(",");
  const include = (rule.include ?? []).map((k) => `+"${k}"`).join("");
  const exclude = (rule.exclude ?? []).map((k) => `-"${k}"`).join("");
  return terminalSafe(`${places}×${topics}${include}${exclude}${rule.mention ? `@${rule.mention}` : ""}`);
}

/** `telegram:-1001234  group  JP,HK×all + all×stablecoin  daily digest at 08:00 Asia/Tokyo  by 42 on 2026-11-05`, plus why it stopped. */
export function subscriptionLine(s: Subscription): string {
  const rules = s.rules.length === 0 ? "no rules" : s.rules.map(ruleLine).join(" + ");
  const parts = [
    terminalSafe(targetKey(s.target)).padEnd(24),
    s.chatType.padEnd(7),
    rules.padEnd(26),
    describeDelivery(s.delivery).padEnd(36),
    `by ${terminalSafe(s.createdBy)} on ${s.createdAt.slice(0, 10)}`,
  ];
  if (!s.active) parts.push(`stopped ${s.inactiveSince?.slice(0, 10) ?? "?"}: ${terminalSafe(s.inactiveReason ?? "")}`);
  return parts.join(" ");
}

export const subscriptionsCliCommand = (): Command =>
  new Command("subscriptions")
    .description("list the chats subscribed to alerts: what each receives and how (active ones unless --inactive)")
    .option("--inactive", "only the subscriptions stopped because their chat is gone, with the reason and date")
    .option("--json", "print as JSON")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { inactive?: boolean; json?: boolean; config?: string }) => {
      await withStores(options.config, async (stores) => {
        const subscriptions = await stores.subscriptions.list({ active: !options.inactive });
        if (options.json) {
          process.stdout.write(JSON.stringify(subscriptions, null, 2) + "\n");
          return;
        }
        if (subscriptions.length === 0) {
          process.stdout.write(options.inactive ? "no stopped subscriptions\n" : "no subscriptions\n");
          return;
        }
        for (const s of subscriptions) process.stdout.write(subscriptionLine(s) + "\n");
      });
    });
