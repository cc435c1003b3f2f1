import { Client, GatewayIntentBits, Options } from "discord.js";

export interface DiscordClientOptions {
  /** REST base URL without the version (`https://discord.com/api`, or a proxy or local server). */
  apiBase: string;
  /** Global REST requests per second (Discord's limit, 50, unless raised for a proxy or a test server). */
  requestsPerSecond?: number;
  /** Shard ids this process runs and the bot's total; discord.js takes them from the ShardingManager when left out. */
  shards?: number[];
  shardCount?: number;
}

/**
 * The bot's discord.js client. Only the Guilds intent (no privileged intents: slash commands arrive as
 * interactions, and channel and role data is all permission checks need). Mentions are off by default
 * for every message it sends, so nothing quoted from a feed can ping anyone.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiBase, globalRequestsPerSecond: options.requestsPerSecond ?? 50 },
    allowedMentions: { parse: [] },
    // Messages are never read back: keep none, so memory stays flat in busy guilds.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.shardCount ? { shardCount: options.shardCount } : {}),
  });
}
