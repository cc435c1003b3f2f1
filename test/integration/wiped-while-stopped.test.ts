import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, regwatch } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { custodyRule, rss } from "../support/rss.js";
import { freePort } from "../support/ports.js";
import { freshRedis, redisCommand } from "../support/servers.js";
import { waitFor } from "../support/wait.js";

interface Run {
  log: () => string;
  out: () => string;
  /** SIGTERM, then the exit. */
  stop(): Promise<void>;
}

/** `regwatch run` in `cwd`, in console mode, until stopped. */
function start(configFile: string, cwd: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, [BIN, "run", "--config", configFile], { cwd, env: { PATH: process.env.PATH ?? "", HOME: cwd, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  let out = "";
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return {
    log: () => log,
    out: () => out,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Every instance stopped, the store's data lost (Redis flushed, the SQLite file deleted), then a start: the
 * host remembered the store's identity in its state file, so the loss is reported and the feeds are primed
 * again silently, as when the data goes under a running service.
 */
describe.each([
  ["Redis", async () => ({ store: await freshRedis(14), wipe: (url: string) => redisCommand(url, ["FLUSHDB"]).then(() => undefined), stateFile: "data/regwatch.state.json" })],
  [
    "an SQLite file",
    async () => ({
      store: "sqlite://data/regwatch.sqlite",
      wipe: async (_url: string, cwd?: string) => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(join(cwd!, "data", `regwatch.sqlite${suffix}`), { force: true });
      },
      stateFile: "data/regwatch.sqlite.state.json",
    }),
  ],
])("a store wiped while regwatch was stopped, on %s", (_name, backend) => {
  let feeds: FeedServer;
  beforeAll(async () => {
    feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [custodyRule(2), custodyRule(1)] }) } });
  });
  afterAll(() => feeds.close());

  it("is noticed at the next start: logged as an error, primed again without alerts, and reported by health", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regwatch-wiped-"));
    const { store, wipe, stateFile } = await backend();
    const configFile = join(dir, "regwatch.yaml");
    writeFileSync(configFile, `contact: ci@example.com\nschedule: "* * * * * *"\nstore: "${store}"\nfeeds:\n  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }\n`);
    const port = await freePort();
    const env = { REGWATCH_HTTP_PORT: String(port) };
    const runs: Run[] = [];
    const run = () => {
      const r = start(configFile, dir, env);
      runs.push(r);
      return r;
    };
    try {
      const first = run();
      await waitFor("the first poll", () => /first poll 1/.test(first.log()), 20_000, first.log);
      await first.stop();
      const remembered = JSON.parse(readFileSync(join(dir, stateFile), "utf8")) as { stores: Record<string, { identity: string }> };
      expect(Object.values(remembered.stores)).toEqual([{ identity: expect.stringMatching(/^[0-9a-f]{16}$/), seenAt: expect.any(String) }]);

      // A restart of the same store is no loss.
      const second = run();
      await waitFor("a poll after the restart", () => /feeds 1: fetched/.test(second.log()), 20_000, second.log);
      await second.stop();
      expect(second.log()).not.toMatch(/lost its data|first poll/);

      // Everything goes while nothing runs; a new item appears meanwhile, which a fresh store cannot tell from old news.
      await wipe(store, dir);
      feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [custodyRule(3), custodyRule(2), custodyRule(1)] }) });
      const third = run();
      await waitFor("the loss to be reported", () => /lost its data while regwatch was stopped/.test(third.log()), 20_000, third.log);
      expect(third.log()).toMatch(/ error store .*: the store lost its data while regwatch was stopped \(this host last saw identity [0-9a-f]{16}, remembered in .*\.state\.json\).*Every feed is primed again/);
      await waitFor("the feed primed again", () => /first poll 1/.test(third.log()), 20_000, third.log);
      expect(third.out()).not.toMatch(/^NEW/m);
      const health = await regwatch(["health", "--config", configFile], env, dir);
      expect(health.stdout).toMatch(/^ready: leader \(term \d+\), store ok$/m);
      expect(health.stdout).toMatch(/^store data lost .*: the store lost its data while regwatch was stopped/m);
      await third.stop();
      // The new store's identity is remembered in place of the lost one.
      const now = JSON.parse(readFileSync(join(dir, stateFile), "utf8")) as typeof remembered;
      expect(Object.values(now.stores)[0]!.identity).not.toBe(Object.values(remembered.stores)[0]!.identity);
    } finally {
      for (const r of runs) await r.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("cannot be noticed by a host that never saw the store (no state file): it starts afresh, silently", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regwatch-wiped-"));
    const { store, wipe, stateFile } = await backend();
    const configFile = join(dir, "regwatch.yaml");
    writeFileSync(configFile, `contact: ci@example.com\nschedule: "* * * * * *"\nstore: "${store}"\nfeeds:\n  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }\n`);
    const first = start(configFile, dir, { REGWATCH_HTTP_PORT: "0" });
    try {
      await waitFor("the first poll", () => /first poll 1/.test(first.log()), 20_000, first.log);
      await first.stop();
      await wipe(store, dir);
      rmSync(join(dir, stateFile));
      expect(existsSync(join(dir, stateFile))).toBe(false);
      const second = start(configFile, dir, { REGWATCH_HTTP_PORT: "0" });
      try {
        await waitFor("the first poll", () => /first poll 1/.test(second.log()), 20_000, second.log);
      } finally {
        await second.stop();
      }
      expect(second.log()).not.toMatch(/lost its data/);
    } finally {
      await first.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
