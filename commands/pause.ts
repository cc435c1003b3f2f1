import { z } from "zod";
import type { Command, CommandContext, CommandServices } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { quote, requireManager, targetOf } from "../src/commands/interests.js";
import { tr } from "../src/commands/localize.js";

const MAX_PAUSE_MS = 90 * 86_400_000;
const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:m|min|mins|minutes?|分)$/i, 60_000],
  [/^(?:h|hr|hrs|hours?|時間)$/i, 3_600_000],
  [/^(?:d|days?|日)$/i, 86_400_000],
  [/^(?:w|weeks?|週間?)$/i, 7 * 86_400_000],
];

/** "2h", "3 days", "1w", "30分", "2時間" → milliseconds; undefined when it is not a duration within 90 days. */
export function readDuration(text: string): number | undefined {
  const match = /^(\d{1,4})\s*([^\d\s]+)$/.exec(text.normalize("NFKC").trim());
  if (!match) return undefined;
  const unit = UNITS.find(([re]) => re.test(match[2] as string));
  if (!unit) return undefined;
  const ms = Number(match[1]) * unit[1];
  return ms > 0 && ms <= MAX_PAUSE_MS ? ms : undefined;
}

export const pauseOptions = z.object({
  duration: z.string().optional().describe("How long, e.g. 2h, 3d or 1w (default until /resume)"),
});

async function current(ctx: CommandContext, services: CommandServices) {
  requireManager(ctx);
  const subscription = await services.subscriptions.get(targetOf(ctx));
  if (!subscription?.active) throw new UserError(tr(ctx)("pause.none"));
  return subscription;
}

export const pauseCommand: Command<typeof pauseOptions> = {
  name: "pause",
  description: "Pauses alerts in this chat, for a while or until /resume: /pause 2h",
  options: pauseOptions,
  positional: ["duration"],
  rest: "duration",
  examples: ["/pause", "/pause 2h", "/pause 3d"],
  async run(ctx, options, services) {
    const t = tr(ctx);
    const subscription = await current(ctx, services);
    const typed = options.duration?.trim();
    const ms = typed ? readDuration(typed) : undefined;
    if (typed && ms === undefined) throw new UserError(t("pause.duration", { typed: quote(typed) }));
    const until = ms === undefined ? "indefinite" : new Date(services.now().getTime() + ms).toISOString();
    await services.subscriptions.put({ ...subscription, pausedUntil: until, updatedAt: services.now().toISOString() });
    await ctx.reply({ text: until === "indefinite" ? t("pause.pausedIndefinitely") : t("pause.paused", { until: until.slice(0, 16).replace("T", " ") }) });
  },
};

export const resumeOptions = z.object({});

export const resumeCommand: Command<typeof resumeOptions> = {
  name: "resume",
  description: "Resumes alerts paused with /pause",
  options: resumeOptions,
  async run(ctx, _options, services) {
    const t = tr(ctx);
    const subscription = await current(ctx, services);
    if (subscription.pausedUntil === undefined) {
      await ctx.reply({ text: t("pause.notPaused") });
      return;
    }
    const { pausedUntil: _, ...rest } = subscription;
    await services.subscriptions.put({ ...rest, updatedAt: services.now().toISOString() });
    await ctx.reply({ text: t("pause.resumed") });
  },
};
