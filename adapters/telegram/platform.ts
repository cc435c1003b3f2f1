import type { Api } from "grammy";
import type { ChatPlatform, Outgoing, SendResult } from "../../src/core/delivery.js";
import type { Target } from "../../src/core/subscription.js";
import { translateSendError } from "./errors.js";
import { renderAlert, renderDigest, type RenderOptions } from "./render.js";

export interface TelegramPlatformOptions extends RenderOptions {
  /**
   * An Api WITHOUT the auto-retry transformer: the delivery engine owns flood control (it paces every chat
   * and keeps the entry when told to wait), so a 429 must come back to it at once, not be slept on here.
   */
  api: Api;
  /** Only for scrubbing it out of error reasons. */
  token: string;
  linkPreviews: boolean;
}

/** Telegram as a delivery target: renders an Outgoing as HTML and says what became of the send. */
export function createTelegramPlatform(options: TelegramPlatformOptions): ChatPlatform {
  const { api, token } = options;
  const sendHtml = (chatId: string, html: string) =>
    api.sendMessage(chatId, html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: !options.linkPreviews },
    });

  return {
    name: "telegram",
    async send(target: Target, message: Outgoing): Promise<SendResult> {
      const parts =
        message.kind === "alert"
          ? [renderAlert(message.alert, { ...options, ...(message.labels ? { labels: message.labels } : {}) })]
          : renderDigest(message.period.label, message.alerts, { ...options, ...(message.labels ? { labels: message.labels } : {}) });
      try {
        // A digest in several parts is sent in order; if a later part fails, the engine retries the whole
        // digest, so a flood-controlled chat may see the first part twice rather than lose the rest.
        for (const html of parts) await sendHtml(target.chatId, html);
        return { status: "sent" };
      } catch (error) {
        return translateSendError(error, token);
      }
    },
  };
}
