import { stripInvisible } from "../../src/commands/parse.js";

/** A command message as the bot reads it, before the neutral parser sees it. */
export interface TelegramCommandLine {
  /** The name as typed, lower case, without `/` or `@botname`: `ieo_cap`. */
  name: string;
  /** Everything after the name, trimmed. */
  args: string;
  /** Whether the command named this bot (`/help@regwatch_bot`): then an unknown name deserves an answer. */
  addressed: boolean;
  /** The line for the neutral runner: `/ieo_cap 800万 3000万`; `/start` reads as `/help`. */
  line: string;
}

// Telegram command names: 1 to 32 of a-z, 0-9 and _; people also type capitals and dashes.
const COMMAND = /^\/([A-Za-z0-9_-]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)([\s\S]*)$/;

/**
 * Reads `/name[@bot] args` from a message's text. Undefined for text that is not a command, and for a
 * command addressed to another bot (`/help@otherbot` in a group the two share).
 */
export function readCommandLine(text: string | undefined, botUsername: string): TelegramCommandLine | undefined {
  if (text === undefined) return undefined;
  // Invisible characters (`/help\0`, a bidi override before an argument) would hide the command or its words.
  const match = COMMAND.exec(stripInvisible(text).trimStart());
  if (!match) return undefined;
  const [, rawName = "", target, rest = ""] = match;
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const name = rawName.toLowerCase();
  const args = rest.trim();
  // /start is what Telegram sends when someone opens the bot; its deep-link payload carries nothing we use.
  const line = name === "start" ? "/help" : args ? `/${name} ${args}` : `/${name}`;
  return { name, args, addressed: target !== undefined, line };
}

/** The Telegram form of a neutral command name: `ieo-cap` → `ieo_cap`. */
export const telegramName = (name: string): string => name.toLowerCase().replaceAll("-", "_");

/**
 * Replies name commands the neutral way (`/ieo-cap`), but Telegram makes only `/ieo` of that clickable:
 * rewrite each dashed command name to its Telegram form wherever a reply mentions it.
 */
export function telegramCommandNames(names: readonly string[]): (text: string) => string {
  const dashed = names.filter((n) => n.includes("-"));
  if (dashed.length === 0) return (text) => text;
  const pattern = new RegExp(`/(${dashed.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w-])`, "gi");
  return (text) => text.replace(pattern, (_, name: string) => `/${telegramName(name)}`);
}
