export * from "./article.js";
export * from "./errors.js";
export * from "./feed.js";
export * from "./ports.js";
export * from "./command.js";
export * from "./subscription.js";
export * from "./delivery.js";
