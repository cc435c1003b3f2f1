import { randomBytes } from "node:crypto";
import type { Command, CommandContext, CommandServices, ReplyMessage } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";
import type { Logger } from "../../src/core/ports.js";
import { bindArguments, validateOptions } from "../../src/commands/parse.js";
import { describeChain, type RunOutcome } from "../../src/commands/run.js";
import { withMessages } from "../../src/commands/i18n.js";
import { localized, userMessage } from "../../src/commands/localize.js";

export interface StructuredRunOptions {
  logger: Pick<Logger, "error">;
  newErrorId?: () => string;
}

/**
 * Runs a command from options a platform already separated (Discord's typed options) through the same bind
 * and validate path as a typed line, so aliases, coercion and error messages are the text path's. Never
 * throws: a UserError becomes an ephemeral reply, anything else is logged with an id the user is given.
 */
export async function runCommandWithOptions(
  command: Command,
  values: Readonly<Record<string, string | number | boolean>>,
  plain: CommandContext,
  services: CommandServices,
  options: StructuredRunOptions,
): Promise<RunOutcome> {
  const ctx = await localized(plain, services);
  const send = async (message: ReplyMessage): Promise<void> => {
    try {
      await ctx.reply(message);
    } catch (error) {
      options.logger.error(`reply to ${where(ctx)} failed: ${describeChain(error)}`);
    }
  };
  try {
    return await withMessages(ctx.t, async (): Promise<RunOutcome> => {
      const args = Object.entries(values).map(([key, value]) => ({ key, value: String(value) }));
      const parsed = validateOptions(command, bindArguments(command, args));
      await command.run(ctx, parsed, services);
      return { status: "ok", command: command.name };
    });
  } catch (error) {
    if (error instanceof UserError) {
      await send({ text: userMessage(error, ctx.t), ephemeral: true });
      return { status: "user-error", command: command.name };
    }
    const errorId = (options.newErrorId ?? (() => randomBytes(3).toString("hex")))();
    options.logger.error(`/${command.name} failed in ${where(ctx)} (error id ${errorId}): ${describeChain(error)}`);
    await send({ text: ctx.t("errors.failed", { id: errorId }), ephemeral: true });
    return { status: "failed", command: command.name, errorId };
  }
}

const where = (ctx: CommandContext): string => `${ctx.chat.platform}:${ctx.chat.id} by ${ctx.user.id}`;
