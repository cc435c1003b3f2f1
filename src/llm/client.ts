import OpenAI from "openai";
import type { ChatMessage } from "./prompt.js";
import type { FallbackReason } from "./stats.js";

export interface ModelSettings {
  baseUrl: string;
  model: string;
  timeoutMs: number;
  maxTokens: number;
  /** Local servers (Ollama, llama.cpp) need none. */
  apiKey?: string;
}

export interface Completion {
  content: string | null;
  /** The API's own refusal field, or a content filter's stop. */
  refusal?: string;
  usage?: { prompt: number; completion: number };
}

/** A call that failed, with the reason it is counted under and a line that quotes no secret. */
export class ModelCallError extends Error {
  override name = "ModelCallError";
  constructor(
    readonly reason: FallbackReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Chat completions through the official client, against any OpenAI-compatible server: JSON mode, no streaming,
 * no retries (a retry would outlast the alert's wait; the next article tries again).
 */
export class ModelClient {
  private readonly openai: OpenAI;

  constructor(private readonly settings: ModelSettings) {
    this.openai = new OpenAI({
      baseURL: settings.baseUrl,
      // The client insists on a key; a local server ignores whatever it is sent.
      apiKey: settings.apiKey ?? "none",
      timeout: settings.timeoutMs,
      maxRetries: 0,
      // Given explicitly, so the client reads none of its own environment variables for them: the configuration
      // is the only source, and the client logs nothing of its own.
      adminAPIKey: null,
      organization: null,
      project: null,
      webhookSecret: null,
      logLevel: "off",
    });
  }

  async complete(messages: ChatMessage[], signal: AbortSignal): Promise<Completion> {
    try {
      const answer = await this.openai.chat.completions.create(
        {
          model: this.settings.model,
          messages,
          response_format: { type: "json_object" },
          stream: false,
          temperature: 0,
          max_tokens: this.settings.maxTokens,
        },
        { signal },
      );
      const choice = answer.choices[0];
      const usage = answer.usage ? { prompt: answer.usage.prompt_tokens, completion: answer.usage.completion_tokens } : undefined;
      const refusal = choice?.message.refusal ?? (choice?.finish_reason === "content_filter" ? "content filter" : undefined);
      return { content: choice?.message.content ?? null, ...(refusal ? { refusal } : {}), ...(usage ? { usage } : {}) };
    } catch (error) {
      throw callError(error, this.settings.baseUrl);
    }
  }
}

function callError(error: unknown, baseUrl: string): ModelCallError {
  const where = `the model API at ${safeOrigin(baseUrl)}`;
  if (error instanceof OpenAI.APIConnectionTimeoutError || (error instanceof Error && error.name === "AbortError") || error instanceof OpenAI.APIUserAbortError) {
    return new ModelCallError("timeout", `${where} did not answer in time`, { cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    if (error.status === 429) return new ModelCallError("rate-limited", `${where} answered 429 (rate limited)`, { cause: error });
    if (error.status >= 500) return new ModelCallError("server-error", `${where} answered ${error.status}`, { cause: error });
    return new ModelCallError("error", `${where} answered ${error.status}`, { cause: error });
  }
  // The client's JSON parse of a non-JSON body, a reset connection, a refused one.
  if (error instanceof SyntaxError) return new ModelCallError("malformed", `${where} answered something that is not JSON`, { cause: error });
  return new ModelCallError("error", `${where} failed: ${error instanceof Error ? error.message.split("\n")[0]!.slice(0, 160) : String(error)}`, { cause: error });
}

/** Scheme, host and port only: a URL's user or query could carry a key. */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(invalid URL)";
  }
}
