import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** What one path answers. Bodies are bytes, so encodings are served exactly as written. */
export interface Route {
  body?: Uint8Array | string;
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  /** Sent with the body; a request with a matching If-None-Match gets 304. */
  etag?: string;
  gzip?: boolean;
  /** Milliseconds before the answer starts. */
  delayMs?: number;
  /** Stream this many bytes of filler instead of a body (a huge feed), without Content-Length. */
  streamBytes?: number;
  redirectTo?: string;
}

export interface FeedServer {
  url(path: string): string;
  set(path: string, route: Route): void;
  /** Requests seen, in order, with their headers. */
  requests: Array<{ path: string; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 serving scripted feeds, for tests and benchmarks. */
export async function startFeedServer(routes: Record<string, Route> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: FeedServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, headers: req.headers });
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const answer = () => respond(route, req, res);
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, route) => table.set(path, route),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(route: Route, req: IncomingMessage, res: ServerResponse): void {
  if (res.destroyed) return;
  if (route.redirectTo) {
    res.writeHead(route.status ?? 302, { location: route.redirectTo }).end();
    return;
  }
  const headers: Record<string, string> = { ...(route.headers ?? {}) };
  if (route.contentType) headers["content-type"] = route.contentType;
  if (route.etag) {
    headers.etag = route.etag;
    if (req.headers["if-none-match"] === route.etag) {
      res.writeHead(304, headers).end();
      return;
    }
  }
  if (route.streamBytes !== undefined) {
    res.writeHead(route.status ?? 200, headers);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = route.streamBytes;
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!res.write(piece)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    res.on("error", () => {});
    pump();
    return;
  }
  let body = typeof route.body === "string" ? Buffer.from(route.body, "utf8") : Buffer.from(route.body ?? new Uint8Array());
  if (route.gzip) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  res.writeHead(route.status ?? 200, headers).end(body);
}
