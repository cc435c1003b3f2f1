import { FeedError } from "../core/errors.js";
import type { FeedSpec } from "../core/feed.js";
import { AddressRefused, addressGuard, type AddressGuard } from "./address-guard.js";
import { guardedRequest } from "./guarded-request.js";

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
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get("location");
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
        await response.body?.cancel().catch(() => {});
        return { status: "not-modified", url };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        // A reason phrase is the server's own text: quoted only from the feed's own origin.
        const own = new URL(url).origin === new URL(feed.url).origin;
        const reason = response.statusText && own ? ` ${response.statusText}` : "";
        throw new FeedError(feed.id, "http-status", `HTTP ${response.status}${reason}`, { status: response.status });
      }
      const bytes = await readCapped(feed.id, response, limits.maxBodyBytes);
      const next: Validators = {};
      const etag = response.headers.get("etag");
      const lastModified = response.headers.get("last-modified");
      if (etag) next.etag = etag;
      if (lastModified) next.lastModified = lastModified;
      const origin = new URL(url).origin;
      const result: FetchResult = { status: "ok", url, bytes, contentType: response.headers.get("content-type"), validators: next };
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

async function request(feed: FeedSpec, url: string, validators: Validators, limits: FetchLimits, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = {
    "user-agent": feed.userAgent ?? limits.userAgent,
    accept: ACCEPT,
    // fetch decompresses these itself; the size cap applies to the decompressed bytes.
    "accept-encoding": "gzip, deflate, br",
  };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  // A chat's feed goes through the guard on every hop, redirects included.
  if (feed.untrusted) return guardedRequest(url, headers, signal, limits.guard ?? STRICT);
  return fetch(url, { headers, redirect: "manual", signal });
}

async function readCapped(feedId: string, response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.get("content-encoding")) {
    await response.body?.cancel().catch(() => {});
    throw new FeedError(feedId, "too-large", `body of ${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
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
