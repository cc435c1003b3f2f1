import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedError } from "../../../src/core/errors.js";
import { fetchFeed, type FetchLimits } from "../../../src/feeds/fetch.js";
import { startFeedServer, type FeedServer } from "../../support/feed-server.js";

const limits: FetchLimits = { timeoutMs: 2_000, maxBodyBytes: 100_000, maxRedirects: 5, userAgent: "regwatch-test (ops@example.com)" };
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`;
let server: FeedServer;
const feed = (path: string, userAgent?: string) => ({ id: "f", name: "F", url: server.url(path), jurisdiction: null, ...(userAgent ? { userAgent } : {}) });

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

beforeAll(async () => {
  server = await startFeedServer({
    "/ok": { body: RSS, contentType: "application/rss+xml", headers: { "last-modified": "Wed, 25 Nov 2026 10:00:00 GMT" } },
    "/etag": { body: RSS, etag: '"v1"' },
    "/gzip": { body: RSS, gzip: true },
    "/slow": { body: RSS, delayMs: 5_000 },
    "/huge": { streamBytes: 1_000_000 },
    "/big-declared": { body: "x".repeat(200_000) },
    "/500": { status: 500, body: "oops" },
    "/403": { status: 403, body: "no" },
  });
  for (let i = 0; i < 7; i++) server.set(`/hop${i}`, { redirectTo: i === 6 ? "/ok" : `/hop${i + 1}`, status: 301 });
  server.set("/relative-redirect", { redirectTo: "ok", status: 302 });
});
afterAll(() => server.close());

describe("fetchFeed", () => {
  it("returns the bytes, content type and validators, and declares its User-Agent", async () => {
    const result = await fetchFeed(feed("/ok"), {}, limits);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(new TextDecoder().decode(result.bytes)).toBe(RSS);
    expect(result.contentType).toBe("application/rss+xml");
    expect(result.validators.lastModified).toBe("Wed, 25 Nov 2026 10:00:00 GMT");
    const request = server.requests.findLast((r) => r.path === "/ok");
    expect(request?.headers["user-agent"]).toBe(limits.userAgent);
    expect(request?.headers["accept-encoding"]).toContain("gzip");
  });

  it("uses a feed's own User-Agent when it has one", async () => {
    await fetchFeed(feed("/ok", "Special agent@example.com"), {}, limits);
    expect(server.requests.findLast((r) => r.path === "/ok")?.headers["user-agent"]).toBe("Special agent@example.com");
  });

  it("sends the stored ETag and Last-Modified, and a 304 is not-modified", async () => {
    const first = await fetchFeed(feed("/etag"), {}, limits);
    expect(first.status === "ok" && first.validators.etag).toBe('"v1"');
    const second = await fetchFeed(feed("/etag"), { etag: '"v1"', lastModified: "Tue, 24 Nov 2026 00:00:00 GMT" }, limits);
    expect(second.status).toBe("not-modified");
    const headers = server.requests.findLast((r) => r.path === "/etag")?.headers;
    expect(headers?.["if-none-match"]).toBe('"v1"');
    expect(headers?.["if-modified-since"]).toBe("Tue, 24 Nov 2026 00:00:00 GMT");
  });

  it("decompresses gzip", async () => {
    const result = await fetchFeed(feed("/gzip"), {}, limits);
    expect(result.status === "ok" && new TextDecoder().decode(result.bytes)).toBe(RSS);
  });

  it("aborts a slow server at the timeout", async () => {
    const started = Date.now();
    const error = await failure(fetchFeed(feed("/slow"), {}, { ...limits, timeoutMs: 300 }));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("stops reading a body over the size limit, counted while streaming", async () => {
    const error = await failure(fetchFeed(feed("/huge"), {}, limits));
    expect(error.kind).toBe("too-large");
    expect((await failure(fetchFeed(feed("/big-declared"), {}, limits))).kind).toBe("too-large");
  });

  it("follows up to the redirect limit, and refuses one more", async () => {
    const ok = await fetchFeed(feed("/hop2"), {}, limits); // 5 hops: hop2..hop6 -> ok
    expect(ok.status === "ok" && ok.url).toBe(server.url("/ok"));
    const error = await failure(fetchFeed(feed("/hop0"), {}, limits)); // 7 hops
    expect(error.kind).toBe("too-many-redirects");
    const relative = await fetchFeed(feed("/relative-redirect"), {}, limits);
    expect(relative.status).toBe("ok");
  });

  it("reports HTTP errors with their status", async () => {
    const error = await failure(fetchFeed(feed("/500"), {}, limits));
    expect(error.kind).toBe("http-status");
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/^HTTP 500/);
    expect((await failure(fetchFeed(feed("/403"), {}, limits))).status).toBe(403);
  });

  it("names network and TLS failures", async () => {
    const gone = await startFeedServer();
    const deadUrl = gone.url("/feed");
    await gone.close();
    const closed = await failure(fetchFeed({ id: "x", name: "x", url: deadUrl, jurisdiction: null }, {}, limits));
    expect(closed.kind).toBe("network");
    expect(closed.message).toBe("network error: connection refused (ECONNREFUSED)");
    // TLS spoken to a plain HTTP server fails the handshake.
    const tls = await failure(fetchFeed({ id: "x", name: "x", url: server.url("/ok").replace("http:", "https:"), jurisdiction: null }, {}, limits));
    expect(tls.kind).toBe("tls");
  });
});
