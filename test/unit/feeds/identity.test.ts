import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleId, canonicalUrl, contentKey, linkKey, nfkc } from "../../../src/feeds/identity.js";

describe("canonicalUrl", () => {
  it("lower-cases scheme and host, drops default ports and the fragment", () => {
    expect(canonicalUrl("HTTPS://WWW.SEC.gov:443/news/press-release/2025-12#section")).toBe(
      "https://www.sec.gov/news/press-release/2025-12",
    );
    expect(canonicalUrl("http://Example.ORG:80/a")).toBe("http://example.org/a");
    expect(canonicalUrl("http://example.org:8080/a")).toBe("http://example.org:8080/a");
  });

  it("removes tracking parameters and keeps the others as they were", () => {
    expect(
      canonicalUrl("https://fca.example/news?utm_source=rss&id=7&UTM_Medium=feed&fbclid=abc&q=a%20b&gclid=1&mc_cid=2&mc_eid=3&ref=home"),
    ).toBe("https://fca.example/news?id=7&q=a%20b");
    expect(canonicalUrl("https://fca.example/news?utm_campaign=x")).toBe("https://fca.example/news");
    expect(canonicalUrl("https://fca.example/news?b=2&a=1")).toBe("https://fca.example/news?b=2&a=1");
  });

  it("leaves the path alone", () => {
    expect(canonicalUrl("https://example.org/Path/To/Page.HTML")).toBe("https://example.org/Path/To/Page.HTML");
    expect(canonicalUrl("https://example.org/a/")).toBe("https://example.org/a/");
  });

  it("resolves relative URLs against a base", () => {
    expect(canonicalUrl("/content/abc", "https://www.ft.com/rss/home")).toBe("https://www.ft.com/content/abc");
    expect(canonicalUrl("b.html#x", "https://example.org/dir/a.html")).toBe("https://example.org/dir/b.html");
  });

  it("refuses what is not an absolute http(s) URL", () => {
    expect(canonicalUrl("/content/abc")).toBeNull();
    expect(canonicalUrl("mailto:press@example.org")).toBeNull();
    expect(canonicalUrl("javascript:alert(1)", "https://example.org/")).toBeNull();
    expect(canonicalUrl("urn:uuid:1234")).toBeNull();
    expect(canonicalUrl("   ")).toBeNull();
  });
});

describe("articleId", () => {
  it("prefers the guid, scoped to the feed", () => {
    expect(articleId("fsa", { guid: "  fsa-2025-001 ", link: "https://fsa.example/1" })).toBe("g:fsa:fsa-2025-001");
  });

  it("canonicalises a guid that is a URL", () => {
    expect(articleId("sec", { guid: "HTTPS://WWW.SEC.GOV/news/1?utm_source=rss#top" })).toBe("g:sec:https://www.sec.gov/news/1");
  });

  it("falls back to the canonical link", () => {
    expect(articleId("fca", { guid: " ", link: "https://www.fca.org.uk/news/x?utm_medium=rss" })).toBe(
      "u:https://www.fca.org.uk/news/x",
    );
  });

  it("falls back to a hash of title and date, stable and feed-scoped", () => {
    const item = { title: "Statement on stablecoins", published: "2025-03-01T00:00:00.000Z" };
    const id = articleId("boe", item);
    expect(id).toMatch(/^h:boe:[0-9a-f]{32}$/);
    expect(articleId("boe", { ...item })).toBe(id);
    expect(articleId("boe", { ...item, published: null })).not.toBe(id);
    expect(articleId("ecb", item)).not.toBe(id);
  });
});

describe("linkKey", () => {
  it("is the same for the same story shared with different tracking", () => {
    expect(linkKey("https://Cointelegraph.com/news/x?utm_source=rss_feed#comments")).toBe("u:https://cointelegraph.com/news/x");
    expect(linkKey("https://cointelegraph.com/news/x?fbclid=123")).toBe(linkKey("https://cointelegraph.com/news/x"));
  });
});

describe("contentKey", () => {
  const story = { title: "FSA notice 1", published: "2026-11-02T09:00:00.000Z", text: "Notice number 1." };
  it("is the same for the same title, date and text, whatever the spacing and case", () => {
    expect(contentKey({ ...story, title: "  fsa  NOTICE 1 " })).toBe(contentKey(story));
    expect(contentKey(story)).toMatch(/^c:[0-9a-f]{32}$/);
  });
  it("differs when the date or the text does", () => {
    expect(contentKey({ ...story, published: null })).not.toBe(contentKey(story));
    expect(contentKey({ ...story, text: "Notice number 2." })).not.toBe(contentKey(story));
  });
  it("is null for a bare title, which may honestly repeat", () => {
    expect(contentKey({ title: "Weekly bulletin", published: null, text: "" })).toBeNull();
  });
});

describe("nfkc", () => {
  it("is String.prototype.normalize('NFKC'), ASCII or not", () => {
    const unit = fc.constantFrom("a", "Z", " ", "\t", "\n", "\x00", "\x7f", "\x80", "\u00a0", "\u00aa", "\u00bd", "\u00c5", "A\u030a", "\ufb01", "\uff21", "\u2460", "\u3000", "\ud83d\ude00", "\ud800");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }).map((parts) => parts.join("")), (text) => {
        expect(nfkc(text)).toBe(text.normalize("NFKC"));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => void expect(nfkc(text)).toBe(text.normalize("NFKC"))), { numRuns: 5_000 });
  });
});
