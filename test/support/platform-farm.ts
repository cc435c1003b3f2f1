import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the two platforms' message endpoints, for delivery fault tests and benchmarks:
 * Telegram's `POST /bot<token>/sendMessage` and Discord's `POST /api/v10/channels/<id>/messages`.
 * It enforces the platforms' limits (scaled by `scale`) and answers 429 as they do when a limit is
 * exceeded; chats can be scripted to answer 403, 500, or slowly. It records every delivery.
 */
export interface FarmOptions {
  /** Multiplies every rate limit, so a benchmark can run at ten times the real rates on both sides. */
  scale?: number;
  /** Telegram: messages per second overall (30), per private chat per second (1), per group per minute (20). */
  telegram?: { perSecond: number; perChatPerSecond: number; perGroupPerMinute: number };
  /** Discord: requests per second overall (50). */
  discord?: { perSecond: number };
}

export type ChatBehaviour = { kind: "forbidden" } | { kind: "error"; times: number } | { kind: "slow"; ms: number } | { kind: "flood"; times: number; retryAfter: number };

export interface Delivery {
  platform: "telegram" | "discord";
  chatId: string;
  text: string;
  at: number;
}

export interface PlatformFarm {
  /** Telegram apiRoot (no trailing slash) and Discord API base (without version). */
  telegramRoot: string;
  discordBase: string;
  deliveries: Delivery[];
  stats: { requests: number; tooMany: number; tooManyTelegram: number; tooManyDiscord: number; forbidden: number; errors: number };
  behave(platform: "telegram" | "discord", chatId: string, behaviour: ChatBehaviour): void;
  close(): Promise<void>;
}

class Window {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly ms: number,
  ) {}
  /** Counts a request if the window has room; else says how many seconds until it has. */
  admit(now: number): number {
    while (this.times.length > 0 && this.times[0]! <= now - this.ms) this.times.shift();
    if (this.times.length >= this.limit) return Math.max(1, Math.ceil((this.times[0]! + this.ms - now) / 1000));
    this.times.push(now);
    return 0;
  }
}

export async function startPlatformFarm(options: FarmOptions = {}): Promise<PlatformFarm> {
  const scale = options.scale ?? 1;
  const tg = options.telegram ?? { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
  const dc = options.discord ?? { perSecond: 50 };
  const tgGlobal = new Window(Math.round(tg.perSecond * scale), 1000);
  const dcGlobal = new Window(Math.round(dc.perSecond * scale), 1000);
  const chatWindows = new Map<string, Window[]>();
  const behaviours = new Map<string, ChatBehaviour>();
  const deliveries: Delivery[] = [];
  const stats = { requests: 0, tooMany: 0, tooManyTelegram: 0, tooManyDiscord: 0, forbidden: 0, errors: 0 };

  const windowsFor = (chatId: string): Window[] => {
    let windows = chatWindows.get(chatId);
    if (!windows) {
      windows = [new Window(Math.max(1, Math.round(tg.perChatPerSecond * scale)), 1000)];
      if (chatId.startsWith("-")) windows.push(new Window(Math.round(tg.perGroupPerMinute * scale), 60_000));
      chatWindows.set(chatId, windows);
    }
    return windows;
  };

  const server: Server = createServer(async (req, res) => {
    stats.requests++;
    const body = await readJson(req);
    const url = req.url ?? "";
    if (url === "/farm/summary") return json(res, 200, summarise(deliveries, stats));
    const telegram = /^\/bot[^/]+\/sendMessage$/.exec(url);
    const discord = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(url);
    if (telegram) {
      const chatId = String(body.chat_id);
      const key = `telegram:${chatId}`;
      if (await misbehave(key, res, "telegram")) return;
      const now = Date.now();
      const wait = Math.max(tgGlobal.admit(now), ...windowsFor(chatId).map((w) => w.admit(now)));
      if (wait > 0) {
        stats.tooMany++;
        stats.tooManyTelegram++;
        return json(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } });
      }
      deliveries.push({ platform: "telegram", chatId, text: String(body.text ?? ""), at: now });
      return json(res, 200, { ok: true, result: { message_id: deliveries.length, date: Math.floor(now / 1000), chat: { id: Number(chatId), type: "private" }, text: body.text } });
    }
    if (discord) {
      const chatId = discord[1]!;
      const key = `discord:${chatId}`;
      if (await misbehave(key, res, "discord")) return;
      const now = Date.now();
      const wait = dcGlobal.admit(now);
      if (wait > 0) {
        stats.tooMany++;
        stats.tooManyDiscord++;
        res.setHeader("retry-after", String(wait));
        res.setHeader("x-ratelimit-global", "true");
        res.setHeader("x-ratelimit-scope", "global");
        return json(res, 429, { message: "You are being rate limited.", retry_after: wait, global: true });
      }
      deliveries.push({ platform: "discord", chatId, text: JSON.stringify(body.embeds ?? body.content ?? ""), at: now });
      res.setHeader("x-ratelimit-limit", "5");
      res.setHeader("x-ratelimit-remaining", "4");
      res.setHeader("x-ratelimit-reset-after", "5");
      res.setHeader("x-ratelimit-bucket", `channel-${chatId}`);
      return json(res, 200, { id: String(deliveries.length), channel_id: chatId, content: body.content ?? "", embeds: body.embeds ?? [] });
    }
    json(res, 404, { ok: false, error_code: 404, description: "Not Found", message: "404: Not Found", code: 0 });
  });

  async function misbehave(key: string, res: ServerResponse, platform: "telegram" | "discord"): Promise<boolean> {
    const behaviour = behaviours.get(key);
    if (!behaviour) return false;
    switch (behaviour.kind) {
      case "forbidden":
        stats.forbidden++;
        if (platform === "telegram") json(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
        else json(res, 403, { message: "Missing Access", code: 50001 });
        return true;
      case "error":
        if (behaviour.times <= 0) return false;
        behaviour.times--;
        stats.errors++;
        json(res, 500, platform === "telegram" ? { ok: false, error_code: 500, description: "Internal Server Error" } : { message: "Internal Server Error", code: 0 });
        return true;
      case "flood":
        if (behaviour.times <= 0) return false;
        behaviour.times--;
        stats.tooMany++;
        if (platform === "telegram") stats.tooManyTelegram++;
        else stats.tooManyDiscord++;
        json(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${behaviour.retryAfter}`, parameters: { retry_after: behaviour.retryAfter } });
        return true;
      case "slow":
        await new Promise((r) => setTimeout(r, behaviour.ms));
        return false;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    telegramRoot: `http://127.0.0.1:${port}`,
    discordBase: `http://127.0.0.1:${port}/api`,
    deliveries,
    stats,
    behave: (platform, chatId, behaviour) => behaviours.set(`${platform}:${chatId}`, behaviour),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Per platform: deliveries, first and last time, chats reached, and messages a chat got twice. */
export function summarise(deliveries: readonly Delivery[], stats: PlatformFarm["stats"]) {
  const per = (platform: Delivery["platform"]) => {
    const mine = deliveries.filter((d) => d.platform === platform);
    const seen = new Set<string>();
    let repeats = 0;
    for (const d of mine) {
      const key = `${d.chatId}\u0000${d.text}`;
      if (seen.has(key)) repeats++;
      seen.add(key);
    }
    return {
      count: mine.length,
      chats: new Set(mine.map((d) => d.chatId)).size,
      first: mine[0]?.at ?? 0,
      last: mine.at(-1)?.at ?? 0,
      repeats,
    };
  };
  return { ...stats, telegram: per("telegram"), discord: per("discord") };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
}
