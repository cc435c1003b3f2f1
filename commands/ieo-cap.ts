import { z } from "zod";
import type { Command, FxRates, ReplyMessage, Translate } from "../src/core/command.js";
import { tr } from "../src/commands/localize.js";
import { UserError } from "../src/core/errors.js";
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
  type StepWords,
} from "../src/caps/index.js";
import { FIGURE_SLOTS, readFigures, type FigureSlot } from "../src/caps/read-figures.js";
import { usage } from "../src/commands/describe.js";
import { schemaText } from "../src/commands/i18n.js";
import { asksForHelp, commandHelp } from "../src/commands/help-text.js";

/** Amounts stay text here: how to read "800万" or "$120k" depends on the regime's currency, known only once all options are in. */
export const ieoCapOptions = z.object({
  income: z.string().optional().describe("Your annual income, e.g. 8000000, 8m, 800万 or 8 million"),
  net_assets: z.string().optional().describe("Your net assets, negative if debts exceed them, e.g. 30m or 3千万"),
  amount: z.string().optional().describe("What you plan to invest now"),
  already: z.string().optional().describe("What you already invested in this cap's period"),
  regime: z
    .preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
      z.enum(regimeIds, {
        error: (issue) => {
          const typed = JSON.stringify(issue.input);
          return schemaText("regime", `unknown regime ${typed}; choose one of ${regimeIds.join(", ")}`, { typed, list: regimeIds.join(", ") });
        },
      }),
    )
    .default(defaultRegimeId)
    .describe(`Which rules to apply (default ${defaultRegimeId})`),
});

export type IeoCapOptions = z.output<typeof ieoCapOptions>;

export interface IeoCapAnswer {
  regime: Regime;
  income?: bigint;
  netAssets?: bigint;
  amount?: bigint;
  already?: bigint;
  result: CapResult;
}

const SLOT_WORDS: Record<FigureSlot, string> = { income: "income", net_assets: "net assets", amount: "amount", already: "already invested" };

/**
 * The order unnamed values fill: as the usage shows them, except that a fixed cap reads no income or assets,
 * so `/ieo-cap regime:th-ico 100000` is the amount.
 */
const slotOrder = (regime: Regime): readonly FigureSlot[] => (regime.uses.length === 0 ? ["amount", "already"] : FIGURE_SLOTS);

/** Reads the typed amounts in the regime's currency and computes; bad input throws UserError. */
export function answerIeoCap(options: IeoCapOptions, say?: StepWords): IeoCapAnswer {
  const regime = findRegime(options.regime);
  const typed = readFigures(options, slotOrder(regime));
  const read = (slot: FigureSlot): bigint | undefined => {
    const text = typed[slot];
    return text === undefined ? undefined : parseAmount(text, regime.currency, { label: SLOT_WORDS[slot], labelKey: `amounts.labels.${slot}`, allowNegative: slot === "net_assets" });
  };
  const needs = (slot: FigureSlot, uses: boolean): void => {
    if (uses && typed[slot] === undefined) {
      const what = slot === "income" ? "your annual income" : "your net assets";
      throw new UserError(`Missing ${slot} (${what}) for ${regime.id}: e.g. /ieo-cap 800万 3000万, or ${slot}:3000万. Usage: ${usage(ieoCapCommand)}`, {
        key: slot === "income" ? "amounts.missingIncome" : "amounts.missingAssets",
        values: { regime: regime.id, usage: usage(ieoCapCommand) },
      });
    }
  };
  needs("income", regime.uses.includes("income"));
  needs("net_assets", regime.uses.includes("netAssets"));
  const income = regime.uses.includes("income") ? read("income") : undefined;
  const netAssets = regime.uses.includes("netAssets") ? read("net_assets") : undefined;
  const amount = read("amount");
  const already = read("already");
  const result = regime.compute(
    {
      income: income ?? 0n,
      netAssets: netAssets ?? 0n,
      ...(amount === undefined ? {} : { amount }),
      ...(already === undefined ? {} : { already }),
    },
    say,
  );
  return {
    regime,
    result,
    ...(income === undefined ? {} : { income }),
    ...(netAssets === undefined ? {} : { netAssets }),
    ...(amount === undefined ? {} : { amount }),
    ...(already === undefined ? {} : { already }),
  };
}

export const DISCLAIMER = "Information, not legal or financial advice; the figures are your own statement.";

const figureKeys: Record<FigureKind, string> = { cap: "ieoCap.cap", threshold: "ieoCap.threshold", loss: "ieoCap.loss" };

/**
 * The answer at a glance: cap, what is left, the verdict; then how the amounts were read. Formula, rule,
 * status and source are details below; the disclaimer is last.
 */
export function ieoCapReply(answer: IeoCapAnswer, fx: FxRates, t: Translate = tr({})): ReplyMessage {
  const { regime, result } = answer;
  const money = (minor: bigint): string => formatMoney(minor, regime.currency);
  const already = answer.already ?? 0n;
  const lines = [
    `${t(figureKeys[regime.kind])}: ${money(result.cap)}${approximateUsd(result.cap, regime, fx, t)}`,
    already > 0n ? t("ieoCap.leftAfter", { left: money(result.remaining), already: money(already) }) : t("ieoCap.leftAll", { left: money(result.remaining) }),
    verdict(answer, money, t),
    t("ieoCap.readAs", { figures: readAs(answer, money, t) }),
  ];
  // A catalog may word the regime's own texts (`regimes.jp-ieo.title`…); the table's English is the default.
  const own = (part: string, english: string): string => t(`regimes.${regime.id}.${part}`, { defaultValue: english });
  const fields = [
    { name: t("ieoCap.formula"), value: result.formulaSteps.join("; ") },
    { name: t("ieoCap.rule"), value: own("formula", regime.formula) },
    { name: t("ieoCap.status"), value: own("status", regime.status) },
  ];
  if (regime.notes.length > 0) fields.push({ name: t("ieoCap.note"), value: own("notes", regime.notes.join(" ")) });
  return { title: own("title", regime.title), text: lines.join("\n"), fields, details: true, link: { url: regime.source, label: t("ieoCap.source") }, footer: t("ieoCap.disclaimer") };
}

function readAs(answer: IeoCapAnswer, money: (minor: bigint) => string, t: Translate): string {
  const parts: string[] = [];
  if (answer.income !== undefined) parts.push(t("ieoCap.income", { money: money(answer.income) }));
  if (answer.netAssets !== undefined) parts.push(t("ieoCap.netAssets", { money: money(answer.netAssets) }));
  if (answer.amount !== undefined) parts.push(t("ieoCap.amount", { money: money(answer.amount) }));
  if (answer.already !== undefined) parts.push(t("ieoCap.already", { money: money(answer.already) }));
  const unused = answer.regime.uses.length === 0 ? t("ieoCap.noFigures") : answer.regime.uses.includes("income") ? "" : t("ieoCap.noIncome");
  return `${parts.length > 0 ? parts.join(", ") : t("ieoCap.noAmounts")}${unused}`;
}

/** Line three: whether the amount fits, and by how much it does not. */
function verdict(answer: IeoCapAnswer, money: (minor: bigint) => string, t: Translate): string {
  const { regime, result } = answer;
  const already = answer.already ?? 0n;
  if (regime.kind === "loss") return t("ieoCap.simulate");
  const word = regime.kind === "threshold" ? t("ieoCap.wordThreshold") : t("ieoCap.wordCap");
  if (answer.amount === undefined) {
    if (already > result.cap) return t("ieoCap.alreadyOver", { word, over: money(already - result.cap) });
    return regime.uses.length === 0 ? t("ieoCap.toCheckFixed", { regime: regime.id, example: money(result.cap / 2n) }) : t("ieoCap.toCheck");
  }
  const amount = answer.amount;
  const over = amount + already - result.cap;
  if (regime.kind === "threshold") {
    return result.allowed
      ? t("ieoCap.withinThreshold", { amount: money(amount), spare: money(result.remaining - amount) })
      : t("ieoCap.overThreshold", { amount: money(amount), over: money(over > 0n ? over : amount - result.remaining) });
  }
  if (result.allowed) return t("ieoCap.allowed", { amount: money(amount), spare: money(result.remaining - amount) });
  if (regime.comparison === "below" && over <= 0n) return t("ieoCap.notBelow", { amount: money(amount), left: money(result.remaining) });
  return t("ieoCap.over", { amount: money(amount), over: money(over) });
}

/** ` (≈ $9,750 at 1 JPY = 0.0065 USD, rates of 2026-11-01)`; nothing for USD itself. */
function approximateUsd(minor: bigint, regime: Regime, fx: FxRates, t: Translate): string {
  if (regime.currency === "USD") return "";
  const rate = fx.usdPerUnit[regime.currency];
  if (rate === undefined) return "";
  const usd = (Number(minor) / 10 ** decimalsOf(regime.currency)) * rate;
  // An approximation: whole dollars unless that would hide a small amount entirely.
  const shown = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: Math.abs(usd) >= 100 ? 0 : 2,
  }).format(usd);
  return t("ieoCap.approx", { usd: shown, currency: regime.currency, rate, asOf: fx.asOf });
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
  // Everything after the third value is read again by readFigures: `income 8m assets 30m`, `年収 800万 資産 3000万`.
  rest: "already",
  aliases: { assets: "net_assets", net_worth: "net_assets", networth: "net_assets", invest: "amount", invested: "already" },
  examples: ["/ieo-cap 800万 3000万", "/ieo-cap 年収800万 資産3000万 100万", "/ieo-cap income:8m net_assets:30m amount:1m", "/ieo-cap 8 million 30 million regime:jp-ecf", "/ieo-cap regime:th-ico amount:100000"],
  async run(ctx, options, services) {
    if (FIGURE_SLOTS.some((slot) => asksForHelp(options[slot]))) {
      await ctx.reply(commandHelp(ieoCapCommand, tr(ctx)));
      return;
    }
    const t = tr(ctx);
    // The formula's steps in the chat's language too; English where the catalog has no step.
    const say: StepWords = (key, values, english) => t(`steps.${key}`, { ...values, defaultValue: english });
    await ctx.reply(ieoCapReply(answerIeoCap(options, say), services.fx, t));
  },
};
