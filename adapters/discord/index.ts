import { DiscordAPIError, HTTPError, type ShardingManager } from "discord.js";
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
  /** How long start-up may take, REST and gateway included, before it gives up (default 10 s). */
  connectTimeoutMs?: number;
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

  async function connect(): Promise<void> {
    const total = await shardCount(options.shards ?? 1, client.rest);
    if (total === 1) {
      connected = true;
      await connectBot(client, { ...options, token: options.token });
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
  }

  const stop = async (): Promise<void> => {
    if (manager) await stopShardManager(manager);
    if (connected) await client.destroy();
    manager = undefined;
    connected = false;
  };

  return {
    platform,
    async start() {
      // discord.js retries an unreachable REST server and reconnects to a dead gateway for ever: bound start-up.
      const timeoutMs = options.connectTimeoutMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StartTimeout(timeoutMs)), timeoutMs);
      });
      try {
        await Promise.race([connect(), late]);
      } catch (error) {
        await stop().catch(() => {});
        if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
          throw new Error(`discord: cannot start: Discord refused the token (${error.status})`);
        }
        throw new Error(`discord: cannot reach Discord at ${options.apiBase}: ${startFailure(error)}`);
      } finally {
        clearTimeout(timer);
      }
    },
    stop,
  };
}

class StartTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
  }
}

/** One line on why start-up failed, quoting nothing of what a wrong server sent. */
function startFailure(error: unknown): string {
  if (error instanceof StartTimeout) return error.message;
  // A server that is not Discord answers something discord.js cannot read (HTML, text): say that, not its words.
  if (error instanceof TypeError || error instanceof SyntaxError) return "the answer is not Discord's";
  if (error instanceof DiscordAPIError || error instanceof HTTPError) return `HTTP ${error.status}`;
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 120) : String(error);
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}
