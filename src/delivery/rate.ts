/**
 * At most `limit` events in any window of `windowMs`, as a platform counts them: a sliding window of
 * the last `limit` start times. `margin` widens the window a little, because requests reach the server
 * later than we start them and not always in step.
 */
export class SlidingWindow {
  private readonly starts: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly margin = 0.03,
  ) {}

  /** Milliseconds until the next event may start (0: now). */
  waitFrom(now: number): number {
    if (this.starts.length < this.limit) return 0;
    const oldest = this.starts[this.starts.length - this.limit]!;
    return Math.max(0, oldest + this.windowMs * (1 + this.margin) - now);
  }

  record(now: number): void {
    this.starts.push(now);
    if (this.starts.length > this.limit * 2) this.starts.splice(0, this.starts.length - this.limit);
  }
}

/** A window of `perSecond` events per second, expressed as a whole number of events per window for fractional rates. */
export function perSecondWindow(perSecond: number, margin?: number): SlidingWindow {
  return perSecond >= 1 ? new SlidingWindow(Math.floor(perSecond), 1000, margin) : new SlidingWindow(1, 1000 / perSecond, margin);
}

/**
 * A token bucket for a platform's global limit: `perSecond` a little reduced by `margin`, with a small
 * burst so that a timer firing late costs no throughput. A sliding window of a whole second would allow
 * a burst of a second's worth after any hiccup of our event loop, and the platform, seeing the burst
 * arrive closer together than we sent it, answers 429; a burst of a few tokens
 * (0.6% of the rate, at least 2) absorbs a late timer and leaves most of the margin for arrival jitter.
 */
export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly capacity: number;
  private tokens: number;
  private updated: number | undefined;

  constructor(perSecond: number, margin = 0.03, burstShare = 0.006) {
    this.ratePerMs = perSecond / (1 + margin) / 1000;
    this.capacity = Math.max(2, Math.ceil(perSecond * burstShare));
    this.tokens = 1;
  }

  waitFrom(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.ratePerMs;
  }

  record(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    if (this.updated !== undefined) this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.ratePerMs);
    this.updated = now;
  }
}
