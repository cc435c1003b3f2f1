import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/core/errors.js";
import { formatMoney, parseAmount, toMajorNumber, type Currency } from "../../../src/caps/index.js";

const accepted: Array<[string, Currency, bigint]> = [
  ["8000000", "JPY", 8_000_000n],
  ["8,000,000", "JPY", 8_000_000n],
  ["8m", "JPY", 8_000_000n],
  ["8M", "JPY", 8_000_000n],
  ["1.5k", "JPY", 1_500n],
  ["¥8,000,000", "JPY", 8_000_000n],
  ["￥8,000,000", "JPY", 8_000_000n],
  ["8000000円", "JPY", 8_000_000n],
  ["800万", "JPY", 8_000_000n],
  ["800万円", "JPY", 8_000_000n],
  ["８００万円", "JPY", 8_000_000n],
  ["1億", "JPY", 100_000_000n],
  ["2.5億", "JPY", 250_000_000n],
  ["1億2000万", "JPY", 120_000_000n],
  ["3,000万", "JPY", 30_000_000n],
  ["¥800万", "JPY", 8_000_000n],
  ["JPY 500000", "JPY", 500_000n],
  ["  42  ", "JPY", 42n],
  ["$120k", "USD", 12_000_000n],
  ["US$120k", "USD", 12_000_000n],
  ["120k USD", "USD", 12_000_000n],
  ["$3,055.55", "USD", 305_555n],
  ["2.5bn", "USD", 250_000_000_000n],
  ["0.5", "USD", 50n],
  ["€50,000", "EUR", 5_000_000n],
  ["50000€", "EUR", 5_000_000n],
  ["£5,000.50", "GBP", 500_050n],
  ["฿300,000", "THB", 30_000_000n],
  ["RM1,999.50", "MYR", 199_950n],
  ["2000 MYR", "MYR", 200_000n],
  ["10000000000000", "USD", 1_000_000_000_000_000n],
  ["100000億", "JPY", 10_000_000_000_000n],
  ["3千万", "JPY", 30_000_000n],
  ["3千万円", "JPY", 30_000_000n],
  ["8百万", "JPY", 8_000_000n],
  ["1億2千万", "JPY", 120_000_000n],
  ["1億2千5百万", "JPY", 125_000_000n],
  ["5十万", "JPY", 500_000n],
  ["8 million", "JPY", 8_000_000n],
  ["8million", "USD", 800_000_000n],
  ["1.2 billion", "USD", 120_000_000_000n],
  ["$1.2billion", "USD", 120_000_000_000n],
  ["300 thousand", "THB", 30_000_000n],
];

const negatives: Array<[string, Currency, bigint]> = [
  ["-3,000,000", "JPY", -3_000_000n],
  ["−3,000,000", "JPY", -3_000_000n],
  ["-¥3,000,000", "JPY", -3_000_000n],
  ["¥-3,000,000", "JPY", -3_000_000n],
  ["-300万", "JPY", -3_000_000n],
  ["-$10k", "USD", -1_000_000n],
];

const refused: Array<[string, Currency, RegExp]> = [
  ["", "JPY", /is empty/],
  ["   ", "JPY", /is empty/],
  ["abc", "JPY", /is not an amount/],
  ["¥", "JPY", /is not an amount/],
  ["8 000", "JPY", /is not an amount/],
  ["1e6", "JPY", /is not an amount/],
  ["8,00,0", "JPY", /misplaced commas/],
  ["8,0000", "JPY", /misplaced commas/],
  [",800", "JPY", /is not an amount/],
  ["50.000", "EUR", /ambiguous/],
  ["1.5", "JPY", /finer than ¥1/],
  ["0.001", "USD", /finer than \$0.01/],
  ["1.2345k", "JPY", /finer than/],
  ["¥8,000,000", "USD", /is in JPY, but this regime counts in USD/],
  ["800万円", "EUR", /is in JPY/],
  ["$100", "JPY", /is in USD/],
  ["€5", "GBP", /is in EUR/],
  ["¥5 USD", "USD", /mixes JPY and USD/],
  ["800万", "USD", /uses 万 or 億, which count yen, but this regime counts in USD: type the amount in US dollars \(USD\)/],
  ["3千万", "EUR", /counts in EUR: type the amount in euros \(EUR\)/],
  ["万億", "JPY", /is not an amount/],
  ["3千x万", "JPY", /is not an amount/],
  ["10000000000001", "JPY", /too large/],
  ["100001億", "JPY", /too large/],
  ["--5", "JPY", /more than one sign/],
  ["-5", "JPY", /can't be negative/],
];

describe("parseAmount", () => {
  it.each(accepted)("reads %j in %s", (text, currency, expected) => {
    expect(parseAmount(text, currency)).toBe(expected);
  });

  it.each(negatives)("reads %j in %s where negatives are allowed", (text, currency, expected) => {
    expect(parseAmount(text, currency, { allowNegative: true })).toBe(expected);
  });

  it.each(refused)("refuses %j in %s", (text, currency, reason) => {
    const attempt = () => parseAmount(text, currency, { label: "income" });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(reason);
  });

  it("names the amount and keeps the reason to one line", () => {
    try {
      parseAmount("8,00,0", "JPY", { label: "net assets" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^net assets "8,00,0" /);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("reads back what formatMoney writes", () => {
    const currency = fc.constantFrom<Currency>("JPY", "USD", "EUR", "GBP", "THB", "MYR");
    fc.assert(
      fc.property(currency, fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (c, minor) => {
        expect(parseAmount(formatMoney(minor, c), c, { allowNegative: true })).toBe(minor);
      }),
    );
  });
});

describe("money formatting", () => {
  it.each([
    [1_500_000n, "JPY", "¥1,500,000", 1500000],
    [305_555n, "USD", "$3,055.55", 3055.55],
    [100_000n, "EUR", "€1,000.00", 1000],
    [5n, "GBP", "£0.05", 0.05],
    [-300_000_000n, "JPY", "-¥300,000,000", -300000000],
    [-5n, "USD", "-$0.05", -0.05],
    [30_000_000n, "THB", "฿300,000.00", 300000],
    [200_000n, "MYR", "RM2,000.00", 2000],
  ] as const)("%s %s is %s", (minor, currency, text, number) => {
    expect(formatMoney(minor, currency)).toBe(text);
    expect(toMajorNumber(minor, currency)).toBe(number);
  });
});
