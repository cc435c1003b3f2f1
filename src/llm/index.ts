import type Keyv from "keyv";
import type { Logger } from "../core/ports.js";
import { HourlyBudget } from "./budget.js";
import { ModelTextCache } from "./cache.js";
import { ModelClient } from "./client.js";
import { ModelStats } from "./stats.js";
import { ModelWriter } from "./writer.js";

export { modelAlerts } from "./alerts.js";
export { checkAnswer, inventedFigure, plainModelText, type ModelText } from "./check.js";
export { ModelClient, ModelCallError } from "./client.js";
export { summaryPrompt } from "./prompt.js";
export { FALLBACK_REASONS, ModelStats, type FallbackReason } from "./stats.js";
export { ModelWriter, type Written } from "./writer.js";
export { HourlyBudget } from "./budget.js";
export { ModelTextCache } from "./cache.js";

/** The `llm` settings, with the key the config loader read from the environment. */
export interface LlmSettings {
  baseUrl: string;
  model: string;
  timeoutMs: number;
  maxPerHour: number;
  maxTokens: number;
  apiKey?: string;
}

/** A writer over the configured API, caching in `keyv`, counting into the stats it returns. */
export function createModelWriter(settings: LlmSettings, keyv: Keyv, logger?: Logger): { writer: ModelWriter; stats: ModelStats } {
  const stats = new ModelStats();
  const writer = new ModelWriter({
    model: new ModelClient(settings),
    cache: new ModelTextCache(keyv),
    budget: new HourlyBudget(settings.maxPerHour),
    stats,
    timeoutMs: settings.timeoutMs,
    ...(logger ? { logger } : {}),
  });
  return { writer, stats };
}
