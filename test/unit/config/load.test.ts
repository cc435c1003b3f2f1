import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
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
    expect(config.limits).toEqual({ requestTimeoutMs: 20000, maxBodyBytes: 5000000, maxRedirects: 5, concurrentFeeds: 4, maxNewPerFeed: 10, connectTimeoutMs: 10000 });
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
    expect(config.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(config.feeds[0]?.alerts).toBe("policy");
  });

  it("takes the operator's time zone, and refuses one Intl does not know", () => {
    const feeds = "feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n";
    expect(loadConfig({ file: file(`timezone: Asia/Tokyo\n${feeds}`), env: {} }).config.timezone).toBe("Asia/Tokyo");
    expect(problems({ file: file(`timezone: Mars/Olympus\n${feeds}`), env: {} })).toEqual(["timezone: unknown time zone: use an IANA name such as Asia/Tokyo, Europe/London or UTC"]);
  });

  it("takes alerts: all per feed and refuses any other value", () => {
    const { config } = loadConfig({ file: file("feeds:\n  - { id: a, name: A, url: 'https://a.example/rss', alerts: all }\n"), env: {} });
    expect(config.feeds[0]?.alerts).toBe("all");
    const found = problems({ file: file("feeds:\n  - { id: a, name: A, url: 'https://a.example/rss', alerts: everything }\n"), env: {} });
    expect(found).toEqual([expect.stringMatching(/^feeds\[0\]\.alerts: must be "policy" or "all"/)]);
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

  it("puts the state file beside an SQLite file, under data/ for a server store, nowhere for memory://, or where it is told", () => {
    const feeds = "feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n";
    const stateFile = (yaml: string, env: NodeJS.ProcessEnv = {}) => loadConfig({ file: file(yaml + feeds), env }).config.stateFile;
    expect(stateFile("store: sqlite://data/x.sqlite\n")).toBe(resolve("data/x.sqlite.state.json"));
    expect(stateFile("", { REGWATCH_STORE: "redis://127.0.0.1:6379/0" })).toBe(resolve("data/regwatch.state.json"));
    expect(stateFile("store: postgres://bot@db/regwatch\n")).toBe(resolve("data/regwatch.state.json"));
    expect(stateFile("store: memory://\n")).toBe(false);
    expect(stateFile("store: redis://db:6379\nstateFile: /var/lib/regwatch/state.json\n")).toBe("/var/lib/regwatch/state.json");
    expect(stateFile("stateFile: false\n")).toBe(false);
    expect(problems({ file: file("stateFile: 3\n" + feeds), env: {} })).toEqual([expect.stringMatching(/^stateFile: /)]);
  });

  it("keeps bot tokens out of the configuration object and its messages", () => {
    const loaded = loadConfig({ env: { TELEGRAM_BOT_TOKEN: "123456:secret-token-value" } });
    expect(loaded.env.telegramToken).toBe("123456:secret-token-value");
    expect(JSON.stringify(loaded.config)).not.toContain("secret-token-value");
  });

  it("accepts numbers in decimal only: hex, octal, exponents and infinity are problems", () => {
    const found = problems({
      file: file(`feeds: [{ id: a, name: A, url: "https://a.example/" }]\nlimits: { maxNewPerFeed: 0x10, concurrentFeeds: 0o7, maxBodyBytes: 1e6 }\nseen: { ttlDays: .inf }\n`),
      env: {},
    });
    expect(found).toEqual([
      "line 2: 0x10 is not a decimal number",
      "line 2: 0o7 is not a decimal number",
      "line 2: 1e6 is not a decimal number",
      "line 3: .inf is not a decimal number",
    ]);
  });

  it("refuses numbers beyond sensible maxima, such as a request timeout of 3,000,000,000 ms", () => {
    const found = problems({
      file: file(
        `feeds: [{ id: a, name: A, url: "https://a.example/" }]\nlimits: { requestTimeoutMs: 3000000000, maxBodyBytes: 10000000000, maxNewPerFeed: 100000 }\nseen: { ttlDays: 1000000 }\ndelivery: { retry: { baseDelayMs: 99999999999, maxDelayMs: 99999999999, maxAttempts: 100000 }, telegram: { perSecond: 1e400 } }\n`,
      ),
      env: {},
    });
    for (const path of ["limits.requestTimeoutMs", "limits.maxBodyBytes", "limits.maxNewPerFeed", "seen.ttlDays", "delivery.retry.baseDelayMs", "delivery.retry.maxDelayMs", "delivery.retry.maxAttempts"]) {
      expect(found.some((p) => p.startsWith(`${path}:`)), path).toBe(true);
    }
    expect(found.some((p) => /1e400 is not a decimal number/.test(p))).toBe(true);
  });

  it("a YAML alias bomb is a configuration error, not a crash", () => {
    const bomb = ["feeds: [{ id: a, name: A, url: \"https://a.example/\" }]", "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`);
    const found = problems({ file: file(bomb.join("\n") + "\n"), env: {} });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/alias/i);
  });

  it("a directory or a binary file in place of the configuration is a configuration error", () => {
    expect(problems({ file: dir, env: {} })).toEqual(["cannot read the file (EISDIR)"]);
    const binary = join(dir, "binary.yaml");
    writeFileSync(binary, Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x80, 0x81]));
    expect(problems({ file: binary, env: {} }).length).toBeGreaterThan(0);
  });

  it("leaves the model off by default and reads its key only from the variable llm.apiKeyEnv names", () => {
    const feeds = "feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n";
    expect(loadConfig({ file: file(feeds), env: {} }).config.llm).toBeUndefined();
    const llm = "llm: { baseUrl: 'http://127.0.0.1:11434/v1', model: qwen2.5, apiKeyEnv: MODEL_KEY }\n";
    const loaded = loadConfig({ file: file(llm + feeds), env: { MODEL_KEY: "sk-from-env" } });
    expect(loaded.config.llm).toEqual({ baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5", apiKeyEnv: "MODEL_KEY", timeoutMs: 5000, maxPerHour: 200, maxTokens: 400 });
    expect(loaded.env.llmApiKey).toBe("sk-from-env");
    expect(problems({ file: file(llm + feeds), env: {} })).toEqual(["llm.apiKeyEnv: the environment variable MODEL_KEY is not set (it should hold the model API's key)"]);
    const bad = problems({ file: file("llm: { baseUrl: 'ftp://x', model: '', apiKeyEnv: 'sk-123 abc', timeoutMs: 0 }\n" + feeds), env: {} });
    expect(bad).toHaveLength(4);
    expect(bad.join("\n")).not.toContain("sk-123 abc");
  });
});
