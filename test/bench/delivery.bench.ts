// One alert fanned out to 10,000 Telegram chats and 2,000 Discord channels through the real grammY and
// discord.js clients, against a local server (another process) that enforces both platforms' limits,
// scaled up ten times on both sides, and answers 429 when they are exceeded.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { REST } from "discord.js";
import { Api } from "grammy";
import { createDiscordPlatform } from "../../adapters/discord/platform.js";
import { createTelegramPlatform } from "../../adapters/telegram/platform.js";
import { DeliveryEngine } from "../../src/delivery/engine.js";
import { KeyvSubscriptionStore, openStores } from "../../src/storage/index.js";
import { makeAlert, makeSubscription } from "../support/fixtures.js";
import type { summarise } from "../support/platform-farm.js";

const SCALE = 10;
const TELEGRAM_CHATS = 10_000;
const DISCORD_CHANNELS = 2_000;
const LIMITS = { telegram: { perSecond: 30 * SCALE, perChatPerSecond: 1, perGroupPerMinute: 20 }, discord: { perSecond: 50 * SCALE } };

export async function run(): Promise<void> {
  const farm = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), "platform-farm-main.js")], {
    env: { ...process.env, SCALE: String(SCALE) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: farm.stdout! }).once("line", resolve));
  const { telegramRoot, discordBase } = JSON.parse(line) as { telegramRoot: string; discordBase: string };
  const dir = mkdtempSync(join(tmpdir(), "regwatch-bench-delivery-"));
  const stores = await openStores(`sqlite://${join(dir, "bench.sqlite")}`, { seenTtlDays: 180 });
  try {
    const loadStart = performance.now();
    // Three in ten Telegram chats are groups or channels (negative ids), as in a real audience.
    const subscriptions = new KeyvSubscriptionStore(stores.backend.keyv);
    await subscriptions.putMany(Array.from({ length: TELEGRAM_CHATS }, (_, i) => makeSubscription(i % 10 < 3 ? `-100${i}` : `${1_000_000 + i}`, ["JP"])));
    await subscriptions.putMany(Array.from({ length: DISCORD_CHANNELS }, (_, i) => makeSubscription(`${9_000_000_000 + i}`, ["JP"], { platform: "discord" })));
    const loadMs = performance.now() - loadStart;

    const token = "123456:BENCH";
    const telegram = createTelegramPlatform({ api: new Api(token, { apiRoot: telegramRoot }), token, linkPreviews: false });
    const rest = new REST({ api: discordBase, globalRequestsPerSecond: LIMITS.discord.perSecond }).setToken("bench-token");
    const discord = createDiscordPlatform({ rest });
    const engine = new DeliveryEngine({
      platforms: [telegram, discord],
      subscriptions: stores.subscriptions,
      outbox: stores.outbox,
      limits: LIMITS,
      retry: { baseDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 8 },
      logger: { info: () => {}, warn: (m) => console.error(m), error: (m) => console.error(m) },
    });
    await engine.start();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const queued = await engine.deliver([makeAlert(1, { title: "Japan FSA proposes IEO investment cap of 5% of income, up to ¥2,000,000" })]);
    const fanOutMs = performance.now() - started;
    await engine.idle();
    const totalMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    await engine.stop();

    const summary = (await (await fetch(`${telegramRoot}/farm/summary`)).json()) as ReturnType<typeof summarise>;
    const rate = (p: ReturnType<typeof summarise>["telegram"], allowed: number) => {
      const seconds = Math.max(0.001, (p.last - p.first) / 1000);
      const achieved = (p.count - 1) / seconds;
      return `${p.count} delivered to ${p.chats} chats in ${seconds.toFixed(2)} s: ${achieved.toFixed(1)}/s of ${allowed}/s allowed = ${(achieved / allowed).toFixed(3)}; repeats ${p.repeats}`;
    };
    console.log(`subscriptions loaded: ${TELEGRAM_CHATS + DISCORD_CHANNELS} in ${(loadMs / 1000).toFixed(1)} s`);
    console.log(`fan-out: ${queued} outbox entries written in ${fanOutMs.toFixed(0)} ms`);
    console.log(`telegram (limits x${SCALE}): ${rate(summary.telegram, LIMITS.telegram.perSecond)}`);
    console.log(`discord  (limits x${SCALE}): ${rate(summary.discord, LIMITS.discord.perSecond)}`);
    console.log(`429 answers: ${summary.tooMany} (telegram ${summary.tooManyTelegram}, discord ${summary.tooManyDiscord}); total time ${(totalMs / 1000).toFixed(1)} s; cpu ${((used.user + used.system) / 1e6).toFixed(1)} s; peak memory (max RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    if (summary.telegram.count !== TELEGRAM_CHATS || summary.discord.count !== DISCORD_CHANNELS) throw new Error("benchmark: not every chat got the alert");
  } finally {
    await stores.close();
    farm.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
