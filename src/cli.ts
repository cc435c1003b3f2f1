import { Command, CommanderError } from "commander";
import { ConfigError, UserError, describeError } from "./core/errors.js";
import { cliCommands } from "./cli/index.js";

/**
 * The `regwatch` command line. Returns the exit code: 0 done, 1 failed, 2 bad input or configuration.
 * Errors are one line on stderr; a stack trace only with REGWATCH_DEBUG (read by the config loader's caller).
 */
export async function main(argv: readonly string[]): Promise<number> {
  stopQuietlyWhenTheReaderLeaves();
  const program = new Command("regwatch")
    .description("Watches financial regulators and crypto-policy news; alerts Discord and Telegram chats.")
    .showHelpAfterError("(run regwatch --help for usage)")
    .exitOverride()
    // `regwatch feeds check --config F`: options after a subcommand belong to it (feeds has its own --config).
    .enablePositionalOptions()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const make of cliCommands) program.addCommand(make().exitOverride());

  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`regwatch: configuration error in ${error.message}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`regwatch: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`regwatch: ${describeError(error)}\n`);
    return 1;
  }
}

/**
 * `regwatch analyze | head`: once the reader has gone, writing fails with EPIPE. Nothing more can be shown,
 * and nothing went wrong, so stop at once with exit 0 instead of a stack trace.
 */
function stopQuietlyWhenTheReaderLeaves(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") > 0) continue;
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}
