import type { CommandContext, CommandServices, Translate } from "../core/command.js";
import type { UserError } from "../core/errors.js";
import { catalogLanguage, DEFAULT_LANGUAGE, translator } from "./i18n.js";

/**
 * The context with the chat's language: what /language chose for this chat, else the platform's (the Telegram
 * user's, the Discord guild's), else English. A settings store that fails to answer costs the choice, not the reply.
 */
export async function localized(ctx: CommandContext, services: CommandServices): Promise<CommandContext & { language: string; t: Translate }> {
  let chosen: string | undefined;
  try {
    chosen = (await services.chatSettings?.get({ platform: ctx.chat.platform, chatId: ctx.chat.id }))?.language;
  } catch {
    chosen = undefined;
  }
  const language = catalogLanguage(chosen) ?? catalogLanguage(ctx.locale) ?? DEFAULT_LANGUAGE;
  return Object.assign(Object.create(ctx) as CommandContext, ctx, { language, t: translator(language) });
}

/** A UserError in the chat's language when it carries a catalog key; its own English message otherwise. */
export function userMessage(error: UserError, t: Translate): string {
  const translation = error.translation;
  if (!translation) return error.message;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(translation.values ?? {})) values[name] = typeof value === "object" ? t(value.key) : value;
  return t(translation.key, { ...values, defaultValue: error.message });
}

/** The context's messages; English for a context the runner did not localize (direct calls in tests). */
export const tr = (ctx: Pick<CommandContext, "t">): Translate => ctx.t ?? translator(DEFAULT_LANGUAGE);
