/**
 * Currencies the cap regimes count in, and how their amounts are written.
 * Money is a bigint of minor units: yen for JPY (no minor unit), cents, pence, satang and sen for the rest.
 * THB and MYR keep two decimals like USD: both have a 1/100 minor unit in ISO 4217, and people do
 * write amounts such as RM1,999.50, so whole baht or ringgit would refuse real inputs.
 */
export type Currency = "JPY" | "USD" | "EUR" | "GBP" | "THB" | "MYR";

interface CurrencyInfo {
  /** Digits after the decimal point in a written amount. */
  decimals: number;
  /** How an amount is shown: prefix before the number. */
  symbol: string;
}

const info: Record<Currency, CurrencyInfo> = {
  JPY: { decimals: 0, symbol: "¥" },
  USD: { decimals: 2, symbol: "$" },
  EUR: { decimals: 2, symbol: "€" },
  GBP: { decimals: 2, symbol: "£" },
  THB: { decimals: 2, symbol: "฿" },
  MYR: { decimals: 2, symbol: "RM" },
};

export const currencies = Object.keys(info) as Currency[];

export const isCurrency = (code: string): code is Currency => Object.hasOwn(info, code);

export const decimalsOf = (currency: Currency): number => info[currency].decimals;

export const symbolOf = (currency: Currency): string => info[currency].symbol;

/** Minor units in one major unit: 1 for JPY, 100 otherwise. */
export const minorPerMajor = (currency: Currency): bigint => 10n ** BigInt(info[currency].decimals);

/** Major units to minor units, for constants written as people read them (2,500 dollars → 250,000 cents). */
export const major = (amount: number | bigint, currency: Currency): bigint => BigInt(amount) * minorPerMajor(currency);

/** `¥1,500,000`, `$3,055.55`, `€1,000.00`, `-¥3,000,000`, `RM2,000.00`. */
export function formatMoney(minor: bigint, currency: Currency): string {
  const { decimals, symbol } = info[currency];
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${negative ? "-" : ""}${symbol}${whole}${fraction}`;
}

/** Minor units as a JSON number in major units (305555n cents → 3055.55), exact to the written decimal. */
export function toMajorNumber(minor: bigint, currency: Currency): number {
  const { decimals } = info[currency];
  if (decimals === 0) return Number(minor);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, "0");
  return Number(`${negative ? "-" : ""}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`);
}

/** Division rounding towards minus infinity: percentages of negative net worth round down too. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** `pct`% of an amount, rounded down to the minor unit (the conservative side for a cap). */
export const percentOf = (pct: bigint, minor: bigint): bigint => floorDiv(minor * pct, 100n);

export const maxOf = (a: bigint, b: bigint): bigint => (a > b ? a : b);
export const minOf = (a: bigint, b: bigint): bigint => (a < b ? a : b);
