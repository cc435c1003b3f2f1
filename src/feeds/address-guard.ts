import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * The guard for URLs that come from a chat: a URL typed by anyone must not make regwatch fetch its own
 * machine, its network or a cloud metadata service. Operator-configured feeds never pass through here.
 */
export interface AddressPolicy {
  /** Let private, loopback and link-local addresses through (a self-hosted network the operator trusts). */
  allowPrivateAddresses: boolean;
  /** Ports besides 80 and 443 (the scheme's default) that URLs may name. */
  allowedPorts: readonly number[];
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name has; the default asks the system resolver. Tests inject their own. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface AddressGuard extends AddressPolicy {
  resolve: Resolver;
  /**
   * Where the socket goes for a checked address; the checked address itself unless set. Only tests set it,
   * to carry a checked public address to a loopback server (nothing may leave the machine in tests).
   */
  connectVia?: (checked: ResolvedAddress) => ResolvedAddress;
}

/** A URL or address refused, with the one-line reason a user reads. */
export class AddressRefused extends Error {
  override name = "AddressRefused";
}

export const systemResolver: Resolver = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export function addressGuard(policy: AddressPolicy, resolve: Resolver = systemResolver): AddressGuard {
  return { ...policy, resolve };
}

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * The checks that need no network: scheme, credentials, port. The WHATWG parser has already turned
 * `2130706433` and `0177.0.0.1` into `127.0.0.1`, so numeric disguises reach `refusedAddress` plainly.
 */
export function checkUrlShape(raw: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AddressRefused("that is not a URL");
  }
  if (!(url.protocol in DEFAULT_PORTS)) throw new AddressRefused(`${url.protocol} URLs are refused: only http and https`);
  if (url.username || url.password) throw new AddressRefused("URLs with a user name or password are refused");
  if (url.port && url.port !== DEFAULT_PORTS[url.protocol] && !policy.allowedPorts.includes(Number(url.port))) {
    throw new AddressRefused(`port ${url.port} is refused: only the default port of http or https`);
  }
  if (!url.hostname) throw new AddressRefused("the URL names no host");
  return url;
}

/** The host as an IP literal without IPv6 brackets, or undefined for a name. */
function literalOf(hostname: string): string | undefined {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : undefined;
}

/**
 * Checks a URL and every address its host has. Returns the addresses that were checked: the caller
 * connects to one of these and never resolves the name again, so DNS rebinding cannot swap them.
 */
export async function checkUrl(raw: string, guard: AddressGuard): Promise<{ url: URL; addresses: ResolvedAddress[] }> {
  const url = checkUrlShape(raw, guard);
  const literal = literalOf(url.hostname);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: literal, family: isIP(literal) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await guard.resolve(url.hostname);
    } catch {
      throw new AddressRefused(`host not found: ${url.hostname}`);
    }
    if (addresses.length === 0) throw new AddressRefused(`host not found: ${url.hostname}`);
  }
  if (!guard.allowPrivateAddresses) {
    for (const { address } of addresses) {
      const why = refusedAddress(address);
      if (why) {
        const shown = literal ? address : `${url.hostname} resolves to ${address}, which`;
        throw new AddressRefused(`${shown} is ${why}: refused`);
      }
    }
  }
  return { url, addresses };
}

type Range = readonly [network: number[], prefix: number, what: string];

const V4: readonly Range[] = [
  [[0, 0, 0, 0], 8, "an unspecified address"],
  [[10, 0, 0, 0], 8, "a private address"],
  [[100, 64, 0, 0], 10, "a carrier-grade NAT address"],
  [[127, 0, 0, 0], 8, "a loopback address"],
  [[169, 254, 0, 0], 16, "a link-local address (cloud metadata lives there)"],
  [[172, 16, 0, 0], 12, "a private address"],
  [[192, 0, 0, 0], 24, "a protocol-assignment address"],
  [[192, 0, 2, 0], 24, "a documentation address"],
  [[192, 88, 99, 0], 24, "a relay address"],
  [[192, 168, 0, 0], 16, "a private address"],
  [[198, 18, 0, 0], 15, "a benchmarking address"],
  [[198, 51, 100, 0], 24, "a documentation address"],
  [[203, 0, 113, 0], 24, "a documentation address"],
  [[224, 0, 0, 0], 4, "a multicast address"],
  [[240, 0, 0, 0], 4, "a reserved address"],
];

const V6: readonly Range[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 128, "an unspecified address"],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, "a loopback address"],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, "a discard-only address"],
  [[0x20, 0x01, 0x0d, 0xb8], 32, "a documentation address"],
  [[0xfc], 7, "a unique-local (private) address"],
  [[0xfe, 0x80], 10, "a link-local address"],
  [[0xfe, 0xc0], 10, "a site-local (private) address"],
  [[0xff], 8, "a multicast address"],
];

function inRange(bytes: readonly number[], [network, prefix]: Range): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((network[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** Why an IP address may not be fetched from a chat's URL, or undefined for a public address. */
export function refusedAddress(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return V4.find((r) => inRange(ipv4Bytes(address), r))?.[2];
  if (family !== 6) return "not an IP address";
  const bytes = ipv6Bytes(address);
  const embedded = embeddedIpv4(bytes);
  if (embedded) {
    const why = refusedAddress(embedded);
    return why ? `${why} (as ${embedded} inside IPv6)` : undefined;
  }
  return V6.find((r) => inRange(bytes, r))?.[2];
}

function ipv4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

/** Sixteen bytes of an IPv6 address (zone dropped; a dotted quad at the end read as its four bytes). */
export function ipv6Bytes(address: string): number[] {
  let text = address.split("%")[0] ?? "";
  const tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    tail.push(...ipv4Bytes(quad[1] as string));
    text = text.slice(0, -quad[1]!.length);
    text = text.endsWith("::") ? text : text.replace(/:$/, "");
  }
  const [head = "", rest] = text.split("::");
  const groups = (part: string): number[] => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = rest === undefined ? [] : groups(rest);
  const fill = 8 - tail.length / 2 - front.length - back.length;
  const words = [...front, ...Array<number>(rest === undefined ? 0 : fill).fill(0), ...back];
  return [...words.flatMap((w) => [w >> 8, w & 0xff]), ...tail];
}

/** The IPv4 address an IPv6 one carries: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
function embeddedIpv4(bytes: readonly number[]): string | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const quad = (at: number) => bytes.slice(at, at + 4).join(".");
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return quad(12);
  if (zeros(0, 12) && !zeros(12, 14)) return quad(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return quad(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return quad(2);
  return undefined;
}
