import type { Alert } from "../core/article.js";
import type { OutboxStore, SubscriptionStore } from "../core/ports.js";
import { isPaused, type Target } from "../core/subscription.js";

/**
 * Writes every alert to the outbox of every matching subscriber (instant) or to their next digest,
 * before anything is sent, and returns the targets each alert was queued for at once (digest subscribers
 * get it later, in their digest). A chat gets an alert once however many of its rules match it; paused chats skip it. Idempotent: an alert already fanned out is skipped, and a target that has
 * it queued or received it is skipped, so replaying a poll after a crash queues nothing twice.
 */
export async function fanOut(alerts: readonly Alert[], subscriptions: SubscriptionStore, outbox: OutboxStore, now: Date = new Date()): Promise<Map<string, Target[]>> {
  const queued = new Map<string, Target[]>();
  for (const alert of alerts) {
    if (await outbox.wasFannedOut(alert.id)) continue;
    // A paused chat skips what arrives meanwhile: /resume starts from the next alert, not a backlog.
    const matches = (await subscriptions.matching(alert)).filter((s) => !isPaused(s, now));
    const instant = matches.filter((s) => s.delivery.mode === "instant").map((s) => s.target);
    const digest = matches.filter((s) => s.delivery.mode !== "instant").map((s) => s.target);
    await outbox.enqueue(alert, instant);
    await outbox.addToDigest(digest, alert);
    await outbox.markFannedOut(alert.id);
    queued.set(alert.id, instant);
  }
  return queued;
}
