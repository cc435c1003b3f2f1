import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../config/load.js";
import { ConfigError } from "../../../src/core/errors.js";

// `rsshub:` feeds and the userFeeds limits, as the loader reads them.
const dir = mkdtempSync(join(tmpdir(), "regwatch-sources-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const load = (yaml: string) => {
  const path = join(dir, `c${++n}.yaml`);
  writeFileSync(path, yaml);
  return loadConfig({ file: path, env: {} }).config;
};
const FEEDS = `feeds:
  - { id: sec, name: SEC, url: "https://www.sec.gov/news/pressreleases.rss", jurisdiction: US }
  - { id: mas, name: MAS, rsshub: /mas/news, jurisdiction: SG }
`;

describe("rsshub feeds", () => {
  it("are skipped, and named for the one warning, while rsshub.baseUrl is unset", () => {
    const config = load(FEEDS);
    expect(config.feeds.map((f) => f.id)).toEqual(["sec"]);
    expect(config.rsshubSkipped).toEqual(["mas"]);
  });

  it("resolve against rsshub.baseUrl, a trailing slash or not", () => {
    for (const base of ["http://rsshub:1200", "http://rsshub:1200/"]) {
      const config = load(`rsshub: { baseUrl: "${base}" }\n${FEEDS}`);
      expect(config.feeds.find((f) => f.id === "mas")?.url).toBe("http://rsshub:1200/mas/news");
      expect(config.rsshubSkipped).toEqual([]);
    }
  });

  it("need exactly one of url and rsshub, and a route that starts with /", () => {
    let error: unknown;
    try {
      load(`feeds:\n  - { id: a, name: A }\n  - { id: b, name: B, url: "https://b.example/rss", rsshub: /b }\n  - { id: c, name: C, rsshub: "mas/news" }\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain("feeds[0]: needs exactly one of url or rsshub");
    expect(problems).toContain("feeds[1]: needs exactly one of url or rsshub");
    expect(problems).toContain("feeds[2].rsshub: must be an RSSHub route starting with /, e.g. /mas/news");
  });
});

describe("userFeeds", () => {
  it("defaults: on, 10 per chat, 2,000 in all, private addresses refused, default ports only, paused after 10 failures", () => {
    expect(load(FEEDS).userFeeds).toEqual({ enabled: true, maxPerChat: 10, maxTotal: 2000, allowPrivateAddresses: false, allowedPorts: [], pauseAfterFailures: 10 });
  });
});
