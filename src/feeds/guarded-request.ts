import type { LookupFunction } from "node:net";
import { checkUrl, type AddressGuard, type ResolvedAddress } from "./address-guard.js";
import { httpGet, type HttpAnswer } from "./http-get.js";

/**
 * One GET for a chat's URL: the URL and every address of its host are checked first, then the socket
 * connects to a checked address through a `lookup` that answers from that list (no second DNS query a
 * rebinding server could answer differently). Answers as the feeds' own GET does, so callers treat both paths alike.
 */
export async function guardedRequest(raw: string, headers: Record<string, string>, signal: AbortSignal, guard: AddressGuard): Promise<HttpAnswer> {
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
  return httpGet(url, headers, signal, { lookup, ownConnection: true });
}
