import { Command } from "commander";
import { describeDelivery } from "../commands/subscription-text.js";
import { targetKey, type Subscription } from "../core/subscription.js";
import { withStores } from "./stores.js";
import { terminalSafe } from "./render.js";

/** `telegram:-1001234  group  JP,HK  stablecoin  daily digest at 08:00 Asia/Tokyo  by 42 on 2026-11-05`, plus why it stopped. */
export function subscriptionLine(s: Subscription): string {
  const places = s.jurisdictions.includes("all") || s.jurisdictions.length === 0 ? "all" : s.jurisdictions.join(",");
  const topics = s.topics.length === 0 ? "all topics" : s.topics.join(",");
  const parts = [
    terminalSafe(targetKey(s.target)).padEnd(24),
    s.chatType.padEnd(7),
    places.padEnd(12),
    topics.padEnd(14),
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
