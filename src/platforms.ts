import { fileURLToPath } from "node:url";
import type { LoadedConfig } from "../config/load.js";
import type { CommandServices } from "./core/command.js";
import type { ChatAdapter } from "./core/delivery.js";
import type { Logger } from "./core/ports.js";

/**
 * The chat platforms whose tokens are set, not yet started. With none, alerts go to the console.
 * Each platform adds itself here; nothing else in the composition root knows their SDKs.
 */
export async function createAdapters(loaded: LoadedConfig, services: CommandServices, logger: Logger): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];

  const telegramToken = loaded.env.telegramToken;
  if (telegramToken) {
    // Loaded only when configured, so the console-only service never loads grammY.
    const { createTelegramAdapter } = await import("../adapters/telegram/index.js");
    adapters.push(
      createTelegramAdapter({
        token: telegramToken,
        config: loaded.config.telegram,
        connectTimeoutMs: loaded.config.limits.connectTimeoutMs,
        services,
        logger,
        ...(loaded.env.telegramWebhookSecret ? { webhookSecret: loaded.env.telegramWebhookSecret } : {}),
      }),
    );
  }

  const discordToken = loaded.env.discordToken;
  if (discordToken) {
    const [{ createDiscordAdapter }, { commands }] = await Promise.all([import("../adapters/discord/index.js"), import("../commands/index.js")]);
    adapters.push(
      createDiscordAdapter({
        token: discordToken,
        apiBase: loaded.config.discord.apiBase,
        requestsPerSecond: loaded.config.delivery.discord.perSecond,
        shards: loaded.config.discord.shards,
        connectTimeoutMs: loaded.config.limits.connectTimeoutMs,
        // More than one shard runs the gateway in child processes started from this built file, with the same configuration.
        shardFile: fileURLToPath(new URL("../adapters/discord/shard-main.js", import.meta.url)),
        shardArgs: ["--config", loaded.file],
        commands,
        services,
        logger,
      }),
    );
  }
  return adapters;
}
