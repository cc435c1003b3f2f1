import type { LoadedConfig } from "../config/load.js";
import type { CommandServices } from "./core/command.js";
import type { ChatAdapter } from "./core/delivery.js";
import type { Logger } from "./core/ports.js";

/**
 * The chat platforms whose tokens are set, not yet started. With none, alerts go to the console.
 * Each platform adds itself here; nothing else in the composition root knows their SDKs.
 */
export async function createAdapters(loaded: LoadedConfig, services: CommandServices, logger: Logger): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  void loaded;
  void services;
  void logger;
  return adapters;
}
