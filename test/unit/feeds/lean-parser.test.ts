import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { decodeFeed } from "../../../src/feeds/decode.js";
import { LeanParser } from "../../../src/feeds/lean-parser.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/feeds");

const options = {
  customFields: {
    item: [["$", "attrs", { keepArray: true }], ["link", "links", { keepArray: true }], "dc:language"],
  },
} as unknown as Parser.ParserOptions<Record<string, unknown>, Record<string, unknown>>;

/** What rss-parser gives, without the results LeanParser leaves out. */
function unread(feed: Parser.Output<Record<string, unknown>>): unknown {
  return {
    ...feed,
    items: feed.items.map(({ contentSnippet: _s, isoDate: _d, "content:encodedSnippet": _e, ...rest }) => rest),
  };
}

async function both(xml: string): Promise<[unknown, unknown]> {
  const settle = (p: Promise<Parser.Output<Record<string, unknown>>>) => p.then(unread, (e: Error) => `error: ${e.message}`);
  return [await settle(new LeanParser(options).parseString(xml)), await settle(new Parser(options).parseString(xml))];
}

const item = (body: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>${body}</item></channel></rss>`;

describe("LeanParser", () => {
  it.each(readdirSync(FIXTURES).sort())("reads %s as rss-parser does, less snippets and isoDate", async (name) => {
    const { text } = decodeFeed(readFileSync(join(FIXTURES, name)), null);
    const [lean, stock] = await both(text);
    expect(lean).toEqual(stock);
  });

  it.each([
    ["a text description", "<description>Fine &amp; <![CDATA[<b>bold</b>]]></description><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>"],
    ["a description with attributes", '<description type="html">x &lt;p&gt;y</description><pubDate>not a date</pubDate>'],
    ["a description that is markup", "<description><p>One <b>two</b></p></description>"],
    ["an empty description", "<description></description>"],
    ["two descriptions", "<description>one</description><description>two</description>"],
    ["content:encoded", '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Body&lt;/p&gt;</content:encoded>'],
    ["no description", "<link>https://example.org/a</link>"],
  ])("reads an item with %s as rss-parser does", async (_, body) => {
    const [lean, stock] = await both(item(body));
    expect(lean).toEqual(stock);
    expect(JSON.stringify(lean)).not.toContain("Snippet");
  });

  it.each([
    ["text content", '<content type="html">&lt;p&gt;Body&lt;/p&gt;</content>'],
    ["XHTML content", '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content>'],
    ["a published date", "<published>2026-12-01T10:00:00Z</published><content>x</content>"],
    ["no content", "<summary>Only a summary</summary>"],
  ])("reads an Atom entry with %s as rss-parser does", async (_, body) => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>A</title>${body}</entry></feed>`;
    const [lean, stock] = await both(xml);
    expect(lean).toEqual(stock);
  });
});
