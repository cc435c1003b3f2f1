import { describe, expect, it } from "vitest";
import { ModelStats } from "../../../src/llm/stats.js";
import { ServiceMetrics } from "../../../src/service/metrics.js";

describe("operations metrics of the language model", () => {
  it("exposes calls, tokens, latency, cache hits and fallbacks by reason as they are when scraped", async () => {
    const stats = new ModelStats();
    const metrics = new ServiceMetrics({ outbox: () => undefined, leading: () => true, llm: () => stats });
    stats.recordCall(300, { prompt: 812, completion: 140 });
    stats.recordCall(500, undefined);
    stats.accepted = 1;
    stats.cacheHits = 97;
    stats.fallback("timeout");
    stats.fallback("invented-figure");
    stats.fallback("invented-figure");
    const text = await metrics.text();
    expect(text).toMatch(/^regwatch_llm_calls_total 2$/m);
    expect(text).toMatch(/^regwatch_llm_accepted_total 1$/m);
    expect(text).toMatch(/^regwatch_llm_cache_hits_total 97$/m);
    expect(text).toMatch(/^regwatch_llm_latency_seconds_total 0\.8$/m);
    expect(text).toMatch(/^regwatch_llm_tokens_total\{kind="prompt"\} 812$/m);
    expect(text).toMatch(/^regwatch_llm_tokens_total\{kind="completion"\} 140$/m);
    expect(text).toMatch(/^regwatch_llm_fallbacks_total\{reason="invented-figure"\} 2$/m);
    expect(text).toMatch(/^regwatch_llm_fallbacks_total\{reason="timeout"\} 1$/m);
    // Scraped again after more calls: the figures follow the stats, never double-counted.
    stats.recordCall(100, { prompt: 10, completion: 5 });
    expect(await metrics.text()).toMatch(/^regwatch_llm_calls_total 3$/m);
  });

  it("has no model metrics when no model is configured", async () => {
    const text = await new ServiceMetrics({ outbox: () => undefined, leading: () => false }).text();
    expect(text).not.toMatch(/regwatch_llm_/);
    expect(text).toMatch(/^regwatch_leader 0$/m);
  });
});
