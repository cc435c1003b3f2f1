import { Routes, ShardingManager, type REST } from "discord.js";
import type { Logger } from "../../src/core/ports.js";

/** `discord.shards` in the configuration. */
export type ShardSetting = "auto" | number;

/**
 * How many shards to run: the configured number, or for "auto" what Discord recommends for the bot's
 * guild count. Asked through the bot's own REST client, so a REST proxy or a local server is honoured
 * (discord.js's fetchRecommendedShardCount always asks discord.com).
 */
export async function shardCount(setting: ShardSetting, rest: REST): Promise<number> {
  if (setting !== "auto") return setting;
  const info = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, info.shards ?? 1);
}

export interface ShardManagerOptions {
  /** The built shard entry (dist/adapters/discord/shard-main.js). */
  file: string;
  token: string;
  totalShards: number;
  /** Passed to each shard process, e.g. ["--config", file]. */
  shardArgs?: string[];
  /** Discord allows one IDENTIFY per 5 s per bucket: wait this long between shards (a local server needs none). */
  spawnDelayMs?: number;
  logger: Logger;
}

/**
 * Runs the gateway in one process per shard under discord.js's ShardingManager; each process answers the
 * interactions of its own guilds. Sending alerts needs no gateway, so it stays in the main process.
 */
export async function startShardManager(options: ShardManagerOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(options.file, {
    totalShards: options.totalShards,
    token: options.token,
    mode: "process",
    respawn: true,
    shardArgs: options.shardArgs ?? [],
  });
  manager.on("shardCreate", (shard) => {
    options.logger.info(`discord: shard ${shard.id} of ${options.totalShards} starting`);
    shard.on("death", () => {
      if (manager.respawn) options.logger.warn(`discord: shard ${shard.id} exited; restarting it`);
    });
  });
  await manager.spawn({ amount: options.totalShards, delay: options.spawnDelayMs ?? 5_500, timeout: 60_000 });
  return manager;
}

/** Stops every shard process for good: no respawn. */
export async function stopShardManager(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    manager.shards.map(
      (shard) =>
        new Promise<void>((resolve) => {
          const process = shard.process;
          if (!process || process.exitCode !== null) return resolve();
          process.once("exit", () => resolve());
          shard.kill();
        }),
    ),
  );
}
