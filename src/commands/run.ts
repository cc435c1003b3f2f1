import { randomBytes } from "node:crypto";
import type { Command, CommandContext, CommandServices, ReplyMessage } from "../core/command.js";
import { UserError } from "../core/errors.js";
import type { Logger } from "../core/ports.js";
import { commands as defaultCommands } from "../../commands/index.js";
import { withMessages } from "./i18n.js";
import { localized, userMessage } from "./localize.js";
import { bindArguments, brief, normalizeName, parseCommandLine, validateOptions } from "./parse.js";

export interface RunOptions {
  /** The commands to look names up in; the ones in commands/index.ts unless given. */
  commands?: readonly Command[];
  /** Where unexpected failures are recorded with their cause; stderr unless given. */
  logger?: Pick<Logger, "error">;
  /** Makes the id a user quotes to find the log record; random unless given (tests fix it). */
  newErrorId?: () => string;
}

export type RunStatus = "ok" | "empty" | "unknown-command" | "user-error" | "failed";

export interface RunOutcome {
  status: RunStatus;
  /** The command's name, once it is known. */
  command?: string;
  /** Set when `status` is "failed": the id the user was given. */
  errorId?: string;
}

const stderrLogger: Pick<Logger, "error"> = { error: (message) => process.stderr.write(`${message}\n`) };

/**
 * Runs one chat line (`/ieo-cap income:8m net_assets:30m`, `/ieo_cap 800万 3000万`) in a context.
 * Never throws: what the user got wrong becomes a short reply, anything else is logged with its cause
 * and answered with an apology and an id to quote.
 */
export async function runCommandLine(
  text: string,
  plain: CommandContext,
  services: CommandServices,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const ctx = await localized(plain, services);
  const logger = options.logger ?? stderrLogger;
  let name: string | undefined;
  const send = async (message: ReplyMessage): Promise<void> => {
    try {
      await ctx.reply(message);
    } catch (error) {
      logger.error(`reply to ${where(ctx)} failed: ${describeChain(error)}`);
    }
  };

  try {
    return await withMessages(ctx.t, async (): Promise<RunOutcome> => {
      const line = parseCommandLine(text);
      if (!line) return { status: "empty" };
      name = line.name;
      const list = options.commands ?? defaultCommands;
      const command = list.find((c) => normalizeName(c.name) === line.name);
      if (!command) {
        await send({ text: ctx.t("errors.unknownCommand", { name: brief(line.name) }), ephemeral: true });
        return { status: "unknown-command", command: line.name };
      }
      name = command.name;
      const values = validateOptions(command, bindArguments(command, line.args));
      await command.run(ctx, values, services);
      return { status: "ok", command: name };
    });
  } catch (error) {
    if (error instanceof UserError) {
      await send({ text: userMessage(error, ctx.t), ephemeral: true });
      return { status: "user-error", ...(name ? { command: name } : {}) };
    }
    const errorId = (options.newErrorId ?? randomErrorId)();
    logger.error(`/${name ?? "?"} failed in ${where(ctx)} (error id ${errorId}): ${describeChain(error)}`);
    await send({ text: ctx.t("errors.failed", { id: errorId }), ephemeral: true });
    return { status: "failed", errorId, ...(name ? { command: name } : {}) };
  }
}

const randomErrorId = (): string => randomBytes(3).toString("hex");

const where = (ctx: CommandContext): string => `${ctx.chat.platform}:${ctx.chat.id} by ${ctx.user.id}`;

/** `TypeError: x is undefined; caused by StorageError: ...`, one line, with the first stack frame. */
export function describeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      const frame = current.stack?.split("\n").find((l) => l.trim().startsWith("at "))?.trim();
      parts.push(`${current.name}: ${current.message.split("\n")[0]}${frame ? ` (${frame})` : ""}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join("; caused by ");
}
