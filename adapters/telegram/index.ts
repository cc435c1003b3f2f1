import { Api, GrammyError, type Bot } from "grammy";
import type { AddressInfo } from "node:net";
import type { Config } from "../../config/schema.js";
import type { Command, CommandServices } from "../../src/core/command.js";
import type { ChatAdapter } from "../../src/core/delivery.js";
import type { Logger } from "../../src/core/ports.js";
import { commands as defaultCommands } from "../../commands/index.js";
import { ALLOWED_UPDATES, createBot } from "./bot.js";
import { describeTelegramError } from "./errors.js";
import { pollingBackoff } from "./polling.js";
import { syncMenu } from "./menu.js";
import { createTelegramPlatform } from "./platform.js";
import type { JurisdictionLabel } from "./render.js";
import { newWebhookSecret, startWebhookServer, type WebhookServer } from "./webhook.js";

export { createTelegramPlatform } from "./platform.js";
export { renderAlert, renderDigest, renderReply, escapeHtml } from "./render.js";
export { translateSendError, scrubToken } from "./errors.js";

export interface TelegramAdapterOptions {
  /** The bot token (TELEGRAM_BOT_TOKEN); never logged. */
  token: string;
  /** The `telegram` section of the configuration: apiRoot, linkPreviews, webhook. */
  config: Config["telegram"];
  services: CommandServices;
  logger: Logger;
  /** The commands to answer and publish in the menu; commands/index.ts unless given. */
  commands?: readonly Command[];
  /** X-Telegram-Bot-Api-Secret-Token for webhook mode (TELEGRAM_WEBHOOK_SECRET); random when not given. */
  webhookSecret?: string;
  /** How long an admin check is remembered, in ms (default 60 s). */
  adminCacheMs?: number;
  /** Fixes the error ids users are given (tests). */
  newErrorId?: () => string;
  /** How long start-up waits for the Bot API to answer getMe (default 10 s). */
  connectTimeoutMs?: number;
}

export interface TelegramAdapter extends ChatAdapter {
  /** The grammY bot (commands, replies); delivery goes through `platform`, on a separate Api. */
  readonly bot: Bot;
  /** Where the webhook server listens, in webhook mode once started. */
  webhookAddress(): AddressInfo | undefined;
}

/**
 * Telegram: the bot answering commands (long polling, or a webhook when `config.webhook` is set) and the
 * ChatPlatform that delivers alerts. Reads nothing from the environment: the caller passes token and secret.
 */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const { token, config, services, logger } = options;
  const commands = options.commands ?? defaultCommands;
  const fail = (what: string, error: unknown): Error => new Error(`telegram: ${what}: ${describeTelegramError(error, token)}`);
  const backoff = pollingBackoff(logger, token);
  const bot = createBot({
    pollingTransformer: backoff.transformer,
    token,
    apiRoot: config.apiRoot,
    services,
    commands,
    logger,
    ...(options.adminCacheMs !== undefined ? { adminCacheMs: options.adminCacheMs } : {}),
    ...(options.newErrorId ? { newErrorId: options.newErrorId } : {}),
  });
  const jurisdictions = new Map<string, JurisdictionLabel>(services.knowledge.jurisdictions.map((j) => [j.code, j]));
  const platform = createTelegramPlatform({
    // No auto-retry here: the delivery engine paces chats and waits out 429s itself.
    api: new Api(token, { apiRoot: config.apiRoot, timeoutSeconds: 30 }),
    token,
    linkPreviews: config.linkPreviews,
    jurisdictions,
  });
  let webhook: WebhookServer | undefined;
  let polling: Promise<void> | undefined;

  async function start(): Promise<void> {
    // One bounded getMe: bot.init() would retry an unreachable server for ever.
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    const check = AbortSignal.timeout(timeoutMs);
    try {
      // grammY types its signal with the abort-controller shim; Node's own AbortSignal is what it runs with.
      bot.botInfo = await bot.api.getMe(check as Parameters<typeof bot.api.getMe>[0]);
    } catch (error) {
      // The Bot API answered and refused (a wrong token): say so; otherwise it could not be reached at all.
      if (error instanceof GrammyError) throw fail("cannot start", error);
      const reason = check.aborted ? `no answer within ${timeoutMs / 1000} s` : describeTelegramError(error, token);
      throw new Error(`telegram: cannot reach the Bot API at ${config.apiRoot}: ${reason}`);
    }
    await syncMenu(bot.api, commands).then(
      (published) => published && logger.info("telegram: command menu published"),
      (error: unknown) => logger.warn(fail("command menu", error).message),
    );
    const name = `@${bot.botInfo.username}`;
    if (config.webhook) {
      const secret = options.webhookSecret ?? newWebhookSecret();
      webhook = await startWebhookServer(bot, { ...config.webhook, secret }, logger);
      try {
        await bot.api.setWebhook(config.webhook.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
      } catch (error) {
        await webhook.close();
        webhook = undefined;
        throw fail("cannot set the webhook", error);
      }
      logger.info(`telegram: ${name} ready (webhook on ${config.webhook.host}:${webhook.address().port}${config.webhook.path})`);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      let started = false;
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          onStart: () => {
            started = true;
            resolve();
          },
        })
        .catch((error: unknown) => {
          if (!started) reject(fail("polling", error));
          else logger.error(fail("polling stopped", error).message);
        });
    });
    logger.info(`telegram: ${name} ready (long polling)`);
  }

  return {
    bot,
    platform,
    start,
    async stop() {
      backoff.stopping();
      // bot.stop() confirms the update offset with one more getUpdates: a dead server must not hold up the exit.
      if (bot.isRunning()) await withinSeconds(bot.stop(), STOP_SECONDS).catch((error: unknown) => logger.warn(fail("stopping", error).message));
      await withinSeconds(polling ?? Promise.resolve(), STOP_SECONDS).catch(() => {});
      await webhook?.close();
      webhook = undefined;
    },
    webhookAddress: () => webhook?.address(),
  };
}

/** How long stopping waits for grammY to end long polling. */
const STOP_SECONDS = 3;

function withinSeconds<T>(work: Promise<T>, seconds: number): Promise<T | void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
