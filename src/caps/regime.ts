import { UserError } from "../core/errors.js";
import { formatMoney, maxOf, type Currency } from "./currency.js";

/** Figures in minor units of the regime's currency (see currency.ts). */
export interface CapInput {
  /** Annual income; never negative. */
  income: bigint;
  /** Net assets or net worth; negative when debts exceed assets. */
  netAssets: bigint;
  /** What the investor plans to put in now. */
  amount?: bigint;
  /** What the investor already put in during the cap's period (year, offering, issuer). */
  already?: bigint;
}

export interface CapResult {
  cap: bigint;
  /** Headroom: `cap - already`, never below 0. */
  remaining: bigint;
  /** Whether `amount` fits in `remaining`; absent without an amount, or when the regime answers no yes/no. */
  allowed?: boolean;
  /** The formula with the investor's numbers, one step each, as people read money. */
  formulaSteps: string[];
}

/**
 * What the figure is: a `cap` bans more; a `threshold` (EU) only triggers a warning and consent above it;
 * a `loss` is the figure to simulate, with no yes/no answer.
 */
export type FigureKind = "cap" | "threshold" | "loss";

/** `at-most`: amount <= remaining; `below`: amount < remaining (the UK's "less than 10%"). */
export type Comparison = "at-most" | "below";

/** The investor's figures a regime reads; fixed caps read none, the UK only net assets. */
export type FigureInput = "income" | "netAssets";

export interface Regime {
  id: string;
  /** Which of the investor's figures the rule uses: only these are asked for. */
  uses: readonly FigureInput[];
  currency: Currency;
  title: string;
  /** The rule in general terms, without anyone's numbers. */
  formula: string;
  /** Whether and where it is law, or that it is not. */
  status: string;
  source: string;
  kind: FigureKind;
  /** Caveats every answer carries: an interpretation, a threshold that warns rather than bans, exemptions. */
  notes: readonly string[];
  /** Absent when the figure is not a yes/no limit (the EU's ability to bear loss). */
  comparison?: Comparison;
  /** Bounds of the cap in minor units, whoever asks; absent where the rule has none. */
  floor?: bigint;
  ceiling?: bigint;
  compute(input: CapInput, say?: StepWords): CapResult;
}

/**
 * Words a formula step is written in: its catalog key, the values in it, and the English text, which is what
 * comes back unless a caller gives its own (`/ieo-cap` in the chat's language).
 */
export type StepWords = (key: string, values: Record<string, string>, english: string) => string;

export const englishSteps: StepWords = (_key, _values, english) => english;

/** A regime's own arithmetic: the cap from income and assets, with its steps. */
export type CapRule = (
  figures: { income: bigint; netAssets: bigint },
  money: (minor: bigint) => string,
  say: StepWords,
) => { cap: bigint; steps: string[] };

export type RegimeSpec = Omit<Regime, "compute" | "uses"> & { rule: CapRule; uses?: readonly FigureInput[] };

/** Wraps a rule with what every regime shares: input checks, the `already` budget and `allowed`. */
export function defineRegime(spec: RegimeSpec): Regime {
  const { rule, uses = ["income", "netAssets"], ...regime } = spec;
  return { ...regime, uses, compute: (input, say = englishSteps) => compute(spec, input, say) };
}

function compute(spec: RegimeSpec, input: CapInput, say: StepWords): CapResult {
  if (input.income < 0n) throw new UserError("income can't be negative");
  if (input.amount !== undefined && input.amount < 0n) throw new UserError("amount can't be negative");
  if (input.already !== undefined && input.already < 0n) throw new UserError("already invested can't be negative");

  const money = (minor: bigint): string => formatMoney(minor, spec.currency);
  const { cap, steps } = spec.rule({ income: input.income, netAssets: input.netAssets }, money, say);
  const already = input.already ?? 0n;
  // The cap is a budget over its period: what went in already comes off it.
  const remaining = maxOf(0n, cap - already);
  if (already > 0n) {
    const values = { cap: money(cap), already: money(already), left: money(remaining) };
    steps.push(say("already", values, `${values.cap} − ${values.already} already invested = ${values.left} left`));
  }

  const result: CapResult = { cap, remaining, formulaSteps: steps };
  if (input.amount !== undefined && spec.comparison !== undefined) {
    result.allowed = spec.comparison === "at-most" ? input.amount <= remaining : input.amount < remaining;
  }
  return result;
}
