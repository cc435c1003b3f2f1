import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfigFile, loadConfig } from "../../../config/load.js";
import { ConfigError } from "../../../src/core/errors.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (yaml: string): string => {
  const path = join(dir, `c${++n}.yaml`);
  writeFileSync(path, yaml);
  return path;
};
const problems = (options: Parameters<typeof loadConfig>[0]): string[] => {
  try {
    loadConfig(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
};

describe("loadConfig", () => {
  it("loads the shipped default with at least 12 real feeds and a contact placeholder in the User-Agent", () => {
    const { config } = loadConfig({ env: {} });
    expect(config.feeds.length).toBeGreaterThanOrEqual(12);
    expect(new Set(config.feeds.map((f) => f.id)).size).toBe(config.feeds.length);
    expect(config.userAgent).toContain(config.contact);
    expect(config.schedule).toBe("*/5 * * * *");
    expect(config.store).toBe("sqlite://data/regwatch.sqlite");
    expect(config.limits).toEqual({ requestTimeoutMs: 20000, maxBodyBytes: 5000000, maxRedirects: 5, concurrentFeeds: 4, maxNewPerFeed: 10 });
  });

  it("has the operations endpoint on 127.0.0.1:9464 by default; REGWATCH_HTTP_PORT moves it, 0 or http: false turns it off", () => {
    const feeds = "feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n";
    expect(loadConfig({ file: file(feeds), env: {} }).config.http).toEqual({ host: "127.0.0.1", port: 9464, maxPollAgeMinutes: 30 });
    expect(loadConfig({ file: file(feeds), env: { REGWATCH_HTTP_PORT: "9100" } }).config.http).toMatchObject({ port: 9100 });
    expect(loadConfig({ file: file(feeds), env: { REGWATCH_HTTP_PORT: "0" } }).config.http).toMatchObject({ port: 0 });
    expect(loadConfig({ file: file(`http: false\n${feeds}`), env: {} }).config.http).toBe(false);
    expect(loadConfig({ file: file(`log: { format: json }\nleader: { leaseSeconds: 20 }\n${feeds}`), env: {} }).config).toMatchObject({ log: { format: "json" }, leader: { leaseSeconds: 20 } });
    expect(problems({ file: file(feeds), env: { REGWATCH_HTTP_PORT: "80x" } })).toEqual([expect.stringMatching(/^REGWATCH_HTTP_PORT: must be a port number/)]);
    expect(problems({ file: file(`log: { format: xml }\n${feeds}`), env: {} })).toEqual([expect.stringMatching(/^log\.format: /)]);
  });

  it("fills defaults for everything but the feeds", () => {
    const { config } = loadConfig({ file: file("feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n"), env: {} });
    expect(config.seen.ttlDays).toBe(180);
    expect(config.limits.concurrentFeeds).toBe(4);
    expect(config.feeds[0]?.jurisdiction).toBeNull();
  });

  it("lists every problem at once, each with its path", () => {
    const found = problems({
      file: file(`
schedule: "every five minutes"
limits: { requestTimeoutMs: -1 }
feeds:
  - { id: ok, name: OK, url: "https://ok.example/rss", jurisdiction: JP }
  - { id: ok, name: Dup, url: "https://dup.example/rss" }
  - { id: bad, name: Bad, url: "not a url" }
  - { id: x, name: X, url: "https://x.example/rss", jurisdiction: japan }
  - { id: y, name: Y, url: "ftp://y.example/rss" }
  - { id: z, name: Z, url: "https://z.example/rss", colour: red }
`),
      env: {},
    });
    expect(found).toEqual(
      expect.arrayContaining([
        "schedule: is not a valid cron expression",
        expect.stringMatching(/^limits\.requestTimeoutMs: /),
        "feeds[2].url: Invalid URL",
        expect.stringMatching(/^feeds\[3\]\.jurisdiction: must be an ISO 3166-1/),
        "feeds[4].url: Invalid URL",
        expect.stringMatching(/^feeds\[5\]: .*colour/),
        'feeds[1].id: duplicates feeds[0].id "ok"',
      ]),
    );
    expect(found).toHaveLength(7);
  });

  it("reports YAML syntax errors with their line, and a missing file", () => {
    expect(problems({ file: file("feeds:\n  - id: a\n   name: [unclosed\n"), env: {} })[0]).toMatch(/^line \d+: /);
    expect(problems({ file: join(dir, "missing.yaml"), env: {} })).toEqual(["file not found"]);
  });

  it("takes the file from REGWATCH_CONFIG, the store from REGWATCH_STORE, and --config wins", () => {
    const a = file("feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n");
    const b = file("feeds:\n  - { id: b, name: B, url: 'https://b.example/rss' }\n");
    const fromEnv = loadConfig({ env: { REGWATCH_CONFIG: a, REGWATCH_STORE: "memory://" } });
    expect(fromEnv.config.feeds[0]?.id).toBe("a");
    expect(fromEnv.config.store).toBe("memory://");
    expect(loadConfig({ file: b, env: { REGWATCH_CONFIG: a } }).config.feeds[0]?.id).toBe("b");
    expect(loadConfig({ env: {} }).file).toBe(defaultConfigFile());
  });

  it("refuses a store URL it cannot open, from the file or from REGWATCH_STORE", () => {
    expect(problems({ file: file("store: mongodb://db/x\nfeeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n"), env: {} })).toEqual([
      "store: must be sqlite://FILE, redis://…, postgres://… or memory://",
    ]);
    expect(problems({ env: { REGWATCH_STORE: "data/regwatch.sqlite" } })).toEqual(["REGWATCH_STORE: must be sqlite://FILE, redis://…, postgres://… or memory://"]);
    expect(loadConfig({ env: { REGWATCH_STORE: "postgres://bot:pw@localhost/regwatch" } }).config.store).toBe("postgres://bot:pw@localhost/regwatch");
  });

  it("keeps bot tokens out of the configuration object and its messages", () => {
    const loaded = loadConfig({ env: { TELEGRAM_BOT_TOKEN: "123456:secret-token-value" } });
    expect(loaded.env.telegramToken).toBe("123456:secret-token-value");
    expect(JSON.stringify(loaded.config)).not.toContain("secret-token-value");
  });
});
