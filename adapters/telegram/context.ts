import type { Api } from "grammy";
import type { Chat, Message, User } from "grammy/types";
import type { ChatRef, ChatType, CommandAttachment, CommandContext, Invoker, ReplyMessage } from "../../src/core/command.js";
import { sendAttachment } from "./files.js";
import { renderReply } from "./render.js";

/** Telegram's chat types in the neutral vocabulary: groups and supergroups are both groups. */
export function chatTypeOf(chat: Pick<Chat, "type">): ChatType {
  if (chat.type === "private") return "private";
  return chat.type === "channel" ? "channel" : "group";
}

export const chatRefOf = (chat: Pick<Chat, "id" | "type">): ChatRef => ({
  platform: "telegram",
  id: String(chat.id),
  type: chatTypeOf(chat),
});

export function invokerOf(user: User): Invoker {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ") || user.username || String(user.id);
  return { id: String(user.id), name };
}

/**
 * Who administers which chat, asked of the Bot API and remembered briefly: long enough that a burst of
 * commands or button taps costs one getChatMember, short enough that a demoted admin loses the right soon.
 */
export class AdminCheck {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly api: Api,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async isAdmin(chatId: number | string, userId: number): Promise<boolean> {
    const key = `${chatId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.admin;
    const member = await this.api.getChatMember(chatId, userId);
    const admin = member.status === "creator" || member.status === "administrator";
    this.cache.set(key, { admin, until: this.now() + this.ttlMs });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value as string);
    return admin;
  }

  /** The bot's right to post in a chat, asked fresh (it matters once, when a channel is subscribed). */
  async botCanPost(chatId: number | string, botId: number): Promise<boolean> {
    const member = await this.api.getChatMember(chatId, botId);
    if (member.status === "creator") return true;
    if (member.status !== "administrator") return false;
    return member.can_post_messages !== false;
  }
}

/**
 * Whether the sender of a message may manage its chat's subscriptions. Private chats: the owner. Channels:
 * only admins can post there, so a channel post comes from one. Groups: a creator or administrator, or an
 * anonymous admin (who posts as the group itself, `sender_chat` being the group).
 */
export async function senderCanManage(message: Message, admins: AdminCheck): Promise<boolean> {
  const { chat } = message;
  if (chat.type === "private" || chat.type === "channel") return true;
  if (message.sender_chat?.id === chat.id) return true;
  if (!message.from) return false;
  return admins.isAdmin(chat.id, message.from.id);
}

export interface ReplyTarget {
  chatId: number | string;
  /** The message answered; the reply quotes it when it still exists. */
  replyTo?: number;
  /** A forum topic, so the answer stays in the thread it was asked in. */
  threadId?: number;
}

/** Sends a ReplyMessage as HTML, split into as many messages as the limit needs. */
export async function sendReply(api: Api, where: ReplyTarget, message: ReplyMessage): Promise<void> {
  let first = true;
  for (const html of renderReply(message)) {
    await api.sendMessage(where.chatId, html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(where.threadId ? { message_thread_id: where.threadId } : {}),
      ...(first && where.replyTo ? { reply_parameters: { message_id: where.replyTo, allow_sending_without_reply: true } } : {}),
    });
    first = false;
  }
  if (message.attachment) await sendAttachment(api, where.chatId, message.attachment, where.threadId);
}

/** The neutral context for a message or channel post that carries a command. */
export async function messageContext(api: Api, message: Message, admins: AdminCheck, attachment?: CommandAttachment): Promise<CommandContext> {
  const { chat } = message;
  const user: Invoker = message.from && message.sender_chat === undefined
    ? invokerOf(message.from)
    : // Channel posts and anonymous admins speak as a chat, not a user.
      { id: `chat:${message.sender_chat?.id ?? chat.id}`, name: message.sender_chat?.title ?? ("title" in chat ? chat.title : undefined) ?? "channel" };
  const where: ReplyTarget = {
    chatId: chat.id,
    replyTo: message.message_id,
    ...(message.is_topic_message && message.message_thread_id ? { threadId: message.message_thread_id } : {}),
  };
  return {
    user,
    chat: chatRefOf(chat),
    canManage: await senderCanManage(message, admins),
    locale: message.from?.language_code ?? "en",
    reply: (reply) => sendReply(api, where, reply),
    ...(attachment ? { attachment } : {}),
  };
}
