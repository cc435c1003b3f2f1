import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../../src/feeds/identity.js";

/** canonicalUrl as first written: the fragment and the query always set again, whatever they held. */
function reference(url: string, base?: string): string | null {
  const trimmed = url.trim();
  if (trimmed === "") return null;
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  parsed.hash = "";
  if (parsed.search !== "") {
    const kept = parsed.search
      .slice(1)
      .split("&")
      .filter((pair) => pair !== "" && !isTracking(safeDecode(pair.split("=", 1)[0] ?? "")));
    parsed.search = kept.length > 0 ? `?${kept.join("&")}` : "";
  }
  return parsed.href;
}
const TRACKING = new Set(["fbclid", "gclid", "ref", "ref_src", "mc_cid", "igshid"]);
const isTracking = (name: string) => name.toLowerCase().startsWith("utm_") || TRACKING.has(name.toLowerCase());
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

// Pieces that exercise the parser's escaping and the filter: separators, escapes, spaces, non-ASCII, tracking names.
const piece = fc.constantFrom(
  "a", "Z", "0", "9", "-", ".", "_", "~", "/", "?", "#", "&", "=", "%", "%2", "%20", "%zz", "%E2%82%AC", " ", "\t", "+", "'", '"', "<", ">",
  "`", "{", "}", "|", "\\", "^", "[", "]", "@", ":", ";", ",", "!", "$", "(", ")", "*", "é", "€", "日", "\u200b", "\ud83d\ude00",
  "utm_source", "UTM_Medium", "ref", "fbclid", "gclid", "id", "page", "..", "//",
);
const tail = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(""));
const origin = fc.constantFrom(
  "http://example.org", "https://Example.ORG:443", "http://x.example:8080", "HTTPS://日本.example", "http://192.168.0.1", "",
  // Absolute or not by a hair: a scheme without the slashes, a backslash, leading space, another scheme.
  "http:example.org", "https:/example.org", "http:\\\\example.org", "  https://example.org", "//example.org", "ftp://example.org",
);
// Bases that do not parse too: an absolute URL is then still refused, as the parser refuses it with such a base.
const base = fc.constantFrom(
  undefined, "https://feeds.example/news/feed.xml", "http://b.example/a/b/?q=1#f", "not a base", "", "http://", "mailto:news@feeds.example",
);

describe("canonicalUrl", () => {
  it("gives what it gave when it set the fragment and the query every time", () => {
    fc.assert(
      fc.property(origin, tail, base, (start, rest, against) => {
        const url = start + rest;
        expect(canonicalUrl(url, against)).toBe(reference(url, against));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ["https://example.org/a#", "https://example.org/a"],
    ["https://example.org/a?#x", "https://example.org/a?"],
    ["https://example.org/a?&&b=1&&", "https://example.org/a?b=1"],
    ["https://example.org/a?b=%zz&utm_source=x", "https://example.org/a?b=%zz"],
    ["https://example.org/a?q=a b&c=\u00e9", "https://example.org/a?q=a%20b&c=%C3%A9"],
  ])("%s", (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
    expect(reference(url)).toBe(expected);
  });

  it("resolves an absolute URL alone against a good base and refuses it against a bad one", () => {
    expect(canonicalUrl("https://example.org/a?utm_source=x", "https://feeds.example/feed.xml")).toBe("https://example.org/a");
    expect(canonicalUrl("https://example.org/a", "not a base")).toBeNull();
    expect(canonicalUrl("https://example.org/a", "https://feeds.example/feed.xml")).toBe("https://example.org/a");
    expect(canonicalUrl("/a", "not a base")).toBeNull();
  });
});
