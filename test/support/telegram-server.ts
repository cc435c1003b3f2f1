import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, ChatMember, Message, Update, User } from "grammy/types";
import { apiError, failureResponse, type Failure } from "./telegram/failures.js";
import { UpdateQueue } from "./telegram/updates.js";

export type { Failure } from "./telegram/failures.js";

/** One request the bot made: the method and its parameters, decoded. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
}

export interface TelegramServerOptions {
  /** The only token accepted; others get 401. Obviously fake by default. */
  token?: string;
  bot?: Partial<User> & { username?: string };
}

type Handler = (params: Record<string, unknown>) => unknown;

/**
 * A Bot API server on 127.0.0.1 for tests: `POST /bot<token>/<method>` with JSON, form or query parameters.
 * It serves scripted updates through long-polled getUpdates, records every call, keeps the messages it
 * was sent (so editMessageText can be checked), the commands set per scope, chats and their members, and
 * answers with scripted failures per chat (429 with retry_after, 403, 400 with migrate_to_chat_id, 500).
 * As Telegram does, it answers a getUpdates that comes while another is still waiting with 409 Conflict
 * (two bot instances polling one token), and counts those in `conflicts`.
 */
export class TelegramServer {
  readonly token: string;
  readonly bot: User & { username: string };
  readonly calls: RecordedCall[] = [];
  /** Messages the bot sent or edited, by `chatId:messageId`, with their current text. */
  readonly messages = new Map<string, { chatId: string; messageId: number; text: string; params: Record<string, unknown> }>();
  readonly updates = new UpdateQueue();
  readonly commandsByScope = new Map<string, unknown[]>();
  /** getUpdates calls refused because another was in flight. */
  conflicts = 0;
  private polling = 0;

  /** getUpdates calls held open right now (a running long-polling bot has one). */
  get pollers(): number {
    return this.polling;
  }

  webhook: { url: string; secret?: string } | undefined;

  /** Files users sent (by file_id), served at /file/bot<token>/<file_path>. */
  private readonly files = new Map<string, { path: string; content: Buffer }>();
  private readonly chats = new Map<string, Chat>();
  private readonly members = new Map<string, ChatMember>();
  private readonly failures = new Map<string, Array<{ failure: Failure; left: number; methods?: string[] }>>();
  private readonly nextMessageId = new Map<string, number>();
  private readonly callWaiters = new Set<() => void>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private port = 0;

  constructor(options: TelegramServerOptions = {}) {
    this.token = options.token ?? "123:TEST";
    const id = Number(this.token.split(":")[0]) || 123;
    this.bot = { id, is_bot: true, first_name: "Regwatch", username: "regwatch_test_bot", ...options.bot } as User & { username: string };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** What `client.apiRoot` / TELEGRAM_API_ROOT should be. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.updates.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- scripting ----

  addChat(chat: Chat): Chat {
    this.chats.set(String(chat.id), chat);
    if ("username" in chat && chat.username) this.chats.set(`@${chat.username.toLowerCase()}`, chat);
    return chat;
  }

  /** A member's status in a chat; anything not set reads as "member" (the bot itself: an admin who may post). */
  setMember(chatId: number | string, user: User | number, status: ChatMember["status"], extra: Record<string, unknown> = {}): void {
    const u: User = typeof user === "number" ? { id: user, is_bot: false, first_name: `user${user}` } : user;
    const rights = status === "administrator" ? { can_post_messages: true, can_be_edited: false, is_anonymous: false } : {};
    this.members.set(`${chatId}:${u.id}`, { status, user: u, ...rights, ...extra } as ChatMember);
  }

  /** The next `times` calls (default 1) naming this chat fail as scripted; `methods` narrows which calls. */
  failNext(chatId: number | string, failure: Failure, options: { times?: number; methods?: string[] } = {}): void {
    const list = this.failures.get(String(chatId)) ?? [];
    list.push({ failure, left: options.times ?? 1, ...(options.methods ? { methods: options.methods } : {}) });
    this.failures.set(String(chatId), list);
  }

  /** Queues an update for getUpdates; `update_id` is assigned. */
  pushUpdate(update: Omit<Update, "update_id">): Update {
    return this.updates.push(update);
  }

  /** A text message (or a channel post, in a channel) with the `bot_command` entity Telegram would add. */
  sendText(options: { chat: Chat; from?: User; text: string; senderChat?: Chat; threadId?: number }): Update {
    const { chat, text } = options;
    const command = /^\/[^\s]+/.exec(text);
    const message = {
      message_id: this.messageIdFor(String(chat.id)),
      date: Math.floor(Date.now() / 1000),
      chat,
      text,
      ...(options.from ? { from: options.from } : {}),
      ...(options.senderChat ? { sender_chat: options.senderChat } : {}),
      ...(options.threadId ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    } as Message;
    return chat.type === "channel" ? this.pushUpdate({ channel_post: message } as Update) : this.pushUpdate({ message } as Update);
  }

  /** A document from a user, captioned (a command as the caption), downloadable through getFile. */
  sendDocument(options: { chat: Chat; from: User; caption: string; fileName: string; content: string | Buffer; mimeType?: string }): Update {
    const content = typeof options.content === "string" ? Buffer.from(options.content, "utf8") : options.content;
    const fileId = `file${this.files.size + 1}`;
    this.files.set(fileId, { path: `documents/${fileId}_${options.fileName}`, content });
    const command = /^\/[^\s]+/.exec(options.caption);
    const message = {
      message_id: this.messageIdFor(String(options.chat.id)),
      date: Math.floor(Date.now() / 1000),
      chat: options.chat,
      from: options.from,
      caption: options.caption,
      document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: options.fileName, mime_type: options.mimeType ?? "text/x-opml", file_size: content.length },
      ...(command ? { caption_entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    } as Message;
    return this.pushUpdate({ message } as Update);
  }

  /** A tap on an inline button of a message the bot sent. */
  pressButton(options: { from: User; chatId: number | string; messageId: number; data: string }): Update {
    const stored = this.messages.get(`${options.chatId}:${options.messageId}`);
    const chat = this.chats.get(String(options.chatId)) ?? ({ id: Number(options.chatId), type: "private", first_name: "chat" } as Chat);
    const message = { message_id: options.messageId, date: 0, chat, text: stored?.text ?? "", from: this.bot } as Message;
    return this.pushUpdate({
      callback_query: { id: `cq${this.calls.length}`, from: options.from, chat_instance: "ci", message, data: options.data },
    } as Update);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or to come) to `method` that satisfies `match`. */
  waitForCall(method: string, match: (params: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.calls.find((c) => c.method === method && match(c.params));
        if (found) {
          this.callWaiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
        return Boolean(found);
      };
      const timer = setTimeout(() => {
        this.callWaiters.delete(check);
        reject(new Error(`no ${method} call matched within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`));
      }, timeoutMs);
      if (!check()) this.callWaiters.add(check);
    });
  }

  // ---- the Bot API ----

  private readonly methods: Record<string, Handler> = {
    getMe: () => this.bot,
    logOut: () => true,
    close: () => true,
    deleteWebhook: () => {
      this.webhook = undefined;
      return true;
    },
    setWebhook: (p) => {
      this.webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
      return true;
    },
    getWebhookInfo: () => ({ url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 }),
    sendMessage: (p) => {
      const chatId = String(p.chat_id);
      const message = this.message(chatId, String(p.text ?? ""), p);
      return message;
    },
    editMessageText: (p) => {
      const key = `${p.chat_id}:${p.message_id}`;
      const stored = this.messages.get(key);
      if (!stored) throw apiError(400, "Bad Request: message to edit not found");
      if (stored.text === p.text && JSON.stringify(stored.params.reply_markup) === JSON.stringify(p.reply_markup)) {
        throw apiError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
      }
      this.messages.set(key, { ...stored, text: String(p.text), params: p });
      return { message_id: stored.messageId, date: 0, chat: this.chatFor(stored.chatId), text: p.text, from: this.bot };
    },
    answerCallbackQuery: () => true,
    setMyCommands: (p) => {
      this.commandsByScope.set(scopeKey(p.scope, p.language_code), p.commands as unknown[]);
      return true;
    },
    getMyCommands: (p) => this.commandsByScope.get(scopeKey(p.scope, p.language_code)) ?? [],
    deleteMyCommands: (p) => this.commandsByScope.delete(scopeKey(p.scope, p.language_code)),
    getChat: (p) => {
      const chat = this.chats.get(String(p.chat_id).toLowerCase());
      if (!chat) throw apiError(400, "Bad Request: chat not found");
      return { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
    },
    getChatMember: (p) => {
      const member = this.members.get(`${p.chat_id}:${p.user_id}`);
      if (member) return member;
      const id = Number(p.user_id);
      if (id === this.bot.id) return { status: "administrator", user: this.bot, can_post_messages: true };
      return { status: "member", user: { id, is_bot: false, first_name: `user${id}` } };
    },
    getChatAdministrators: (p) =>
      [...this.members.entries()]
        .filter(([key, m]) => key.startsWith(`${p.chat_id}:`) && (m.status === "creator" || m.status === "administrator"))
        .map(([, m]) => m),
    getFile: (p) => {
      const file = this.files.get(String(p.file_id));
      if (!file) throw apiError(400, "Bad Request: invalid file_id");
      return { file_id: p.file_id, file_unique_id: `u${String(p.file_id)}`, file_size: file.content.length, file_path: file.path };
    },
    sendDocument: (p) => {
      const document = p.document as { name?: string; content?: string } | undefined;
      return this.message(String(p.chat_id), "", { ...p, document });
    },
    getUpdates: () => {
      throw new Error("getUpdates is answered asynchronously");
    },
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const file = download[1] === this.token ? [...this.files.values()].find((f) => f.path === decodeURIComponent(download[2] ?? "")) : undefined;
      if (!file) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.content.length) }).end(file.content);
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method = ""] = match;
    if (token !== this.token) return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const params = { ...Object.fromEntries(url.searchParams), ...(await readParams(req)) };
    this.calls.push({ method, params });
    for (const waiter of [...this.callWaiters]) waiter();

    if (method === "getUpdates") {
      if (this.polling > 0) {
        this.conflicts += 1;
        const description = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
        return send(res, 409, { ok: false, error_code: 409, description });
      }
      this.polling += 1;
      try {
        const updates = await this.updates.take(params, req);
        return send(res, 200, { ok: true, result: updates });
      } finally {
        this.polling -= 1;
      }
    }
    const failed = this.scriptedFailure(method, params);
    if (failed) return send(res, failed.status, failed.body);
    const handler = this.methods[method];
    if (!handler) return send(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    try {
      return send(res, 200, { ok: true, result: handler(params) });
    } catch (error) {
      const body = (error as { apiError?: { error_code: number } }).apiError;
      if (body) return send(res, body.error_code, body);
      return send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    }
  }

  private scriptedFailure(method: string, params: Record<string, unknown>): ReturnType<typeof failureResponse> | undefined {
    if (params.chat_id === undefined) return undefined;
    const list = this.failures.get(String(params.chat_id));
    const entry = list?.find((f) => f.left > 0 && (!f.methods || f.methods.includes(method)));
    if (!entry) return undefined;
    entry.left -= 1;
    return failureResponse(entry.failure);
  }

  private message(chatId: string, text: string, params: Record<string, unknown>): Message {
    const messageId = this.messageIdFor(chatId);
    this.messages.set(`${chatId}:${messageId}`, { chatId, messageId, text, params });
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: this.chatFor(chatId), text, from: this.bot } as Message;
  }

  private chatFor(chatId: string): Chat {
    return this.chats.get(chatId) ?? ({ id: Number(chatId), type: "private", first_name: "chat" } as Chat);
  }

  private messageIdFor(chatId: string): number {
    const next = (this.nextMessageId.get(chatId) ?? 100) + 1;
    this.nextMessageId.set(chatId, next);
    return next;
  }
}

/** Starts a server; close it in afterAll/afterEach. */
export const startTelegramServer = (options: TelegramServerOptions = {}): Promise<TelegramServer> => new TelegramServer(options).start();

const scopeKey = (scope: unknown, language: unknown): string =>
  `${JSON.stringify(typeof scope === "string" ? JSON.parse(scope) : (scope ?? { type: "default" }))}|${String(language ?? "")}`;

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** JSON, form or multipart bodies (grammY sends JSON, and multipart with files). */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const type = req.headers["content-type"] ?? "";
  if (type.includes("multipart/form-data")) {
    // Files (sendDocument): each file part becomes { name, content } with its text.
    const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1] ?? "";
    const params: Record<string, unknown> = {};
    for (const part of Buffer.concat(chunks).toString("utf8").split(`--${boundary}`)) {
      const split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      const head = part.slice(0, split);
      const body = part.slice(split + 4).replace(/\r\n$/, "");
      const name = /;\s*name="?([^";\r\n]+)"?/.exec(head)?.[1];
      if (!name) continue;
      const filename = /filename="?([^";\r\n]+)"?/.exec(head)?.[1];
      params[name] = filename !== undefined ? { name: filename, content: body } : parseMaybeJson(body);
    }
    // grammY names a file part in its field as attach://<part>: put the file there.
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === "string" && value.startsWith("attach://")) params[key] = params[value.slice("attach://".length)];
    }
    return params;
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return {};
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, parseMaybeJson(v)]));
  }
  return JSON.parse(raw) as Record<string, unknown>;
}

const parseMaybeJson = (value: string): unknown => {
  try {
    return /^[[{]/.test(value) ? JSON.parse(value) : value;
  } catch {
    return value;
  }
};
