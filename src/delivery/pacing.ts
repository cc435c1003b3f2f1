import type { Platform } from "../core/command.js";
import type { Target } from "../core/subscription.js";
import { perSecondWindow, SlidingWindow } from "./rate.js";

/** A platform's sending limits (configuration: `delivery.telegram`, `delivery.discord`). */
export interface PlatformLimits {
  /** Across all chats. */
  perSecond: number;
  /** One chat (Telegram private chats: 1). */
  perChatPerSecond?: number;
  /** One group or channel (Telegram: 20). */
  perGroupPerMinute?: number;
}

/** The limits of one platform: a global window, and one per chat created on demand. */
export class Pacing {
  readonly global: SlidingWindow;
  private readonly chats = new Map<string, SlidingWindow[]>();

  constructor(
    private readonly platform: Platform,
    private readonly limits: PlatformLimits,
  ) {
    this.global = perSecondWindow(limits.perSecond);
  }

  /** Milliseconds until this chat may be sent to again (the global window is asked separately). */
  chatWait(target: Target, now: number): number {
    return Math.max(0, ...this.windowsOf(target).map((w) => w.waitFrom(now)));
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
