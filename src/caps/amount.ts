import { UserError } from "../core/errors.js";
import { decimalsOf, formatMoney, minorPerMajor, type Currency } from "./currency.js";

/**
 * Amounts as people type them, to a bigint of minor units (yen, cents, pence, satang, sen).
 * bigint rather than number: 10^13 dollars is 10^15 cents, and 10% of a sum of two such figures
 * no longer fits in a double's 53 bits; integers also keep "fractions of a cent" impossible.
 *
 * Accepted: 8000000, 8,000,000, 8m, 8M, 1.5k, 2bn, 8 million, 1.2 billion, ¥8,000,000, 8000000円, 800万,
 * 800万円, 3千万, 8百万, 1億, 2.5億, 1億2000万, 1億2千万, $120k, €50,000, £5,000.50, RM2,000, ฿300,000,
 * USD 120k, -3,000,000 (only where negatives are allowed). 万 and 億 are yen words: in another currency
 * they are refused rather than read as, say, eight million dollars. Commas group digits and a dot is the decimal point; "50.000" is refused as ambiguous
 * rather than read as fifty, since half the world writes fifty thousand that way.
 * Full-width digits and signs (８００万, ￥) are read through NFKC.
 */
export interface ParseAmountOptions {
  /** Names the amount in messages: "income", "net assets". */
  label?: string;
  /** The catalog key of that name, so a refusal reads in the chat's language. */
  labelKey?: string;
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
const numRe = new RegExp(`^${NUM}$`);
const westernRe = new RegExp(`^(${NUM})\\s*(k|m|mn|mil|b|bn|thousands?|millions?|billions?|trillions?)?$`, "i");
const multiplier: Record<string, number> = { k: 3, m: 6, mn: 6, mil: 6, b: 9, bn: 9, thousand: 3, million: 6, billion: 9, trillion: 12 };
const scaleOf = (word: string | undefined): number => multiplier[(word ?? "").toLowerCase().replace(/s$/, "")] ?? 0;

/** Japanese large units, largest first, as powers of ten. */
const LARGE: ReadonlyArray<readonly [string, number]> = [["兆", 12], ["億", 8], ["万", 4]];
const smallRe = /^(?:(\d*)千)?(?:(\d*)百)?(?:(\d*)十)?(\d*)$/;

/**
 * "1億2000万", "3千万", "8百万", "1億2千5百万": each group before 兆, 億 or 万 is a number, or digits with
 * 千, 百 and 十 (a bare 千 is one thousand). Returns (number, power of ten) parts, or undefined if not this form.
 */
function japaneseParts(text: string): Array<[string, number]> | undefined {
  const parts: Array<[string, number]> = [];
  let rest = text;
  let last = Infinity;
  while (rest !== "") {
    const at = LARGE.map(([unit, exponent]) => ({ unit, exponent, index: rest.indexOf(unit) })).filter((u) => u.index >= 0).sort((a, b) => a.index - b.index)[0];
    const group = at ? rest.slice(0, at.index) : rest;
    const exponent = at ? at.exponent : 0;
    if (exponent >= last) return undefined; // units out of order: 万億
    last = exponent;
    const value = smallGroup(group);
    if (value === undefined) return undefined;
    parts.push([value, exponent]);
    rest = at ? rest.slice(at.index + at.unit.length) : "";
  }
  return parts.length > 0 ? parts : undefined;
}

function smallGroup(group: string): string | undefined {
  if (numRe.test(group)) return group;
  const m = smallRe.exec(group);
  if (!m || !/[千百十]/.test(group)) return group === "" ? "1" : undefined;
  const digit = (d: string | undefined, present: boolean): bigint => (!present ? 0n : d === "" || d === undefined ? 1n : BigInt(d));
  const value = digit(m[1], group.includes("千")) * 1000n + digit(m[2], group.includes("百")) * 100n + digit(m[3], group.includes("十")) * 10n + (m[4] ? BigInt(m[4]) : 0n);
  return String(value);
}

const CURRENCY_NAMES: Record<Currency, string> = { JPY: "yen", USD: "US dollars", EUR: "euros", GBP: "pounds", THB: "baht", MYR: "ringgit" };
const EXAMPLES: Record<Currency, string> = { JPY: "800万 or 8,000,000", USD: "120k or 120,000", EUR: "50k or 50,000", GBP: "50k or 50,000", THB: "300k or 300,000", MYR: "2,000" };

/** "US dollars (USD), e.g. 120k or 120,000": how a refusal names what to type instead. */
export const currencyHint = (currency: Currency): string => `${CURRENCY_NAMES[currency]} (${currency}), e.g. ${EXAMPLES[currency]}`;

export function parseAmount(text: string, currency: Currency, options: ParseAmountOptions = {}): bigint {
  const label = options.label ?? "amount";
  const shown = text.trim().length > 40 ? `${text.trim().slice(0, 37)}...` : text.trim();
  const labelValue = options.labelKey ? { key: options.labelKey } : label;
  const refuse = (reason: string, key = "notAmount", values: Record<string, string> = {}): never => {
    throw new UserError(`${label} "${shown}" ${reason}`, { key: `amounts.${key}`, values: { label: labelValue, shown, ...values } });
  };

  let rest = text.normalize("NFKC").replace(/\u2212/g, "-").trim();
  if (rest === "") throw new UserError(`${label} is empty: give a number such as 8000000, 8m or 800万`, { key: "amounts.empty", values: { label: labelValue } });

  let negative = false;
  let signed = false;
  let marked: Currency | undefined;
  const mark = (found: string): void => {
    const code = markers.find(([m]) => m.toUpperCase() === found.toUpperCase())?.[1];
    if (code === undefined) return;
    if (marked !== undefined && marked !== code) refuse(`mixes ${marked} and ${code}`, "mixes", { a: marked, b: code });
    marked = code;
  };
  const takeSign = (): void => {
    const sign = /^[-+]/.exec(rest);
    if (!sign) return;
    if (signed) refuse("has more than one sign", "signs");
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
  if (marked !== undefined && marked !== currency) {
    refuse(`is in ${marked}, but this regime counts in ${currency}: type the amount in ${currencyHint(currency)}`, "foreign", { marked, currency, currencyName: CURRENCY_NAMES[currency], example: EXAMPLES[currency] });
  }

  // Each part is a decimal number and a power of ten: 2.5億 is (2.5, 8), 1.5k is (1.5, 3).
  let parts: Array<[string, number]> = [];
  const japanese = /[兆億万千百十]/.test(rest);
  if (japanese && currency !== "JPY" && marked === undefined) {
    refuse(`uses 万 or 億, which count yen, but this regime counts in ${currency}: type the amount in ${currencyHint(currency)}`, "yenWords", { currency, currencyName: CURRENCY_NAMES[currency], example: EXAMPLES[currency] });
  }
  const western = japanese ? null : westernRe.exec(rest);
  if (japanese) {
    parts = japaneseParts(rest) ?? refuse("is not an amount: try 800万, 3千万, 1億2000万 or 8,000,000");
  } else if (western?.[1]) {
    parts.push([western[1], scaleOf(western[2])]);
  } else {
    refuse(`is not an amount: try ${currency === "JPY" ? "8000000, 8,000,000, 8m or 800万" : `8000, 8,000, 8k or 8 million`}`);
  }

  const lone = parts.length === 1 && parts[0]?.[1] === 0 ? parts[0][0] : "";
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(lone)) refuse("is ambiguous: write thousands with a comma (50,000) or cents with two digits (50.00)", "ambiguous");

  let minor = 0n;
  for (const [num, exponent] of parts) {
    const [whole = "", fraction = ""] = num.split(".");
    if (whole.includes(",") && !/^\d{1,3}(?:,\d{3})+$/.test(whole)) {
      refuse("has misplaced commas: group digits in threes, as in 8,000,000", "commas");
    }
    const digits = BigInt(whole.replaceAll(",", "") + fraction);
    const shift = exponent + decimalsOf(currency) - fraction.length;
    if (shift >= 0) {
      minor += digits * 10n ** BigInt(shift);
    } else {
      const divisor = 10n ** BigInt(-shift);
      if (digits % divisor !== 0n) refuse(`is finer than ${formatMoney(1n, currency)}, the smallest ${currency} unit`, "finer", { unit: formatMoney(1n, currency), currency });
      minor += digits / divisor;
    }
  }

  if (minor > MAX_MAJOR * minorPerMajor(currency)) refuse("is too large (the limit is 10^13)", "tooLarge");
  if (negative && minor !== 0n && !options.allowNegative) throw new UserError(`${label} can't be negative`, { key: "amounts.negative", values: { label: labelValue } });
  return negative ? -minor : minor;
}
