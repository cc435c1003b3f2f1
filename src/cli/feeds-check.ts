import { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { describeError } from "../core/errors.js";
import type { FeedSpec } from "../core/feed.js";
import { decodeFeed } from "../feeds/decode.js";
import { fetchFeed, type FetchLimits } from "../feeds/fetch.js";
import { parseFeed } from "../feeds/parse.js";
import { forEachGrouped, hostOf } from "../feeds/pool.js";
import { terminalSafe } from "./render.js";

export interface CheckRow {
  id: string;
  ok: boolean;
  /** "ok", or the one-line reason it failed. */
  status: string;
  items: number | null;
  newest: string | null;
  encoding: string | null;
  ms: number;
}

/** Fetches, decodes and parses one feed once, timing the whole; never throws. */
export async function checkFeed(feed: FeedSpec, limits: FetchLimits): Promise<CheckRow> {
  const started = performance.now();
  let encoding: string | null = null;
  try {
    const fetched = await fetchFeed(feed, {}, limits);
    if (fetched.status !== "ok") throw new Error("HTTP 304 to a request without validators");
    const decoded = decodeFeed(fetched.bytes, fetched.contentType);
    encoding = `${decoded.encoding} (${decoded.source})`;
    const parsed = await parseFeed(decoded.text, { feedId: feed.id, baseUrl: fetched.url });
    const newest = parsed.articles.reduce<string | null>((max, a) => (a.published && (!max || a.published > max) ? a.published : max), null);
    return { id: feed.id, ok: true, status: "ok", items: parsed.articles.length, newest, encoding, ms: performance.now() - started };
  } catch (error) {
    return { id: feed.id, ok: false, status: describeError(error), items: null, newest: null, encoding, ms: performance.now() - started };
  }
}

export function checkTable(rows: readonly CheckRow[]): string {
  const header = ["feed", "status", "items", "newest", "encoding", "time"];
  // Each cell made safe (no control characters, one line) before padding, so the columns line up.
  const cells = rows.map((r) => [r.id, r.ok ? "ok" : `FAIL: ${r.status}`, r.items === null ? "-" : String(r.items), r.newest ? r.newest.slice(0, 16).replace("T", " ") : "-", r.encoding ?? "-", `${(r.ms / 1000).toFixed(2)} s`].map((c) => terminalSafe(c).slice(0, 200)));
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => (c[i] as string).length))));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] as number))).join("  ").trimEnd();
  return [line(header), ...cells.map(line)].join("\n") + "\n";
}

export const feedsCheckCommand = (): Command =>
  new Command("check")
    .description("fetch every configured feed once and print a table (status, items, newest date, encoding, time); exit 1 if any fails")
    .option("--json", "print the rows as JSON")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { json?: boolean; config?: string }) => {
      const { config } = loadConfig(options.config ? { file: options.config } : {});
      if (config.rsshubSkipped.length > 0) process.stderr.write(`rsshub.baseUrl is not set: skipping ${config.rsshubSkipped.join(", ")}\n`);
      const limits: FetchLimits = { timeoutMs: config.limits.requestTimeoutMs, maxBodyBytes: config.limits.maxBodyBytes, maxRedirects: config.limits.maxRedirects, userAgent: config.userAgent };
      const rows = new Map<string, CheckRow>();
      // The same politeness as a poll: one request at a time per host.
      await forEachGrouped(config.feeds, (f) => hostOf(f.url), config.limits.concurrentFeeds, async (feed) => {
        rows.set(feed.id, await checkFeed(feed, limits));
      });
      const ordered = config.feeds.map((f) => rows.get(f.id) as CheckRow);
      process.stdout.write(options.json ? JSON.stringify(ordered, null, 2) + "\n" : checkTable(ordered));
      const failed = ordered.filter((r) => !r.ok).length;
      process.stderr.write(`${ordered.length} feeds: ${ordered.length - failed} ok, ${failed} failed\n`);
      if (failed > 0) process.exitCode = 1;
    });
