import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedError } from "../../src/core/errors.js";
import { decodeFeed } from "../../src/feeds/decode.js";
import { fetchFeed } from "../../src/feeds/fetch.js";
import { parseFeed } from "../../src/feeds/parse.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";

// Every quirk fixture served over HTTP on loopback and read by the real fetch → decode → parse path.

const JA = "金融庁、暗号資産の規制案を公表";
const FR = "L’AMF publie sa “doctrine” sur les crypto-actifs – amende de 5 000 €";
type Expect = { file: string; contentType?: string; encoding?: string; items?: number; title?: string; url?: string; refused?: RegExp };
const cases: Expect[] = [
  { file: "shift_jis-declared.xml", encoding: "shift_jis", items: 2, title: JA },
  { file: "shift_jis-undeclared.xml", encoding: "shift_jis", items: 2, title: JA },
  { file: "shift_jis-undeclared.xml", contentType: "text/xml; charset=Shift_JIS", encoding: "shift_jis", items: 2, title: JA },
  { file: "euc-jp-undeclared.xml", encoding: "euc-jp", items: 2, title: JA },
  { file: "euc-kr-declared.xml", encoding: "euc-kr", items: 2, title: "금융위원회, 가상자산 이용자 보호법 시행령 입법예고" },
  { file: "euc-kr-undeclared.xml", encoding: "euc-kr", items: 2, title: "금융위원회, 가상자산 이용자 보호법 시행령 입법예고" },
  { file: "gb18030-undeclared.xml", encoding: "gb18030", items: 2, title: "中国人民银行发布数字人民币试点管理办法" },
  { file: "windows-1252-declared.xml", encoding: "windows-1252", items: 2, title: FR },
  { file: "windows-1252-undeclared.xml", encoding: "windows-1252", items: 2, title: FR },
  // A server that claims UTF-8 for windows-1252 bytes: the claim does not win, and nothing becomes U+FFFD.
  { file: "windows-1252-undeclared.xml", contentType: "application/rss+xml; charset=utf-8", encoding: "windows-1252", items: 2, title: FR },
  { file: "iso-8859-1-declared.xml", encoding: "windows-1252", items: 2, title: FR },
  { file: "utf-16le-bom.xml", encoding: "utf-16le", items: 2, title: JA },
  { file: "utf-16be-bom.xml", encoding: "utf-16be", items: 2, title: JA },
  { file: "utf-8-bom.xml", encoding: "utf-8", items: 2, title: FR },
  { file: "rdf.rdf", items: 2, title: "Statement on Monetary Policy", url: "https://boj.example/en/announcements/2025/a250301.htm" },
  { file: "atom.xml", items: 2, title: "Consultation on stablecoin reserves & custody" },
  { file: "atom-served-as.rss", items: 1, title: "Commission warns investors about unlicensed exchanges" },
  { file: "rss-no-version.xml", items: 1, title: "FSC announces virtual asset rules" },
  { file: "relative-links.xml", items: 3, url: "https://prudential.example/en/news/capital-rules" },
  { file: "xml-base-nested.xml", items: 3, url: "https://supervisor.example/en/press/2025/pr-01.html" },
  { file: "xhtml-title.xml", items: 1, title: "Sanctions list updated & extended" },
  { file: "bad-date.xml", items: 3 },
  { file: "localized-dates.xml", items: 5 },
  { file: "truncated.xml", refused: /truncated XML/ },
  { file: "unclosed-root.xml", refused: /truncated XML/ },
  { file: "html-page.rss", contentType: "text/html; charset=utf-8", refused: /HTML page, not a feed/ },
];

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  cases.forEach((c, i) => {
    server.set(`/${i}/${c.file}`, { body: new Uint8Array(readFileSync(new URL(`../fixtures/feeds/${c.file}`, import.meta.url))), contentType: c.contentType ?? "application/xml" });
  });
});
afterAll(() => server.close());

const limits = { timeoutMs: 5_000, maxBodyBytes: 1_000_000, maxRedirects: 5, userAgent: "regwatch-test" };

describe("feed quirks over HTTP", () => {
  it.each(cases.map((c, i) => [`${c.file}${c.contentType ? ` (${c.contentType})` : ""}`, c, i] as const))("%s", async (_name, c, i) => {
    const feed = { id: "quirk", name: c.file, url: server.url(`/${i}/${c.file}`), jurisdiction: null };
    const fetched = await fetchFeed(feed, {}, limits);
    if (fetched.status !== "ok") throw new Error("expected a body");
    const decoded = decodeFeed(fetched.bytes, fetched.contentType);
    if (c.encoding) expect(decoded.encoding).toBe(c.encoding);
    expect(decoded.text).not.toContain("\uFFFD");
    const parsing = parseFeed(decoded.text, { feedId: "quirk", baseUrl: fetched.url });
    if (c.refused) {
      const error = await parsing.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeedError);
      expect((error as FeedError).kind).toBe("not-a-feed");
      expect((error as FeedError).message).toMatch(c.refused);
      return;
    }
    const parsed = await parsing;
    expect(parsed.articles).toHaveLength(c.items!);
    if (c.title) expect(parsed.articles[0]?.title).toBe(c.title);
    if (c.url) expect(parsed.articles[0]?.url).toBe(c.url);
    for (const article of parsed.articles) {
      expect(article.title).not.toMatch(/<[a-z/]/i);
      if (article.url) expect(article.url).toMatch(/^https?:\/\//);
    }
  });

  it("keeps the good dates of a feed with one bad date", async () => {
    const i = cases.findIndex((c) => c.file === "bad-date.xml");
    const fetched = await fetchFeed({ id: "q", name: "q", url: server.url(`/${i}/bad-date.xml`), jurisdiction: null }, {}, limits);
    if (fetched.status !== "ok") throw new Error("expected a body");
    const parsed = await parseFeed(decodeFeed(fetched.bytes, fetched.contentType).text, { feedId: "q", baseUrl: fetched.url });
    const dates = parsed.articles.map((a) => a.published);
    expect(dates.filter((d) => d === null)).toHaveLength(1);
    expect(dates.filter((d) => d !== null)).toHaveLength(2);
  });
});
