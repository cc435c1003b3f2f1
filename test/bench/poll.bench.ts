// One poll cycle over 200 local feeds of 50 items each, all new, then one where every feed answers 304.
// Prints wall time, CPU time and peak memory of the regwatch process (the feed farm runs in another process).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createAnalyzer, loadKnowledge } from "../../src/analysis/index.js";
import type { FeedSpec } from "../../src/core/feed.js";
import { pollOnce, type CycleReport } from "../../src/feeds/poller.js";
import { articleAnalysis } from "../../src/main.js";
import { openStores } from "../../src/storage/index.js";

const FEEDS = 200;
const ITEMS = 50;

export async function run(): Promise<void> {
  const farm = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), "feed-farm.js")], {
    env: { ...process.env, FEEDS: String(FEEDS), ITEMS: String(ITEMS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve) => createInterface({ input: farm.stdout! }).once("line", resolve));
  const { control, urls } = JSON.parse(first) as { control: string; urls: string[] };
  const dir = mkdtempSync(join(tmpdir(), "regwatch-bench-"));
  const stores = await openStores(`sqlite://${join(dir, "bench.sqlite")}`, { seenTtlDays: 180 });
  const analyzer = await createAnalyzer(loadKnowledge());
  const feeds: FeedSpec[] = urls.map((url, i) => ({ id: `feed-${i}`, name: `Feed ${i}`, url, jurisdiction: "JP" }));
  const cycle = () =>
    pollOnce({
      feeds,
      limits: { timeoutMs: 20_000, maxBodyBytes: 5_000_000, maxRedirects: 5, userAgent: "regwatch-bench", concurrentFeeds: 4, maxNewPerFeed: ITEMS },
      seen: stores.seen,
      feedState: stores.feedState,
      alertLog: stores.alerts,
      analyze: articleAnalysis(analyzer),
      logger: { info: () => {}, warn: (m) => console.error(m), error: (m) => console.error(m) },
    });
  const measure = async (label: string): Promise<CycleReport> => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const report = await cycle();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const failed = report.outcomes.filter((o) => o.status === "failed").length;
    const fresh = report.alerts.length + report.ignored.length;
    console.log(
      `${label.padEnd(28)} wall ${(wall / 1000).toFixed(2)} s  cpu ${((used.user + used.system) / 1e6).toFixed(2)} s  ` +
        `new articles ${fresh}  not modified ${report.outcomes.filter((o) => o.status === "not-modified").length}  failed ${failed}  ` +
        `rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    );
    return report;
  };
  try {
    await cycle(); // the first poll of each feed only records it
    await fetch(`${control}/phase/new`, { method: "POST" });
    const fresh = await measure(`${FEEDS} feeds x ${ITEMS} new`);
    if (fresh.alerts.length + fresh.ignored.length !== FEEDS * ITEMS) throw new Error("benchmark: not every item came out new");
    const quiet = await measure(`${FEEDS} feeds, all 304`);
    if (quiet.outcomes.some((o) => o.status !== "not-modified")) throw new Error("benchmark: expected every feed to answer 304");
    console.log(`peak memory (max RSS of the regwatch process) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await stores.close();
    farm.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
