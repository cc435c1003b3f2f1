export * from "./describe.js";
export * from "./parse.js";
export * from "./run.js";
