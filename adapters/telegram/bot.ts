import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, type Context, type Transformer } from "grammy";
import type { InlineKeyboardMarkup, Message, UserFromGetMe } from "grammy/types";
import type { Command, CommandAttachment, CommandContext, CommandServices, ReplyMessage } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";
import type { Logger } from "../../src/core/ports.js";
import { runCommandLine, type RunOptions } from "../../src/commands/run.js";
import { channelArgument, channelContext } from "./channel.js";
import { readCommandLine, telegramCommandNames, telegramName } from "./command-line.js";
import { AdminCheck, chatRefOf, invokerOf, messageContext, sendReply } from "./context.js";
import { describeTelegramError, scrubToken } from "./errors.js";
import { translator } from "../../src/commands/i18n.js";
import { localized, userMessage } from "../../src/commands/localize.js";
import { commandFor, keyboardView, pageAfter, parseAction } from "./keyboard.js";
import { documentAttachment } from "./files.js";
import { feedKeyboardView, parseFeedAction } from "./feed-keyboard.js";

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  services: CommandServices;
  commands: readonly Command[];
  logger: Logger;
  /** How long an admin check is remembered (default a minute). */
  adminCacheMs?: number;
  /** Known bot info: skips getMe (tests that drive `handleUpdate` directly). */
  botInfo?: UserFromGetMe;
  /** Fixes the error ids users are given (tests). */
  newErrorId?: () => string;
  /** Installed on the bot's Api: logs and paces long polling's failures. */
  pollingTransformer?: Transformer;
}

/** The updates the bot asks Telegram for; anything else is never delivered. */
export const ALLOWED_UPDATES = ["message", "channel_post", "callback_query"] as const;

// Commands that may name a channel as their first argument when sent in a private chat.
const CHANNEL_COMMANDS = new Set(["subscribe", "unsubscribe", "subscriptions"]);

/**
 * The grammY bot: reads commands from messages and channel posts, runs them through the neutral runner,
 * and handles the /subscribe keyboard. Replies retry 429 a bounded number of times (auto-retry on bot.api);
 * alert delivery uses its own Api without it.
 */
export function createBot(options: TelegramBotOptions): Bot {
  const { token, services, commands, logger } = options;
  const bot = new Bot(token, {
    // Long polling asks for 30 s; any call still unanswered after 60 s is given up (grammY's default is 500 s).
    client: { apiRoot: options.apiRoot, timeoutSeconds: 60 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Network errors are not retried here (the plugin would retry them for ever): long polling retries with its
  // own logged backoff, and a reply that cannot be sent is reported.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  if (options.pollingTransformer) bot.api.config.use(options.pollingTransformer);
  const admins = new AdminCheck(bot.api, options.adminCacheMs);
  const known = new Set(["start", ...commands.map((c) => telegramName(c.name))]);
  const runOptions: RunOptions = {
    commands,
    // The runner logs a failed command with its cause; a network cause can quote the URL, token included.
    logger: { error: (message) => logger.error(`telegram: ${scrubToken(message, token)}`) },
    ...(options.newErrorId ? { newErrorId: options.newErrorId } : {}),
  };
  const rename = telegramCommandNames(commands.map((c) => c.name));
  const telegramReplies = (neutral: CommandContext): CommandContext => ({
    ...neutral,
    reply: (m) =>
      neutral.reply({
        ...m,
        text: rename(m.text),
        ...(m.fields ? { fields: m.fields.map((f) => ({ name: rename(f.name), value: rename(f.value) })) } : {}),
        ...(m.title ? { title: rename(m.title) } : {}),
      }),
  });
  const fail = (what: string, error: unknown): void => logger.error(`telegram: ${what}: ${describeTelegramError(error, token)}`);

  async function onCommand(ctx: Context, message: Message, attachment?: CommandAttachment): Promise<void> {
    // Other bots' messages are not commands to us (an anonymous admin's have sender_chat and are).
    if (message.from?.is_bot && message.sender_chat === undefined) return;
    const parsed = readCommandLine(message.text, ctx.me.username);
    if (!parsed) return;
    // In a group, `/foo` without our name may be meant for another bot there: answer only what we know.
    if (!known.has(parsed.name) && message.chat.type !== "private" && !parsed.addressed) return;

    const channel = message.chat.type === "private" && CHANNEL_COMMANDS.has(parsed.name) ? channelArgument(parsed.args) : undefined;
    if (channel && message.from) {
      const privateChatId = message.chat.id;
      try {
        const neutral = telegramReplies(await channelContext({ api: ctx.api, admins, botId: ctx.me.id, user: message.from, privateChatId, ref: channel.ref }));
        await runCommandLine(`/${parsed.name} ${channel.rest}`.trim(), neutral, services, runOptions);
      } catch (error) {
        if (!(error instanceof UserError)) fail(`checking ${channel.ref}`, error);
        const t = translator(message.from.language_code ?? "en");
        const text = error instanceof UserError ? userMessage(error, t) : t("telegram.checkFailed");
        await sendReply(ctx.api, { chatId: privateChatId, replyTo: message.message_id }, { text }).catch((e) => fail("reply", e));
      }
      return;
    }

    const neutral = telegramReplies(await messageContext(ctx.api, message, admins, attachment));
    if (parsed.name === "subscribe" && parsed.args === "") {
      await showKeyboard(ctx, neutral, message);
      return;
    }
    if (parsed.name === "feed" && parsed.args === "" && services.userFeeds?.limits.enabled) {
      const { t } = await localized(neutral, services);
      const view = feedKeyboardView(await services.userFeeds.store.ofChat({ platform: "telegram", chatId: neutral.chat.id }), t);
      await ctx.api.sendMessage(message.chat.id, view.text, {
        parse_mode: "HTML",
        reply_markup: view.markup,
        ...(message.is_topic_message && message.message_thread_id ? { message_thread_id: message.message_thread_id } : {}),
      });
      return;
    }
    await runCommandLine(parsed.line, neutral, services, runOptions);
  }

  async function showKeyboard(ctx: Context, neutral: CommandContext, message: Message): Promise<void> {
    const { t } = await localized(neutral, services);
    if (!neutral.canManage) {
      await neutral.reply({ text: t("errors.onlyAdmins") });
      return;
    }
    const subscription = await services.subscriptions.get({ platform: "telegram", chatId: neutral.chat.id });
    const view = keyboardView(services.knowledge, subscription, 0, (await services.featuredJurisdictions?.()) ?? [], t);
    await ctx.api.sendMessage(message.chat.id, view.text, {
      parse_mode: "HTML",
      reply_markup: view.markup,
      ...(message.is_topic_message && message.message_thread_id ? { message_thread_id: message.message_thread_id } : {}),
    });
  }

  /**
   * Runs a command line for a button tap, as the user who tapped (admin rights checked as for a typed
   * command). The edited message is the answer, so the command's own replies only explain a failure:
   * undefined when it ran, else the text for the alert.
   */
  async function runForTap(query: NonNullable<Context["callbackQuery"]>, chat: Message["chat"], line: string): Promise<string | undefined> {
    const canManage = chat.type === "private" || (await admins.isAdmin(chat.id, query.from.id));
    const replies: ReplyMessage[] = [];
    const neutral: CommandContext = {
      user: invokerOf(query.from),
      chat: chatRefOf(chat),
      canManage,
      locale: query.from.language_code ?? "en",
      reply: async (reply) => void replies.push(reply),
    };
    const outcome = await runCommandLine(line, neutral, services, runOptions);
    return outcome.status === "ok" ? undefined : replies.map((r) => r.text).join(" ").slice(0, 190);
  }

  /** Replaces the tapped message with a new view of it. */
  async function editInPlace(ctx: Context, message: Message, view: { text: string; markup: InlineKeyboardMarkup }): Promise<void> {
    try {
      await ctx.api.editMessageText(message.chat.id, message.message_id, view.text, { parse_mode: "HTML", reply_markup: view.markup });
    } catch (error) {
      // Two quick taps can ask for the same state twice: nothing to change is not a failure.
      if (!(error instanceof GrammyError && /not modified/.test(error.description))) throw error;
    }
  }

  /** A tap on a feed's button under `/feed`: the same `/feed remove` a typed command runs, then the list again. */
  async function onFeedButton(ctx: Context, id: string): Promise<void> {
    const query = ctx.callbackQuery;
    const message = query?.message;
    if (!query || !message || !services.userFeeds) {
      await ctx.answerCallbackQuery();
      return;
    }
    const { t } = await tapperMessages(query, message.chat);
    const failed = await runForTap(query, message.chat, `/feed remove ${id}`);
    if (failed !== undefined) {
      await ctx.answerCallbackQuery({ text: failed || t("keyboard.failed"), show_alert: true });
      return;
    }
    await editInPlace(ctx, message, feedKeyboardView(await services.userFeeds.store.ofChat({ platform: "telegram", chatId: String(message.chat.id) }), t));
    await ctx.answerCallbackQuery({ text: t("feed.removed") });
  }

  /** The messages in the language of the chat and the user who tapped. */
  function tapperMessages(query: NonNullable<Context["callbackQuery"]>, chat: Message["chat"]) {
    return localized(
      { user: invokerOf(query.from), chat: chatRefOf(chat), canManage: false, locale: query.from.language_code ?? "en", reply: async () => {} },
      services,
    );
  }

  async function onButton(ctx: Context): Promise<void> {
    const query = ctx.callbackQuery;
    const feedAction = parseFeedAction(query?.data);
    if (feedAction) return onFeedButton(ctx, feedAction.id);
    const action = parseAction(query?.data);
    const message = query?.message;
    if (!query || !action || !message) {
      await ctx.answerCallbackQuery();
      return;
    }
    const chat = message.chat;
    const target = { platform: "telegram" as const, chatId: String(chat.id) };
    const line = commandFor(await services.subscriptions.get(target), action);
    let notice: string | undefined;
    const { t } = await tapperMessages(query, chat);
    if (line) {
      const failed = await runForTap(query, chat, line);
      if (failed !== undefined) {
        await ctx.answerCallbackQuery({ text: failed || t("keyboard.failed"), show_alert: true });
        return;
      }
      notice = line.startsWith("/unsubscribe") ? t("keyboard.removed") : t("keyboard.added");
    }
    await editInPlace(ctx, message, keyboardView(services.knowledge, await services.subscriptions.get(target), pageAfter(action), (await services.featuredJurisdictions?.()) ?? [], t));
    await ctx.answerCallbackQuery(notice ? { text: notice } : {});
  }

  bot.on(["message:text", "channel_post:text"], async (ctx) => {
    const message = ctx.msg;
    try {
      await onCommand(ctx, message);
    } catch (error) {
      fail(`command in ${message.chat.id}`, error);
      const t = translator(message.from?.language_code ?? "en");
      await sendReply(ctx.api, { chatId: message.chat.id, replyTo: message.message_id }, { text: t("telegram.wentWrong") }).catch(() => {});
    }
  });
  // A file sent with a command as its caption (`/feed import` with an OPML file): the caption is the command line.
  bot.on(["message:document", "channel_post:document"], async (ctx) => {
    const message = ctx.msg;
    if (!message.caption?.startsWith("/") || !message.document) return;
    try {
      await onCommand(ctx, { ...message, text: message.caption }, documentAttachment(ctx.api, options.apiRoot, token, message.document));
    } catch (error) {
      fail(`command in ${message.chat.id}`, error);
      const t = translator(message.from?.language_code ?? "en");
      await sendReply(ctx.api, { chatId: message.chat.id, replyTo: message.message_id }, { text: t("telegram.wentWrong") }).catch(() => {});
    }
  });
  bot.on("callback_query:data", async (ctx) => {
    try {
      await onButton(ctx);
    } catch (error) {
      fail("button", error);
      const t = translator(ctx.callbackQuery.from.language_code ?? "en");
      await ctx.answerCallbackQuery({ text: t("telegram.wentWrong"), show_alert: true }).catch(() => {});
    }
  });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  // Without this grammY stops polling on the first handler error.
  bot.catch((error) => fail("update", error.error));
  return bot;
}
