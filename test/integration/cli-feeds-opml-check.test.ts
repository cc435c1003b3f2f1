import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOpml } from "../../src/feeds/opml.js";
import { regwatch } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";

// The operator's feed tools as a user runs them: OPML in and out of the configuration file, and
// `feeds check` against loopback feeds (nothing leaves the machine).

const dir = mkdtempSync(join(tmpdir(), "regwatch-feeds-cli-"));
const fixture = join(import.meta.dirname, "../fixtures/opml/reader-export.opml");
let feeds: FeedServer;

beforeAll(async () => {
  feeds = await startFeedServer({
    "/utf8.xml": { body: rss({ title: "A", items: [{ title: "Old", pubDate: day(1) }, { title: "New", pubDate: day(5) }] }), contentType: "application/rss+xml; charset=utf-8" },
    "/cp1252.xml": { body: Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>OCC</title><item><title>'), Buffer.from([0x93, 0x51, 0x94]), Buffer.from("</title><pubDate>" + day(2) + "</pubDate></item></channel></rss>")]) },
    "/missing.xml": { status: 404, body: "gone" },
    "/page.html": { body: "<!doctype html><html><body>not a feed</body></html>", contentType: "text/html" },
  });
});
afterAll(async () => {
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("regwatch feeds import / export --opml", () => {
  it("adds another reader's feeds to the configuration, keeps its comments, and exports them back", async () => {
    const configFile = join(dir, "regwatch.yaml");
    writeFileSync(configFile, `# my regwatch\nfeeds:\n  # the one I had\n  - { id: mine, name: Mine, url: "https://www.example-amf.fr/fr/rss/actualites", jurisdiction: FR }\n`);
    const imported = await regwatch(["feeds", "import", fixture, "--config", configFile]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("3 feeds added, 1 already configured");
    const yaml = readFileSync(configFile, "utf8");
    expect(yaml).toContain("# my regwatch");
    expect(yaml).toContain("# the one I had");
    expect(yaml).toContain("mas-media-releases");
    // No title at all: the id and name come from the host.
    expect(yaml).toContain("example-bafin-de");

    const exported = await regwatch(["feeds", "export", "--opml", "--config", configFile]);
    expect(exported.code).toBe(0);
    const back = readOpml(exported.stdout);
    expect(back.map((f) => f.url).sort()).toEqual(readOpml(readFileSync(fixture, "utf8")).map((f) => f.url).sort());
    expect(back.find((f) => f.url.includes("amf"))?.jurisdiction).toBe("FR");
    expect(back.find((f) => f.url.includes("sesc"))?.title).toBe("証券取引等監視委員会");

    // Into another instance: the jurisdiction travels; a second import adds nothing.
    const other = join(dir, "other.yaml");
    const exportFile = join(dir, "export.opml");
    writeFileSync(exportFile, exported.stdout);
    writeFileSync(other, `feeds:\n  - { id: x, name: X, url: "https://x.example/feed" }\n`);
    expect((await regwatch(["feeds", "import", exportFile, "--config", other])).code).toBe(0);
    expect(readFileSync(other, "utf8")).toMatch(/url: "?https:\/\/www\.example-amf\.fr\/fr\/rss\/actualites"?, jurisdiction: FR/);
    const again = await regwatch(["feeds", "import", exportFile, "--config", other]);
    expect(again.stderr).toContain("0 feeds added, 4 already configured");
  });

  it("refuses a file that is not OPML in one line and changes nothing", async () => {
    const configFile = join(dir, "refuse.yaml");
    const before = `feeds:\n  - { id: x, name: X, url: "https://x.example/feed" }\n`;
    writeFileSync(configFile, before);
    const notOpml = join(dir, "not.opml");
    writeFileSync(notOpml, "<rss/>");
    const result = await regwatch(["feeds", "import", notOpml, "--config", configFile]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`regwatch: ${notOpml}: not an OPML file (no <opml> element)`);
    expect(readFileSync(configFile, "utf8")).toBe(before);
  });
});

describe("regwatch feeds check", () => {
  it("prints status, items, newest date, encoding and time per feed, and exits 1 when one fails", async () => {
    const configFile = join(dir, "check.yaml");
    writeFileSync(
      configFile,
      `feeds:
  - { id: utf8, name: A, url: "${feeds.url("/utf8.xml")}" }
  - { id: cp1252, name: OCC, url: "${feeds.url("/cp1252.xml")}" }
  - { id: missing, name: Missing, url: "${feeds.url("/missing.xml")}" }
  - { id: page, name: Page, url: "${feeds.url("/page.html")}" }
`,
    );
    const result = await regwatch(["feeds", "check", "--config", configFile]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^feed\s+status\s+items\s+newest\s+encoding\s+time$/);
    expect(lines[1]).toMatch(/^utf8\s+ok\s+2\s+2026-11-06 09:00\s+utf-8 \(content-type\)\s+\d+\.\d\d s$/);
    expect(lines[2]).toMatch(/^cp1252\s+ok\s+1\s+2026-11-03 09:00\s+windows-1252 \(xml-declaration\)/);
    expect(lines[3]).toMatch(/^missing\s+FAIL: HTTP 404 Not Found\s+-\s+-\s+-/);
    expect(lines[4]).toMatch(/^page\s+FAIL: .*\s+-\s+-\s+utf-8/);
    expect(result.stderr).toContain("4 feeds: 2 ok, 2 failed");

    const json = await regwatch(["feeds", "check", "--json", "--config", configFile]);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; ok: boolean; items: number | null }>;
    expect(rows.map((r) => [r.id, r.ok, r.items])).toEqual([["utf8", true, 2], ["cp1252", true, 1], ["missing", false, null], ["page", false, null]]);
  });

  it("exits 0 when every feed answers", async () => {
    const configFile = join(dir, "good.yaml");
    writeFileSync(configFile, `feeds:\n  - { id: utf8, name: A, url: "${feeds.url("/utf8.xml")}" }\n`);
    const result = await regwatch(["feeds", "check", "--config", configFile]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("1 feeds: 1 ok, 0 failed");
  });
});
