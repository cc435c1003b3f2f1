import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "../../src/core/ports.js";

export interface WebhookSettings {
  /** The public URL Telegram calls. */
  url: string;
  host: string;
  port: number;
  path: string;
  /** X-Telegram-Bot-Api-Secret-Token; a random one is made when none is configured. */
  secret?: string;
}

export interface WebhookServer {
  address(): AddressInfo;
  close(): Promise<void>;
}

/** A secret Telegram accepts: 1 to 256 of A-Z, a-z, 0-9, _ and -. */
export const newWebhookSecret = (): string => randomBytes(32).toString("base64url");

/**
 * A small HTTP server that takes updates on `path` and nothing else. Requests without the secret token
 * Telegram was given are refused (401) by grammY, so only Telegram can feed the bot.
 */
export async function startWebhookServer(bot: Bot, settings: WebhookSettings & { secret: string }, logger: Logger): Promise<WebhookServer> {
  // "return": answer Telegram before a slow command finishes, so it does not resend the update.
  const handle = webhookCallback(bot, "http", { secretToken: settings.secret, onTimeout: "return", timeoutMilliseconds: 9_000 });
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || path !== settings.path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      logger.error(`telegram: webhook update failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    address: () => server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
