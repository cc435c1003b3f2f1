import { createInterface } from "node:readline";
import { Command } from "commander";
import { consoleContext } from "../../adapters/console/context.js";
import type { CommandContext, CommandServices } from "../core/command.js";
import type { Logger } from "../core/ports.js";
import { loadKnowledge } from "../analysis/knowledge.js";
import { runCommandLine, type RunOutcome, type RunOptions } from "../commands/run.js";
import { commandServices } from "../main.js";
import { stderrLogger } from "./logger.js";
import { withStores } from "./stores.js";

/** 0 done, 2 the input was wrong (as for any other regwatch command), 1 the command failed. */
export function exitCodeOf(outcome: RunOutcome): number {
  if (outcome.status === "failed") return 1;
  return outcome.status === "user-error" || outcome.status === "unknown-command" ? 2 : 0;
}

const QUIT = /^\/?(?:quit|exit)$/i;

/** Runs each line as a command until the lines end or one says quit; `afterEach` re-prompts a terminal. */
export async function runChat(
  lines: AsyncIterable<string>,
  ctx: CommandContext,
  services: CommandServices,
  options: RunOptions & { afterEach?: () => void } = {},
): Promise<void> {
  for await (const line of lines) {
    if (QUIT.test(line.trim())) break;
    await runCommandLine(line, ctx, services, options);
    options.afterEach?.();
  }
}

export const chatCliCommand = (): Command =>
  new Command("chat")
    .description("run chat commands in the terminal, as a private chat with the bot (/help lists them)")
    .option("-c, --command <line>", 'run one command and exit, e.g. -c "/subscribe jp hk" or -c "/ieo-cap 800万 3000万"')
    .option("--config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { command?: string; config?: string }) => {
      // The console chat is a real chat: its subscriptions go to the configured store, where the service reads them.
      await withStores(options.config, async (stores, { config }) => {
        const services = commandServices(config, stores, loadKnowledge());
        const logger: Pick<Logger, "error"> = stderrLogger(true);
        const ctx = consoleContext({ write: (text) => process.stdout.write(text) });
        if (options.command !== undefined) {
          process.exitCode = exitCodeOf(await runCommandLine(options.command, ctx, services, { logger }));
          return;
        }
        await chatInteractively(ctx, services, logger);
      });
    });

async function chatInteractively(ctx: CommandContext, services: CommandServices, logger: Pick<Logger, "error">): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  rl.setPrompt("regwatch> ");
  if (interactive) {
    process.stdout.write("Type /help for the commands, /quit or Ctrl-D to leave.\n");
    rl.prompt();
  }
  try {
    await runChat(rl, ctx, services, { logger, afterEach: () => interactive && rl.prompt() });
  } finally {
    rl.close();
  }
}
