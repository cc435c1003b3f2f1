/**
 * A second process writing the shared store at the same moment as another (built to dist/, run by
 * test/integration/concurrency.test.ts). Opens the store, prints "ready", waits for "go" on stdin,
 * does its writes all at once, prints one JSON line with what it got, and exits.
 *
 *   node dist/test/support/store-writer.js URL subscribe PREFIX COUNT
 *   node dist/test/support/store-writer.js URL enqueue ALERT_ID TARGETS
 *   node dist/test/support/store-writer.js URL take-digest CHAT PERIOD
 */
import type { Alert } from "../../src/core/article.js";
import type { Subscription, Target } from "../../src/core/subscription.js";
import { openStores } from "../../src/storage/index.js";

const [url, mode, name, arg] = process.argv.slice(2);
const stores = await openStores(url!, { seenTtlDays: 1 });
const tg = (chatId: string): Target => ({ platform: "telegram", chatId });
const subscription = (chatId: string): Subscription => ({
  target: tg(chatId),
  chatType: "group",
  rules: [{ jurisdictions: Number(chatId.replace(/\D/g, "")) % 2 ? ["JP", "HK"] : ["JP"], topics: [] }],
  delivery: { mode: "instant" },
  createdBy: "u",
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
  active: true,
});
const alert = (id: string): Alert => ({
  id, feedId: "f", feedName: "F", url: `https://example.org/${id}`, title: id, text: "", published: "2026-11-01T00:00:00.000Z",
  categories: [], language: "en", policy: true, jurisdictions: ["JP"], topics: [], summary: "", figures: [],
});

process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
let result: unknown;
if (mode === "subscribe") {
  await Promise.all(Array.from({ length: Number(arg) }, (_, i) => stores.subscriptions.put(subscription(`${name}${i}`))));
  result = "done";
} else if (mode === "enqueue") {
  const targets = Array.from({ length: Number(arg) }, (_, i) => tg(String(i)));
  result = await stores.outbox.enqueue(alert(name!), targets);
} else if (mode === "take-digest") {
  result = await stores.outbox.takeDigest(tg(name!), arg!);
}
process.stdout.write(JSON.stringify(result) + "\n");
await stores.close();
process.stdin.destroy();
