import { afterAll, describe, expect, it } from "vitest";
import { deadPlatformBench } from "../support/dead-platform.js";
import { snowflake, startDiscordServer } from "../support/discord-server.js";
import { waitFor } from "../support/wait.js";

// `regwatch run` with DISCORD_API_BASE pointing at something that is not a working Discord, or at a REST
// server whose gateway cannot be reached. Each process gets a deadline: one still running after it is killed.

const TOKEN = "discord-dead-api-token";
const bench = deadPlatformBench("regwatch-discord-dead-");
const { listen, closedPort } = bench;
afterAll(() => bench.close());

const startService = (port: number, n: number) => bench.startService({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `http://127.0.0.1:${port}/api` }, n);

/** A REST server that answers GET /gateway/bot with a gateway nobody listens on. */
async function restWithDeadGateway(): Promise<number> {
  const gateway = await closedPort();
  return listen((req, res) => {
    if (req.url?.endsWith("/gateway/bot")) {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ url: `ws://127.0.0.1:${gateway}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }),
      );
    } else res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Unknown", code: 0 }));
  });
}

describe("regwatch run with a dead DISCORD_API_BASE or gateway", () => {
  const cases: Array<[string, () => Promise<number>]> = [
    ["a closed port", closedPort],
    ["a server that never answers", () => listen(() => {})],
    ["a server that answers HTML, not JSON", () => listen((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>SECRET-PAGE welcome</html>"))],
    ["a gateway that cannot be reached", restWithDeadGateway],
  ];
  cases.forEach(([what, server], i) => {
    it(`fails start-up with one line and exit 1: ${what}`, async () => {
      const service = startService(await server(), i);
      const code = await service.exit(30_000);
      expect(code, service.stderr()).toBe(1);
      const errors = service.stderr().trimEnd().split("\n").filter((l) => l.startsWith("regwatch: discord"));
      expect(errors, service.stderr()).toHaveLength(1);
      expect(errors[0]).toMatch(/^regwatch: discord: cannot (reach|connect to) Discord at http:\/\/127\.0\.0\.1:\d+\/api/);
      expect(service.stderr()).not.toMatch(/SECR|<html|discord-dead-api-token|\n\s+at /);
    }, 40_000);
  });

  it("stops on SIGTERM during start-up", async () => {
    const service = startService(await listen(() => {}), 10);
    await waitFor("start-up", () => /delivering to discord/.test(service.stderr()), 15_000, service.stderr);
    service.child.kill("SIGTERM");
    expect(await service.exit(5_000)).toBe(0);
    expect(service.stderr()).toContain("SIGTERM: stopping before start-up completed");
  }, 30_000);

  it("after start, logs the lost gateway while discord.js reconnects, and stops on SIGTERM within seconds", async () => {
    const discord = await startDiscordServer({ guilds: [{ id: snowflake(), channels: [{ id: snowflake() }] }] });
    const service = startService(Number(new URL(discord.apiBase).port), 11);
    try {
      await waitFor("the gateway", () => /discord: connected as/.test(service.stderr()), 15_000, service.stderr);
      await discord.close();
      await waitFor("a reconnect line", () => /discord shard 0: gateway lost, reconnecting/.test(service.stderr()), 15_000, service.stderr);
      service.child.kill("SIGTERM");
      expect(await service.exit(5_000)).toBe(0);
      expect(service.stderr()).not.toContain(TOKEN);
    } finally {
      if (service.child.exitCode === null) service.child.kill("SIGKILL");
    }
  }, 60_000);
});
