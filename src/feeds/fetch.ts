import { FeedError } from "../core/errors.js";
import type { FeedSpec } from "../core/feed.js";
import { AddressRefused, addressGuard, type AddressGuard } from "./address-guard.js";
import { guardedRequest } from "./guarded-request.js";
import { httpGet, type HttpAnswer } from "./http-get.js";

export interface FetchLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** How URLs of untrusted feeds (added from a chat) are checked; the strictest guard when unset. */
  guard?: AddressGuard;
}

const STRICT = addressGuard({ allowPrivateAddresses: false, allowedPorts: [] });

/** Validators from the last successful fetch, sent back for a conditional GET. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { status: "not-modified"; url: string }
  | {
      status: "ok";
      url: string;
      bytes: Uint8Array;
      contentType: string | null;
      validators: Validators;
      /** The origin (`https://host:port`) that answered, when a redirect led away from the feed's own: its body is another service's. */
      foreignOrigin?: string;
    };

const ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a feed: conditional, size-capped while streaming, redirects followed by hand (so they can be
 * counted), and one timeout that covers the whole exchange, body included.
 * Failures are FeedErrors that say, in one line, what went wrong.
 */
export async function fetchFeed(feed: FeedSpec, validators: Validators, limits: FetchLimits): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let url = feed.url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await request(feed, url, validators, limits, controller.signal);
      if (REDIRECTS.has(response.status)) {
        response.discard();
        const location = response.header("location");
        if (!location) throw new FeedError(feed.id, "http-status", `HTTP ${response.status} without a Location header`, { status: response.status });
        if (hop >= limits.maxRedirects) {
          throw new FeedError(feed.id, "too-many-redirects", `more than ${limits.maxRedirects} redirects (last to ${location})`);
        }
        const next = new URL(location, url);
        if (next.protocol !== "http:" && next.protocol !== "https:") {
          throw new FeedError(feed.id, "http-status", `redirect to a ${next.protocol} URL refused: only http and https are followed`, { status: response.status });
        }
        url = next.toString();
        continue;
      }
      if (response.status === 304) {
        response.discard();
        return { status: "not-modified", url };
      }
      if (response.status < 200 || response.status > 299) {
        response.discard();
        // A reason phrase is the server's own text: quoted only from the feed's own origin.
        const own = new URL(url).origin === new URL(feed.url).origin;
        const reason = response.statusText && own ? ` ${response.statusText}` : "";
        throw new FeedError(feed.id, "http-status", `HTTP ${response.status}${reason}`, { status: response.status });
      }
      const bytes = await readCapped(feed.id, response, limits.maxBodyBytes);
      const next: Validators = {};
      const etag = response.header("etag");
      const lastModified = response.header("last-modified");
      if (etag) next.etag = etag;
      if (lastModified) next.lastModified = lastModified;
      const origin = new URL(url).origin;
      const result: FetchResult = { status: "ok", url, bytes, contentType: response.header("content-type"), validators: next };
      if (origin !== new URL(feed.url).origin) result.foreignOrigin = origin;
      return result;
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (error instanceof AddressRefused) throw new FeedError(feed.id, "refused", error.message);
    if (controller.signal.aborted) {
      throw new FeedError(feed.id, "timeout", `no complete answer within ${limits.timeoutMs / 1000} s`, { cause: error });
    }
    throw networkError(feed.id, error);
  } finally {
    clearTimeout(timer);
  }
}

async function request(feed: FeedSpec, url: string, validators: Validators, limits: FetchLimits, signal: AbortSignal): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    "user-agent": feed.userAgent ?? limits.userAgent,
    accept: ACCEPT,
    // Decompressed as they arrive; the size cap applies to the decompressed bytes.
    "accept-encoding": "gzip, deflate, br",
  };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  // A chat's feed goes through the guard on every hop, redirects included.
  if (feed.untrusted) return guardedRequest(url, headers, signal, limits.guard ?? STRICT);
  const target = new URL(url);
  // What fetch refused before sending anything, refused the same way, but without quoting the URL: its password is a secret.
  if (target.username || target.password) throw new TypeError("Request cannot be constructed from a URL that includes credentials");
  if (BAD_PORTS.has(target.port)) throw new Error("fetch failed", { cause: new Error("bad port") });
  // The headers fetch added to every request, so servers see what they saw from it.
  headers["accept-language"] = "*";
  headers["sec-fetch-mode"] = "cors";
  if (validators.etag || validators.lastModified) {
    headers.pragma = "no-cache";
    headers["cache-control"] = "no-cache";
  }
  return httpGet(target, headers, signal);
}

/** Ports fetch never connects to (the Fetch standard's "bad ports"). */
const BAD_PORTS = new Set(
  [
    1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119,
    123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990,
    993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
  ].map(String),
);

async function readCapped(feedId: string, response: HttpAnswer, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.header("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes && !response.header("content-encoding")) {
    response.discard();
    throw new FeedError(feedId, "too-large", `body of ${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    const value = chunk as Uint8Array;
    total += value.byteLength;
    if (total > maxBytes) {
      response.discard();
      throw new FeedError(feedId, "too-large", `body is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: "host not found:",
  EAI_AGAIN: "DNS lookup failed for",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_SOCKET: "connection closed by the server",
};

/** fetch() reports every network problem as "fetch failed"; the cause's code says which. */
function networkError(feedId: string, error: unknown): FeedError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? "";
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/i.test(code) || /certificate|ssl|tls/i.test(cause?.message ?? "")) {
    return new FeedError(feedId, "tls", `TLS error (${code || cause?.message || "handshake failed"})`, { cause: error });
  }
  const host = (cause as { hostname?: string } | undefined)?.hostname;
  const plain = NETWORK_CODES[code];
  const detail = plain ? `${plain}${host ? ` ${host}` : ""} (${code})` : code || cause?.message || (error as Error)?.message || "unknown error";
  return new FeedError(feedId, "network", `network error: ${detail}`, { cause: error });
}
