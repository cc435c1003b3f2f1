import { z } from "zod";
import type { Command, CommandServices } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { commandDescription, commandHelp } from "../src/commands/help-text.js";
import { tr } from "../src/commands/localize.js";
import { brief, normalizeName } from "../src/commands/parse.js";

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
      const t = tr(ctx);
      if (options.command === undefined) {
        await ctx.reply({
          title: t("help.title"),
          text: [
            ...commands.map((c) => `/${c.name} — ${commandDescription(c, t)}`),
            "",
            t("help.topics", { list: knowledgeTopics(services) }),
            t("help.footer"),
          ].join("\n"),
        });
        return;
      }
      const wanted = normalizeName(options.command.replace(/^\//, ""));
      const command = commands.find((c) => normalizeName(c.name) === wanted);
      if (!command) throw new UserError(t("help.unknown", { name: brief(wanted) }));
      await ctx.reply(commandHelp(command, t));
    },
  };
}
