import { describe, expect, it } from "vitest";
import { extractFigures } from "../../../src/analysis/figures.js";

// Amounts, percentages and act numbers as some presses write them, in sentences written for these tests.
/** Each figure as [kind, value, text as written], or with its currency for money. */
const of = (text: string, language?: string) =>
  extractFigures(text, undefined, language).map((f) => (f.kind === "money" ? [f.kind, f.value, f.currency, f.text] : [f.kind, f.value, f.text]));

describe("extractFigures: amounts with billions and millions written apart", () => {
  it.each([
    ["Las remesas sumaron 58 mil 497 millones de dólares.", 58_497_000_000, "USD", "58 mil 497 millones de dólares"],
    ["Rezervler 70 milyar 796 milyon dolara yükseldi.", 70_796_000_000, "USD", "70 milyar 796 milyon dolara"],
    ["Altın rezervleri 39 milyar 18 milyon dolar oldu.", 39_018_000_000, "USD", "39 milyar 18 milyon dolar"],
  ])("%s", (text, value, currency, written) => {
    expect(of(text)).toEqual([["money", value, currency, written]]);
  });

  it("reads a Mexican decimal point before a scale, and still a Spanish group of three", () => {
    expect(of("Una multa de 6.9 millones de pesos y otra de 1.500 millones de euros.")).toEqual([
      ["money", 6_900_000, "MXN", "6.9 millones de pesos"],
      ["money", 1_500_000_000, "EUR", "1.500 millones de euros"],
    ]);
  });
});

describe("extractFigures: percentages", () => {
  it("reads 'pc' glued to or after a number, not a computer in capitals", () => {
    expect(of("Inflation rose to 2.7pc in January, and rates held at 10 pc.")).toEqual([
      ["percent", 2.7, "2.7pc"],
      ["percent", 10, "10 pc"],
    ]);
    expect(of("The office bought a Windows 10 PC.")).toEqual([]);
  });

  it("reads the first number of a range written with a word or a dash before a percent word", () => {
    expect(of("inflation away from its 6-8 percent band")).toEqual([
      ["percent", 6, "6%"],
      ["percent", 8, "8 percent"],
    ]);
    expect(of("between 4 and 5 per cent")).toEqual([
      ["percent", 4, "4%"],
      ["percent", 5, "5 per cent"],
    ]);
    expect(of("des rendements de 4 à 8 % par jour")).toEqual([
      ["percent", 4, "4%"],
      ["percent", 8, "8 %"],
    ]);
  });
});

describe("extractFigures: act numbers in brackets", () => {
  it("reads 'Law No. (56) of 1996' as act 56 and the year as a date", () => {
    expect(of("It breaches Law No. (56) of 1996 on industry.")).toEqual([
      ["act", "56", "Law No. (56)"],
      ["date", "1996", "of 1996"],
    ]);
  });
});
