import { UserError } from "../core/errors.js";
import { decimalsOf, formatMoney, minorPerMajor, type Currency } from "./currency.js";

/**
 * Amounts as people type them, to a bigint of minor units (yen, cents, pence, satang, sen).
 * bigint rather than number: 10^13 dollars is 10^15 cents, and 10% of a sum of two such figures
 * no longer fits in a double's 53 bits; integers also keep "fractions of a cent" impossible.
 *
 * Accepted: 8000000, 8,000,000, 8m, 8M, 1.5k, 2bn, ¥8,000,000, 8000000円, 800万, 800万円, 1億, 2.5億,
 * 1億2000万, $120k, €50,000, £5,000.50, RM2,000, ฿300,000, USD 120k, -3,000,000 (only where negatives
 * are allowed). Commas group digits and a dot is the decimal point; "50.000" is refused as ambiguous
 * rather than read as fifty, since half the world writes fifty thousand that way.
 * Full-width digits and signs (８００万, ￥) are read through NFKC.
 */
export interface ParseAmountOptions {
  /** Names the amount in messages: "income", "net assets". */
  label?: string;
  /** Net assets may be negative (debts); income and amounts to invest may not. */
  allowNegative?: boolean;
}

/** Largest accepted magnitude, in major units: beyond any real income, and a guard against typos. */
export const MAX_MAJOR = 10n ** 13n;

const markers: ReadonlyArray<readonly [string, Currency]> = [
  ["US$", "USD"], ["$", "USD"], ["¥", "JPY"], ["円", "JPY"], ["€", "EUR"], ["£", "GBP"], ["฿", "THB"], ["RM", "MYR"],
  ["JPY", "JPY"], ["USD", "USD"], ["EUR", "EUR"], ["GBP", "GBP"], ["THB", "THB"], ["MYR", "MYR"],
  ["YEN", "JPY"], ["BAHT", "THB"], ["RINGGIT", "MYR"],
];
const escape = (s: string): string => s.replace(/[$]/g, "\\$");
const alternatives = markers.map(([m]) => escape(m)).join("|");
const prefixRe = new RegExp(`^(?:${alternatives})`, "i");
const suffixRe = new RegExp(`(?:${alternatives})$`, "i");

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const japaneseRe = new RegExp(`^(?:(${NUM})億)?(?:(${NUM})万)?(${NUM})?$`);
const westernRe = new RegExp(`^(${NUM})\\s*(k|m|mn|b|bn)?$`, "i");
const multiplier: Record<string, number> = { k: 3, m: 6, mn: 6, b: 9, bn: 9 };

export function parseAmount(text: string, currency: Currency, options: ParseAmountOptions = {}): bigint {
  const label = options.label ?? "amount";
  const shown = text.trim().length > 40 ? `${text.trim().slice(0, 37)}...` : text.trim();
  const refuse = (reason: string): never => {
    throw new UserError(`${label} "${shown}" ${reason}`);
  };

  let rest = text.normalize("NFKC").replace(/\u2212/g, "-").trim();
  if (rest === "") throw new UserError(`${label} is empty: give a number such as 8000000, 8m or 800万`);

  let negative = false;
  let signed = false;
  let marked: Currency | undefined;
  const mark = (found: string): void => {
    const code = markers.find(([m]) => m.toUpperCase() === found.toUpperCase())?.[1];
    if (code === undefined) return;
    if (marked !== undefined && marked !== code) refuse(`mixes ${marked} and ${code}`);
    marked = code;
  };
  const takeSign = (): void => {
    const sign = /^[-+]/.exec(rest);
    if (!sign) return;
    if (signed) refuse("has more than one sign");
    signed = true;
    negative = sign[0] === "-";
    rest = rest.slice(1).trimStart();
  };

  takeSign();
  const prefix = prefixRe.exec(rest);
  if (prefix) {
    mark(prefix[0]);
    rest = rest.slice(prefix[0].length).trimStart();
  }
  takeSign();
  const suffix = suffixRe.exec(rest);
  if (suffix) {
    mark(suffix[0]);
    rest = rest.slice(0, suffix.index).trimEnd();
  }
  if (marked !== undefined && marked !== currency) refuse(`is in ${marked}, but this regime counts in ${currency}`);

  // Each part is a decimal number and a power of ten: 2.5億 is (2.5, 8), 1.5k is (1.5, 3).
  const parts: Array<[string, number]> = [];
  const jp = /[億万]/.test(rest) ? japaneseRe.exec(rest) : null;
  const western = jp ? null : westernRe.exec(rest);
  if (jp && (jp[1] || jp[2] || jp[3])) {
    if (jp[1]) parts.push([jp[1], 8]);
    if (jp[2]) parts.push([jp[2], 4]);
    if (jp[3]) parts.push([jp[3], 0]);
  } else if (western?.[1]) {
    parts.push([western[1], multiplier[western[2]?.toLowerCase() ?? ""] ?? 0]);
  } else {
    refuse("is not an amount: try 8000000, 8,000,000, 8m or 800万");
  }

  const lone = parts.length === 1 && parts[0]?.[1] === 0 ? parts[0][0] : "";
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(lone)) refuse("is ambiguous: write thousands with a comma (50,000) or cents with two digits (50.00)");

  let minor = 0n;
  for (const [num, exponent] of parts) {
    const [whole = "", fraction = ""] = num.split(".");
    if (whole.includes(",") && !/^\d{1,3}(?:,\d{3})+$/.test(whole)) {
      refuse("has misplaced commas: group digits in threes, as in 8,000,000");
    }
    const digits = BigInt(whole.replaceAll(",", "") + fraction);
    const shift = exponent + decimalsOf(currency) - fraction.length;
    if (shift >= 0) {
      minor += digits * 10n ** BigInt(shift);
    } else {
      const divisor = 10n ** BigInt(-shift);
      if (digits % divisor !== 0n) refuse(`is finer than ${formatMoney(1n, currency)}, the smallest ${currency} unit`);
      minor += digits / divisor;
    }
  }

  if (minor > MAX_MAJOR * minorPerMajor(currency)) refuse("is too large (the limit is 10^13)");
  if (negative && minor !== 0n && !options.allowNegative) throw new UserError(`${label} can't be negative`);
  return negative ? -minor : minor;
}
