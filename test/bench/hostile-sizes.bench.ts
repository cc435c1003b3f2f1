// Hostile field sizes: a feed whose new item has a 4.6 MB title, polled end to end (fetch, parse, analysis,
// store), and `analyze` input with a 10 MB title. Titles and text are capped at parse time, so both should
// cost about what an ordinary item does. Prints wall time and peak memory (max RSS of this process).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnalyzer, loadKnowledge } from "../../src/analysis/index.js";
import { parseItems } from "../../src/cli/analyze.js";
import type { FeedSpec } from "../../src/core/feed.js";
import { pollOnce } from "../../src/feeds/poller.js";
import { articleAnalysis } from "../../src/main.js";
import { openStores } from "../../src/storage/index.js";
import { startFeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";

const peak = (): string => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;

export async function run(): Promise<void> {
  const huge = "Regulator fines exchange ".repeat(185_000); // 4.6 MB
  const ordinary = (n: number) => ({ title: `FSA notice ${n}`, link: `https://r.example/${n}`, pubDate: day(n), description: `The Financial Services Agency fined exchange ${n}.` });
  const server = await startFeedServer({ "/feed.xml": { body: rss({ title: "Big", items: [ordinary(1)] }) } });
  const dir = mkdtempSync(join(tmpdir(), "regwatch-bench-hostile-"));
  const stores = await openStores(`sqlite://${join(dir, "bench.sqlite")}`, { seenTtlDays: 180 });
  const analyzer = await createAnalyzer(loadKnowledge());
  const feeds: FeedSpec[] = [{ id: "big", name: "Big", url: server.url("/feed.xml"), jurisdiction: "JP" }];
  const cycle = () =>
    pollOnce({
      feeds,
      limits: { timeoutMs: 20_000, maxBodyBytes: 5_000_000, maxRedirects: 5, userAgent: "regwatch-bench", concurrentFeeds: 1, maxNewPerFeed: 10 },
      seen: stores.seen,
      feedState: stores.feedState,
      alertLog: stores.alerts,
      analyze: articleAnalysis(analyzer),
      logger: { info: () => {}, warn: (m) => console.error(m), error: (m) => console.error(m) },
    });
  try {
    await cycle();
    console.log(`ordinary poll                 peak ${peak()}`);
    server.set("/feed.xml", { body: rss({ title: "Big", items: [{ ...ordinary(2), title: huge }, ordinary(1)] }) });
    const start = performance.now();
    const report = await cycle();
    const title = report.alerts[0]?.title ?? report.ignored[0]?.title ?? "";
    console.log(`poll, new item 4.6 MB title   wall ${((performance.now() - start) / 1000).toFixed(2)} s  kept title ${title.length} chars  peak ${peak()}`);
  } finally {
    await stores.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const input = JSON.stringify({ title: "FSA fines exchange ".repeat(530_000), text: "The FSA fined an exchange." }); // 10 MB
  const start = performance.now();
  const { items } = parseItems(input, "bench");
  const item = items[0];
  if (!item || "error" in item) throw new Error("the 10 MB item was refused");
  const analysis = analyzer.analyze(item);
  console.log(`analyze, 10 MB title          wall ${((performance.now() - start) / 1000).toFixed(2)} s  policy ${analysis.policy}  peak ${peak()}`);
}
