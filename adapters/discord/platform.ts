import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from "discord.js";
import type { ChatPlatform, Outgoing, SendResult } from "../../src/core/delivery.js";
import type { Target } from "../../src/core/subscription.js";
import { alertEmbed, digestMessages, type DiscordMessage, type RenderKnowledge } from "./render.js";

export interface DiscordPlatformOptions {
  /**
   * A discord.js REST client with the token set: the bot client's own (`client.rest`, sharing its rate-limit
   * buckets) or a standalone one when the gateway runs in shard processes.
   */
  rest: REST;
  knowledge?: RenderKnowledge;
}

/** Discord JSON error codes after which a channel will not accept the bot's messages again. */
const GONE: Record<number, string> = {
  10003: "Unknown Channel: the channel was deleted",
  10004: "Unknown Guild: the bot is no longer in the server",
  50001: "Missing Access: the bot cannot see the channel or was removed from the server",
  50013: "Missing Permissions: the bot may not send messages or embed links in the channel",
};

/** Discord as a delivery target: alerts as embeds, posted with every mention disabled. */
export function createDiscordPlatform(options: DiscordPlatformOptions): ChatPlatform {
  const { rest } = options;
  // Nothing parses as a mention; only the roles a rule named (and the message itself names) may be pinged.
  const post = (channelId: string, message: DiscordMessage, roles: readonly string[] = []) =>
    rest.post(Routes.channelMessages(channelId), { body: { ...message, allowed_mentions: { parse: [], roles: [...roles] } } });

  return {
    name: "discord",
    async send(target: Target, message: Outgoing): Promise<SendResult> {
      const roles = message.kind === "alert" ? (message.mentionRoles ?? []).filter((r) => /^\d{5,25}$/.test(r)) : [];
      const parts: DiscordMessage[] =
        message.kind === "alert"
          ? [{ ...(roles.length > 0 ? { content: roles.map((r) => `<@&${r}>`).join(" ") } : {}), embeds: [alertEmbed(message.alert, options.knowledge, undefined, message.labels)] }]
          : digestMessages(message.period.label, message.alerts, options.knowledge, message.labels);
      try {
        // A digest in several messages goes in order; if one fails the engine retries the whole digest, so a
        // channel may see its first part twice rather than lose the rest.
        for (const part of parts) await post(target.chatId, part, roles);
        return { status: "sent" };
      } catch (error) {
        return translateSendError(error);
      }
    },
  };
}

/**
 * What a failed send means for delivery. discord.js waits out 429s itself (they come back here only with
 * `rejectOnRateLimit`), and retries 5xx a few times before giving up: nothing here retries on top of it.
 */
export function translateSendError(error: unknown): SendResult {
  if (error instanceof RateLimitError) {
    return { status: "retry-after", seconds: Math.max(1, Math.ceil(error.retryAfter / 1000)), reason: "Discord rate limit" };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === "number" ? error.code : Number(error.code);
    const known = GONE[code];
    if (known) return { status: "gone", reason: `Discord ${code} ${known}` };
    if (error.status === 403) return { status: "gone", reason: `Discord 403 ${oneLine(error.message)}` };
    return { status: "failed", reason: `Discord ${error.status}${code ? ` ${code}` : ""} ${oneLine(error.message)}` };
  }
  if (error instanceof HTTPError) return { status: "failed", reason: `Discord HTTP ${error.status} ${oneLine(error.message)}` };
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${oneLine(error.cause.message)}` : "";
    return { status: "failed", reason: `network: ${oneLine(error.message)}${cause}` };
  }
  return { status: "failed", reason: String(error) };
}

// Error messages from discord.js name the route, never the token; keep them to one short line anyway.
const oneLine = (text: string): string => (text.split("\n")[0] ?? "").slice(0, 200);
