import type { Alert } from "../core/article.js";
import { describeError } from "../core/errors.js";
import type { Logger } from "../core/ports.js";
import type { HourlyBudget } from "./budget.js";
import type { ModelTextCache } from "./cache.js";
import { checkAnswer, type ModelText } from "./check.js";
import { ModelCallError, type Completion } from "./client.js";
import { summaryPrompt, type ChatMessage } from "./prompt.js";
import type { FallbackReason, ModelStats } from "./stats.js";

export type Written = { ok: true; text: ModelText } | { ok: false; reason: FallbackReason; detail: string };

export interface WriterDeps {
  model: { complete(messages: ChatMessage[], signal: AbortSignal): Promise<Completion> };
  cache: ModelTextCache;
  budget: HourlyBudget;
  stats: ModelStats;
  timeoutMs: number;
  logger?: Logger;
  /** How long a failed article and language is not asked again (so a fan-out does not retry it per chat). */
  retryFailedAfterMs?: number;
}

type Source = Pick<Alert, "id" | "title" | "text" | "published" | "figures" | "feedName">;

/** Answers kept in memory, besides the store: enough for the articles of a busy hour in a few languages. */
const MEMORY_ENTRIES = 2_000;

/**
 * Model text for an article in a language: from the cache, or from one call shared by every chat that asks
 * meanwhile. Never throws and never takes longer than `timeoutMs` (plus a cache read): any failure is a
 * fallback with its reason counted, and the caller sends the extractive summary.
 */
export class ModelWriter {
  private readonly pending = new Map<string, Promise<Written>>();
  private readonly recent = new Map<string, { written: Written; until: number }>();

  constructor(private readonly deps: WriterDeps) {}

  write(source: Source, language: string): Promise<Written> {
    const key = `${language}\u0000${source.id}`;
    const shared = this.pending.get(key);
    if (shared) {
      this.deps.stats.cacheHits += 1;
      return shared;
    }
    const kept = this.recent.get(key);
    if (kept && kept.until > Date.now()) {
      this.deps.stats.cacheHits += 1;
      return Promise.resolve(kept.written);
    }
    const work = this.produce(source, language).then((written) => {
      this.remember(key, written);
      return written;
    });
    this.pending.set(key, work);
    void work.finally(() => this.pending.delete(key));
    return work;
  }

  private async produce(source: Source, language: string): Promise<Written> {
    const { cache, stats } = this.deps;
    const stored = await cache.get(source.id, language).catch(() => undefined);
    if (stored) {
      stats.cacheHits += 1;
      return { ok: true, text: stored };
    }
    if (!this.deps.budget.take()) return this.fallback(source, language, "budget", "the hourly budget of calls is spent");
    const written = await this.call(source, language);
    if (!written.ok) return this.fallback(source, language, written.reason, written.detail);
    stats.accepted += 1;
    await cache.set(source.id, language, written.text).catch((error: unknown) => this.deps.logger?.warn(`llm: caching ${source.id}: ${describeError(error)}`));
    return written;
  }

  /** One call, abandoned at the timeout: the alert never waits longer, whatever the server does. */
  private async call(source: Source, language: string): Promise<Written> {
    const abort = new AbortController();
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Written>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve({ ok: false, reason: "timeout", detail: `no answer within ${this.deps.timeoutMs} ms` });
      }, this.deps.timeoutMs);
    });
    const answered = this.deps.model.complete(summaryPrompt(source, language), abort.signal).then(
      (completion): Written => {
        this.deps.stats.recordCall(performance.now() - started, completion.usage);
        if (completion.refusal) return { ok: false, reason: "refusal", detail: `the model declined: ${completion.refusal.slice(0, 120)}` };
        return checkAnswer(completion.content, source, language);
      },
      (error: unknown): Written => {
        this.deps.stats.recordCall(performance.now() - started, undefined);
        if (error instanceof ModelCallError) return { ok: false, reason: error.reason, detail: error.message };
        return { ok: false, reason: "error", detail: describeError(error) };
      },
    );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private fallback(source: Source, language: string, reason: FallbackReason, detail: string): Written {
    this.deps.stats.fallback(reason);
    this.deps.logger?.warn(`llm: ${source.id} (${language}): extractive summary sent instead (${reason}: ${detail})`);
    return { ok: false, reason, detail };
  }

  private remember(key: string, written: Written): void {
    const keepMs = written.ok ? 3_600_000 : (this.deps.retryFailedAfterMs ?? 600_000);
    this.recent.delete(key);
    this.recent.set(key, { written, until: Date.now() + keepMs });
    if (this.recent.size > MEMORY_ENTRIES) this.recent.delete(this.recent.keys().next().value!);
  }
}
