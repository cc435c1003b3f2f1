import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Command } from "../../src/core/command.js";
import { telegramName } from "./command-line.js";

const VALID_NAME = /^[a-z0-9_]{1,32}$/;

/** The command menu Telegram shows, from the neutral commands: names with underscores, descriptions ≤ 256. */
export function menuCommands(commands: readonly Command[]): BotCommand[] {
  return commands
    .map((c) => ({ command: telegramName(c.name), description: shorten(c.description, 256) }))
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
  const wanted = menuCommands(commands);
  const current = await api.getMyCommands();
  if (same(current, wanted)) return false;
  await api.setMyCommands(wanted);
  return true;
}
