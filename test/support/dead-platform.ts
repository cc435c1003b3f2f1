// What the tests of `regwatch run` against a platform that is not there share: loopback servers that answer
// badly (or a port nobody listens on), and a service process with a deadline, killed and reported as hung
// when it does not end in time.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "./cli.js";

export interface Service {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the exit code, or "hung" when the deadline passed first (the process is then killed). */
  exit: (deadlineMs: number) => Promise<number | null | "hung">;
}

/** A scratch folder with a configuration whose one feed never answers and whose schedule never fires. */
export function deadPlatformBench(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const configFile = join(dir, "regwatch.yaml");
  const servers: Server[] = [];
  writeFileSync(
    configFile,
    `contact: ci@regwatch.test
schedule: "0 0 1 1 *"
limits: { connectTimeoutMs: 2000 }
feeds:
  - { id: a, name: A, url: "http://127.0.0.1:9/feed.xml", jurisdiction: JP }
`,
  );

  /** A loopback HTTP server with this handler; its port. */
  async function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }

  /** A loopback port nobody listens on. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  /** `regwatch run` with these platform variables and a store of its own (the `n`th). */
  function startService(platformEnv: Record<string, string>, n: number): Service {
    const child = spawn(process.execPath, [BIN, "run", "--config", configFile], {
      env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", HOME: dir, REGWATCH_STORE: `sqlite://${join(dir, `store-${n}.sqlite`)}`, ...platformEnv },
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

  async function close(): Promise<void> {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(dir, { recursive: true, force: true });
  }

  return { dir, configFile, listen, closedPort, startService, close };
}
