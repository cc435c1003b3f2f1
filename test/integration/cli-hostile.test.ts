import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-cli-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configFile = join(dir, "regwatch.yaml");
writeFileSync(configFile, `contact: ci@regwatch.test\nlimits: { connectTimeoutMs: 2000 }\nfeeds:\n  - { id: a, name: A, url: "http://127.0.0.1:9/feed.xml", jurisdiction: JP }\n`);

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed for not ending on its own within the deadline. */
  hung: boolean;
}

/** Runs the built CLI; a process still running after `deadlineMs` is killed and reported as hung. */
function regwatch(args: string[], env: Record<string, string> = {}, deadlineMs = 30_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", HOME: process.env.HOME ?? "/tmp", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, deadlineMs);
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
  });
}

const oneLine = (text: string): string[] => text.trimEnd().split("\n");

describe("an unreachable store fails every command with one line and exit 1", () => {
  const redis = { REGWATCH_STORE: "redis://127.0.0.1:1" };
  for (const args of [["feeds", "-c", configFile], ["chat", "-c", "/latest", "--config", configFile], ["run", "-c", configFile]]) {
    it(`REGWATCH_STORE=redis://127.0.0.1:1 regwatch ${args.slice(0, 3).join(" ")}`, async () => {
      const result = await regwatch(args, redis);
      expect(result.hung).toBe(false);
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr).filter((l) => l.startsWith("regwatch: ") && /store/.test(l))).toHaveLength(1);
      expect(result.stderr).toMatch(/redis:\/\/127\.0\.0\.1:1/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }, 60_000);
  }

  it("store: sqlite:///proc/nope/x.sqlite", async () => {
    const file = join(dir, "proc.yaml");
    writeFileSync(file, `store: "sqlite:///proc/nope/x.sqlite"\nfeeds:\n  - { id: a, name: A, url: "http://127.0.0.1:9/feed.xml" }\n`);
    const result = await regwatch(["feeds", "-c", file]);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^regwatch: .*\/proc\/nope/);
  }, 60_000);
});

describe("numbers on the command line are decimal integers within range", () => {
  for (const age of ["abc", "1e309", "-5", "0x10", ""]) {
    it(`health --max-age ${JSON.stringify(age)} is bad input: exit 2`, async () => {
      const result = await regwatch(["health", "--max-age", age, "-c", configFile], { REGWATCH_STORE: `sqlite://${join(dir, "health.sqlite")}` });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/max-age/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("health --max-age 30 still answers (no poll yet: exit 1)", async () => {
    const result = await regwatch(["health", "--max-age", "30", "-c", configFile], { REGWATCH_STORE: `sqlite://${join(dir, "health.sqlite")}` });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("no poll completed yet\n");
  });
});

describe("unreadable configuration", () => {
  it("a YAML alias bomb is a configuration error: exit 2, one problem", async () => {
    const lines = [`feeds: [{ id: a, name: A, url: "https://a.example/" }]`, "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) {
      const name = String.fromCharCode(98 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`);
    }
    const bomb = join(dir, "bomb.yaml");
    writeFileSync(bomb, lines.join("\n") + "\n");
    const result = await regwatch(["feeds", "-c", bomb]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^regwatch: configuration error in .*bomb\.yaml: 1 problem\n {2}.*alias/);
  });

  it("a directory as the configuration: exit 2", async () => {
    const result = await regwatch(["feeds", "-c", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot read the file (EISDIR)");
  });
});

describe("output into a closed pipe", () => {
  it("stops quietly with exit 0 when the reader goes away (regwatch analyze | head)", async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ title: `FSA fines exchange ${i}`, text: "The Financial Services Agency fined an exchange ¥10 million." }));
    const input = join(dir, "items.json");
    writeFileSync(input, JSON.stringify(items));
    // Like `| head -c 100`: read the first chunk, then close the pipe while regwatch is still writing.
    const result = await new Promise<Outcome>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, "analyze", "--all", "--json", input], { env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stdout.once("data", () => child.stdout.destroy());
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout: "", stderr, hung: false }));
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 60_000);
});
