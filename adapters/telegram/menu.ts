import type { Api } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import type { Command, Translate } from "../../src/core/command.js";
import { commandDescription } from "../../src/commands/help-text.js";
import { languages, translator } from "../../src/commands/i18n.js";
import { telegramName } from "./command-line.js";

const VALID_NAME = /^[a-z0-9_]{1,32}$/;

/** The command menu Telegram shows, from the neutral commands: names with underscores, descriptions ≤ 256. */
export function menuCommands(commands: readonly Command[], t?: Translate): BotCommand[] {
  return commands
    .map((c) => ({ command: telegramName(c.name), description: shorten(t ? commandDescription(c, t) : c.description, 256) }))
    .filter((c) => VALID_NAME.test(c.command) && c.description.length > 0);
}

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

const same = (a: readonly BotCommand[], b: readonly BotCommand[]): boolean =>
  a.length === b.length && a.every((c, i) => c.command === b[i]?.command && c.description === b[i]?.description);

/**
 * Publishes the menu only when it differs from what Telegram has, so a restart loop does not call
 * setMyCommands each time. True when it was published.
 */
export async function syncMenu(api: Api, commands: readonly Command[]): Promise<boolean> {
  let published = false;
  // The default menu in English, and one per other catalog language for users whose app is set to it.
  for (const language of [undefined, ...languages().filter((l) => l !== "en")]) {
    const wanted = menuCommands(commands, language ? translator(language) : undefined);
    // Catalog names are ISO 639-1 codes, as Telegram's language_code is.
    const code = language as LanguageCode | undefined;
    const current = code ? await api.getMyCommands({ language_code: code }) : await api.getMyCommands();
    if (same(current, wanted)) continue;
    if (code) await api.setMyCommands(wanted, { language_code: code });
    else await api.setMyCommands(wanted);
    published = true;
  }
  return published;
}
