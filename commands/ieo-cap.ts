import { z } from "zod";
import type { Command, FxRates, ReplyMessage } from "../src/core/command.js";
import {
  decimalsOf,
  defaultRegimeId,
  findRegime,
  formatMoney,
  parseAmount,
  regimeIds,
  toMajorNumber,
  type CapResult,
  type FigureKind,
  type Regime,
} from "../src/caps/index.js";

/** Amounts stay text here: how to read "800万" or "$120k" depends on the regime's currency, known only once all options are in. */
export const ieoCapOptions = z.object({
  income: z.string().describe("Your annual income, e.g. 8000000, 8m or 800万"),
  net_assets: z.string().describe("Your net assets, negative if debts exceed them, e.g. 30m or 3000万"),
  amount: z.string().optional().describe("What you plan to invest now"),
  already: z.string().optional().describe("What you already invested in this cap's period"),
  regime: z
    .preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
      z.enum(regimeIds, { error: (issue) => `unknown regime ${JSON.stringify(issue.input)}; choose one of ${regimeIds.join(", ")}` }),
    )
    .default(defaultRegimeId)
    .describe(`Which rules to apply (default ${defaultRegimeId})`),
});

export type IeoCapOptions = z.output<typeof ieoCapOptions>;

export interface IeoCapAnswer {
  regime: Regime;
  amount?: bigint;
  already?: bigint;
  result: CapResult;
}

/** Reads the typed amounts in the regime's currency and computes; bad input throws UserError. */
export function answerIeoCap(options: IeoCapOptions): IeoCapAnswer {
  const regime = findRegime(options.regime);
  const read = (text: string | undefined, label: string, allowNegative = false): bigint | undefined =>
    text === undefined ? undefined : parseAmount(text, regime.currency, { label, allowNegative });
  const income = read(options.income, "income") ?? 0n;
  const netAssets = read(options.net_assets, "net assets", true) ?? 0n;
  const amount = read(options.amount, "amount");
  const already = read(options.already, "already invested");
  const result = regime.compute({
    income,
    netAssets,
    ...(amount === undefined ? {} : { amount }),
    ...(already === undefined ? {} : { already }),
  });
  return { regime, result, ...(amount === undefined ? {} : { amount }), ...(already === undefined ? {} : { already }) };
}

export const DISCLAIMER = "Information, not legal or financial advice; the figures are your own statement.";

export function ieoCapReply(answer: IeoCapAnswer, fx: FxRates): ReplyMessage {
  const { regime, result } = answer;
  const money = (minor: bigint): string => formatMoney(minor, regime.currency);
  const lines = [`${figureNames[regime.kind]}: ${money(result.cap)}${approximateUsd(result.cap, regime, fx)}`];
  if (answer.already !== undefined) lines.push(`Left after ${money(answer.already)} already invested: ${money(result.remaining)}`);
  if (answer.amount !== undefined && result.allowed !== undefined) lines.push(verdict(answer.amount, result, regime));
  lines.push(DISCLAIMER);

  const fields = [
    { name: "Formula", value: result.formulaSteps.join("; ") },
    { name: "Rule", value: regime.formula },
    { name: "Status", value: regime.status },
  ];
  if (regime.notes.length > 0) fields.push({ name: "Note", value: regime.notes.join(" ") });
  return { title: regime.title, text: lines.join("\n"), fields, link: { url: regime.source, label: "Source" } };
}

const figureNames: Record<FigureKind, string> = { cap: "Cap", threshold: "Threshold", loss: "Loss to simulate" };

function verdict(amount: bigint, result: CapResult, regime: Regime): string {
  const money = (minor: bigint): string => formatMoney(minor, regime.currency);
  if (regime.kind === "threshold") {
    return result.allowed
      ? `Amount ${money(amount)}: within the threshold (${money(result.remaining)} left).`
      : `Amount ${money(amount)}: above the ${money(result.remaining)} left, so the platform must warn you and get your explicit consent first.`;
  }
  if (result.allowed) return `Amount ${money(amount)}: allowed (the ${money(result.remaining)} left covers it).`;
  if (regime.comparison === "below") return `Amount ${money(amount)}: not allowed (it must be less than ${money(result.remaining)}).`;
  return `Amount ${money(amount)}: not allowed (${money(amount - result.remaining)} more than the ${money(result.remaining)} left).`;
}

/** ` (≈ $9,750 at 1 JPY = 0.0065 USD, rates of 2026-11-01)`; nothing for USD itself. */
function approximateUsd(minor: bigint, regime: Regime, fx: FxRates): string {
  if (regime.currency === "USD") return "";
  const rate = fx.usdPerUnit[regime.currency];
  if (rate === undefined) return ` (no USD rate configured for ${regime.currency})`;
  const usd = (Number(minor) / 10 ** decimalsOf(regime.currency)) * rate;
  // An approximation: whole dollars unless that would hide a small amount entirely.
  const shown = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: Math.abs(usd) >= 100 ? 0 : 2,
  }).format(usd);
  return ` (≈ ${shown} at 1 ${regime.currency} = ${rate} USD, rates of ${fx.asOf})`;
}

export interface IeoCapJson {
  regime: string;
  currency: string;
  cap: number;
  remaining: number;
  allowed?: boolean;
  formula: string;
  status: string;
  source: string;
}

/** Money in major units as JSON numbers (3055.55 dollars); `allowed` only when an amount was given. */
export function ieoCapJson(answer: IeoCapAnswer): IeoCapJson {
  const { regime, result } = answer;
  return {
    regime: regime.id,
    currency: regime.currency,
    cap: toMajorNumber(result.cap, regime.currency),
    remaining: toMajorNumber(result.remaining, regime.currency),
    ...(result.allowed === undefined ? {} : { allowed: result.allowed }),
    formula: result.formulaSteps.join("; "),
    status: regime.status,
    source: regime.source,
  };
}

export const ieoCapCommand: Command<typeof ieoCapOptions> = {
  name: "ieo-cap",
  description: "How much a retail investor may put into an IEO or crowdfunding offer, and whether an amount fits",
  options: ieoCapOptions,
  positional: ["income", "net_assets", "amount", "already"],
  aliases: { assets: "net_assets", net_worth: "net_assets", networth: "net_assets", invest: "amount", invested: "already" },
  async run(ctx, options, services) {
    await ctx.reply(ieoCapReply(answerIeoCap(options), services.fx));
  },
};
