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
  if (alerts.length === 0) return queued;
  // A fixed number of store operations per batch of alerts (a feed's), not per alert.
  const done = await outbox.fannedOut(alerts.map((a) => a.id));
  const fresh = alerts.filter((a) => !done.has(a.id));
  if (fresh.length === 0) return queued;
  // A paused chat skips what arrives meanwhile: /resume starts from the next alert, not a backlog.
  const matches = (await subscriptions.matchingEach(fresh)).map((list) => list.filter((s) => !isPaused(s, now)));
  const instant = fresh.map((alert, i) => ({ alert, targets: matches[i]!.filter((s) => s.delivery.mode === "instant").map((s) => s.target) }));
  await outbox.enqueueEach(instant.filter((x) => x.targets.length > 0));
  for (const [i, alert] of fresh.entries()) {
    const digest = matches[i]!.filter((s) => s.delivery.mode !== "instant").map((s) => s.target);
    if (digest.length > 0) await outbox.addToDigest(digest, alert);
  }
  await outbox.markFannedOut(fresh.map((a) => a.id));
  for (const { alert, targets } of instant) queued.set(alert.id, targets);
  return queued;
}
