import type { DigestLabeller } from "../core/delivery.js";
import type { OutboxStore, SubscriptionStore } from "../core/ports.js";
import type { DeliveryMode, Target } from "../core/subscription.js";

/** The digest period a moment falls in, when its local hour is the subscriber's hour; else undefined. */
export function duePeriod(mode: DeliveryMode, at: Date): { period: string; label: string } | undefined {
  if (mode.mode === "instant") return undefined;
  const local = localParts(at, mode.timeZone);
  if (local.hour !== mode.hour) return undefined;
  if (mode.mode === "weekly" && local.weekday !== mode.weekday) return undefined;
  const day = `${local.year}-${local.month}-${local.day}`;
  const pretty = new Intl.DateTimeFormat("en-GB", { timeZone: mode.timeZone, day: "numeric", month: "short", year: "numeric" }).format(at);
  return mode.mode === "daily"
    ? { period: `daily:${day}`, label: `Daily digest, ${pretty}` }
    : { period: `weekly:${day}`, label: `Weekly digest, week to ${pretty}` };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function localParts(at: Date, timeZone: string): { year: string; month: string; day: string; hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
    weekday: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: Number(get("hour")), weekday: WEEKDAYS.indexOf(get("weekday")) };
}

/**
 * Turns collected alerts into one digest entry per subscriber whose hour has come (once per period).
 * A subscriber who went back to instant delivery gets what was collected as a digest right away.
 * Returns the targets that got a digest queued.
 */
export async function queueDueDigests(subscriptions: SubscriptionStore, outbox: OutboxStore, now: Date, labeller?: DigestLabeller): Promise<Target[]> {
  const queued: Target[] = [];
  for (const target of await outbox.digestTargets()) {
    const subscription = await subscriptions.get(target);
    if (!subscription?.active) continue;
    const due =
      subscription.delivery.mode === "instant"
        ? { period: `flush:${now.toISOString()}`, label: "Alerts collected for your digest" }
        : duePeriod(subscription.delivery, now);
    if (!due) continue;
    const ids = await outbox.takeDigest(target, due.period);
    if (ids.length === 0) continue;
    const mode = subscription.delivery;
    const label = labeller
      ? await labeller(target, { kind: mode.mode === "instant" ? "flush" : mode.mode, at: now, timeZone: mode.mode === "instant" ? "UTC" : mode.timeZone, english: due.label })
      : due.label;
    await outbox.enqueueDigest(target, label, ids, now.toISOString());
    queued.push(target);
  }
  return queued;
}
