import { InvalidArgumentError } from "commander";

/**
 * A commander argument parser for a whole number from `min` to `max`, in decimal digits only: `abc`, `1e309`,
 * `0x10`, `-5` and "" are bad input (exit 2), where Number() would read them as NaN, Infinity, 16, -5 and 0.
 */
export const wholeNumberArgument =
  (min: number, max: number) =>
  (value: string): number => {
    const trimmed = value.trim();
    const number = /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return number;
  };
