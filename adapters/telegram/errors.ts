import { GrammyError, HttpError } from "grammy";
import type { SendResult } from "../../src/core/delivery.js";

/**
 * Removes the bot token from text meant for logs or the delivery engine. grammY's own messages leave it out,
 * but the network error an HttpError wraps (node-fetch's) quotes the request URL, which holds the token.
 */
export function scrubToken(text: string, token: string): string {
  let out = token ? text.split(token).join("<token>") : text;
  // Also any other `bot<id>:<secret>` path, in case the text came from somewhere that knew another token.
  out = out.replace(/bot\d+:[\w-]+/g, "bot<token>");
  return out;
}

/** One line about an error from the Bot API or the network, without the token. */
export function describeTelegramError(error: unknown, token: string): string {
  if (error instanceof GrammyError) return scrubToken(`${error.method}: ${error.error_code} ${error.description}`, token);
  if (error instanceof HttpError) {
    // A JSON parse error quotes the start of the answer (node-fetch's "invalid json response body … reason:
    // Unexpected token '<', "<html>…"): another service's page, say. Quote none of it.
    const notJson = error.error instanceof SyntaxError || (error.error as { type?: unknown } | undefined)?.type === "invalid-json";
    const inner = notJson ? ": the answer is not JSON" : error.error instanceof Error ? `: ${error.error.message}` : "";
    return scrubToken(`${error.message}${inner}`, token);
  }
  if (error instanceof Error) return scrubToken(`${error.name}: ${error.message.split("\n")[0] ?? ""}`, token);
  return scrubToken(String(error), token);
}

// Answers that mean the chat will not take messages again, whatever we do (Telegram's own wording).
const GONE_400 = /chat not found|have no rights to send|not enough rights to send|need administrator rights in the channel|chat_write_forbidden|channel_private|group chat was deactivated|peer_id_invalid/i;

/** What a failed send means to the delivery engine. */
export function translateSendError(error: unknown, token: string): SendResult {
  const reason = describeTelegramError(error, token);
  if (error instanceof GrammyError) {
    const migrated = error.parameters.migrate_to_chat_id;
    if (error.error_code === 429) {
      return { status: "retry-after", seconds: Math.max(1, error.parameters.retry_after ?? 30), reason };
    }
    if (migrated !== undefined) return { status: "gone", reason, movedTo: String(migrated) };
    if (error.error_code === 403) return { status: "gone", reason };
    if (error.error_code === 400 && GONE_400.test(error.description)) return { status: "gone", reason };
    return { status: "failed", reason };
  }
  return { status: "failed", reason };
}
