import Keyv from "keyv";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { Chat, User } from "grammy/types";
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from "../../../adapters/telegram/index.js";
import { featuredJurisdictions } from "../../../src/commands/featured.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import type { CommandServices } from "../../../src/core/command.js";
import type { Logger } from "../../../src/core/ports.js";
import { KeyvAlertLog } from "../../../src/storage/alert-log.js";
import { KeyvSubscriptionStore } from "../../../src/storage/subscriptions.js";
import { startTelegramServer, type TelegramServer } from "../telegram-server.js";

// People and chats the Telegram tests talk about. Ids follow Telegram's signs: users positive, groups
// negative, supergroups and channels -100….
export const alice: User = { id: 1001, is_bot: false, first_name: "Alice", username: "alice", language_code: "en" };
export const bob: User = { id: 1002, is_bot: false, first_name: "Bob", language_code: "ja" };
export const alicePrivate: Chat = { id: 1001, type: "private", first_name: "Alice" };
export const group: Chat = { id: -1002000000001, type: "supergroup", title: "Traders" };
export const channel: Chat = { id: -1003000000001, type: "channel", title: "Reg Alerts", username: "regwatch_alerts" };

/** A logger that keeps every line, so tests can check what was (and was not) logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

/** Command services over in-memory stores, with a fixed clock. */
export function memoryServices(): CommandServices {
  const subscriptions = new KeyvSubscriptionStore(new Keyv());
  return {
    fx: { asOf: "2026-11-01", usdPerUnit: { USD: 1, JPY: 0.0065 } },
    subscriptions,
    alerts: new KeyvAlertLog(new Keyv()),
    knowledge: loadKnowledge(),
    now: () => new Date("2026-11-26T09:00:00.000Z"),
    // As a configuration with feeds for Japan, Hong Kong and the US would offer them, read afresh each time.
    featuredJurisdictions: featuredJurisdictions(["JP", "HK", "US"], subscriptions, 24, 0),
  };
}

export interface Harness {
  server: TelegramServer;
  adapter: TelegramAdapter;
  services: CommandServices;
  logger: Logger & { lines: string[] };
  stop(): Promise<void>;
}

/** The real adapter (grammY, long polling unless configured otherwise) against a fresh local Bot API server. */
export async function startHarness(
  options: { server?: TelegramServer; config?: Partial<TelegramAdapterOptions["config"]> } & Partial<Omit<TelegramAdapterOptions, "config">> = {},
): Promise<Harness> {
  const server = options.server ?? (await startTelegramServer());
  for (const chat of [alicePrivate, group, channel]) server.addChat(chat);
  const services = options.services ?? memoryServices();
  const logger = recordingLogger();
  const { server: _s, config, ...rest } = options;
  const adapter = createTelegramAdapter({
    token: server.token,
    services,
    logger,
    adminCacheMs: 0,
    ...rest,
    config: { apiRoot: server.apiRoot, linkPreviews: false, ...config },
  });
  await adapter.start();
  return {
    server,
    adapter,
    services,
    logger,
    async stop() {
      await adapter.stop();
      if (!options.server) await server.close();
    },
  };
}

/** A port nobody listens on right now (for the webhook server, whose configuration needs a fixed one). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
