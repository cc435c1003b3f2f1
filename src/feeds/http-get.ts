import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { pipeline, Transform, type Readable, type TransformCallback } from "node:stream";
import * as zlib from "node:zlib";

/** What `fetchFeed` reads of an answer. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  /** A header's value (name in lower case), repeated headers joined by ", " as fetch joins them; null when absent. */
  header(name: string): string | null;
  /** The body, decoded as its Content-Encoding says (gzip, deflate, br); null when the status has none. */
  body: Readable | null;
  /** Drops what is left of the body. */
  discard(): void;
}

export interface GetOptions {
  /** Where the socket connects (the address guard's pinned addresses); the system resolver when unset. */
  lookup?: LookupFunction;
  /** A connection of its own instead of one kept alive for the host. */
  ownConnection?: boolean;
}

/**
 * One GET over node:http(s), answering what `fetch` answered with `redirect: "manual"` for a feed: the same
 * decoding of the body, the same failures ("fetch failed" with the socket's error as its cause), at a
 * fraction of fetch's cost in CPU (a poll makes one request per feed). Redirects are the caller's.
 */
export function httpGet(url: URL, headers: Record<string, string>, signal: AbortSignal, options: GetOptions = {}): Promise<HttpAnswer> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const agent = options.ownConnection ? { agent: false as const } : {};
    const lookup = options.lookup ? { lookup: options.lookup } : {};
    const req = send(url, { method: "GET", headers, signal, ...agent, ...lookup }, (response) => {
      try {
        resolve(answerOf(response));
      } catch (error) {
        response.destroy();
        reject(error);
      }
    });
    req.on("error", (error) => reject(new Error("fetch failed", { cause: error })));
    req.end();
  });
}

/** Statuses whose answer has no body, as fetch treats them. */
const NULL_BODY = new Set([101, 204, 205, 304]);
/** More codings than this is a hostile answer (fetch's own limit). */
const MAX_CODINGS = 5;

function answerOf(response: IncomingMessage): HttpAnswer {
  const raw = response.statusCode ?? 502;
  const status = raw < 200 || raw > 599 ? 502 : raw;
  const headers = response.headersDistinct;
  const header = (name: string): string | null => headers[name]?.join(", ") ?? null;
  const discard = () => void response.resume();
  if (NULL_BODY.has(raw) || raw < 200 || raw > 599) {
    discard();
    return { status, statusText: response.statusMessage ?? "", header, body: null, discard };
  }
  const decoders = decodersFor(header("content-encoding"));
  let body: Readable = response;
  if (decoders.length > 0) {
    // A failing decoder fails the read: pipeline hands its error to the last stream.
    body = pipeline([response, ...decoders], () => {}) as unknown as Readable;
  }
  return {
    status,
    statusText: response.statusMessage ?? "",
    header,
    body,
    discard: () => {
      response.resume();
      if (body !== response) body.destroy();
    },
  };
}

/** fetch's decoders for a Content-Encoding list, last applied first; none when one coding is unknown. */
function decodersFor(encoding: string | null): Transform[] {
  const codings = encoding ? encoding.toLowerCase().split(",") : [];
  if (codings.length > MAX_CODINGS) throw new Error(`too many content-encodings in response: ${codings.length}, maximum allowed is ${MAX_CODINGS}`);
  const decoders: Transform[] = [];
  for (let i = codings.length - 1; i >= 0; --i) {
    const coding = codings[i]!.trim();
    // Lenient flushing, as fetch (and cURL) decode: a body cut short keeps what arrived.
    if (coding === "gzip" || coding === "x-gzip") decoders.push(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    else if (coding === "deflate") decoders.push(new Inflate());
    else if (coding === "br") decoders.push(zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }));
    else return [];
  }
  return decoders;
}

/** "deflate" as servers send it: zlib-wrapped, or raw deflate (told apart by the first byte, as fetch does). */
class Inflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      if (chunk.length === 0) return callback();
      const options = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
      this.inner = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
      this.inner.on("data", (data: Buffer) => this.push(data));
      this.inner.on("error", (error) => this.destroy(error));
      this.inner.on("end", () => this.push(null));
    }
    this.inner.write(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.inner) this.inner.end();
    else this.push(null);
    callback();
  }
}
