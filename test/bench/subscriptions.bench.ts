// Matching alerts against 100,000 subscriptions on each store backend (SQLite always; Redis and PostgreSQL
// when REGWATCH_TEST_REDIS / REGWATCH_TEST_POSTGRES name a server): the time to load them in batches, then
// the time `matching()` takes for alerts that touch a popular jurisdiction, several, a rare one, and many
// topic-only subscriptions, side by side. Each count is checked against the one matching rule.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadKnowledge } from "../../src/analysis/knowledge.js";
import { subscriptionMatches, type DeliveryMode, type Subscription } from "../../src/core/subscription.js";
import { openStores } from "../../src/storage/index.js";
import { KeyvSubscriptionStore } from "../../src/storage/subscriptions.js";
import { freshPostgres, freshRedis } from "../support/servers.js";

const SUBSCRIPTIONS = 100_000;
const BATCH = 10_000;
const ROUNDS = 5;

/** mulberry32: the same "random" set on every run, so figures compare between runs. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number): Subscription[] {
  const rnd = random(42);
  const { jurisdictions, topics } = loadKnowledge();
  // Interest is skewed: most chats follow the big markets, a long tail follows the rest.
  const popular = ["JP", "US", "HK", "GB", "SG", "KR", "EU"];
  const codes = jurisdictions.map((j) => j.code);
  const place = () => (rnd() < 0.7 ? popular[Math.floor(rnd() * rnd() * popular.length)] : codes[Math.floor(rnd() * codes.length)])!;
  const topic = () => topics[Math.floor(rnd() * rnd() * topics.length)]!.id;
  const some = (pick: () => string, most: number) => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * most) }, pick))];
  const deliveries: DeliveryMode[] = [{ mode: "instant" }, { mode: "daily", hour: 8, timeZone: "Asia/Tokyo" }, { mode: "weekly", hour: 9, timeZone: "UTC", weekday: 1 }];

  return Array.from({ length: count }, (_, i) => {
    const kind = rnd();
    const subscribed =
      kind < 0.04 ? { rules: [{ jurisdictions: ["all"], topics: rnd() < 0.5 ? some(topic, 2) : [] }] }
      : kind < 0.16 ? { rules: [{ jurisdictions: ["all"], topics: some(topic, 2) }] }
      : kind < 0.3 ? { rules: [{ jurisdictions: some(place, 3), topics: [] }, { jurisdictions: ["all"], topics: some(topic, 1) }] }
      : { rules: [{ jurisdictions: some(place, 5), topics: rnd() < 0.25 ? some(topic, 2) : [] }] };
    const platform = rnd() < 0.5 ? "telegram" : "discord";
    return {
      target: { platform, chatId: platform === "telegram" ? String(-1_000_000_000_000 - i) : String(1_200_000_000_000_000_000n + BigInt(i)) },
      chatType: rnd() < 0.2 ? "private" : rnd() < 0.7 ? "group" : "channel",
      ...subscribed,
      delivery: deliveries[Math.floor(rnd() * rnd() * 3)]!,
      createdBy: String(10_000 + i),
      createdAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-01T00:00:00.000Z",
      active: rnd() > 0.02,
    } satisfies Subscription;
  });
}

const alerts = [
  { label: "one popular jurisdiction (JP)", jurisdictions: ["JP"], topics: [] },
  { label: "several (JP, HK, US) on stablecoins", jurisdictions: ["JP", "HK", "US"], topics: ["stablecoin"] },
  { label: "a rare one (KE)", jurisdictions: ["KE"], topics: [] },
  { label: "topic-only heavy (NG; stablecoin, lending, staking)", jurisdictions: ["NG"], topics: ["stablecoin", "lending", "staking"] },
  { label: "international AML", jurisdictions: ["INT"], topics: ["aml"] },
];

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "regwatch-bench-subs-"));
  const backends: Array<[string, () => Promise<string>]> = [["sqlite", async () => `sqlite://${join(dir, "regwatch.sqlite")}`]];
  if (process.env.REGWATCH_TEST_REDIS) backends.push(["redis", () => freshRedis(11)]);
  else console.log("redis: REGWATCH_TEST_REDIS not set, skipped (test/support/services.sh start)");
  if (process.env.REGWATCH_TEST_POSTGRES) backends.push(["postgres", () => freshPostgres()]);
  else console.log("postgres: REGWATCH_TEST_POSTGRES not set, skipped");
  const all = generate(SUBSCRIPTIONS);
  const rows = new Map<string, string[]>();
  const cell = (row: string, value: string) => rows.set(row, [...(rows.get(row) ?? []), value]);
  try {
    for (const [, url] of backends) {
      const stores = await openStores(await url(), { seenTtlDays: 180, timeoutMs: 120_000 });
      try {
        const store = new KeyvSubscriptionStore(stores.backend.keyv, stores.backend.atomic);
        let start = process.hrtime.bigint();
        for (let i = 0; i < all.length; i += BATCH) await store.putMany(all.slice(i, i + BATCH));
        const loadMs = ms(start);
        cell(`load ${SUBSCRIPTIONS.toLocaleString("en")} in batches of ${BATCH.toLocaleString("en")}`, `${(loadMs / 1000).toFixed(1)} s`);

        for (const alert of alerts) {
          const expected = all.filter((s) => s.active && subscriptionMatches(s, alert)).length;
          await store.matching(alert); // warm caches and the JIT
          let found = 0;
          start = process.hrtime.bigint();
          for (let round = 0; round < ROUNDS; round++) found = (await store.matching(alert)).length;
          const per = ms(start) / ROUNDS;
          if (found !== expected) throw new Error(`benchmark: ${alert.label} found ${found}, the rule says ${expected}`);
          cell(`match ${alert.label} (${found})`, `${per.toFixed(1)} ms`);
        }

        // What one /subscribe costs in a store this size: the index lists it joins are rewritten whole.
        const one = { ...all[0]!, rules: [{ jurisdictions: ["JP", "HK"], topics: [] as string[] }] };
        start = process.hrtime.bigint();
        for (let round = 0; round < ROUNDS; round++) await store.put({ ...one, rules: [{ jurisdictions: round % 2 ? ["JP"] : ["JP", "HK"], topics: [] }] });
        cell("one put (re-filing a chat under JP and HK)", `${(ms(start) / ROUNDS).toFixed(1)} ms`);
      } finally {
        await stores.close();
      }
    }
    console.log(`| ${SUBSCRIPTIONS.toLocaleString("en")} subscriptions | ${backends.map(([name]) => name).join(" | ")} |`);
    console.log(`|---|${backends.map(() => "---").join("|")}|`);
    for (const [row, values] of rows) console.log(`| ${row} | ${values.join(" | ")} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
