export * from "./alert.js";
export * from "./context.js";
export * from "./platform.js";
export * from "./render.js";
