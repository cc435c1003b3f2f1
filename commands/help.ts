import { z } from "zod";
import type { Command, CommandServices } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { commandHelp } from "../src/commands/help-text.js";
import { normalizeName } from "../src/commands/parse.js";

const helpOptions = z.object({
  command: z.string().optional().describe("A command to explain, e.g. subscribe"),
});

/** "stablecoin, lending, …": the topic ids /subscribe takes, so they are discoverable from /help. */
const knowledgeTopics = (services: CommandServices): string => services.knowledge.topics.map((t) => t.id).join(", ");

/** `list` is read when help runs, so commands/index.ts can include help in the list it hands over. */
export function helpCommand(list: () => readonly Command[]): Command<typeof helpOptions> {
  return {
    name: "help",
    description: "Lists the commands, or explains one: /help subscribe",
    options: helpOptions,
    positional: ["command"],
    async run(ctx, options, services) {
      const commands = list();
      if (options.command === undefined) {
        await ctx.reply({
          title: "Commands",
          text: [
            ...commands.map((c) => `/${c.name} — ${c.description}`),
            "",
            `Topics: ${knowledgeTopics(services)}.`,
            "/help <command> explains one.",
          ].join("\n"),
        });
        return;
      }
      const wanted = normalizeName(options.command.replace(/^\//, ""));
      const command = commands.find((c) => normalizeName(c.name) === wanted);
      if (!command) throw new UserError(`Unknown command /${wanted}. Try /help.`);
      await ctx.reply(commandHelp(command));
    },
  };
}
