import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../../src/delivery/backoff.js";
import { duePeriod } from "../../../src/delivery/digest.js";
import { Pacing } from "../../../src/delivery/pacing.js";
import { SlidingWindow, TokenBucket } from "../../../src/delivery/rate.js";

describe("SlidingWindow", () => {
  it("allows `limit` events per window, then waits for the oldest to leave it", () => {
    const window = new SlidingWindow(3, 1000, 0);
    for (const t of [0, 10, 20]) {
      expect(window.waitFrom(t)).toBe(0);
      window.record(t);
    }
    expect(window.waitFrom(500)).toBe(500);
    expect(window.waitFrom(1000)).toBe(0);
  });

  it("keeps a safety margin", () => {
    const window = new SlidingWindow(1, 1000, 0.05);
    window.record(0);
    expect(window.waitFrom(1000)).toBe(50);
  });
});

describe("TokenBucket", () => {
  it("keeps a rate a little under the limit, with a burst of a few tokens at most", () => {
    const bucket = new TokenBucket(100, 0.03, 0.006); // capacity 2
    let sent = 0;
    for (let t = 0; t <= 10_000; t += 1) {
      while (bucket.waitFrom(t) === 0) {
        bucket.record(t);
        sent++;
      }
    }
    // 100/s less 3% over 10 s, plus the starting token.
    expect(sent).toBeGreaterThanOrEqual(970);
    expect(sent).toBeLessThanOrEqual(972);
  });

  it("does not save up a second's worth after a pause", () => {
    const bucket = new TokenBucket(300, 0.03, 0.006);
    bucket.record(0);
    let burst = 0;
    while (bucket.waitFrom(5_000) === 0) {
      bucket.record(5_000);
      burst++;
    }
    expect(burst).toBe(2);
  });
});

describe("Pacing", () => {
  it("spaces a Telegram private chat by a second and a group by 20 a minute", () => {
    const pacing = new Pacing("telegram", { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const user = { platform: "telegram" as const, chatId: "42" };
    const group = { platform: "telegram" as const, chatId: "-100123" };
    pacing.recordSend(user, 0);
    expect(pacing.chatWait(user, 500)).toBeGreaterThan(500);
    for (let i = 0; i < 20; i++) pacing.recordSend(group, i * 1030);
    expect(pacing.chatWait(group, 20 * 1030)).toBeGreaterThan(30_000);
  });

  it("has no per-chat limit on Discord beyond the global one", () => {
    const pacing = new Pacing("discord", { perSecond: 50 });
    const channel = { platform: "discord" as const, chatId: "1" };
    pacing.recordSend(channel, 0);
    expect(pacing.chatWait(channel, 0)).toBe(0);
  });
});

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 8 };
  it("doubles from the base, with jitter in the upper half, up to the cap", () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(500);
    expect(backoffDelay(policy, 1, () => 1)).toBe(1000);
    expect(backoffDelay(policy, 3, () => 1)).toBe(4000);
    expect(backoffDelay(policy, 20, () => 1)).toBe(60_000);
  });
});

describe("duePeriod", () => {
  it("is due at the subscriber's local hour, once per day or week", () => {
    const daily = { mode: "daily" as const, hour: 8, timeZone: "Asia/Tokyo" };
    // 23:30 UTC on 25 Nov is 08:30 on 26 Nov in Tokyo.
    expect(duePeriod(daily, new Date("2026-11-25T23:30:00Z"))).toEqual({ period: "daily:2026-11-26", label: "Daily digest, 26 Nov 2026" });
    expect(duePeriod(daily, new Date("2026-11-26T08:30:00Z"))).toBeUndefined();
    const weekly = { mode: "weekly" as const, hour: 9, timeZone: "Europe/London", weekday: 1 };
    expect(duePeriod(weekly, new Date("2026-11-30T09:10:00Z"))?.period).toBe("weekly:2026-11-30"); // a Monday
    expect(duePeriod(weekly, new Date("2026-11-26T09:10:00Z"))).toBeUndefined(); // a Thursday
    expect(duePeriod({ mode: "instant" }, new Date())).toBeUndefined();
  });
});
