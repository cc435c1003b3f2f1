import type { ShardingManager } from "discord.js";
import type { Command, CommandServices } from "../../src/core/command.js";
import type { ChatAdapter } from "../../src/core/delivery.js";
import type { Logger } from "../../src/core/ports.js";
import { connectBot } from "./bot.js";
import { createDiscordClient } from "./client.js";
import type { DiscordTraits } from "./definitions.js";
import { createDiscordPlatform } from "./platform.js";
import { shardCount, startShardManager, stopShardManager, type ShardSetting } from "./shards.js";

export { toApplicationCommand, toApplicationCommands, defaultTraits, type ApplicationCommandJson, type DiscordTraits } from "./definitions.js";
export { registerCommands, sameCommands, type RegisterResult } from "./register.js";
export { createDiscordPlatform, translateSendError } from "./platform.js";
export { alertEmbed, digestMessages, replyEmbed } from "./render.js";
export { createDiscordClient } from "./client.js";
export { connectBot } from "./bot.js";

export interface DiscordAdapterOptions {
  /** The bot token (DISCORD_TOKEN); never logged. */
  token: string;
  /** REST base URL without the version: `config.discord.apiBase`. */
  apiBase: string;
  /** `config.delivery.discord.perSecond`: discord.js's own global limiter must not sit below the engine's pacing. */
  requestsPerSecond?: number;
  commands: readonly Command[];
  services: CommandServices;
  logger: Logger;
  /** `config.discord.shards`: 1 runs the gateway in this process; more (or "auto" when Discord recommends more) uses the ShardingManager. */
  shards?: ShardSetting;
  /** The built shard entry file, required for more than one shard. */
  shardFile?: string;
  /** Arguments for each shard process (`["--config", file]`). */
  shardArgs?: string[];
  spawnDelayMs?: number;
  /** Per command: needs Manage Channels, posts in the channel, answers privately. Defaults in definitions.ts. */
  traits?: Readonly<Record<string, DiscordTraits>>;
  /** A command still working after this long is deferred (default 2 s; Discord allows 3). */
  deferAfterMs?: number;
}

/**
 * Discord as a chat platform: slash commands over the gateway (in this process, or in shard processes)
 * and alert delivery over REST. The REST client exists from the start, so alerts can be sent before, and
 * without, a gateway connection.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): ChatAdapter {
  const client = createDiscordClient({ apiBase: options.apiBase, ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}) });
  client.rest.setToken(options.token);
  const platform = createDiscordPlatform({ rest: client.rest, knowledge: options.services.knowledge });
  let manager: ShardingManager | undefined;
  let connected = false;

  return {
    platform,
    async start() {
      const total = await shardCount(options.shards ?? 1, client.rest);
      if (total === 1) {
        await connectBot(client, { ...options, token: options.token });
        connected = true;
        return;
      }
      if (!options.shardFile) throw new Error(`discord: ${total} shards need a shard entry file`);
      manager = await startShardManager({
        file: options.shardFile,
        token: options.token,
        totalShards: total,
        logger: options.logger,
        ...(options.shardArgs ? { shardArgs: options.shardArgs } : {}),
        ...(options.spawnDelayMs !== undefined ? { spawnDelayMs: options.spawnDelayMs } : {}),
      });
    },
    async stop() {
      if (manager) await stopShardManager(manager);
      if (connected) await client.destroy();
      manager = undefined;
      connected = false;
    },
  };
}
