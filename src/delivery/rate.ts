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
