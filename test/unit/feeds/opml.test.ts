import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OpmlError, readOpml, writeOpml } from "../../../src/feeds/opml.js";

const fixture = readFileSync(join(import.meta.dirname, "../../fixtures/opml/reader-export.opml"), "utf8");

describe("OPML", () => {
  it("reads another reader's export: folders flattened, missing titles, entities in xmlUrl, duplicates and non-feeds dropped", () => {
    expect(readOpml(fixture)).toEqual([
      { url: "https://www.example-mas.sg/rss?type=media&lang=en", title: "MAS Media Releases", jurisdiction: null },
      { url: "https://www.example-sesc.go.jp/rss/news.xml", title: "証券取引等監視委員会", jurisdiction: null },
      { url: "https://www.example-bafin.de/SiteGlobals/Functions/RSSFeed/EN/RSSNewsfeed/RSSNewsfeed.xml?lang=en&sort=date&x=1", title: null, jurisdiction: null },
      { url: "https://www.example-amf.fr/fr/rss/actualites", title: 'AMF "Actualités" & publications', jurisdiction: null },
    ]);
  });

  it("writes what it reads back, jurisdictions included, with markup in titles escaped", () => {
    const feeds = [
      { url: "https://a.example/rss?x=1&y=2", title: `Fines <b>"now"</b> & more`, jurisdiction: "SG" },
      { url: "https://b.example/feed", title: null, jurisdiction: null },
    ];
    const text = writeOpml("mine", feeds, new Date(Date.UTC(2026, 11, 1)));
    expect(text).toContain('xmlUrl="https://a.example/rss?x=1&amp;y=2"');
    expect(text).not.toContain("<b>");
    expect(readOpml(text)).toEqual([feeds[0], { ...feeds[1], title: "https://b.example/feed" }]);
  });

  it("refuses a file that is not OPML in one line", () => {
    expect(() => readOpml("<rss><channel/></rss>")).toThrow(new OpmlError("not an OPML file (no <opml> element)"));
  });
});
