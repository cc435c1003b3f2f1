import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { channelJson, guildJson, memberJson, snowflake, user, type GuildSpec, type MemberSpec } from "./discord/fixtures.js";
import { LocalGateway, type ShardSession } from "./discord/gateway.js";
import { interactionPayload, type Invocation } from "./discord/interactions.js";

export * from "./discord/fixtures.js";
export type { Invocation, OptionValue } from "./discord/interactions.js";
export type { ShardSession } from "./discord/gateway.js";

/** One REST request as the bot made it. `path` is after `/api/v10`, as sent (`%40original` stays encoded). */
export interface RestCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  /** Whether an Authorization header came with it (interaction callbacks carry none). */
  authorized: boolean;
}

/** A scripted answer for `POST /channels/{id}/messages`: Discord's error JSON with its code. */
export interface ChannelFailure {
  status: number;
  code: number;
  message: string;
  /** Answers this many times, then the channel works again; for ever when left out (never use that with 429). */
  times?: number;
  retryAfterSeconds?: number;
}

export interface DiscordServerOptions {
  guilds?: GuildSpec[];
  /** What GET /gateway/bot recommends; the client connects that many shards when asked for "auto". */
  shards?: number;
  applicationId?: string;
  botId?: string;
}

export interface SentInteraction {
  payload: ReturnType<typeof interactionPayload>;
  /** The gateway session that carried it. */
  session: ShardSession;
}

export interface DiscordServer {
  /** For `rest.api` / DISCORD_API_BASE: `http://127.0.0.1:PORT/api`. */
  apiBase: string;
  applicationId: string;
  bot: MemberSpec;
  guilds: GuildSpec[];
  calls: RestCall[];
  gateway: LocalGateway;
  /** Registered commands per scope: "global" or a guild id. */
  commands: Map<string, any[]>;
  failChannel(channelId: string, failure: ChannelFailure): void;
  /** Sends INTERACTION_CREATE to the shard that owns the guild. */
  interact(invocation: Invocation, kind?: "command" | "autocomplete"): SentInteraction;
  /** A file a user attaches to a command: its id, for an option `{ name, type: 11, value: id }`; served as Discord's CDN would. */
  attach(name: string, content: string): string;
  /** Resolves with the first recorded call that matches, waiting for it if need be. */
  waitForCall(match: (call: RestCall) => boolean, timeoutMs?: number): Promise<RestCall>;
  /** Every call about one interaction: its callback, then edits and follow-ups under its token. */
  callsFor(interaction: { id: string; token: string }): RestCall[];
  close(): Promise<void>;
}

const errorBody = (code: number, message: string) => ({ message, code });

/**
 * A local Discord: the REST routes regwatch uses under `/api/v10` and a gateway at `/gateway`, both on
 * 127.0.0.1. Every REST call is recorded; failures are scripted per channel.
 */
export async function startDiscordServer(options: DiscordServerOptions = {}): Promise<DiscordServer> {
  const applicationId = options.applicationId ?? snowflake();
  const bot: MemberSpec = { id: options.botId ?? applicationId, name: "regwatch", bot: true };
  const guilds = options.guilds ?? [];
  const calls: RestCall[] = [];
  const attachments = new Map<string, { name: string; content: string }>();
  const commands = new Map<string, any[]>();
  const failures = new Map<string, ChannelFailure>();
  const waiters = new Set<() => void>();
  let base = "";

  const gateway = new LocalGateway({
    applicationId,
    bot,
    guilds: () => guilds,
    get resumeUrl() {
      return `${base.replace(/^http/, "ws")}/gateway`;
    },
  });

  const findChannel = (id: string) => {
    for (const guild of guilds) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    return undefined;
  };

  function route(call: RestCall, res: ServerResponse): void {
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      if (body === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    };
    const { method, path } = call;
    let m: RegExpExecArray | null;

    if (method === "GET" && (m = /^\/attachments\/(\d+)\/[^/]+$/.exec(path))) {
      const file = attachments.get(m[1] as string);
      if (!file) return send(404, errorBody(0, "404: Not Found"));
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.content);
      return;
    }
    if (method === "GET" && path === "/gateway/bot") {
      return send(200, {
        url: `${base.replace(/^http/, "ws")}/gateway`,
        shards: options.shards ?? 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 },
      });
    }
    if (method === "GET" && path === "/users/@me") return send(200, user(bot));
    if (method === "GET" && path === "/applications/@me") return send(200, { id: applicationId, name: "regwatch", bot_public: true, flags: 0 });

    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const scope = m[2] ?? "global";
      if (method === "GET") return send(200, commands.get(scope) ?? []);
      if (method === "PUT") {
        const stored = (call.body as any[]).map((c) => registered(c, applicationId, m?.[2]));
        commands.set(scope, stored);
        return send(200, stored);
      }
    }

    if (method === "POST" && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      if (call.query.with_response !== "true") return send(204);
      return send(200, { interaction: { id: m[1], type: 2 }, resource: { type: call.body?.type } });
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(%40original|@original|\d+))?$/.exec(path))) {
      if (method === "DELETE") return send(204);
      return send(200, messageJson(call.body ?? {}, "0", bot));
    }

    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST") {
      const channelId = m[1] as string;
      const failure = failures.get(channelId);
      if (failure) {
        if (failure.times !== undefined && --failure.times <= 0) failures.delete(channelId);
        const headers: Record<string, string> = {};
        if (failure.status === 429) {
          const seconds = failure.retryAfterSeconds ?? 1;
          Object.assign(headers, { "retry-after": String(seconds), "x-ratelimit-scope": "user" });
          return send(429, { message: "You are being rate limited.", retry_after: seconds, global: false }, headers);
        }
        return send(failure.status, errorBody(failure.code, failure.message));
      }
      if (!findChannel(channelId)) return send(404, errorBody(10003, "Unknown Channel"));
      return send(200, messageJson(call.body ?? {}, channelId, bot));
    }
    if (method === "GET" && (m = /^\/channels\/(\d+)$/.exec(path))) {
      const found = findChannel(m[1] as string);
      return found ? send(200, channelJson(found.guild, found.channel)) : send(404, errorBody(10003, "Unknown Channel"));
    }

    if (method === "GET" && (m = /^\/guilds\/(\d+)(\/.*)?$/.exec(path))) {
      const guild = guilds.find((g) => g.id === m?.[1]);
      if (!guild) return send(404, errorBody(10004, "Unknown Guild"));
      const json = guildJson(guild, { ...bot, roles: guild.botRoles ?? [] });
      const rest = m[2] ?? "";
      if (rest === "") return send(200, json);
      if (rest === "/roles") return send(200, json.roles);
      if (rest === "/channels") return send(200, json.channels);
      const member = /^\/members\/(\d+)$/.exec(rest);
      if (member) {
        const spec = member[1] === bot.id ? { ...bot, roles: guild.botRoles ?? [] } : guild.members?.find((x) => x.id === member[1]);
        return spec ? send(200, memberJson(spec)) : send(404, errorBody(10007, "Unknown Member"));
      }
    }
    send(404, errorBody(0, "404: Not Found"));
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw || undefined;
      if (raw && String(req.headers["content-type"]).startsWith("application/json")) body = JSON.parse(raw);
      const call: RestCall = {
        method: req.method ?? "GET",
        // Keep the path as sent: discord.js writes @original as %40original.
        path: (req.url ?? "/").split("?")[0]!.replace(/^\/api\/v10/, ""),
        query: Object.fromEntries(url.searchParams),
        body,
        authorized: typeof req.headers.authorization === "string",
      };
      calls.push(call);
      route(call, res);
      for (const wake of waiters) wake();
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if ((req.url ?? "").startsWith("/gateway")) gateway.upgrade(req, socket, head);
    else socket.destroy();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiBase: `${base}/api`,
    applicationId,
    bot,
    guilds,
    calls,
    gateway,
    commands,
    failChannel: (channelId, failure) => failures.set(channelId, { ...failure }),
    attach(name, content) {
      const id = snowflake();
      attachments.set(id, { name, content });
      return id;
    },
    interact(invocation, kind = "command") {
      const guild = guilds.find((g) => g.id === invocation.guildId);
      if (!guild) throw new Error(`unknown guild ${invocation.guildId}`);
      const payload = interactionPayload({ applicationId, bot, guild }, invocation, kind);
      // Attachment options (type 11) resolve to files this server serves, as Discord's CDN would.
      const files = (payload.data.options as Array<{ type: number; value: unknown }>).filter((o) => o.type === 11);
      if (files.length > 0) {
        const resolved = ((payload.data as { resolved?: Record<string, unknown> }).resolved ??= {});
        resolved.attachments = Object.fromEntries(
          files.map((o) => {
            const id = String(o.value);
            const file = attachments.get(id);
            const url = `${base}/api/v10/attachments/${id}/${encodeURIComponent(file?.name ?? "file")}`;
            return [id, { id, filename: file?.name ?? "file", size: Buffer.byteLength(file?.content ?? ""), url, proxy_url: url, content_type: "text/x-opml" }];
          }),
        );
      }
      const session = gateway.dispatchToGuild("INTERACTION_CREATE", guild.id, payload);
      return { payload, session };
    },
    waitForCall(match, timeoutMs = 5000) {
      const found = calls.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching Discord call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path}`).join(", ")}`));
        }, timeoutMs);
        const check = () => {
          const call = calls.find(match);
          if (!call) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(call);
        };
        waiters.add(check);
      });
    },
    callsFor: ({ id, token }) =>
      calls.filter((c) => c.path.startsWith(`/interactions/${id}/${token}/`) || c.path.startsWith(`/webhooks/${applicationId}/${token}`)),
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A command as Discord stores it: ids and version added, `required: false` dropped, defaults filled in. */
function registered(command: any, applicationId: string, guildId: string | undefined) {
  const strip = (options: any[] | undefined): any[] | undefined =>
    options?.map(({ required, ...rest }) => ({ ...rest, ...(required ? { required: true } : {}), ...(rest.options ? { options: strip(rest.options) } : {}) }));
  return {
    id: snowflake(),
    application_id: applicationId,
    version: snowflake(),
    type: 1,
    nsfw: false,
    default_member_permissions: null,
    integration_types: [0],
    contexts: null,
    ...(guildId ? { guild_id: guildId } : {}),
    ...command,
    ...(command.options ? { options: strip(command.options) } : {}),
  };
}

function messageJson(body: any, channelId: string, bot: MemberSpec) {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: user(bot),
    content: body.content ?? "",
    embeds: body.embeds ?? [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    type: 0,
    flags: body.flags ?? 0,
    components: [],
  };
}
