import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BIN, regwatch } from "../support/cli.js";
import { startFeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { freshRedis, redisCommand } from "../support/servers.js";
import { waitFor } from "../support/wait.js";

const item = (n: number) => ({
  title: `Japan's FSA finalises rules on crypto-asset custody ${n}`,
  link: `https://www.fsa.go.jp/en/news/${n}.html`,
  pubDate: day(n),
  description: `The Financial Services Agency of Japan finalised custody rules number ${n} for crypto-asset exchanges.`,
});

it("notices a store that lost its data, says so, re-primes without alerting old news, and health reports it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "regwatch-loss-"));
  const store = await freshRedis(7);
  const feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [item(2), item(1)] }) } });
  const configFile = join(dir, "regwatch.yaml");
  writeFileSync(configFile, `contact: ci@example.com\nschedule: "* * * * * *"\nfeeds:\n  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }\n`);
  const env = { HOME: dir, REGWATCH_STORE: store };
  const child = spawn(process.execPath, [BIN, "run", "--config", configFile], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  let out = "";
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  try {
    await waitFor("the first poll", () => /first poll 1/.test(log), 20_000, () => log);
    // What a Redis restarted without persistence looks like from here: every key gone at once.
    await redisCommand(store, ["FLUSHDB"]);
    await waitFor("the loss to be noticed", () => /lost its data/.test(log), 10_000, () => log);
    await waitFor("the feed primed again", () => (log.match(/first poll 1/g) ?? []).length === 2, 10_000, () => log);
    expect(out).not.toMatch(/^NEW/m); // the items already there are old news, then as before
    const health = await regwatch(["health", "--config", configFile], env);
    expect(health.stdout).toMatch(/store data lost .*: the store lost its data/);
  } finally {
    child.kill("SIGKILL");
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
