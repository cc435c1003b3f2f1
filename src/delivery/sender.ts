import type { Alert } from "../core/article.js";
import type { AlertLabels, ChatPlatform, Outgoing, SendResult } from "../core/delivery.js";
import { describeError } from "../core/errors.js";
import type { Logger, OutboxEntry, OutboxStore, SubscriptionStore } from "../core/ports.js";
import { matchingRules, targetKey, type Target } from "../core/subscription.js";
import { backoffDelay, type RetryPolicy } from "./backoff.js";
import type { Pacing } from "./pacing.js";

export interface SenderDeps {
  platform: ChatPlatform;
  outbox: OutboxStore;
  subscriptions: SubscriptionStore;
  pacing: Pacing;
  retry: RetryPolicy;
  logger: Logger;
  now?: () => number;
  /** Most sends waiting for the platform at once. */
  maxInFlight?: number;
  /** The alert labels in a chat's language; English (the renderers' own) when absent or undefined. */
  labelsFor?: (target: Target) => Promise<AlertLabels | undefined>;
  /** Asked right before each send: false (this instance is no longer sure it leads) holds the message back. */
  maySend?: () => boolean;
  /** The alert as this chat should read it (model text in its language); never throws, bounded in time. */
  rewrite?: (alert: Alert, target: Target) => Promise<Alert>;
}

interface Slot {
  target: Target;
  /** Not before this time (ms): pacing, backoff or the platform's retry-after. */
  notBefore: number;
}

/**
 * Drains one platform's outbox: per target, one message at a time and in order; across targets, as fast
 * as the platform's limits allow. Every entry ends sent, waiting (429, backoff), or dead with a reason;
 * none is dropped. An entry is marked sent right after the platform confirms, so a crash repeats at most
 * the one message in flight per target.
 */
export class PlatformSender {
  private readonly slots = new Map<string, Slot>();
  private readonly inFlight = new Set<string>();
  private running = false;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly deps: SenderDeps) {
    this.now = deps.now ?? Date.now;
  }

  get name(): string {
    return this.deps.platform.name;
  }

  /** Picks up queues waiting from before (a restart) and starts sending. */
  async start(): Promise<void> {
    this.stopping = false;
    const pending = await this.deps.outbox.pendingTargets();
    this.add(pending.filter((t) => t.platform === this.deps.platform.name));
    this.running = true;
    this.loop = this.run();
  }

  /** Lets sends in flight finish, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
  }

  /** New entries for these targets. */
  add(targets: readonly Target[]): void {
    const now = this.now();
    for (const target of targets) {
      if (target.platform !== this.deps.platform.name) continue;
      const key = targetKey(target);
      if (!this.slots.has(key)) this.slots.set(key, { target, notBefore: now });
    }
    this.wakeUp?.();
  }

  /** Resolves when nothing is waiting that could be sent now or soon (tests and benchmarks). */
  idle(): Promise<void> {
    if (this.slots.size === 0 && this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    const maxInFlight = this.deps.maxInFlight ?? 128;
    const sends = new Set<Promise<void>>();
    while (!this.stopping) {
      const now = this.now();
      let soonest = Infinity;
      let launched = false;
      for (const [key, slot] of this.slots) {
        if (this.inFlight.has(key)) continue;
        const ready = Math.max(slot.notBefore, now + this.deps.pacing.chatWait(slot.target, performance.now()));
        if (ready > now) {
          soonest = Math.min(soonest, ready);
          continue;
        }
        if (sends.size >= maxInFlight) break;
        this.inFlight.add(key);
        const send = this.deliverHead(slot).finally(() => {
          this.inFlight.delete(key);
          sends.delete(send);
          this.wakeUp?.();
        });
        sends.add(send);
        launched = true;
        // Round-robin: a target just served goes to the back of the line.
        this.slots.delete(key);
        this.slots.set(key, slot);
      }
      if (this.slots.size === 0 && sends.size === 0) this.notifyIdle();
      if (launched) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      await this.sleep(soonest === Infinity ? 60_000 : Math.max(1, soonest - this.now()));
    }
    await Promise.allSettled([...sends]);
    this.notifyIdle();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Sends the first waiting entry of a target and records what became of it. */
  private async deliverHead(slot: Slot): Promise<void> {
    const { outbox } = this.deps;
    const key = targetKey(slot.target);
    try {
      const queue = await outbox.queue(slot.target);
      const entry = queue?.entries[0];
      if (!entry) {
        this.slots.delete(key);
        return;
      }
      const notBefore = entry.notBefore ? Date.parse(entry.notBefore) : 0;
      if (notBefore > this.now()) {
        slot.notBefore = notBefore;
        return;
      }
      const outgoing = await this.outgoing(entry, slot.target);
      if (!outgoing) {
        await outbox.bury(slot.target, entry.seq, "the alert is no longer stored", new Date(this.now()).toISOString());
        return;
      }
      if (this.stopping) return;
      await this.deps.pacing.acquire(slot.target);
      if (this.deps.maySend && !this.deps.maySend()) {
        slot.notBefore = this.now() + 1_000;
        return;
      }
      const result = await this.send(slot.target, outgoing);
      await this.settle(slot, entry, result);
    } catch (error) {
      // The store failed: keep the slot and try again later; nothing was marked, so nothing is lost.
      this.deps.logger.error(`delivery to ${key}: ${describeError(error)}`, { chat: key, platform: slot.target.platform });
      slot.notBefore = this.now() + 5_000;
    }
  }

  private async send(target: Target, outgoing: Outgoing): Promise<SendResult> {
    try {
      return await this.deps.platform.send(target, outgoing);
    } catch (error) {
      return { status: "failed", reason: describeError(error) };
    }
  }

  private async outgoing(entry: OutboxEntry, target: Target): Promise<Outgoing | undefined> {
    const labels = await this.deps.labelsFor?.(target);
    const extra = labels ? { labels } : {};
    if (entry.kind === "alert") {
      const [stored] = await this.deps.outbox.alerts([entry.alertId]);
      if (!stored) return undefined;
      const alert = this.deps.rewrite ? await this.deps.rewrite(stored, target) : stored;
      return { kind: "alert", alert, ...extra, ...(await this.mentions(target, alert)) };
    }
    const stored: Alert[] = await this.deps.outbox.alerts(entry.alertIds ?? []);
    if (stored.length === 0) return undefined;
    const rewrite = this.deps.rewrite;
    const alerts = rewrite ? await Promise.all(stored.map((a) => rewrite(a, target))) : stored;
    const at = entry.published ?? entry.enqueuedAt;
    return { kind: "digest", period: { from: alerts[0]!.published ?? at, to: at, label: entry.label ?? "Digest" }, alerts, ...extra };
  }

  /** The roles the chat's rules that bring this alert ask to mention (Discord), read when it is sent. */
  private async mentions(target: Target, alert: Alert): Promise<{ mentionRoles?: string[] }> {
    if (target.platform !== "discord") return {};
    const subscription = await this.deps.subscriptions.get(target);
    const roles = subscription ? [...new Set(matchingRules(subscription, alert).flatMap((r) => (r.mention ? [r.mention] : [])))] : [];
    return roles.length > 0 ? { mentionRoles: roles } : {};
  }

  private async settle(slot: Slot, entry: OutboxEntry, result: SendResult): Promise<void> {
    const { outbox, subscriptions, logger, retry } = this.deps;
    const target = slot.target;
    const key = targetKey(target);
    const now = this.now();
    switch (result.status) {
      case "sent":
        // Nothing left: let the slot go now rather than spend a send slot finding the queue empty.
        if ((await outbox.ack(target, entry.seq)) === 0) this.slots.delete(key);
        return;
      case "retry-after": {
        // The platform said when: wait exactly that, keep the entry first in line, and count no failure.
        slot.notBefore = now + Math.max(0, result.seconds) * 1000;
        await outbox.postpone(target, entry.seq, new Date(slot.notBefore).toISOString(), result.reason ?? "rate limited", false);
        return;
      }
      case "gone": {
        const at = new Date(now).toISOString();
        if (result.movedTo) {
          const moved: Target = { platform: target.platform, chatId: result.movedTo };
          logger.info(`delivery: ${key} moved to ${targetKey(moved)}; its subscription and queue follow`, { chat: key, platform: target.platform });
          await subscriptions.move(target, moved);
          await outbox.moveTarget(target, moved);
          this.slots.delete(key);
          this.add([moved]);
          return;
        }
        await subscriptions.deactivate(target, result.reason, at);
        const buried = await outbox.buryAll(target, `chat gone: ${result.reason}`, at);
        logger.warn(`delivery: ${key} is gone (${result.reason}); subscription deactivated, ${buried} waiting message${buried === 1 ? "" : "s"} set aside`, { chat: key, platform: target.platform });
        this.slots.delete(key);
        return;
      }
      case "failed": {
        const attempts = entry.attempts + 1;
        if (attempts >= retry.maxAttempts) {
          await outbox.bury(target, entry.seq, `${result.reason} (after ${attempts} attempts)`, new Date(now).toISOString());
          logger.warn(`delivery to ${key}: gave up after ${attempts} attempts: ${result.reason}`, { chat: key, platform: target.platform });
          return;
        }
        slot.notBefore = now + backoffDelay(retry, attempts);
        await outbox.postpone(target, entry.seq, new Date(slot.notBefore).toISOString(), result.reason, true);
        return;
      }
    }
  }
}
