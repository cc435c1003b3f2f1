import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findRegime, parseAmount, regimes, type Currency } from "../../../src/caps/index.js";

interface Vector {
  regime: string;
  income: number;
  netAssets: number;
  amount?: number;
  already?: number;
  cap: number;
  remaining?: number;
  allowed?: boolean;
  currency: Currency;
  note: string;
}

const vectors: Vector[] = JSON.parse(
  readFileSync(new URL("../../fixtures/caps/vectors.json", import.meta.url), "utf8"),
) as Vector[];

/** Fixture figures are major units as JSON numbers; String() gives back the decimal as written. */
const minor = (value: number, currency: Currency): bigint =>
  parseAmount(String(value), currency, { allowNegative: true });

describe("cap vectors", () => {
  it.each(vectors.map((v) => [`${v.regime}: ${v.note}`, v] as const))("%s", (_name, v) => {
    const regime = findRegime(v.regime);
    expect(regime.currency).toBe(v.currency);
    const result = regime.compute({
      income: minor(v.income, v.currency),
      netAssets: minor(v.netAssets, v.currency),
      ...(v.amount === undefined ? {} : { amount: minor(v.amount, v.currency) }),
      ...(v.already === undefined ? {} : { already: minor(v.already, v.currency) }),
    });
    expect(result.cap).toBe(minor(v.cap, v.currency));
    expect(result.remaining).toBe(minor(v.remaining ?? v.cap, v.currency));
    expect(result.allowed).toBe(v.allowed);
  });

  it("covers every regime", () => {
    expect(new Set(vectors.map((v) => v.regime))).toEqual(new Set(regimes.map((r) => r.id)));
  });
});

describe("formula steps", () => {
  it("shows the investor's numbers as people read money", () => {
    const result = findRegime("jp-ieo").compute({ income: 8_000_000n, netAssets: 30_000_000n, already: 600_000n });
    expect(result.formulaSteps).toEqual([
      "greater of income ¥8,000,000 and net assets ¥30,000,000 = ¥30,000,000",
      "5% × ¥30,000,000 = ¥1,500,000",
      "floor ¥500,000",
      "ceiling ¥2,000,000",
      "¥1,500,000 − ¥600,000 already invested = ¥900,000 left",
    ]);
  });

  it("says which bound applies", () => {
    const low = findRegime("us-regcf").compute({ income: 0n, netAssets: 0n });
    expect(low.formulaSteps).toContain("floor $2,500.00 applies");
    const high = findRegime("jp-ecf").compute({ income: 0n, netAssets: 100_000_000n });
    expect(high.formulaSteps).toContain("ceiling ¥2,000,000 applies");
  });

  it("has no allowed for the EU loss simulation, even with an amount", () => {
    expect(findRegime("eu-ecsp-loss").compute({ income: 0n, netAssets: 0n, amount: 1n }).allowed).toBeUndefined();
  });

  it("refuses negative income, amounts and already-invested figures", () => {
    const jp = findRegime("jp-ieo");
    expect(() => jp.compute({ income: -1n, netAssets: 0n })).toThrow(/income can't be negative/);
    expect(() => jp.compute({ income: 0n, netAssets: 0n, amount: -1n })).toThrow(/amount/);
    expect(() => jp.compute({ income: 0n, netAssets: 0n, already: -1n })).toThrow(/already/);
  });

  it("refuses an unknown regime with the list of known ones", () => {
    expect(() => findRegime("xx")).toThrow(/Unknown regime "xx".*jp-ieo/);
  });
});
