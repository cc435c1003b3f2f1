import { Command } from "commander";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { loadConfig } from "../../config/load.js";
import { commands } from "../../commands/index.js";
import { toApplicationCommands } from "../../adapters/discord/definitions.js";
import { registerCommands } from "../../adapters/discord/register.js";
import { UserError } from "../core/errors.js";

/**
 * `regwatch register-commands [--guild ID]`: publishes the Discord slash commands, a separate step because
 * Discord rate-limits registration; it writes only when the definitions differ from what is registered.
 */
export const registerCommandsCliCommand = (): Command =>
  new Command("register-commands")
    .description("publish the Discord slash commands (globally, or in one server with --guild); writes only when they changed")
    .option("-g, --guild <id>", "register in this server only (appears at once; global commands can take a while)")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { guild?: string; config?: string }) => {
      const loaded = loadConfig(options.config ? { file: options.config } : {});
      const token = loaded.env.discordToken;
      if (!token) throw new UserError("DISCORD_TOKEN is not set: register-commands needs the bot's token");
      if (options.guild !== undefined && !/^\d{17,20}$/.test(options.guild)) throw new UserError(`--guild must be a server id (digits), not ${JSON.stringify(options.guild)}`);
      const rest = new REST({ api: loaded.config.discord.apiBase }).setToken(token);
      try {
        const applicationId = loaded.env.discordApplicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
        const result = await registerCommands({
          rest,
          applicationId,
          commands: toApplicationCommands(commands),
          ...(options.guild ? { guildId: options.guild } : {}),
        });
        process.stdout.write(
          result.changed
            ? `${result.scope}: registered ${result.count} commands\n`
            : `${result.scope}: the ${result.count} registered commands are up to date; nothing sent\n`,
        );
      } catch (error) {
        if (error instanceof DiscordAPIError) {
          const hint = error.status === 401 ? " (check DISCORD_TOKEN)" : error.status === 403 || error.status === 404 ? " (check DISCORD_APPLICATION_ID and --guild)" : "";
          throw new Error(`Discord refused the registration: ${error.status} ${error.message}${hint}`, { cause: error });
        }
        throw error;
      }
    });
