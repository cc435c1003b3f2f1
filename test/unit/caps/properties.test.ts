import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_MAJOR, minorPerMajor, regimes } from "../../../src/caps/index.js";

describe.each(regimes.map((r) => [r.id, r] as const))("%s properties", (_id, regime) => {
  const limit = MAX_MAJOR * minorPerMajor(regime.currency);
  const income = fc.bigInt({ min: 0n, max: limit });
  const assets = fc.bigInt({ min: -limit, max: limit });
  const step = fc.bigInt({ min: 0n, max: limit });
  const cap = (i: bigint, a: bigint): bigint => regime.compute({ income: i, netAssets: a }).cap;

  it("is monotone in income", () => {
    fc.assert(fc.property(income, assets, step, (i, a, d) => cap(i + d, a) >= cap(i, a)));
  });

  it("is monotone in net assets", () => {
    fc.assert(fc.property(income, assets, step, (i, a, d) => cap(i, a + d) >= cap(i, a)));
  });

  it("stays within its floor and ceiling, and never below 0", () => {
    fc.assert(
      fc.property(income, assets, (i, a) => {
        const c = cap(i, a);
        expect(c).toBeGreaterThanOrEqual(regime.floor ?? 0n);
        if (regime.ceiling !== undefined) expect(c).toBeLessThanOrEqual(regime.ceiling);
      }),
    );
  });

  it("keeps remaining between 0 and the cap, and allows nothing beyond it", () => {
    fc.assert(
      fc.property(income, assets, step, step, (i, a, already, amount) => {
        const r = regime.compute({ income: i, netAssets: a, already, amount });
        expect(r.remaining).toBe(r.cap - already > 0n ? r.cap - already : 0n);
        if (r.allowed) expect(amount).toBeLessThanOrEqual(r.remaining);
        if (regime.comparison === undefined) expect(r.allowed).toBeUndefined();
      }),
    );
  });
});
