// One poll cycle over 200 local feeds of 50 items each, all new, then one where every feed answers 304, then
// another all new (the code now compiled by V8, as in a service that has been running), on
// each store backend: SQLite always, Redis and PostgreSQL when REGWATCH_TEST_REDIS / REGWATCH_TEST_POSTGRES
// name a server (test/support/services.sh starts both). The cycle includes the fan-out to the outbox (no
// subscribers), as the service runs it. Prints wall time, CPU time and store round trips of the regwatch
// process (the feed farm runs in another), and the CPU ratio against bare rss-parser on the same bytes.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import Parser from "rss-parser";
import { createAnalyzer, loadKnowledge } from "../../src/analysis/index.js";
import type { FeedSpec } from "../../src/core/feed.js";
import { fanOut } from "../../src/delivery/fanout.js";
import { pollOnce, type CycleReport } from "../../src/feeds/poller.js";
import { articleAnalysis } from "../../src/main.js";
import { openStores } from "../../src/storage/index.js";
import { freshPostgres, freshRedis } from "../support/servers.js";

const FEEDS = 200;
const ITEMS = 50;

interface Row {
  backend: string;
  newWall: number;
  newCpu: number;
  newOps: number;
  quietWall: number;
  quietCpu: number;
  quietOps: number;
  /** A second all-new cycle, after the first has had V8 compile the code it runs. */
  againCpu: number;
}

export async function run(): Promise<void> {
  const farm = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), "feed-farm.js")], {
    env: { ...process.env, FEEDS: String(FEEDS), ITEMS: String(ITEMS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve) => createInterface({ input: farm.stdout! }).once("line", resolve));
  const { control, urls } = JSON.parse(first) as { control: string; urls: string[] };
  const phase = (name: string) => fetch(`${control}/phase/${name}`, { method: "POST" });
  const dir = mkdtempSync(join(tmpdir(), "regwatch-bench-"));
  const analyzer = await createAnalyzer(loadKnowledge());
  const feeds: FeedSpec[] = urls.map((url, i) => ({ id: `feed-${i}`, name: `Feed ${i}`, url, jurisdiction: "JP" }));
  const backends: Array<[string, () => Promise<string>]> = [["sqlite", async () => `sqlite://${join(dir, "bench.sqlite")}`]];
  if (process.env.REGWATCH_TEST_REDIS) backends.push(["redis", () => freshRedis(10)]);
  else console.log("redis: REGWATCH_TEST_REDIS not set, skipped (test/support/services.sh start)");
  if (process.env.REGWATCH_TEST_POSTGRES) backends.push(["postgres", () => freshPostgres()]);
  else console.log("postgres: REGWATCH_TEST_POSTGRES not set, skipped");

  const rows: Row[] = [];
  try {
    // The baseline: rss-parser's parseString alone on the bytes of the all-new cycle.
    await phase("new");
    const texts = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
    const parser = new Parser();
    for (const text of texts.slice(0, 10)) await parser.parseString(text); // warm up
    const bare = process.cpuUsage();
    for (const text of texts) await parser.parseString(text);
    const bareCpu = cpuSeconds(process.cpuUsage(bare));

    for (const [backend, url] of backends) {
      const stores = await openStores(await url(), { seenTtlDays: 180 });
      const cycle = () =>
        pollOnce({
          feeds,
          limits: { timeoutMs: 20_000, maxBodyBytes: 5_000_000, maxRedirects: 5, userAgent: "regwatch-bench", concurrentFeeds: 4, maxNewPerFeed: ITEMS },
          seen: stores.seen,
          feedState: stores.feedState,
          alertLog: stores.alerts,
          analyze: articleAnalysis(analyzer),
          logger: { info: () => {}, warn: (m) => console.error(m), error: (m) => console.error(m) },
          deliver: async (alerts) => void (await fanOut(alerts, stores.subscriptions, stores.outbox)),
        });
      const measure = async (): Promise<{ wall: number; cpu: number; ops: number; report: CycleReport }> => {
        const ops = stores.backend.operations.count;
        const cpu = process.cpuUsage();
        const start = performance.now();
        const report = await cycle();
        return { wall: (performance.now() - start) / 1000, cpu: cpuSeconds(process.cpuUsage(cpu)), ops: stores.backend.operations.count - ops, report };
      };
      try {
        await phase("prime");
        await cycle(); // the first poll of each feed only records it
        await phase("new");
        const fresh = await measure();
        if (fresh.report.alerts.length + fresh.report.ignored.length !== FEEDS * ITEMS) throw new Error(`benchmark (${backend}): not every item came out new`);
        const quiet = await measure();
        if (quiet.report.outcomes.some((o) => o.status !== "not-modified")) throw new Error(`benchmark (${backend}): expected every feed to answer 304`);
        await phase(`new-${backend}`);
        const again = await measure();
        if (again.report.alerts.length + again.report.ignored.length !== FEEDS * ITEMS) throw new Error(`benchmark (${backend}): not every item of the second cycle came out new`);
        rows.push({ backend, newWall: fresh.wall, newCpu: fresh.cpu, newOps: fresh.ops, quietWall: quiet.wall, quietCpu: quiet.cpu, quietOps: quiet.ops, againCpu: again.cpu });
      } finally {
        await stores.close();
      }
    }

    console.log(`${FEEDS} feeds x ${ITEMS} items; bare rss-parser parseString on the same bytes: cpu ${bareCpu.toFixed(2)} s`);
    console.log("| store | all new: wall | cpu | cpu / bare parse | store round trips | all 304: wall | cpu | store round trips | all new again: cpu | cpu / bare parse |");
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const r of rows) {
      console.log(
        `| ${r.backend} | ${r.newWall.toFixed(2)} s | ${r.newCpu.toFixed(2)} s | ${(r.newCpu / bareCpu).toFixed(1)}× | ${r.newOps} | ` +
          `${r.quietWall.toFixed(2)} s | ${r.quietCpu.toFixed(3)} s | ${r.quietOps} | ${r.againCpu.toFixed(2)} s | ${(r.againCpu / bareCpu).toFixed(1)}× |`,
      );
    }
    console.log(`peak memory (max RSS of the regwatch process) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    farm.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpuSeconds = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1e6;
