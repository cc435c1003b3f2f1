import type { Platform } from "../core/command.js";
import type { Target } from "../core/subscription.js";
import { TokenBucket, perSecondWindow, SlidingWindow } from "./rate.js";

/** A platform's sending limits (configuration: `delivery.telegram`, `delivery.discord`). */
export interface PlatformLimits {
  /** Across all chats. */
  perSecond: number;
  /** One chat (Telegram private chats: 1). */
  perChatPerSecond?: number;
  /** One group or channel (Telegram: 20). */
  perGroupPerMinute?: number;
}

/** The limits of one platform: a global bucket, and windows per chat created on demand. Times are `performance.now()`. */
export class Pacing {
  private readonly global: TokenBucket;
  private readonly chats = new Map<string, SlidingWindow[]>();
  /** Sends take their turn here, first come first served. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly platform: Platform,
    private readonly limits: PlatformLimits,
  ) {
    this.global = new TokenBucket(limits.perSecond);
  }

  /** Milliseconds until this chat may be sent to again (the global window is asked separately). */
  chatWait(target: Target, now: number): number {
    return Math.max(0, ...this.windowsOf(target).map((w) => w.waitFrom(now)));
  }

  /**
   * Waits until the platform's limits allow one more message to this chat, and counts it. Taken right
   * before the request goes out (after the store is read), so the platform sees the spacing we keep.
   */
  acquire(target: Target): Promise<void> {
    const mine = this.turn.then(async () => {
      for (;;) {
        const now = performance.now();
        const wait = Math.max(this.global.waitFrom(now), this.chatWait(target, now));
        if (wait <= 0) {
          this.recordSend(target, now);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
    this.turn = mine;
    return mine;
  }

  recordSend(target: Target, now: number): void {
    this.global.record(now);
    for (const window of this.windowsOf(target)) window.record(now);
  }

  private windowsOf(target: Target): SlidingWindow[] {
    let windows = this.chats.get(target.chatId);
    if (!windows) {
      windows = [];
      if (this.limits.perChatPerSecond) windows.push(perSecondWindow(this.limits.perChatPerSecond));
      if (this.limits.perGroupPerMinute && isGroup(this.platform, target)) windows.push(new SlidingWindow(Math.floor(this.limits.perGroupPerMinute), 60_000));
      this.chats.set(target.chatId, windows);
    }
    return windows;
  }
}

/** Telegram gives groups, supergroups and channels negative ids; private chats are positive. */
const isGroup = (platform: Platform, target: Target): boolean => platform === "telegram" && target.chatId.startsWith("-");
