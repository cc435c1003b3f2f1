export * from "./context.js";
export * from "./render.js";
