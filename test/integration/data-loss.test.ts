import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BIN, regwatch } from "../support/cli.js";
import { startFeedServer } from "../support/feed-server.js";
import { custodyRule, rss } from "../support/rss.js";
import { freePort } from "../support/ports.js";
import { freshRedis, redisCommand } from "../support/servers.js";
import { startTcpProxy } from "../support/tcp-proxy.js";
import { waitFor } from "../support/wait.js";

it("serves /healthz, /readyz and /metrics, logs JSON, is unready while the store is gone and ready again after, and notices a store that lost its data", async () => {
  const dir = mkdtempSync(join(tmpdir(), "regwatch-loss-"));
  const store = await freshRedis(7);
  const feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [custodyRule(2), custodyRule(1)] }) } });
  const configFile = join(dir, "regwatch.yaml");
  writeFileSync(configFile, `contact: ci@example.com\nschedule: "* * * * * *"\nlog: { format: json }\nfeeds:\n  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }\n`);
  const port = await freePort();
  const direct = new URL(store);
  const proxy = await startTcpProxy(direct.hostname, Number(direct.port));
  const env = { HOME: dir, REGWATCH_STORE: proxy.url(store), REGWATCH_HTTP_PORT: String(port) };
  const ops = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
  const child = spawn(process.execPath, [BIN, "run", "--config", configFile], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  let out = "";
  let status = 0;
  const probe = setInterval(() => void ops("/readyz").then((r) => void (status = r.status), () => undefined), 200);
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  try {
    await waitFor("the first poll", () => /first poll 1/.test(log), 20_000, () => log);
    expect((await ops("/healthz")).status).toBe(200);
    const ready = await ops("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, role: "leader", term: 1, store: "ok", lastPoll: { ok: true } });
    const metrics = await (await ops("/metrics")).text();
    expect(metrics).toMatch(/^regwatch_leader 1$/m);
    expect(metrics).toMatch(/^regwatch_polls_total\{result="ok"\} [1-9]/m);
    expect(metrics).toMatch(/^regwatch_feed_fetches_total\{feed="fsa",result="primed"\} 1$/m);
    expect(metrics).toMatch(/^regwatch_last_poll_timestamp_seconds \d/m);
    for (const line of log.trim().split("\n")) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), msg: expect.any(String), role: expect.any(String) });

    // The store goes away: not ready, and health says so; it comes back: ready again, without a restart.
    proxy.down();
    await waitFor("/readyz to say not ready", () => status === 503, 20_000, () => log);
    const unready = await regwatch(["health", "--config", configFile], env);
    expect(unready.code).toBe(1);
    expect(unready.stdout).toMatch(/^NOT READY: (leader|standby).*, store (?!ok)/);
    proxy.up();
    await waitFor("/readyz to say ready", () => status === 200, 20_000, () => log);
    // What a Redis restarted without persistence looks like from here: every key gone at once.
    await redisCommand(store, ["FLUSHDB"]);
    await waitFor("the loss to be noticed", () => /lost its data/.test(log), 10_000, () => log);
    await waitFor("the feed primed again", () => (log.match(/first poll 1/g) ?? []).length === 2, 10_000, () => log);
    expect(out).not.toMatch(/^NEW/m); // the items already there are old news, then as before
    const health = await regwatch(["health", "--config", configFile], env);
    expect(health.stdout).toMatch(/^ready: leader \(term \d+\), store ok$/m);
    expect(health.stdout).toMatch(/store data lost .*: the store lost its data/);
  } finally {
    clearInterval(probe);
    child.kill("SIGKILL");
    await proxy.close();
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
