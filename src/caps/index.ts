export * from "./currency.js";
export * from "./amount.js";
export * from "./regime.js";
export * from "./regimes.js";
