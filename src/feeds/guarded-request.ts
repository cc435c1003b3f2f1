import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { checkUrl, type AddressGuard, type ResolvedAddress } from "./address-guard.js";

/**
 * One GET for a chat's URL: the URL and every address of its host are checked first, then the socket
 * connects to a checked address through a `lookup` that answers from that list (no second DNS query a
 * rebinding server could answer differently). Returns a fetch Response, so callers treat both paths alike.
 */
export async function guardedRequest(raw: string, headers: Record<string, string>, signal: AbortSignal, guard: AddressGuard): Promise<Response> {
  // The resolver does not take a signal: the request's timeout must still end a lookup that hangs.
  const { url, addresses } = await new Promise<Awaited<ReturnType<typeof checkUrl>>>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    checkUrl(raw, guard).then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
  const pinned = addresses.map((a) => guard.connectVia?.(a) ?? a);
  const lookup: LookupFunction = (_host, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? pinned.filter((a) => a.family === options.family) : pinned;
    const list = wanted.length > 0 ? wanted : pinned;
    if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = send(url, { method: "GET", headers, signal, lookup, agent: false }, resolve);
    req.on("error", (error) => reject(new Error("fetch failed", { cause: error })));
    req.end();
  });
  const status = response.statusCode ?? 502;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
  }
  if (status === 304 || status === 204 || status < 200 || status > 599) {
    response.resume();
    return new Response(null, { status: status < 200 || status > 599 ? 502 : status, headers: responseHeaders });
  }
  const encoding = (response.headers["content-encoding"] ?? "").toLowerCase().trim();
  const inflate = encoding === "gzip" || encoding === "x-gzip" ? createGunzip() : encoding === "deflate" ? createInflate() : encoding === "br" ? createBrotliDecompress() : undefined;
  let body: Readable = response;
  if (inflate) {
    response.on("error", (error) => inflate.destroy(error));
    body = response.pipe(inflate);
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, statusText: response.statusMessage ?? "", headers: responseHeaders });
}
