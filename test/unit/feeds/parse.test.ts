import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FeedError } from "../../../src/core/errors.js";
import { firstPublishedDate, parseFeedDate } from "../../../src/feeds/dates.js";
import { decodeFeed } from "../../../src/feeds/decode.js";
import { parseFeed, type ParsedFeed } from "../../../src/feeds/parse.js";
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS } from "../../../src/core/text-limits.js";

const FETCHED = "https://fetched.example/feeds/news.xml";

function read(name: string): string {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url)));
  return decodeFeed(bytes, null).text;
}

const parseFixture = (name: string, baseUrl = FETCHED): Promise<ParsedFeed> =>
  parseFeed(read(name), { feedId: "fx", baseUrl });

async function refusal(xml: string): Promise<FeedError> {
  const error: unknown = await parseFeed(xml, { feedId: "fx", baseUrl: FETCHED }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FeedError);
  const feedError = error as FeedError;
  expect(feedError.feedId).toBe("fx");
  expect(feedError.kind).toBe("not-a-feed");
  expect(feedError.message).not.toContain("\n");
  return feedError;
}

describe("parseFeed: formats", () => {
  it("RSS 1.0 / RDF: items outside the channel, dc:date, rdf:about, dc:subject", async () => {
    const feed = await parseFixture("rdf.rdf");
    expect(feed.title).toBe("Central Bank: What's New");
    expect(feed.language).toBe("en");
    expect(feed.articles).toEqual([
      {
        id: "g:fx:https://boj.example/en/announcements/2025/a250301.htm",
        feedId: "fx",
        url: "https://boj.example/en/announcements/2025/a250301.htm",
        title: "Statement on Monetary Policy",
        text: "The policy rate is kept at 0.5 percent.",
        published: "2025-03-01T06:30:00.000Z",
        categories: ["Monetary Policy", "Interest rates"],
        language: "en",
      },
      {
        id: "g:fx:https://boj.example/en/announcements/2025/a250302.htm",
        feedId: "fx",
        // No <link>: rdf:about is the item's URL.
        url: "https://boj.example/en/announcements/2025/a250302.htm",
        title: "Payment Systems Report",
        text: "",
        published: "2025-03-02T00:00:00.000Z",
        categories: ["Payment systems"],
        language: "en",
      },
    ]);
  });

  it("Atom: alternate link, html title and content, published over updated, term categories, xml:lang", async () => {
    const feed = await parseFixture("atom.xml");
    expect(feed.title).toBe("Markets Authority – News");
    expect(feed.language).toBe("en-GB");
    const [first, second] = feed.articles;
    expect(first).toEqual({
      id: "g:fx:tag:markets.example,2025:news/101",
      feedId: "fx",
      url: "https://markets.example/news/stablecoin-reserves?id=101",
      title: "Consultation on stablecoin reserves & custody",
      text: "We propose rules for stablecoin reserves.\nComments close on 30 April 2025.",
      published: "2025-03-04T08:15:00.000Z",
      categories: ["stablecoins", "consultations"],
      language: "en-GB",
    });
    // Relative href against the feed's alternate link; XHTML summary as text.
    expect(second?.url).toBe("https://markets.example/news/fine-market-abuse");
    expect(second?.text).toBe("A firm was fined £1.2m & banned.");
    expect(second?.published).toBe("2025-03-03T08:00:00.000Z");
  });

  it("Atom served under a .rss name is read as Atom", async () => {
    const feed = await parseFixture("atom-served-as.rss", "https://sc.example/press.rss");
    expect(feed.title).toBe("Securities Commission press releases");
    expect(feed.articles.map((a) => [a.title, a.url, a.published])).toEqual([
      ["Commission warns investors about unlicensed exchanges", "https://sc.example/press/2025-07", "2025-02-10T06:00:00.000Z"],
    ]);
  });

  it("<rss> without a version is read as RSS 2.0", async () => {
    const feed = await parseFixture("rss-no-version.xml");
    expect(feed.title).toBe("Financial Services Commission");
    expect(feed.language).toBe("ko");
    expect(feed.articles).toEqual([
      {
        id: "g:fx:fsc-0001",
        feedId: "fx",
        url: "https://fsc.example/news/1",
        title: "FSC announces virtual asset rules",
        text: "",
        published: "2025-03-03T01:00:00.000Z",
        categories: [],
        language: "ko",
      },
    ]);
  });

  it("an empty <rss> shell is a feed with no items", async () => {
    expect(await parseFeed("\uFEFF<?xml version='1.0'?>\n<rss>\n</rss>", { feedId: "fx", baseUrl: FETCHED })).toEqual({
      title: null,
      language: null,
      articles: [],
    });
  });
});

describe("parseFeed: encodings end to end", () => {
  it.each([
    ["shift_jis-declared.xml", "金融庁、暗号資産の規制案を公表", "暗号資産交換業者に対する新たな規制案について、意見を募集します。"],
    ["shift_jis-undeclared.xml", "金融庁、暗号資産の規制案を公表", "暗号資産交換業者に対する新たな規制案について、意見を募集します。"],
    ["euc-jp-undeclared.xml", "金融庁、暗号資産の規制案を公表", "暗号資産交換業者に対する新たな規制案について、意見を募集します。"],
    ["utf-16le-bom.xml", "金融庁、暗号資産の規制案を公表", "暗号資産交換業者に対する新たな規制案について、意見を募集します。"],
    ["utf-16be-bom.xml", "金融庁、暗号資産の規制案を公表", "暗号資産交換業者に対する新たな規制案について、意見を募集します。"],
    ["euc-kr-undeclared.xml", "금융위원회, 가상자산 이용자 보호법 시행령 입법예고", "가상자산 거래소의 이용자 예치금 보호 의무를 강화합니다."],
    ["gb18030-undeclared.xml", "中国人民银行发布数字人民币试点管理办法", "为规范数字人民币试点工作，人民银行制定了管理办法。"],
    ["windows-1252-undeclared.xml", "L’AMF publie sa “doctrine” sur les crypto-actifs – amende de 5 000 €", "Le régulateur précise les règles applicables aux prestataires de services sur actifs numériques."],
    ["utf-8-bom.xml", "L’AMF publie sa “doctrine” sur les crypto-actifs – amende de 5 000 €", "Le régulateur précise les règles applicables aux prestataires de services sur actifs numériques."],
  ])("%s", async (name, title, text) => {
    const feed = await parseFixture(name);
    expect(feed.articles).toHaveLength(2);
    expect(feed.articles[0]).toMatchObject({ title, text, published: "2025-03-04T00:00:00.000Z" });
  });
});

describe("parseFeed: links and xml:base", () => {
  it("resolves relative links against the channel link; a permalink guid stands in for a missing link", async () => {
    const feed = await parseFixture("relative-links.xml");
    expect(feed.articles.map((a) => [a.id, a.url])).toEqual([
      ["g:fx:7a0c6b4e-1111-4c2a-9a55-3f0e2d1c0001", "https://prudential.example/en/news/capital-rules"],
      ["u:https://prudential.example/en/reports/liquidity.html?year=2025", "https://prudential.example/en/reports/liquidity.html?year=2025"],
      ["g:fx:https://prudential.example/en/speeches/42", "https://prudential.example/en/speeches/42"],
    ]);
  });

  it("without a channel link, resolves against the fetched URL", async () => {
    const feed = await parseFixture("relative-links-no-channel-link.xml");
    expect(feed.articles[0]?.url).toBe("https://fetched.example/feeds/annual-report-2024.html");
  });

  it("nested and relative xml:base on feed, entry and link", async () => {
    const feed = await parseFixture("xml-base-nested.xml");
    expect(feed.articles.map((a) => a.url)).toEqual([
      "https://supervisor.example/en/press/2025/pr-01.html",
      "https://supervisor.example/fr/communiques/pr-02.html",
      "https://cdn.example/pr-03.html",
    ]);
  });

  it("xml:base on <rss> and <item> wins over the channel link", async () => {
    const feed = await parseFixture("rss-xml-base.xml");
    expect(feed.articles.map((a) => a.url)).toEqual([
      "https://agency.example/releases/a.html",
      "https://agency.example/statements/b.html",
    ]);
  });

  it("a relative xml:base on the root resolves against the fetched URL", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="news/"><entry><title>x</title><link href="x.html"/></entry></feed>`;
    const feed = await parseFeed(xml, { feedId: "fx", baseUrl: "https://reg.example/en/feed.atom" });
    expect(feed.articles[0]?.url).toBe("https://reg.example/en/news/x.html");
  });
});

describe("parseFeed: titles and text", () => {
  it("XHTML titles become plain text", async () => {
    const feed = await parseFixture("xhtml-title.xml");
    expect(feed.title).toBe("Treasury notices");
    expect(feed.articles).toEqual([
      {
        id: "g:fx:urn:treasury:2025-03",
        feedId: "fx",
        url: "https://treasury.example/notices/2025-03.html",
        title: "Sanctions list updated & extended",
        text: "",
        published: "2025-03-06T08:00:00.000Z",
        categories: [],
        language: null,
      },
    ]);
  });

  it("categories from strings, objects with a domain and dc:subject, trimmed and deduped; the richest body", async () => {
    const feed = await parseFixture("categories.xml");
    const [guidance, untitled] = feed.articles;
    expect(guidance?.categories).toEqual(["Crypto-assets", "Custody", "Guidance"]);
    expect(guidance?.text).toBe(
      "Guidance\nBanks holding crypto-assets for clients must segregate them & report quarterly. Read the guidance.",
    );
    expect(untitled?.title).toBe("An item with no title: the supervisor publishes its annual report on banking…");
    expect(untitled?.id).toBe("g:fx:report-2025");
    expect(untitled?.url).toBeNull();
  });

  it("stray ampersands and HTML entities do not break the feed", async () => {
    const feed = await parseFixture("stray-ampersand.xml");
    expect(feed.title).toBe("Exchange & Clearing News");
    expect(feed.articles[0]).toMatchObject({ title: "Fees & charges review", url: "https://exchange.example/news?id=5&lang=en" });
  });

  it("unescaped markup inside an RSS title or description is kept as text", async () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>Fine <b>imposed</b> on bank</title>
      <description><p>Penalty of <strong>€2m</strong>.</p></description></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedId: "fx", baseUrl: FETCHED });
    expect(feed.articles[0]).toMatchObject({ title: "Fine imposed on bank", text: "Penalty of €2m." });
  });

  it("markup in titles is removed and entities decoded, whitespace collapsed", async () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item>
      <title><![CDATA[ <b>SEC</b>   charges&nbsp;firm &amp; <i>CEO</i>
      ]]></title><description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two &lt;img src="x.png"&gt;&lt;/p&gt;</description></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedId: "fx", baseUrl: FETCHED });
    expect(feed.articles[0]?.title).toBe("SEC charges firm & CEO");
    expect(feed.articles[0]?.text).toBe("One\nTwo");
  });
});

describe("parseFeed: hostile sizes", () => {
  const one = (title: string, description: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>${title}</title><link>https://r.example/1</link><description>${description}</description></item></channel></rss>`;

  it("caps a 4.6 MB title and a huge body at parse time", async () => {
    const title = "Regulator fines exchange ".repeat(185_000);
    expect(title.length).toBeGreaterThan(4_600_000);
    const feed = await parseFeed(one(title, "word ".repeat(400_000)), { feedId: "fx", baseUrl: FETCHED });
    const [article] = feed.articles;
    expect(article?.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(article?.title.startsWith("Regulator fines exchange Regulator")).toBe(true);
    expect(article?.title.endsWith("…")).toBe(true);
    expect(article?.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it("an item whose HTML nests too deep to convert keeps its title and loses only its text", async () => {
    const feed = await parseFeed(one("Deep", "&lt;div&gt;".repeat(3000) + "Deep text"), { feedId: "fx", baseUrl: FETCHED });
    expect(feed.articles.map((a) => a.title)).toEqual(["Deep"]);
  });
});

describe("parseFeed: dates", () => {
  it("a bad date leaves that item undated and keeps the others", async () => {
    const feed = await parseFixture("bad-date.xml");
    expect(feed.articles.map((a) => [a.title, a.published])).toEqual([
      ["Order against a trading firm", "2025-03-06T21:45:00.000Z"],
      ["Roundtable announced", null],
      ["Staff letter", "2025-03-05T14:30:00.000Z"],
    ]);
  });

  it("a bad Atom date does not lose the feed", async () => {
    const feed = await parseFixture("atom-bad-date.xml");
    expect(feed.articles.map((a) => [a.title, a.published])).toEqual([
      ["Good", "2025-03-01T00:00:00.000Z"],
      ["Bad", null],
    ]);
  });

  it("localized RFC 822 dates and the FCA's First published line", async () => {
    const feed = await parseFixture("localized-dates.xml");
    expect(feed.articles.map((a) => a.published)).toEqual([
      "2018-09-24T22:42:40.000Z",
      "2018-12-05T09:00:00.000Z",
      "2025-02-12T07:30:00.000Z",
      "2025-03-20T13:00:00.000Z",
      "2025-03-07T00:00:00.000Z",
    ]);
  });
});

describe("parseFeed: refusals", () => {
  it("an HTML page", async () => {
    expect((await refusal(read("html-page.rss"))).message).toBe("an HTML page, not a feed");
    expect((await refusal("<head><title>Moved</title></head><body>here</body>")).message).toBe("an HTML page, not a feed");
  });

  it("truncated XML", async () => {
    expect((await refusal(read("truncated.xml"))).message).toMatch(/^truncated XML/);
    expect((await refusal(read("unclosed-root.xml"))).message).toBe("truncated XML: <rss> is never closed");
    expect((await refusal("<rss version='2.0'><channel><title><![CDATA[x")).message).toBe(
      "truncated XML: unterminated CDATA section",
    );
  });

  it("malformed XML, other XML, not XML at all", async () => {
    expect((await refusal("<rss><channel><title>x</item></channel></rss>")).message).toMatch(/^malformed XML: /);
    expect((await refusal("<?xml version='1.0'?><svg><g/></svg>")).message).toBe("not RSS or Atom: the root element is <svg>");
    expect((await refusal('{"items": []}')).message).toMatch(/^not XML/);
    expect((await refusal("   ")).message).toBe("empty document");
  });

  it("does not hang on pathological input", async () => {
    const started = Date.now();
    await refusal("<rss><channel>" + "<item><title>a".repeat(20_000));
    await refusal("<" + "!--".repeat(10_000));
    await refusal("<rss attr='" + "x".repeat(100_000));
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("parseFeedDate", () => {
  it.each([
    ["Tue, 04 Mar 2025 09:00:00 +0900", "2025-03-04T00:00:00.000Z"],
    ["Tue, 4 Mar 2025 09:00:00 GMT", "2025-03-04T09:00:00.000Z"],
    ["04 Mar 25 09:00 EST", "2025-03-04T14:00:00.000Z"],
    ["Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40.000Z"],
    ["Sáb, 1 Ene 2022 00:00:00 -0300", "2022-01-01T03:00:00.000Z"],
    ["lun., 3 mars 2025 10:00:00 +0100", "2025-03-03T09:00:00.000Z"],
    ["Mo, 3 Mär 2025 10:00:00 +0100", "2025-03-03T09:00:00.000Z"],
    ["Di, 1 Okt 2024 10:00:00 +02:00", "2024-10-01T08:00:00.000Z"],
    ["2025-03-01T15:30:00+09:00", "2025-03-01T06:30:00.000Z"],
    ["2025-03-01T15:30:00.123Z", "2025-03-01T15:30:00.000Z"],
    ["2025-03-01", "2025-03-01T00:00:00.000Z"],
    ["\r\n  Wed, 03 Jan 2018 13:47:00 +0000\r\n   ", "2018-01-03T13:47:00.000Z"],
    ["24 September 2018", "2018-09-24T00:00:00.000Z"],
    ["March 5, 2025 10:00 AM GMT", "2025-03-05T10:00:00.000Z"],
  ])("%j", (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each(["", "sometime next week", "31 Feb 2025", "2025-13-01", "Mon, 24 Foo 2018 10:00:00 GMT", "Τρι, 29 Ιούν 2004 12:53:00 GMT"])(
    "%j is null",
    (input) => {
      expect(parseFeedDate(input)).toBeNull();
    },
  );

  it("reads the First published line", () => {
    expect(firstPublishedDate("Text.\nFirst published: 07/03/2025\nLast updated: 08/03/2025")).toBe("2025-03-07T00:00:00.000Z");
    expect(firstPublishedDate("First published: 7 March 2025")).toBe("2025-03-07T00:00:00.000Z");
    expect(firstPublishedDate("No date here")).toBeNull();
  });
});

describe("parseFeed: deep raw markup", () => {
  it("3,000 unescaped nested elements in one description keep the feed", async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Deep</title><link>https://r.example/1</link><description>${"<div>".repeat(3000)}x${"</div>".repeat(3000)}</description></item>
<item><title>Plain</title><link>https://r.example/2</link><description>Fine.</description></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedId: "fx", baseUrl: FETCHED });
    expect(feed.articles.map((a) => a.title)).toEqual(["Deep", "Plain"]);
    expect(feed.articles[1]?.text).toBe("Fine.");
  });
});
