import { GrammyError, type Api } from "grammy";
import type { User } from "grammy/types";
import type { CommandContext } from "../../src/core/command.js";
import { translator } from "../../src/commands/i18n.js";
import { UserError } from "../../src/core/errors.js";
import { AdminCheck, chatRefOf, invokerOf, sendReply } from "./context.js";

/** `@channelname` or a numeric channel id (`-1001234567890`) as the first argument of a private command. */
export const CHANNEL_REF = /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,})$/;

/**
 * Splits `@channelname jp hk` into the channel and the rest, when the first word names a channel.
 * Only /subscribe and /unsubscribe (and their listing) act on another chat.
 */
export function channelArgument(args: string): { ref: string; rest: string } | undefined {
  const [first = "", ...rest] = args.split(/\s+/);
  return CHANNEL_REF.test(first) ? { ref: first, rest: rest.join(" ") } : undefined;
}

/**
 * A context for managing a channel from a private chat: the command acts on the channel, the answer comes
 * back to the private chat. Checked first with the Bot API: the channel exists and the bot can see it, the
 * user administers it, and the bot may post there (else a subscription would only ever fail).
 * Problems are UserErrors worded for the user.
 */
export async function channelContext(options: {
  api: Api;
  admins: AdminCheck;
  botId: number;
  user: User;
  privateChatId: number;
  ref: string;
}): Promise<CommandContext> {
  const { api, admins, ref } = options;
  const refused = (message: string, key: string) => new UserError(message, { key: `telegram.${key}`, values: { ref } });
  const notReachable = () => refused(`I cannot see ${ref}. Add me to the channel as an administrator who may post messages, then try again.`, "notReachable");
  const chat = await api.getChat(ref).catch((error: unknown) => {
    if (error instanceof GrammyError && error.error_code < 500) throw notReachable();
    throw error;
  });
  if (chat.type !== "channel") throw refused(`${ref} is not a channel. In a group, send the command in the group itself.`, "notChannel");

  const isAdmin = await admins.isAdmin(chat.id, options.user.id).catch((error: unknown) => {
    // The member list of a channel is hidden from a bot that is not one of its administrators.
    if (error instanceof GrammyError && error.error_code < 500) throw notReachable();
    throw error;
  });
  if (!isAdmin) throw refused(`Only an administrator of ${ref} can change what it receives.`, "notAdmin");
  if (!(await admins.botCanPost(chat.id, options.botId))) {
    throw refused(`I cannot post in ${ref}: make me an administrator with the right to post messages.`, "cannotPost");
  }

  const label = chat.username ? `@${chat.username}` : chat.title;
  return {
    user: invokerOf(options.user),
    chat: chatRefOf(chat),
    canManage: true,
    locale: options.user.language_code ?? "en",
    // Say which chat the answer is about: "Subscribed" alone would read as this private chat.
    reply: (message) =>
      sendReply(api, { chatId: options.privateChatId }, { ...message, title: `${message.title ?? translator(options.user.language_code ?? "en")("discord.done")} · ${label}` }),
  };
}
