import type Keyv from "keyv";
import type { ModelText } from "./check.js";

/** A week: long enough for every digest and every retry of an alert, short enough that the store stays small. */
export const MODEL_TEXT_TTL_MS = 7 * 86_400_000;

/**
 * Checked model text per article and language (`llm:ja:g:fsa:…`), in the same store as the outbox, so every
 * chat of a language and a restarted service reuse one answer.
 */
export class ModelTextCache {
  constructor(
    private readonly keyv: Keyv,
    private readonly ttlMs = MODEL_TEXT_TTL_MS,
  ) {}

  async get(articleId: string, language: string): Promise<ModelText | undefined> {
    return (await this.keyv.get<ModelText>(key(articleId, language))) ?? undefined;
  }

  async set(articleId: string, language: string, text: ModelText): Promise<void> {
    await this.keyv.set(key(articleId, language), text, this.ttlMs);
  }
}

const key = (articleId: string, language: string): string => `llm:${language}:${articleId}`;
