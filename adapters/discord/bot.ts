import { Events, type Client } from "discord.js";
import type { Logger } from "../../src/core/ports.js";
import { describeChain } from "../../src/commands/run.js";
import { handleInteraction, type InteractionOptions } from "./interactions.js";

export interface BotOptions extends InteractionOptions {
  token: string;
  logger: Logger;
}

/** Connects a client to the gateway and answers its interactions; resolves once every shard it runs is ready. */
export async function connectBot(client: Client, options: BotOptions): Promise<void> {
  const { logger } = options;
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, options));
  client.on(Events.Error, (error) => logger.error(`discord: ${describeChain(error)}`));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn(`discord shard ${shard} disconnected (${event.code}); discord.js reconnects`));
  // discord.js reconnects with its own backoff; each attempt and failure gets a line, so an outage is visible.
  client.on(Events.ShardReconnecting, (shard) => logger.warn(`discord shard ${shard}: gateway lost, reconnecting`));
  client.on(Events.ShardError, (error, shard) => logger.warn(`discord shard ${shard}: ${describeChain(error).slice(0, 300)}`));
  client.on(Events.ShardResume, (shard) => logger.info(`discord shard ${shard}: gateway resumed`));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  const shards = client.ws.shards.map((s) => s.id).join(", ");
  logger.info(`discord: connected as ${client.user?.tag ?? "?"}, shard ${shards} of ${client.options.shardCount ?? 1}, ${client.guilds.cache.size} servers`);
}
