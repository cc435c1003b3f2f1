import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressGuard, refusedAddress, type ResolvedAddress } from "../../../src/feeds/address-guard.js";
import { FeedError } from "../../../src/core/errors.js";
import { fetchFeed, type FetchLimits } from "../../../src/feeds/fetch.js";
import { startFeedServer, type FeedServer } from "../../support/feed-server.js";
import { rss } from "../../support/rss.js";

// URLs from a chat pass the guard; the names here resolve through an injected table, so nothing leaves
// the machine. "public.example" resolves to a public address and the test carries that checked address to
// the loopback feed server (the only place a test may connect to).
const PUBLIC = "93.184.216.34";
const names: Record<string, ResolvedAddress[]> = {
  "public.example": [{ address: PUBLIC, family: 4 }],
  "localhost": [{ address: "127.0.0.1", family: 4 }, { address: "::1", family: 6 }],
  "sneaky.example": [{ address: PUBLIC, family: 4 }, { address: "10.1.2.3", family: 4 }],
  "rebind.example": [{ address: "169.254.169.254", family: 4 }],
};
const lookups: string[] = [];
let server: FeedServer;
let port: number;

const guard = (allowPrivateAddresses = false) =>
  ({
    ...addressGuard({ allowPrivateAddresses, allowedPorts: [port] }, async (host) => {
      lookups.push(host);
      const found = names[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      return found;
    }),
    connectVia: (checked: ResolvedAddress): ResolvedAddress => (checked.address === PUBLIC ? { address: "127.0.0.1", family: 4 } : checked),
  });

const limits = (allowPrivate = false): FetchLimits => ({ timeoutMs: 3_000, maxBodyBytes: 100_000, maxRedirects: 5, userAgent: "regwatch-test", guard: guard(allowPrivate) });
const chatFeed = (url: string) => ({ id: "u", name: "U", url, jurisdiction: null, untrusted: true });

async function refusal(url: string, allowPrivate = false): Promise<string> {
  const error = await fetchFeed(chatFeed(url), {}, limits(allowPrivate)).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FeedError);
  expect((error as FeedError).kind).toBe("refused");
  return (error as FeedError).message;
}

beforeAll(async () => {
  server = await startFeedServer({
    "/feed.xml": { body: rss({ title: "Public regulator", items: [{ title: "Rule 1", link: "https://public.example/1" }] }) },
    "/gzip.xml": { body: rss({ title: "Compressed", items: [] }), gzip: true },
  });
  port = Number(new URL(server.url("/")).port);
  server.set("/to-loopback", { redirectTo: `http://127.0.0.1:${port}/feed.xml` });
  server.set("/to-metadata", { redirectTo: "http://169.254.169.254/latest/meta-data/" });
  server.set("/to-private-name", { redirectTo: `http://sneaky.example:${port}/feed.xml`, status: 301 });
  server.set("/to-public", { redirectTo: `http://public.example:${port}/feed.xml`, status: 308 });
});
afterAll(() => server.close());

describe("the address guard on chat URLs", () => {
  it.each([
    ["http://127.0.0.1/feed", "127.0.0.1 is a loopback address: refused"],
    ["http://localhost/feed", "localhost resolves to 127.0.0.1, which is a loopback address: refused"],
    ["http://10.0.0.1/feed", "10.0.0.1 is a private address: refused"],
    ["http://192.168.1.1/feed", "192.168.1.1 is a private address: refused"],
    ["http://172.20.0.1/feed", "172.20.0.1 is a private address: refused"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address (cloud metadata lives there): refused"],
    ["http://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address: refused"],
    ["http://224.0.0.1/", "224.0.0.1 is a multicast address: refused"],
    ["http://[::1]/feed", "::1 is a loopback address: refused"],
    ["http://[fd00::1]/feed", "fd00::1 is a unique-local (private) address: refused"],
    ["http://[fe80::1]/feed", "fe80::1 is a link-local address: refused"],
    ["http://[ff02::1]/feed", "ff02::1 is a multicast address: refused"],
    ["http://[::]/feed", ":: is an unspecified address: refused"],
    ["http://[::ffff:127.0.0.1]/feed", "::ffff:7f00:1 is a loopback address (as 127.0.0.1 inside IPv6): refused"],
    ["http://[::ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe is a link-local address (cloud metadata lives there) (as 169.254.169.254 inside IPv6): refused"],
    ["http://[64:ff9b::a00:1]/", "64:ff9b::a00:1 is a private address (as 10.0.0.1 inside IPv6): refused"],
    ["http://0.0.0.0/feed", "0.0.0.0 is an unspecified address: refused"],
    ["http://2130706433/feed", "127.0.0.1 is a loopback address: refused"],
    ["http://0177.0.0.1/feed", "127.0.0.1 is a loopback address: refused"],
    ["http://0x7f.1/feed", "127.0.0.1 is a loopback address: refused"],
    ["http://rebind.example/feed", "rebind.example resolves to 169.254.169.254, which is a link-local address (cloud metadata lives there): refused"],
    ["http://sneaky.example/feed", "sneaky.example resolves to 10.1.2.3, which is a private address: refused"],
    ["file:///etc/passwd", "file: URLs are refused: only http and https"],
    ["ftp://public.example/feed.xml", "ftp: URLs are refused: only http and https"],
    ["gopher://public.example:70/1", "gopher: URLs are refused: only http and https"],
    ["http://user:secret@public.example/feed", "URLs with a user name or password are refused"],
    ["http://public.example:8080/feed", "port 8080 is refused: only the default port of http or https"],
    ["http://unknown.example/feed", "host not found: unknown.example"],
  ])("refuses %s: %s", async (url, reason) => {
    expect(await refusal(url)).toBe(reason);
  });

  it("re-checks every redirect: a public name that redirects to a private address is refused at the hop", async () => {
    expect(await refusal(`http://public.example:${port}/to-loopback`)).toBe("127.0.0.1 is a loopback address: refused");
    expect(await refusal(`http://public.example:${port}/to-metadata`)).toBe("169.254.169.254 is a link-local address (cloud metadata lives there): refused");
    expect(await refusal(`http://public.example:${port}/to-private-name`)).toBe("sneaky.example resolves to 10.1.2.3, which is a private address: refused");
    // Nothing was fetched from the private targets: the only requests are the redirecting ones.
    expect(server.requests.filter((r) => r.path === "/feed.xml")).toHaveLength(0);
  });

  it("fetches a public name through the address it checked, resolving it once per hop, decompressing as fetch would", async () => {
    lookups.length = 0;
    const result = await fetchFeed(chatFeed(`http://public.example:${port}/to-public`), {}, limits());
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(new TextDecoder().decode(result.bytes)).toContain("Public regulator");
    expect(lookups).toEqual(["public.example", "public.example"]);
    const zipped = await fetchFeed(chatFeed(`http://public.example:${port}/gzip.xml`), {}, limits());
    expect(zipped.status === "ok" && new TextDecoder().decode(zipped.bytes)).toContain("Compressed");
  });

  it("lets private addresses through only when the operator allows them", async () => {
    expect(await refusal(server.url("/feed.xml"))).toBe("127.0.0.1 is a loopback address: refused");
    const result = await fetchFeed(chatFeed(server.url("/feed.xml")), {}, limits(true));
    expect(result.status).toBe("ok");
    // The scheme and credential rules hold even then.
    expect(await refusal("file:///etc/passwd", true)).toBe("file: URLs are refused: only http and https");
  });

  it("leaves operator-configured feeds as they are (trusted)", async () => {
    const result = await fetchFeed({ id: "c", name: "C", url: server.url("/feed.xml"), jurisdiction: null }, {}, limits());
    expect(result.status).toBe("ok");
  });

  it("classifies addresses: public ones pass", () => {
    expect(refusedAddress("93.184.216.34")).toBeUndefined();
    expect(refusedAddress("2606:2800:220:1:248:1893:25c8:1946")).toBeUndefined();
    expect(refusedAddress("::ffff:93.184.216.34")).toBeUndefined();
    expect(refusedAddress("172.32.0.1")).toBeUndefined();
    expect(refusedAddress("2002:0a00:0001::1")).toBe("a private address (as 10.0.0.1 inside IPv6)");
    expect(refusedAddress("fec0::1")).toBe("a site-local (private) address");
  });
});
