import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fifteenDigits } from "../../../src/analysis/precision.js";

describe("fifteenDigits", () => {
  it("is Number(value.toPrecision(15)) for whole numbers, fractions, huge and tiny values", () => {
    const values = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.maxSafeInteger(),
      fc.constantFrom(0, -0, 1e15 - 1, 1e15, 1e15 + 1, 2 ** 53, 130.8e12, 2.73e9, 0.1 + 0.2, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(values, (v) => {
        expect(Object.is(fifteenDigits(v), Number(v.toPrecision(15)))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});
