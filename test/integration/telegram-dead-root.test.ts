import { afterAll, describe, expect, it } from "vitest";
import { deadPlatformBench } from "../support/dead-platform.js";
import { startTelegramServer } from "../support/telegram-server.js";
import { waitFor } from "../support/wait.js";

// `regwatch run` with TELEGRAM_API_ROOT pointing at something that is not a working Bot API server. Each
// process gets a deadline: one still running after it is killed and reported as hung.

const TOKEN = "123:TEST";
const bench = deadPlatformBench("regwatch-telegram-dead-");
afterAll(() => bench.close());

const url = (port: number) => `http://127.0.0.1:${port}`;
const listen = async (handler: Parameters<typeof bench.listen>[0]) => url(await bench.listen(handler));
const closedPort = async () => url(await bench.closedPort());
const startService = (apiRoot: string, n: number) => bench.startService({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot }, n);

describe("regwatch run with a dead TELEGRAM_API_ROOT", () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ["a closed port", closedPort],
    ["a server that never answers", () => listen(() => {})],
    ["a server that answers HTML, not JSON", () => listen((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>SECRET-PAGE welcome</html>"))],
  ];
  cases.forEach(([what, root], i) => {
    it(`fails start-up with one line and exit 1: ${what}`, async () => {
      const service = startService(await root(), i);
      const code = await service.exit(30_000);
      expect(code, service.stderr()).toBe(1);
      const errors = service.stderr().trimEnd().split("\n").filter((l) => l.startsWith("regwatch: telegram"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^regwatch: telegram: cannot reach the Bot API at http:\/\/127\.0\.0\.1:\d+/);
      expect(service.stderr()).not.toMatch(/SECR|<html|123:TEST|\n\s+at /);
    }, 40_000);
  });

  it("stops on SIGTERM during the start-up check", async () => {
    const service = startService(await listen(() => {}), 10);
    await waitFor("start-up", () => /delivering to telegram/.test(service.stderr()), 15_000, service.stderr);
    service.child.kill("SIGTERM");
    expect(await service.exit(5_000)).toBe(0);
    expect(service.stderr()).toContain("SIGTERM: stopping before start-up completed");
  }, 30_000);

  it("after start, retries a vanished Bot API with backoff and a log line each, and stops on SIGTERM within seconds", async () => {
    const telegram = await startTelegramServer({ token: TOKEN });
    const service = startService(telegram.apiRoot, 11);
    try {
      await waitFor("long polling", () => /ready \(long polling\)/.test(service.stderr()), 15_000, service.stderr);
      await telegram.close();
      const retries = () => service.stderr().split("\n").filter((l) => /telegram: getUpdates failed.*retrying in \d+ s/.test(l));
      await waitFor("two retries", () => retries().length >= 2, 20_000, service.stderr);
      const delays = retries().map((l) => Number(/retrying in (\d+) s/.exec(l)?.[1]));
      expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
      expect(service.stderr()).not.toContain(TOKEN);
      service.child.kill("SIGTERM");
      expect(await service.exit(5_000)).toBe(0);
    } finally {
      if (service.child.exitCode === null) service.child.kill("SIGKILL");
    }
  }, 60_000);
});
