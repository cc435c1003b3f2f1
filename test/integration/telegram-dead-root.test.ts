import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { startTelegramServer } from "../support/telegram-server.js";
import { waitFor } from "../support/wait.js";

// `regwatch run` with TELEGRAM_API_ROOT pointing at something that is not a working Bot API server. Each
// process gets a deadline: one still running after it is killed and reported as hung.

const TOKEN = "123:TEST";
const dir = mkdtempSync(join(tmpdir(), "regwatch-telegram-dead-"));
const configFile = join(dir, "regwatch.yaml");
const servers: Server[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

interface Service {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the exit code, or "hung" when the deadline passed first (the process is then killed). */
  exit: (deadlineMs: number) => Promise<number | null | "hung">;
}

function startService(apiRoot: string, n: number): Service {
  const child = spawn(process.execPath, [BIN, "run", "--config", configFile], {
    env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", HOME: dir, REGWATCH_STORE: `sqlite://${join(dir, `store-${n}.sqlite`)}`, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    stderr: () => stderr,
    exit: (deadlineMs) =>
      Promise.race([
        exited,
        new Promise<"hung">((resolve) =>
          setTimeout(() => {
            if (child.exitCode === null) child.kill("SIGKILL");
            resolve("hung");
          }, deadlineMs),
        ),
      ]),
  };
}

beforeAll(() => {
  writeFileSync(
    configFile,
    `contact: ci@regwatch.test
schedule: "0 0 1 1 *"
limits: { connectTimeoutMs: 2000 }
feeds:
  - { id: a, name: A, url: "http://127.0.0.1:9/feed.xml", jurisdiction: JP }
`,
  );
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  rmSync(dir, { recursive: true, force: true });
});

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
