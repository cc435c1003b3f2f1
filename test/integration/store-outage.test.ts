import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alert, Analysis, Article } from "../../src/core/article.js";
import { StorageError } from "../../src/core/errors.js";
import type { FeedSpec } from "../../src/core/feed.js";
import { pollOnce, type PollDeps } from "../../src/feeds/poller.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { freshPostgres, freshRedis } from "../support/servers.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";

const analyze = (_article: Article, feed: FeedSpec): Analysis => ({ policy: true, jurisdictions: feed.jurisdiction ? [feed.jurisdiction] : [], topics: [], summary: "", figures: [] });
const item = (n: number) => ({ title: `Notice ${n}`, link: `https://regulator.example/news/${n}`, guid: `n-${n}`, pubDate: day(n) });

/** The store behind a proxy that the test takes away and brings back; the servers themselves are untouched. */
describe.each([
  ["Redis", () => freshRedis(4)],
  ["PostgreSQL", () => freshPostgres()],
])("when %s goes away mid-service and returns", (_name, fresh) => {
  let server: FeedServer;
  let proxy: TcpProxy;
  let stores: Stores;
  let delivered: Alert[];
  let logs: string[];
  let feeds: FeedSpec[];

  const deps = (): PollDeps => ({
    feeds,
    limits: { timeoutMs: 1_000, maxBodyBytes: 1_000_000, maxRedirects: 5, userAgent: "test", concurrentFeeds: 4, maxNewPerFeed: 10 },
    seen: stores.seen,
    feedState: stores.feedState,
    alertLog: stores.alerts,
    analyze,
    logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    onAlerts: (alerts) => void delivered.push(...alerts),
  });

  beforeEach(async () => {
    const url = new URL(await fresh());
    proxy = await startTcpProxy(url.hostname, Number(url.port));
    server = await startFeedServer({ "/a.xml": { body: rss({ title: "A", items: [item(1)] }) }, "/b.xml": { body: rss({ title: "B", items: [item(11)] }) } });
    feeds = [
      { id: "a", name: "A", url: server.url("/a.xml"), jurisdiction: "JP" },
      { id: "b", name: "B", url: server.url("/b.xml"), jurisdiction: "GB" },
    ];
    stores = await openStores(proxy.url(url.toString()), { seenTtlDays: 180, timeoutMs: 1_500 });
    delivered = [];
    logs = [];
  });
  afterEach(async () => {
    proxy.up();
    await stores.close().catch(() => undefined);
    await proxy.close();
    await server.close();
  });

  it("fails the poll with a StorageError while it is gone, then alerts what appeared, once, without a restart", async () => {
    await pollOnce(deps());
    server.set("/a.xml", { body: rss({ title: "A", items: [item(2), item(1)] }) });
    server.set("/b.xml", { body: rss({ title: "B", items: [item(12), item(11)] }) });

    proxy.down();
    await expect(pollOnce(deps())).rejects.toBeInstanceOf(StorageError);
    await expect(stores.backend.ping()).rejects.toThrow();
    expect(delivered).toEqual([]);

    proxy.up();
    // The clients reconnect by themselves; the first poll after may still meet a connection being re-made.
    let report;
    for (let attempt = 0; attempt < 20 && !report; attempt++) {
      report = await pollOnce(deps()).catch(async (error: unknown) => {
        if (!(error instanceof StorageError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
        return undefined;
      });
    }
    expect(delivered.map((a) => a.title).sort()).toEqual(["Notice 12", "Notice 2"]);
    expect((await pollOnce(deps())).alerts).toEqual([]);
    expect(delivered).toHaveLength(2);
  });

  it("fails within the time limit, not never, when the server stops answering", async () => {
    await pollOnce(deps());
    proxy.hang();
    const started = Date.now();
    await expect(stores.seen.seenAmong(["x"])).rejects.toBeInstanceOf(StorageError);
    await expect(stores.subscriptions.put({
      target: { platform: "telegram", chatId: "1" }, chatType: "group", rules: [{ jurisdictions: ["JP"], topics: [] }], delivery: { mode: "instant" },
      createdBy: "u", createdAt: "t", updatedAt: "t", active: true,
    })).rejects.toBeInstanceOf(StorageError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("a store that is not there at all", () => {
  it.each([
    ["Redis", "redis://127.0.0.1:1/0"],
    ["PostgreSQL", "postgres://postgres@127.0.0.1:1/regwatch"],
  ])("%s: run and health fail with one line, not a hang", async (_name, store) => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { regwatch } = await import("../support/cli.js");
    const dir = mkdtempSync(join(tmpdir(), "regwatch-nostore-"));
    const configFile = join(dir, "regwatch.yaml");
    writeFileSync(configFile, `contact: ci@example.com\nfeeds:\n  - { id: a, name: A, url: "http://127.0.0.1:1/a.xml" }\n`);
    try {
      for (const command of [["run"], ["health"]]) {
        const result = await regwatch([...command, "--config", configFile], { REGWATCH_STORE: store });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^regwatch: cannot open the store .*127\.0\.0\.1:1.*\n$/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
