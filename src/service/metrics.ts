import client from "prom-client";
import type { ChatPlatform } from "../core/delivery.js";
import type { OutboxStore } from "../core/ports.js";
import type { CycleReport } from "../feeds/poller.js";
import { FALLBACK_REASONS, type ModelStats } from "../llm/stats.js";

/** The service's Prometheus metrics, on a registry of its own (not prom-client's global one). */
export class ServiceMetrics {
  readonly registry = new client.Registry();
  private readonly polls = new client.Counter({ name: "regwatch_polls_total", help: "Poll cycles run by this instance, by result", labelNames: ["result"], registers: [this.registry] });
  private readonly fetches = new client.Counter({
    name: "regwatch_feed_fetches_total",
    help: "Feed fetches, by feed and result (new, unchanged, not-modified, primed, failed)",
    labelNames: ["feed", "result"],
    registers: [this.registry],
  });
  private readonly alerts = new client.Counter({ name: "regwatch_alerts_total", help: "New policy alerts found", registers: [this.registry] });
  private readonly sends = new client.Counter({
    name: "regwatch_sends_total",
    help: "Messages sent to chat platforms, by platform and result (sent, retry-after, gone, failed)",
    labelNames: ["platform", "result"],
    registers: [this.registry],
  });
  private readonly sendSeconds = new client.Histogram({
    name: "regwatch_send_seconds",
    help: "Time a chat platform took to answer a send",
    labelNames: ["platform"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly lastPoll = new client.Gauge({ name: "regwatch_last_poll_timestamp_seconds", help: "When this instance last completed a poll", registers: [this.registry] });

  /** `outbox` is asked for when scraped: the store opens after the metrics exist (they wrap the platforms). */
  constructor(deps: { outbox: () => OutboxStore | undefined; leading: () => boolean; llm?: () => ModelStats | undefined }) {
    new client.Gauge({
      name: "regwatch_leader",
      help: "1 while this instance holds the leader lease, else 0",
      registers: [this.registry],
      collect() {
        this.set(deps.leading() ? 1 : 0);
      },
    });
    new client.Gauge({
      name: "regwatch_outbox_waiting",
      help: "Deliveries waiting in the outbox, by platform (read from the store when scraped)",
      labelNames: ["platform"],
      registers: [this.registry],
      async collect() {
        this.reset();
        const counts = new Map<string, number>();
        for (const queue of (await deps.outbox()?.list()) ?? []) counts.set(queue.target.platform, (counts.get(queue.target.platform) ?? 0) + queue.entries.length);
        for (const [platform, count] of counts) this.set({ platform }, count);
      },
    });
    if (deps.llm) this.modelMetrics(deps.llm);
  }

  /**
   * The language model's counters, read from its stats when scraped (absent without `llm`): calls, answers
   * used, tokens, time waited, cache hits, and fallbacks to the extractive summary by reason.
   */
  private modelMetrics(stats: () => ModelStats | undefined): void {
    const registers = [this.registry];
    const total = (name: string, help: string, read: (s: ModelStats) => number) =>
      new client.Counter({
        name,
        help,
        registers,
        collect() {
          const s = stats();
          this.reset();
          if (s) this.inc(read(s));
        },
      });
    total("regwatch_llm_calls_total", "Calls made to the language model", (s) => s.calls);
    total("regwatch_llm_accepted_total", "Model answers that passed the checks and were used", (s) => s.accepted);
    total("regwatch_llm_cache_hits_total", "Model texts served from the cache (per article and language)", (s) => s.cacheHits);
    total("regwatch_llm_latency_seconds_total", "Time spent waiting for the model, in all", (s) => s.latencyTotalMs / 1000);
    new client.Counter({
      name: "regwatch_llm_tokens_total",
      help: "Tokens the model reported, by kind (prompt, completion)",
      labelNames: ["kind"],
      registers,
      collect() {
        const s = stats();
        this.reset();
        if (!s) return;
        this.inc({ kind: "prompt" }, s.promptTokens);
        this.inc({ kind: "completion" }, s.completionTokens);
      },
    });
    new client.Counter({
      name: "regwatch_llm_fallbacks_total",
      help: "Alerts sent with the extractive summary instead of the model's, by reason",
      labelNames: ["reason"],
      registers,
      collect() {
        const s = stats();
        this.reset();
        if (!s) return;
        for (const reason of FALLBACK_REASONS) this.inc({ reason }, s.fallbacks[reason]);
      },
    });
  }

  pollDone(report: CycleReport): void {
    this.polls.inc({ result: "ok" });
    for (const outcome of report.outcomes) this.fetches.inc({ feed: outcome.feed.id, result: outcome.status });
    this.alerts.inc(report.alerts.length);
    this.lastPoll.set(Date.now() / 1000);
  }

  pollFailed(): void {
    this.polls.inc({ result: "failed" });
  }

  /** The platform, with each send counted and timed. */
  observe(platform: ChatPlatform): ChatPlatform {
    const { sends, sendSeconds } = this;
    return {
      name: platform.name,
      async send(target, message) {
        const stop = sendSeconds.startTimer({ platform: platform.name });
        try {
          const result = await platform.send(target, message);
          sends.inc({ platform: platform.name, result: result.status });
          return result;
        } catch (error) {
          sends.inc({ platform: platform.name, result: "failed" });
          throw error;
        } finally {
          stop();
        }
      },
    };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
