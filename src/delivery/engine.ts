import type { Alert } from "../core/article.js";
import type { AlertLabels, ChatPlatform, DigestLabeller } from "../core/delivery.js";
import { describeError } from "../core/errors.js";
import type { Logger, OutboxStore, SubscriptionStore } from "../core/ports.js";
import type { Target } from "../core/subscription.js";
import type { RetryPolicy } from "./backoff.js";
import { queueDueDigests } from "./digest.js";
import { fanOut } from "./fanout.js";
import { Pacing, type PlatformLimits } from "./pacing.js";
import { PlatformSender } from "./sender.js";

export interface DeliveryOptions {
  platforms: readonly ChatPlatform[];
  subscriptions: SubscriptionStore;
  outbox: OutboxStore;
  limits: Partial<Record<ChatPlatform["name"], PlatformLimits>>;
  retry: RetryPolicy;
  logger: Logger;
  /** How often due digests are looked for. */
  digestEveryMs?: number;
  /** How often the outbox is read for work other processes queued (`poll --once`, `deliveries --retry`). */
  pickupEveryMs?: number;
  /** See SenderDeps.maySend: the leadership's say on each send. */
  maySend?: () => boolean;
  now?: () => number;
  /** Names each digest in its chat's language; English when absent. */
  digestLabel?: DigestLabeller;
  /** The alert labels in a chat's language (see SenderDeps). */
  labelsFor?: (target: Target) => Promise<AlertLabels | undefined>;
  /** The alert as a chat should read it (see SenderDeps). */
  rewrite?: (alert: Alert, target: Target) => Promise<Alert>;
}

/**
 * Delivery: alerts in, one sender per platform out. Knows platforms only through the ChatPlatform port.
 * Entries for a platform that is not running (its token unset) wait in the outbox until it is.
 */
export class DeliveryEngine {
  private readonly senders: PlatformSender[];
  private digestTimer: NodeJS.Timeout | undefined;
  private pickupTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DeliveryOptions) {
    this.senders = options.platforms.map(
      (platform) =>
        new PlatformSender({
          platform,
          outbox: options.outbox,
          subscriptions: options.subscriptions,
          pacing: new Pacing(platform.name, options.limits[platform.name] ?? { perSecond: 10 }),
          retry: options.retry,
          logger: options.logger,
          ...(options.now ? { now: options.now } : {}),
          ...(options.labelsFor ? { labelsFor: options.labelsFor } : {}),
          ...(options.maySend ? { maySend: options.maySend } : {}),
          ...(options.rewrite ? { rewrite: options.rewrite } : {}),
        }),
    );
  }

  async start(): Promise<void> {
    for (const sender of this.senders) await sender.start();
    await this.digests();
    this.digestTimer = setInterval(() => void this.digests(), this.options.digestEveryMs ?? 60_000);
    this.pickupTimer = setInterval(() => void this.pickUp(), this.options.pickupEveryMs ?? 2_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.digestTimer);
    clearInterval(this.pickupTimer);
    await Promise.all(this.senders.map((s) => s.stop()));
  }

  /** Queues the alerts for their subscribers (written before anything is sent) and wakes the senders. */
  async deliver(alerts: readonly Alert[]): Promise<number> {
    const queued = await fanOut(alerts, this.options.subscriptions, this.options.outbox, new Date(this.options.now?.() ?? Date.now()));
    let count = 0;
    for (const targets of queued.values()) {
      count += targets.length;
      for (const sender of this.senders) sender.add(targets);
    }
    return count;
  }

  /** Queues each alert for the targets given (items of a chat's own feed go to the chats that added it, nobody else). */
  async deliverTo(routed: ReadonlyArray<{ alert: Alert; targets: readonly Target[] }>): Promise<number> {
    let count = 0;
    for (const { alert, targets } of routed) {
      count += await this.options.outbox.enqueue(alert, targets);
      for (const sender of this.senders) sender.add([...targets]);
    }
    return count;
  }

  /** Resolves once every sender has nothing it could send now (tests, benchmarks). */
  async idle(): Promise<void> {
    await Promise.all(this.senders.map((s) => s.idle()));
  }

  /** Work queued by other processes: one read of the pending index; senders ignore targets they already have. */
  private async pickUp(): Promise<void> {
    try {
      const targets = await this.options.outbox.pendingTargets();
      for (const sender of this.senders) sender.add(targets);
    } catch (error) {
      this.options.logger.error(`delivery: reading the outbox: ${describeError(error)}`);
    }
  }

  private async digests(): Promise<void> {
    try {
      const now = new Date(this.options.now?.() ?? Date.now());
      const targets = await queueDueDigests(this.options.subscriptions, this.options.outbox, now, this.options.digestLabel);
      for (const sender of this.senders) sender.add(targets);
      await this.options.outbox.prunePending();
    } catch (error) {
      this.options.logger.error(`digests: ${describeError(error)}`);
    }
  }
}
