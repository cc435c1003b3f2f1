// The latency a model adds to an alert: from detection (the alert handed to delivery) to queued in the outbox,
// to the first and the last chat's message sent, with no model, with a local model server answering in 300 ms,
// and with one that never answers in time (the fallback at timeoutMs). 150 chats, a third of them in Japanese.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chatLanguage } from "../../src/commands/alert-labels.js";
import type { Alert } from "../../src/core/article.js";
import { DeliveryEngine } from "../../src/delivery/engine.js";
import { createModelWriter, modelAlerts, type ModelStats } from "../../src/llm/index.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { makeAlert, makeSubscription } from "../support/fixtures.js";
import { modelJson, startModelServer, type ModelServer } from "../support/model-server.js";
import { RecordingPlatform } from "../support/recording-platform.js";

const CHATS = 150;
const ALERTS = 10;
const ANSWER_MS = 300;

interface Figures {
  queued: number[];
  first: number[];
  last: number[];
}

async function measure(stores: Stores, batch: number, rewrite?: (alert: Alert, target: { platform: "telegram" | "discord" | "console"; chatId: string }) => Promise<Alert>): Promise<Figures> {
  const platform = new RecordingPlatform("telegram");
  const engine = new DeliveryEngine({
    platforms: [platform],
    subscriptions: stores.subscriptions,
    outbox: stores.outbox,
    limits: { telegram: { perSecond: 100_000, perChatPerSecond: 1000, perGroupPerMinute: 100_000 } },
    retry: { baseDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 8 },
    logger: { info: () => {}, warn: () => {}, error: (m) => console.error(m) },
    ...(rewrite ? { rewrite } : {}),
  });
  await engine.start();
  const figures: Figures = { queued: [], first: [], last: [] };
  for (let i = 0; i < ALERTS; i++) {
    const alert = makeAlert(batch * 100 + i, { text: `Notice ${i}: a penalty of ¥${i + 1} million from 1 December 2026.`, summary: `Notice ${i}.` });
    platform.sent.length = 0;
    const detected = Date.now();
    await engine.deliver([alert]);
    figures.queued.push(Date.now() - detected);
    await engine.idle();
    const times = platform.sent.map((s) => s.at);
    if (times.length !== CHATS) throw new Error(`benchmark: ${times.length} of ${CHATS} chats got the alert`);
    figures.first.push(Math.min(...times) - detected);
    figures.last.push(Math.max(...times) - detected);
  }
  await engine.stop();
  return figures;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const line = (label: string, f: Figures, stats?: ModelStats): string =>
  `${label}: detection → queued ${median(f.queued)} ms, → first chat sent ${median(f.first)} ms, → last of ${CHATS} sent ${median(f.last)} ms (medians of ${ALERTS} alerts)` +
  (stats ? `\n    ${stats.line()}` : "");

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "regwatch-bench-llm-"));
  const stores = await openStores(`sqlite://${join(dir, "bench.sqlite")}`, { seenTtlDays: 180 });
  let server: ModelServer | undefined;
  try {
    for (let i = 0; i < CHATS; i++) {
      await stores.subscriptions.put(makeSubscription(String(1000 + i), ["JP"]));
      if (i % 3 === 0) await stores.chatSettings.set({ platform: "telegram", chatId: String(1000 + i) }, { language: "ja" });
    }
    const languageOf = (target: { platform: "telegram" | "discord" | "console"; chatId: string }) => chatLanguage(stores.chatSettings, stores.subscriptions, target);

    console.log(line("model off", await measure(stores, 1)));

    server = await startModelServer((request) => ({ delayMs: ANSWER_MS, content: modelJson(request.task.article.title, `${request.task.article.text.split(":")[0]}.`) }));
    const on = createModelWriter({ baseUrl: server.baseUrl, model: "bench", timeoutMs: 5_000, maxPerHour: 10_000, maxTokens: 300 }, stores.backend.keyv);
    console.log(line(`model on (server answers in ${ANSWER_MS} ms, 2 languages)`, await measure(stores, 2, modelAlerts(on.writer, languageOf)), on.stats));

    server.answer(() => ({ delayMs: 60_000, content: "{}" }));
    const late = createModelWriter({ baseUrl: server.baseUrl, model: "bench", timeoutMs: 1_000, maxPerHour: 10_000, maxTokens: 300 }, stores.backend.keyv);
    console.log(line("model on, never answering in time (timeoutMs 1000)", await measure(stores, 3, modelAlerts(late.writer, languageOf)), late.stats));
  } finally {
    await server?.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
