/**
 * The program each ShardingManager process runs (built to dist/adapters/discord/shard-main.js). A small
 * composition root of its own, because discord.js starts shards from a file: it reads the same
 * configuration as `regwatch run` (the manager passes `--config FILE`, the environment is inherited),
 * opens the same store and answers the interactions of the guilds its shard owns. discord.js reads the
 * shard ids from the variables the manager sets.
 */
import { loadConfig } from "../../config/load.js";
import { commands } from "../../commands/index.js";
import { loadKnowledge } from "../../src/analysis/knowledge.js";
import { describeError } from "../../src/core/errors.js";
import { stderrLogger } from "../../src/cli/logger.js";
import { commandServices } from "../../src/main.js";
import { openStores } from "../../src/storage/index.js";
import { connectBot } from "./bot.js";
import { createDiscordClient } from "./client.js";

async function main(argv: readonly string[]): Promise<void> {
  const at = argv.indexOf("--config");
  const file = at >= 0 ? argv[at + 1] : undefined;
  const loaded = loadConfig(file ? { file } : {});
  const token = loaded.env.discordToken;
  if (!token) throw new Error("DISCORD_TOKEN is not set");
  const logger = stderrLogger();
  const { config } = loaded;
  const stores = await openStores(config.store, { seenTtlDays: config.seen.ttlDays, timeoutMs: config.limits.connectTimeoutMs });
  const services = commandServices(config, stores, loadKnowledge());
  const client = createDiscordClient({ apiBase: config.discord.apiBase });
  const stop = async () => {
    await client.destroy();
    await stores.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  await connectBot(client, { token, commands, services, logger });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`regwatch discord shard: ${describeError(error)}\n`);
  process.exit(1);
});
