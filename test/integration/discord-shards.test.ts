import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/index.js";
import { commands } from "../../commands/index.js";
import { loadKnowledge } from "../../src/analysis/knowledge.js";
import type { ChatAdapter } from "../../src/core/delivery.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { shardOf, snowflake, snowflakeOnShard, startDiscordServer, type DiscordServer } from "../support/discord-server.js";

// The shard processes run the build (`npm test` builds first), as ShardingManager starts them from a file.
const SHARD_FILE = resolve(import.meta.dirname, "../../dist/adapters/discord/shard-main.js");

const dir = mkdtempSync(join(tmpdir(), "regwatch-discord-shards-"));
const guilds = [snowflakeOnShard(0, 2), snowflakeOnShard(1, 2), snowflakeOnShard(0, 2)];
const channels = guilds.map(() => snowflake());
const user = snowflake();

let server: DiscordServer;
let stores: Stores;
let adapter: ChatAdapter;

beforeAll(async () => {
  if (!existsSync(SHARD_FILE)) throw new Error("run `npm run build` first: the shard processes run dist/");
  server = await startDiscordServer({
    shards: 2,
    guilds: guilds.map((id, i) => ({ id, channels: [{ id: channels[i] as string }], members: [{ id: user }] })),
  });
  const configFile = join(dir, "regwatch.yaml");
  writeFileSync(
    configFile,
    `store: "sqlite://${join(dir, "store.sqlite")}"
discord: { apiBase: "${server.apiBase}", shards: auto }
feeds:
  - { id: local, name: Local, url: "http://127.0.0.1:9/feed.xml", jurisdiction: JP }
`,
  );
  stores = await openStores(`sqlite://${join(dir, "store.sqlite")}`, { seenTtlDays: 30 });
  adapter = createDiscordAdapter({
    token: "test-token",
    apiBase: server.apiBase,
    shards: "auto",
    shardFile: SHARD_FILE,
    shardArgs: ["--config", configFile],
    spawnDelayMs: 0,
    commands,
    services: { fx: { asOf: "2026-11-01", usdPerUnit: { USD: 1 } }, subscriptions: stores.subscriptions, alerts: stores.alerts, knowledge: loadKnowledge(), now: () => new Date() },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  await adapter.start();
}, 60_000);

afterAll(async () => {
  await adapter?.stop();
  await stores?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Discord under the ShardingManager", () => {
  it("runs one gateway session per shard, each told only about its own guilds", () => {
    const sessions = server.gateway.live();
    expect(sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const session of sessions) {
      const created = session.dispatched.filter((d) => d.t === "GUILD_CREATE").map((d) => d.guildId);
      expect(created.sort()).toEqual(guilds.filter((g) => shardOf(g, 2) === session.shard[0]).sort());
      // Only the Guilds intent.
      expect(session.intents).toBe(1);
    }
  });

  it("answers each guild's interactions from the shard that owns it", async () => {
    for (const [i, guildId] of guilds.entries()) {
      const { payload, session } = server.interact({ guildId, channelId: channels[i] as string, userId: user, name: "help" });
      expect(session.shard[0]).toBe(shardOf(guildId, 2));
      const callback = await server.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, 10_000);
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.embeds[0].title).toBe("Commands");
    }
    for (const session of server.gateway.live()) {
      const interactions = session.dispatched.filter((d) => d.t === "INTERACTION_CREATE").map((d) => d.guildId);
      expect(interactions.length).toBeGreaterThan(0);
      expect(interactions.every((g) => shardOf(g as string, 2) === session.shard[0])).toBe(true);
    }
  });

  it("delivers alerts from the main process, without a gateway of its own", async () => {
    const result = await adapter.platform.send({ platform: "discord", chatId: channels[1] as string }, {
      kind: "digest",
      period: { from: "2026-11-19", to: "2026-11-20", label: "Daily digest" },
      alerts: [],
    });
    expect(result).toEqual({ status: "sent" });
  });
});
