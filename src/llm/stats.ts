/** Why a model's text was not used: each is counted, and the extractive summary goes out instead. */
export const FALLBACK_REASONS = [
  "timeout",
  "rate-limited",
  "server-error",
  "error",
  "refusal",
  "budget",
  "malformed",
  "wrong-language",
  "invented-figure",
  "unsafe",
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/**
 * What the model costs and how often it helps, in plain counters the runtime can expose: calls made, tokens
 * spent, time waited, answers served from the cache, and fallbacks by reason.
 */
export class ModelStats {
  calls = 0;
  accepted = 0;
  promptTokens = 0;
  completionTokens = 0;
  latencyTotalMs = 0;
  latencyMaxMs = 0;
  cacheHits = 0;
  readonly fallbacks: Record<FallbackReason, number> = Object.fromEntries(FALLBACK_REASONS.map((r) => [r, 0])) as Record<FallbackReason, number>;

  recordCall(latencyMs: number, usage: { prompt: number; completion: number } | undefined): void {
    this.calls += 1;
    this.latencyTotalMs += latencyMs;
    this.latencyMaxMs = Math.max(this.latencyMaxMs, latencyMs);
    this.promptTokens += usage?.prompt ?? 0;
    this.completionTokens += usage?.completion ?? 0;
  }

  fallback(reason: FallbackReason): void {
    this.fallbacks[reason] += 1;
  }

  get fallbackTotal(): number {
    return Object.values(this.fallbacks).reduce((a, b) => a + b, 0);
  }

  /** `llm: calls 3 (accepted 2), tokens 812+140, latency avg 310 ms max 402 ms, cache hits 97, fallbacks 1 (timeout 1)` */
  line(): string {
    const avg = this.calls > 0 ? Math.round(this.latencyTotalMs / this.calls) : 0;
    const reasons = FALLBACK_REASONS.filter((r) => this.fallbacks[r] > 0).map((r) => `${r} ${this.fallbacks[r]}`);
    return (
      `llm: calls ${this.calls} (accepted ${this.accepted}), tokens ${this.promptTokens}+${this.completionTokens}, ` +
      `latency avg ${avg} ms max ${Math.round(this.latencyMaxMs)} ms, cache hits ${this.cacheHits}, ` +
      `fallbacks ${this.fallbackTotal}${reasons.length > 0 ? ` (${reasons.join(", ")})` : ""}`
    );
  }
}
