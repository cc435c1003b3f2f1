import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedError } from "../../../src/core/errors.js";
import { fetchFeed } from "../../../src/feeds/fetch.js";
import { httpGet } from "../../../src/feeds/http-get.js";

// The feeds' GET answers what fetch answered before it: the same bytes under every Content-Encoding, the same
// joined headers, the same status. Each case is asked of both, over a real server.
const BODY = Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\u00e9 ${"x".repeat(5000)}</title></channel></rss>`);
const gzipped = gzipSync(BODY);

interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

const answers: Record<string, Answer> = {
  "/plain": { status: 200, headers: [], body: BODY },
  "/gzip": { status: 200, headers: [["content-encoding", "gzip"]], body: gzipped },
  "/x-gzip": { status: 200, headers: [["content-encoding", "x-gzip"]], body: gzipped },
  "/upper": { status: 200, headers: [["content-encoding", " GZIP "]], body: gzipped },
  "/deflate": { status: 200, headers: [["content-encoding", "deflate"]], body: deflateSync(BODY) },
  "/deflate-raw": { status: 200, headers: [["content-encoding", "deflate"]], body: deflateRawSync(BODY) },
  "/br": { status: 200, headers: [["content-encoding", "br"]], body: brotliCompressSync(BODY) },
  "/gzip-then-br": { status: 200, headers: [["content-encoding", "gzip, br"]], body: brotliCompressSync(gzipped) },
  "/unknown": { status: 200, headers: [["content-encoding", "compress"]], body: gzipped },
  "/truncated-gzip": { status: 200, headers: [["content-encoding", "gzip"]], body: gzipped.subarray(0, gzipped.length - 30) },
  "/twice": { status: 200, headers: [["x-note", "one"], ["x-note", "two"], ["content-type", "application/rss+xml"]], body: BODY },
  "/created": { status: 201, headers: [], body: BODY },
  "/gone": { status: 410, headers: [], body: Buffer.from("gone") },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers[req.url ?? ""];
    if (!answer) return void res.writeHead(404).end();
    res.statusCode = answer.status;
    const grouped = new Map<string, string[]>();
    for (const [name, value] of answer.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    for (const [name, values] of grouped) res.setHeader(name, values);
    res.setHeader("content-length", answer.body.length);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function viaFetch(path: string): Promise<{ status: number; statusText: string; note: string | null; body: string }> {
  const response = await fetch(base + path, { redirect: "manual" });
  const body = await response.arrayBuffer().then(
    (bytes) => Buffer.from(bytes).toString("base64"),
    (error: unknown) => `failed: ${(error as Error).name}`,
  );
  return { status: response.status, statusText: response.statusText, note: response.headers.get("x-note"), body };
}

async function viaGet(path: string): Promise<{ status: number; statusText: string; note: string | null; body: string }> {
  const answer = await httpGet(new URL(base + path), {}, new AbortController().signal);
  const chunks: Buffer[] = [];
  let body: string;
  try {
    for await (const chunk of answer.body ?? []) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks).toString("base64");
  } catch (error) {
    body = `failed: ${(error as Error).name}`;
  }
  return { status: answer.status, statusText: answer.statusText, note: answer.header("x-note"), body };
}

describe("httpGet", () => {
  it.each(Object.keys(answers))("answers %s as fetch does", async (path) => {
    const [expected, actual] = await Promise.all([viaFetch(path), viaGet(path)]);
    expect(actual).toEqual(expected);
  });

  it("decodes every coding it is sent to the original bytes", async () => {
    for (const path of ["/gzip", "/x-gzip", "/upper", "/deflate", "/deflate-raw", "/br", "/gzip-then-br"]) {
      expect(Buffer.from((await viaGet(path)).body, "base64").equals(BODY), path).toBe(true);
    }
  });
});

describe("fetchFeed refuses what fetch refused", () => {
  const limits = { timeoutMs: 2_000, maxBodyBytes: 100_000, maxRedirects: 5, userAgent: "regwatch-test" };
  const failure = async (url: string): Promise<FeedError> => {
    const error = await fetchFeed({ id: "f", name: "F", url, jurisdiction: null }, {}, limits).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  };

  it("a bad port, without connecting", async () => {
    const error = await failure("http://127.0.0.1:6000/feed");
    expect(error.kind).toBe("network");
    expect(error.message).toBe("network error: bad port");
  });

  it("a URL with credentials", async () => {
    const error = await failure(`${base.replace("http://", "http://user:secret@")}/plain`);
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/^network error: Request cannot be constructed from a URL that includes credentials/);
    expect(error.message).not.toContain("secret");
  });
});
