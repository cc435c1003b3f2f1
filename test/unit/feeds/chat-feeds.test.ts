import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import type { Alert } from "../../../src/core/article.js";
import type { UserFeed } from "../../../src/core/user-feed.js";
import { addressGuard } from "../../../src/feeds/address-guard.js";
import { advertisedFeeds } from "../../../src/feeds/discover.js";
import { fetchFeed } from "../../../src/feeds/fetch.js";
import { pauseFailing, routeUserAlerts, userFeedSpecs } from "../../../src/feeds/user-feed-cycle.js";
import { KeyvFeedStateStore } from "../../../src/storage/feed-state.js";
import { KeyvUserFeedStore } from "../../../src/storage/user-feeds.js";
import { FeedError } from "../../../src/core/errors.js";

const group = { platform: "telegram" as const, chatId: "-100" };
const person = { platform: "telegram" as const, chatId: "42" };
const feed = (over: Partial<UserFeed> = {}): UserFeed => ({
  id: "user-00000001",
  url: "https://regulator.example/rss",
  title: "Regulator",
  createdAt: "2026-11-01T00:00:00.000Z",
  followers: [
    { target: group, jurisdiction: "SG", alerts: "policy", addedBy: "1", addedAt: "2026-11-01T00:00:00.000Z" },
    { target: person, jurisdiction: null, alerts: "all", addedBy: "2", addedAt: "2026-11-02T00:00:00.000Z" },
  ],
  ...over,
});
const alert = (policy: boolean): Alert => ({ id: `a-${policy}`, feedId: "user-00000001", url: null, title: "t", text: "", published: null, categories: [], language: null, policy, jurisdictions: [], topics: [], summary: "", figures: [], feedName: "Regulator" });

describe("feed discovery", () => {
  it("finds RSS and Atom links a page advertises, absolute, entities decoded, in order, and nothing else", () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <LINK REL="Alternate" TYPE="application/rss+xml" HREF="feeds/news.xml?lang=en&amp;n=20">
      <link type='application/atom+xml' rel='alternate feed' href='https://other.example/atom'>
      <link rel="alternate" type="application/rss+xml" href="feeds/news.xml?lang=en&amp;n=20">
    </head></html>`;
    expect(advertisedFeeds(html, "https://regulator.example/en/page.html")).toEqual(["https://regulator.example/en/feeds/news.xml?lang=en&n=20", "https://other.example/atom"]);
    expect(advertisedFeeds("<html><head><title>none</title></head></html>", "https://x.example/")).toEqual([]);
  });
});

describe("the chat-feed cycle", () => {
  it("polls a feed once for all its followers, handing over every item when one follower wants all", () => {
    expect(userFeedSpecs([feed()])).toEqual([{ id: "user-00000001", name: "Regulator", url: "https://regulator.example/rss", jurisdiction: "SG", untrusted: true, alerts: "all" }]);
    expect(userFeedSpecs([feed({ pausedAt: "2026-11-03T00:00:00.000Z" })])).toEqual([]);
  });

  it("routes policy items to every follower and the rest only to `all` followers", () => {
    const byId = new Map([["user-00000001", feed()]]);
    expect(routeUserAlerts([alert(true), alert(false)], byId).map((r) => [r.alert.policy, r.targets])).toEqual([
      [true, [group, person]],
      [false, [person]],
    ]);
  });

  it("pauses a feed at the threshold, once", async () => {
    const keyv = new Keyv();
    const store = new KeyvUserFeedStore(keyv);
    const feedState = new KeyvFeedStateStore(keyv);
    await store.put(feed());
    await feedState.set("user-00000001", { consecutiveFailures: 3, lastError: "HTTP 500" });
    const logger = { info: () => {}, warn: () => {}, error: () => {} };
    const failed = [{ feed: userFeedSpecs([feed()])[0]!, status: "failed" as const, items: 0, error: new FeedError("user-00000001", "http-status", "HTTP 500") }];
    const deps = { store, feedState, threshold: 3, logger, now: new Date("2026-11-05T00:00:00.000Z") };
    const paused = await pauseFailing(failed, deps);
    expect(paused.map((p) => p.reason)).toEqual(["3 failures in a row, the last: HTTP 500"]);
    expect((await store.get("user-00000001"))?.pausedAt).toBe("2026-11-05T00:00:00.000Z");
    expect(await pauseFailing(failed, deps)).toEqual([]);
    expect(await pauseFailing(failed, { ...deps, threshold: 4 })).toEqual([]);
  });
});

describe("the guard's timeout", () => {
  it("ends a lookup that never answers within the request's time", async () => {
    const hanging = addressGuard({ allowPrivateAddresses: false, allowedPorts: [] }, () => new Promise(() => {}));
    const error = await fetchFeed({ id: "u", name: "U", url: "http://slow-dns.example/", jurisdiction: null, untrusted: true }, {}, { timeoutMs: 200, maxBodyBytes: 1000, maxRedirects: 1, userAgent: "t", guard: hanging }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).kind).toBe("timeout");
  });
});
