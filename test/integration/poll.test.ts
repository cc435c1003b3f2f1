import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alert, Analysis, Article } from "../../src/core/article.js";
import { StorageError } from "../../src/core/errors.js";
import type { FeedSpec } from "../../src/core/feed.js";
import { pollOnce, type PollDeps } from "../../src/feeds/poller.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss, type RssItem } from "../support/rss.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-poll-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The analysis has its own tests; here every article is policy unless its title says "price".
const analyze = (article: Article, feed: FeedSpec): Analysis => ({
  policy: !/price/i.test(article.title),
  jurisdictions: feed.jurisdiction ? [feed.jurisdiction] : [],
  topics: [],
  summary: article.text.slice(0, 100),
  figures: [],
});

const item = (n: number, extra: Partial<RssItem> = {}): RssItem => ({
  title: `FSA notice ${n}`,
  link: `https://regulator.example/news/${n}?utm_source=rss`,
  guid: `fsa-${n}`,
  pubDate: day(n),
  description: `Notice number ${n}.`,
  ...extra,
});

let server: FeedServer;
let stores: Stores;
let storeUrl: string;
let logs: string[];
let delivered: Alert[];
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
  server = await startFeedServer({
    "/fsa.xml": { body: rss({ title: "FSA", items: [item(2), item(1)] }), contentType: "application/rss+xml", etag: '"a"' },
    "/news.xml": { body: rss({ title: "News", items: [{ title: "Markets wrap", link: "https://news.example/wrap", pubDate: day(1) }] }) },
    "/broken.xml": { status: 500, body: "down" },
    "/page.html": { body: "<!doctype html><html><body><h1>Moved</h1></body></html>", contentType: "text/html" },
  });
  feeds = [
    { id: "fsa", name: "FSA", url: server.url("/fsa.xml"), jurisdiction: "JP" },
    { id: "news", name: "News", url: server.url("/news.xml"), jurisdiction: null },
    { id: "broken", name: "Broken", url: server.url("/broken.xml"), jurisdiction: "US" },
    { id: "page", name: "Page", url: server.url("/page.html"), jurisdiction: "GB" },
  ];
  storeUrl = `sqlite://${join(mkdtempSync(join(dir, "s-")), "regwatch.sqlite")}`;
  stores = await openStores(storeUrl, { seenTtlDays: 180 });
  logs = [];
  delivered = [];
});
afterEach(async () => {
  await stores.close().catch(() => {});
  await server.close();
});

describe("pollOnce", () => {
  it("records a feed's first poll without alerting, and isolates failing feeds", async () => {
    const report = await pollOnce(deps());
    expect(report.alerts).toEqual([]);
    expect(delivered).toEqual([]);
    const status = Object.fromEntries(report.outcomes.map((o) => [o.feed.id, o.status]));
    expect(status).toEqual({ fsa: "primed", news: "primed", broken: "failed", page: "failed" });
    expect(report.primedLatest.map((a) => a.title)).toEqual(["FSA notice 2", "FSA notice 1", "Markets wrap"]);
    expect(logs.filter((l) => l.startsWith("feed broken:"))).toEqual(["feed broken: HTTP 500 Internal Server Error (1 failure in a row)"]);
    expect(logs.some((l) => l.startsWith("feed page:"))).toBe(true);
    const broken = await stores.feedState.get("broken");
    expect(broken).toMatchObject({ consecutiveFailures: 1, lastError: "HTTP 500 Internal Server Error" });
    expect(broken?.primedAt).toBeUndefined();
  });

  it("alerts what appears after the first poll, once, oldest first, and remembers it across a restart", async () => {
    await pollOnce(deps());
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(5), item(4), item(3), item(2), item(1)] }), etag: '"b"' });
    const second = await pollOnce(deps());
    expect(second.alerts.map((a) => a.title)).toEqual(["FSA notice 3", "FSA notice 4", "FSA notice 5"]);
    expect(delivered.map((a) => a.title)).toEqual(["FSA notice 3", "FSA notice 4", "FSA notice 5"]);
    expect(second.alerts[0]).toMatchObject({ feedId: "fsa", feedName: "FSA", jurisdictions: ["JP"], url: "https://regulator.example/news/3" });

    await stores.close();
    stores = await openStores(storeUrl, { seenTtlDays: 180 });
    const third = await pollOnce(deps());
    expect(third.alerts).toEqual([]);
    expect(third.outcomes.find((o) => o.feed.id === "fsa")?.status).toBe("not-modified");
  });

  it("answers 304 to the stored ETag and costs nothing further", async () => {
    await pollOnce(deps());
    const report = await pollOnce(deps());
    expect(report.outcomes.find((o) => o.feed.id === "fsa")?.status).toBe("not-modified");
    expect(server.requests.filter((r) => r.path === "/fsa.xml").at(-1)?.headers["if-none-match"]).toBe('"a"');
  });

  it("alerts the same story in two feeds once", async () => {
    await pollOnce(deps());
    const story = { title: "Japan FSA fines exchange", link: "https://regulator.example/news/9", pubDate: day(9) };
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [{ ...story, guid: "fsa-9" }, item(2), item(1)] }) });
    server.set("/news.xml", { body: rss({ title: "News", items: [{ ...story, link: `${story.link}#top` }] }) });
    const report = await pollOnce(deps());
    expect(report.alerts.map((a) => a.title)).toEqual(["Japan FSA fines exchange"]);
  });

  it("recognises a story by its title, date and text when a feed changes every guid and link at each poll", async () => {
    let poll = 0;
    const rotating = () => {
      poll++;
      return rss({ title: "FSA", items: [2, 1].map((n) => item(n, { guid: `session-${poll}-${n}`, link: `https://regulator.example/s/${poll}/news/${n}` })) });
    };
    server.set("/fsa.xml", { body: rotating() });
    await pollOnce(deps());
    for (let i = 0; i < 3; i++) {
      server.set("/fsa.xml", { body: rotating() });
      const report = await pollOnce(deps());
      expect(report.outcomes.find((o) => o.feed.id === "fsa")?.status).toBe("unchanged");
      expect(report.alerts).toEqual([]);
    }
    // A story that is new by its content still gets through.
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(3, { guid: "session-9-3" }), item(2, { guid: "session-9-2" })] }) });
    expect((await pollOnce(deps())).alerts.map((a) => a.title)).toEqual(["FSA notice 3"]);
  });

  it("alerts the same story under different links in two feeds once", async () => {
    await pollOnce(deps());
    const story = { title: "Japan FSA fines exchange", pubDate: day(9), description: "The FSA fined an exchange." };
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [{ ...story, guid: "fsa-9", link: "https://regulator.example/news/9" }, item(2), item(1)] }) });
    server.set("/news.xml", { body: rss({ title: "News", items: [{ ...story, guid: "mirror-9", link: "https://mirror.example/9" }] }) });
    const report = await pollOnce(deps());
    expect(report.alerts.map((a) => a.title)).toEqual(["Japan FSA fines exchange"]);
    expect((await pollOnce(deps())).alerts).toEqual([]);
  });

  it("one item nested 3,000 elements deep (15 KB) loses its text, not the feed", async () => {
    await pollOnce(deps());
    const nested = `${"<div>".repeat(3000)}Deep text`;
    expect(nested.length).toBeGreaterThan(15_000);
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(4), item(3, { description: nested }), item(2), item(1)] }) });
    const report = await pollOnce(deps());
    expect(report.outcomes.find((o) => o.feed.id === "fsa")?.status).toBe("new");
    expect(report.alerts.map((a) => a.title)).toEqual(["FSA notice 3", "FSA notice 4"]);
    expect(report.alerts[0]?.text.length).toBeLessThan(100);
    expect(report.alerts[1]?.text).toBe("Notice number 4.");
  });

  it("quotes nothing from another service's answer after a redirect, and refuses a redirect to file:", async () => {
    const foreign = await startFeedServer({
      "/login": { body: "SECRET-SESSION-abc123: please sign in", contentType: "text/plain" },
      "/portal": { body: "<?xml version='1.0'?><SECRET-PORTAL-abc123/>", contentType: "application/xml" },
    });
    try {
      server.set("/away.xml", { redirectTo: foreign.url("/login"), status: 302 });
      server.set("/portal.xml", { redirectTo: foreign.url("/portal"), status: 302 });
      server.set("/file.xml", { redirectTo: "file:///etc/passwd", status: 302 });
      feeds = ["away", "portal", "file"].map((id) => ({ id, name: id, url: server.url(`/${id}.xml`), jurisdiction: null }));
      const report = await pollOnce(deps());
      const errors = report.outcomes.map((o) => o.error?.message ?? "");
      const states = await Promise.all(feeds.map((f) => stores.feedState.get(f.id)));
      for (const line of [...logs, ...errors, ...states.map((s) => s?.lastError ?? "")]) expect(line).not.toMatch(/SECRET|abc123|sign in/);
      expect(errors[0]).toMatch(/not a feed.*after a redirect to http:\/\/127\.0\.0\.1:\d+/);
      expect(errors[1]).toMatch(/not a feed.*after a redirect/);
      expect(errors[2]).toBe("redirect to a file: URL refused: only http and https are followed");
    } finally {
      await foreign.close();
    }
  });

  it("records articles that are not about policy without alerting them", async () => {
    await pollOnce(deps());
    server.set("/news.xml", { body: rss({ title: "News", items: [{ title: "Bitcoin price jumps", link: "https://news.example/p", pubDate: day(3) }] }) });
    const report = await pollOnce(deps());
    expect(report.alerts).toEqual([]);
    expect(report.ignored.map((a) => a.title)).toEqual(["Bitcoin price jumps"]);
    expect((await pollOnce(deps())).ignored).toEqual([]);
  });

  it("alerts every new item of a feed configured with alerts: all, under the feed's jurisdiction", async () => {
    feeds[0] = { ...feeds[0]!, alerts: "all" };
    await pollOnce(deps());
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(3, { title: "FSA price statistics for March" }), item(2), item(1)] }) });
    server.set("/news.xml", { body: rss({ title: "News", items: [{ title: "Bitcoin price jumps", link: "https://news.example/p", pubDate: day(3) }] }) });
    const report = await pollOnce(deps());
    expect(report.alerts.map((a) => [a.title, a.policy, a.jurisdictions])).toEqual([["FSA price statistics for March", false, ["JP"]]]);
    // The other feed keeps the default: only policy items.
    expect(report.ignored.map((a) => a.title)).toEqual(["Bitcoin price jumps"]);
  });

  it("alerts only the newest items when a feed changes every id at once", async () => {
    await pollOnce(deps());
    const renamed = Array.from({ length: 30 }, (_, i) => item(100 - i, { guid: `new-${100 - i}` }));
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: renamed }) });
    const report = await pollOnce(deps());
    expect(report.alerts).toHaveLength(10);
    expect(report.alerts.at(-1)?.title).toBe("FSA notice 100");
    expect(report.overflow).toBe(20);
    expect(logs.some((l) => l.includes("30 new items at once"))).toBe(true);
    expect((await pollOnce(deps())).alerts).toEqual([]);
  });

  it("fails loudly when the store fails, and alerts nothing", async () => {
    await pollOnce(deps());
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(3), item(2), item(1)] }) });
    await stores.close();
    await expect(pollOnce(deps())).rejects.toBeInstanceOf(StorageError);
    expect(delivered).toEqual([]);
  });

  it("records a cycle's alerts once, after handing every feed's over; a failed record means the next cycle hands them over again", async () => {
    await pollOnce(deps());
    server.set("/fsa.xml", { body: rss({ title: "FSA", items: [item(3), item(2), item(1)] }) });
    server.set("/news.xml", { body: rss({ title: "News", items: [{ title: "Japan FSA rule", link: "https://news.example/rule", pubDate: day(4) }] }) });
    const handed: string[][] = [];
    const recorded: string[][] = [];
    let refuse = true;
    const cycle = () =>
      pollOnce({
        ...deps(),
        deliver: async (alerts) => void handed.push(alerts.map((a) => a.title)),
        alertLog: {
          record: async (alerts) => {
            recorded.push(alerts.map((a) => a.title));
            if (refuse) throw new StorageError("store refused to record alerts");
            await stores.alerts.record(alerts);
          },
          latest: (limit, filter) => stores.alerts.latest(limit, filter),
        },
      });
    await expect(cycle()).rejects.toBeInstanceOf(StorageError);
    // Both feeds were handed over, then one record for the cycle was tried; nothing was marked seen or printed.
    expect(handed.flat().sort()).toEqual(["FSA notice 3", "Japan FSA rule"]);
    expect(recorded).toHaveLength(1);
    expect(delivered).toEqual([]);
    refuse = false;
    const again = await cycle();
    expect(again.alerts.map((a) => a.title).sort()).toEqual(["FSA notice 3", "Japan FSA rule"]);
    expect(handed.flat().sort()).toEqual(["FSA notice 3", "FSA notice 3", "Japan FSA rule", "Japan FSA rule"]);
    expect(recorded).toHaveLength(2);
    expect((await stores.alerts.latest(10)).map((a) => a.title).sort()).toEqual(["FSA notice 3", "Japan FSA rule"]);
    expect(delivered.map((a) => a.title).sort()).toEqual(["FSA notice 3", "Japan FSA rule"]);
    expect((await cycle()).alerts).toEqual([]);
  });

  it("counts consecutive failures and resets them on success", async () => {
    await pollOnce(deps());
    await pollOnce(deps());
    expect((await stores.feedState.get("broken"))?.consecutiveFailures).toBe(2);
    server.set("/broken.xml", { body: rss({ title: "Back", items: [item(1)] }) });
    await pollOnce(deps());
    expect(await stores.feedState.get("broken")).toMatchObject({ consecutiveFailures: 0, lastItemCount: 1 });
  });
});
