import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDiscordAdapter } from "../../adapters/discord/index.js";
import { commands as allCommands } from "../../commands/index.js";
import { answerIeoCap, ieoCapOptions } from "../../commands/ieo-cap.js";
import { loadKnowledge } from "../../src/analysis/knowledge.js";
import type { Command, CommandServices } from "../../src/core/command.js";
import type { ChatAdapter } from "../../src/core/delivery.js";
import { UserError } from "../../src/core/errors.js";
import { formatMoney } from "../../src/caps/index.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { MEMBER_DEFAULT, Perm, snowflake, startDiscordServer, type DiscordServer, type RestCall } from "../support/discord-server.js";

const guild = snowflake();
const general = snowflake();
const alerts = snowflake();
const readOnly = snowflake();
const admin = snowflake();
const member = snowflake();
const modRole = snowflake();

const slowOptions = z.object({
  ms: z.coerce.number().int().min(0).describe("How long to think"),
  fail: z.stringbool().optional().describe("Refuse after thinking"),
});
const slow: Command<typeof slowOptions> = {
  name: "slow",
  description: "Answers after a while",
  options: slowOptions,
  async run(ctx, options) {
    await new Promise((r) => setTimeout(r, options.ms));
    if (options.fail) throw new UserError("thought better of it");
    await ctx.reply({ text: `waited ${options.ms} ms` });
  },
};

let server: DiscordServer;
let stores: Stores;
let adapter: ChatAdapter;
const errors: string[] = [];

beforeAll(async () => {
  server = await startDiscordServer({
    guilds: [
      {
        id: guild,
        roles: [{ id: modRole, name: "mods", permissions: MEMBER_DEFAULT | Perm.ManageChannels }],
        channels: [
          { id: general, name: "general" },
          { id: alerts, name: "alerts" },
          // The bot may read but not post here: @everyone loses Send Messages and Embed Links.
          { id: readOnly, name: "read-only", overwrites: [{ id: guild, type: "role", deny: Perm.SendMessages | Perm.EmbedLinks }] },
        ],
        members: [
          { id: admin, name: "admin", roles: [modRole] },
          { id: member, name: "member" },
        ],
      },
    ],
  });
  stores = await openStores("memory://", { seenTtlDays: 30 });
  const services: CommandServices = {
    fx: { asOf: "2026-11-01", usdPerUnit: { USD: 1, JPY: 0.0065 } },
    subscriptions: stores.subscriptions,
    alerts: stores.alerts,
    knowledge: loadKnowledge(),
    now: () => new Date("2026-11-20T00:00:00Z"),
  };
  adapter = createDiscordAdapter({
    token: "test-token",
    apiBase: server.apiBase,
    commands: [...allCommands, slow],
    services,
    logger: { info: () => {}, warn: () => {}, error: (m) => errors.push(m) },
    deferAfterMs: 300,
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await stores?.close();
  await server?.close();
});

/** Runs a command and waits until Discord got its answer: the callback, or a follow-up after a deferral. */
async function run(userId: string, channelId: string, name: string, options?: Record<string, string | number | boolean> | Array<{ name: string; type?: number; value: string }>) {
  const { payload } = server.interact({ guildId: guild, channelId, userId, name, ...(options ? { options } : {}) });
  const callback = await server.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`);
  return { payload, callback };
}

const embedOf = (call: RestCall) => (call.body?.data?.embeds ?? call.body?.embeds)?.[0];
const EPHEMERAL = 64;

describe("Discord slash commands against a local gateway", () => {
  it("answers /ieo-cap ephemerally with the cap computed from amounts typed as text", async () => {
    const { callback } = await run(member, general, "ieo-cap", { income: "800万", net_assets: "3000万" });
    expect(callback.authorized).toBe(false);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    const answer = answerIeoCap(ieoCapOptions.parse({ income: "800万", net_assets: "3000万" }));
    expect(embedOf(callback).description).toContain(formatMoney(answer.result.cap, answer.regime.currency));
  });

  it("refuses /subscribe from a member without Manage Channels, privately, and stores nothing", async () => {
    const { callback } = await run(member, general, "subscribe", { what: "jp" });
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedOf(callback).description).toMatch(/Manage Channels/);
    expect(await stores.subscriptions.get({ platform: "discord", chatId: general })).toBeUndefined();
  });

  it("subscribes the channel for a member with Manage Channels", async () => {
    const { callback } = await run(admin, general, "subscribe", { what: "jp, hk" });
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(embedOf(callback).title).toBe("Subscribed");
    const stored = await stores.subscriptions.get({ platform: "discord", chatId: general });
    expect(stored).toMatchObject({ rules: [{ jurisdictions: ["JP", "HK"], topics: [] }], chatType: "group", createdBy: admin, active: true });
  });

  it("subscribes the channel named in the channel option instead of the current one", async () => {
    await run(admin, general, "subscribe", [
      { name: "what", value: "stablecoin" },
      { name: "channel", type: 7, value: alerts },
    ]);
    expect(await stores.subscriptions.get({ platform: "discord", chatId: alerts })).toMatchObject({ rules: [{ jurisdictions: ["all"], topics: ["stablecoin"] }] });
  });

  it("says which of its own permissions the bot lacks in the target channel", async () => {
    const { callback } = await run(admin, general, "subscribe", [
      { name: "what", value: "jp" },
      { name: "channel", type: 7, value: readOnly },
    ]);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedOf(callback).description).toContain("Send Messages, Embed Links");
    expect(await stores.subscriptions.get({ platform: "discord", chatId: readOnly })).toBeUndefined();
  });

  it("reports wrong input as an ephemeral one-liner from the command layer", async () => {
    const { callback } = await run(member, general, "ieo-cap", { income: "lots", net_assets: "3000万" });
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedOf(callback).description).toMatch(/income/i);
  });

  it("defers a command that takes longer, then edits the deferred answer", async () => {
    const { payload, callback } = await run(member, general, "slow", { ms: 800 });
    expect(callback.body.type).toBe(5);
    const edit = await server.waitForCall((c) => c.method === "PATCH" && c.path === `/webhooks/${server.applicationId}/${payload.token}/messages/%40original`);
    expect(embedOf(edit).description).toBe("waited 800 ms");
  });

  it("replaces a public deferral with an ephemeral follow-up when the slow command refuses", async () => {
    const { payload, callback } = await run(member, general, "slow", { ms: 600, fail: true });
    expect(callback.body.type).toBe(5);
    expect(callback.body.data?.flags ?? 0).toBe(0);
    const original = `/webhooks/${server.applicationId}/${payload.token}`;
    const followUp = await server.waitForCall((c) => c.method === "POST" && c.path === original);
    expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedOf(followUp).description).toBe("thought better of it");
    expect(server.calls.some((c) => c.method === "DELETE" && c.path === `${original}/messages/%40original`)).toBe(true);
  });

  it("autocompletes jurisdictions from the knowledge table, keeping the items already typed", async () => {
    const { payload } = server.interact(
      { guildId: guild, channelId: general, userId: admin, name: "subscribe", options: [{ name: "what", value: "jp, hong ko", focused: true }] },
      "autocomplete",
    );
    const callback = await server.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`);
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain("jp, HK");

    const { payload: second } = server.interact(
      { guildId: guild, channelId: general, userId: admin, name: "subscribe", options: [{ name: "what", value: "sw", focused: true }] },
      "autocomplete",
    );
    const answer = await server.waitForCall((c) => c.path === `/interactions/${second.id}/${second.token}/callback`);
    const values = (answer.body.data.choices as Array<{ value: string }>).map((c) => c.value);
    expect(values).toContain("CH");
  });

  it("logged no unexpected failure", () => {
    expect(errors).toEqual([]);
  });
});
