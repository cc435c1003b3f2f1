import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { guildJson, shardOf, type GuildSpec, type MemberSpec } from "./fixtures.js";

/** One identified gateway connection: the shard it asked for and what was sent to it. */
export interface ShardSession {
  shard: [number, number];
  intents: number;
  sessionId: string;
  /** Event names dispatched on this connection, in order, with the guild they concern. */
  dispatched: Array<{ t: string; guildId?: string }>;
  socket: WebSocket;
  seq: number;
}

export interface GatewayWorld {
  applicationId: string;
  bot: MemberSpec;
  guilds: () => GuildSpec[];
  resumeUrl: string;
}

/**
 * A JSON-encoded Discord gateway: HELLO, IDENTIFY → READY + GUILD_CREATE for each of the shard's guilds,
 * heartbeat ACKs, and dispatches numbered with an increasing `s`. RESUME is refused with INVALID_SESSION
 * so a reconnecting client identifies again.
 */
export class LocalGateway {
  readonly sessions: ShardSession[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private sessionCounter = 0;

  constructor(private readonly world: GatewayWorld) {
    this.wss.on("connection", (socket) => this.accept(socket));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  /** Sends a dispatch to the live session of the shard that owns `guildId`; throws when there is none. */
  dispatchToGuild(t: string, guildId: string, d: unknown): ShardSession {
    const session = this.sessionFor(guildId);
    if (!session) throw new Error(`no gateway session owns guild ${guildId}`);
    this.dispatch(session, t, d, guildId);
    return session;
  }

  sessionFor(guildId: string): ShardSession | undefined {
    return this.live().find((s) => shardOf(guildId, s.shard[1]) === s.shard[0]);
  }

  live(): ShardSession[] {
    return this.sessions.filter((s) => s.socket.readyState === s.socket.OPEN);
  }

  dispatch(session: ShardSession, t: string, d: unknown, guildId?: string): void {
    session.seq += 1;
    session.dispatched.push(guildId === undefined ? { t } : { t, guildId });
    session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: 41_250 } }));
    socket.on("message", (raw) => {
      let payload: { op: number; d: unknown };
      try {
        payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      } catch {
        socket.close(4002, "Decode error");
        return;
      }
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      else if (payload.op === 2) this.identify(socket, payload.d as { shard?: [number, number]; intents: number });
      else if (payload.op === 6) socket.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
    });
  }

  private identify(socket: WebSocket, d: { shard?: [number, number]; intents: number }): void {
    const shard = d.shard ?? [0, 1];
    const session: ShardSession = {
      shard,
      intents: d.intents,
      sessionId: `session-${++this.sessionCounter}`,
      dispatched: [],
      socket,
      seq: 0,
    };
    this.sessions.push(session);
    const mine = this.world.guilds().filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    const { bot } = this.world;
    this.dispatch(session, "READY", {
      v: 10,
      user: { id: bot.id, username: bot.name ?? "regwatch", discriminator: "0", global_name: null, avatar: null, bot: true, verified: true, flags: 0, mfa_enabled: false },
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.sessionId,
      resume_gateway_url: this.world.resumeUrl,
      shard,
      application: { id: this.world.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
    });
    for (const guild of mine) this.dispatch(session, "GUILD_CREATE", guildJson(guild, bot), guild.id);
  }
}
