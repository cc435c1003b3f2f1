/** At most `perHour` calls in any rolling hour: a burst of news cannot run up the operator's bill. */
export class HourlyBudget {
  private readonly starts: number[] = [];

  constructor(
    private readonly perHour: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one call from the budget; false when the hour's calls are spent. */
  take(): boolean {
    const now = this.now();
    while (this.starts.length > 0 && this.starts[0]! <= now - 3_600_000) this.starts.shift();
    if (this.starts.length >= this.perHour) return false;
    this.starts.push(now);
    return true;
  }
}
