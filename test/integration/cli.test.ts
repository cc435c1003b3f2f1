import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, regwatch } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { day, rss } from "../support/rss.js";
import { waitFor } from "../support/wait.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-cli-"));
let server: FeedServer;
let configFile: string;
const env = (): Record<string, string> => ({ REGWATCH_STORE: `sqlite://${join(dir, "shared.sqlite")}` });

const fsaItems = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    title: `Japan's FSA publishes draft rules on crypto-asset lending ${n - i}`,
    link: `https://www.fsa.go.jp/en/news/${n - i}.html`,
    pubDate: day(n - i),
    description: `The Financial Services Agency of Japan published draft rules number ${n - i} for crypto lending.`,
  }));

beforeAll(async () => {
  server = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: fsaItems(2) }) }, "/down.xml": { status: 503 } });
  configFile = join(dir, "regwatch.yaml");
  writeFileSync(
    configFile,
    `contact: ci@example.com
feeds:
  - { id: fsa, name: Japan FSA, url: "${server.url("/fsa.xml")}", jurisdiction: JP }
  - { id: down, name: Down, url: "${server.url("/down.xml")}", jurisdiction: US }
`,
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("regwatch CLI", () => {
  it("lists its commands", async () => {
    const result = await regwatch(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["run", "poll", "feeds"]) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("exits 2 listing every configuration problem, one per line, without a stack trace", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, `schedule: nope\nfeeds:\n  - { id: a, name: A, url: "not a url" }\n  - { id: b, name: B, url: "https://b.example/", jurisdiction: zz }\n`);
    const result = await regwatch(["poll", "--once", "--config", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("schedule: is not a valid cron expression");
    expect(result.stderr).toContain("feeds[0].url: Invalid URL");
    expect(result.stderr).toContain("feeds[1].jurisdiction:");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("two processes on one SQLite file: the second poll after the first prints nothing new", async () => {
    const prime = await regwatch(["poll", "--once", "--config", configFile], env());
    expect(prime.code).toBe(0);
    expect(prime.stdout).toBe("");
    expect(prime.stderr).toContain("feed down: HTTP 503");

    server.set("/fsa.xml", { body: rss({ title: "FSA", items: fsaItems(3) }) });
    const first = await regwatch(["poll", "--once", "--json", "--config", configFile], env());
    expect(first.code).toBe(0);
    const alerts = JSON.parse(first.stdout) as Array<Record<string, unknown>>;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      feedId: "fsa",
      title: "Japan's FSA publishes draft rules on crypto-asset lending 3",
      url: "https://www.fsa.go.jp/en/news/3.html",
      published: new Date(Date.UTC(2026, 10, 4, 9)).toISOString(),
    });
    for (const key of ["policy", "jurisdictions", "topics", "summary", "figures", "text", "id"]) expect(alerts[0]).toHaveProperty(key);

    const second = await regwatch(["poll", "--once", "--config", configFile], env());
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("");
  });

  it("analyze: one result per item in input order, titles optional, an empty item named in one line", async () => {
    const file = join(dir, "items.json");
    writeFileSync(
      file,
      JSON.stringify([
        { title: "Bitcoin price jumps 6% to a record" },
        { title: "", text: "The Financial Conduct Authority fined a crypto firm £3 million for weak controls." },
        { title: " ", text: "<p> </p>" },
        { text: "Die BaFin warnt vor nicht zugelassenen Anbietern von Kryptowerten." },
      ]),
    );
    const text = await regwatch(["analyze", file]);
    expect(text.code).toBe(2);
    expect(text.stdout.split("\n").filter((l) => /^#\d/.test(l))).toEqual([
      "#1 not policy · Bitcoin price jumps 6% to a record",
      "#2 POLICY · 🇬🇧 GB · enforcement",
      `#3 error: ${file}: item 3: empty item (no title and no text)`,
      "#4 POLICY · 🇩🇪 DE · enforcement, exchange-licensing",
    ]);
    expect(text.stderr).toBe(`regwatch: ${file}: item 3: empty item (no title and no text)\n`);

    const json = await regwatch(["analyze", "--json", "--explain", file]);
    const out = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(out.map((r) => r.policy ?? r.error)).toEqual([false, true, `${file}: item 3: empty item (no title and no text)`, true]);
    expect(out[1]).toMatchObject({
      jurisdictions: ["GB"],
      evidence: { jurisdictions: [{ code: "GB", terms: [expect.objectContaining({ term: "Financial Conduct Authority", as: "authority GB regulator", where: "title" })] }] },
    });
  });

  it("shows each feed's state", async () => {
    const result = await regwatch(["feeds", "--config", configFile], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fsa\s+JP\s+last ok \d{4}-\d\d-\d\d \d\d:\d\d\s+ok, 3 items$/m);
    expect(result.stdout).toMatch(/^down\s+US\s+never ok\s+FAILING x\d: HTTP 503/m);
  });

  it("runs as a service: reports the first poll, then stops cleanly on SIGTERM", async () => {
    const fresh = { REGWATCH_STORE: `sqlite://${join(dir, "service.sqlite")}` };
    const child = spawn(process.execPath, [BIN, "run", "--config", configFile], {
      env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", ...fresh },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    await waitFor("the first poll report", () => stdout.includes("First poll of 1 feed") && stdout.includes("Latest policy items"), 15_000);
    expect(stdout).toContain("3 published items recorded; they are not alerted");
    expect(stdout).toContain("Latest policy items (already published):");
    expect(stdout).not.toContain("NEW ");
    const code = await new Promise<number | null>((resolve) => {
      child.on("close", resolve);
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(stderr).toContain("SIGTERM: finishing the poll in flight, handing over, then stopping");
    expect(stderr).toMatch(/stopped\n$/);

    const healthy = await regwatch(["health", "--config", configFile], fresh);
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(/^last poll .* ok: feeds 2: fetched 1, not modified 0, failed 1, first poll 1;/);
    const stale = await regwatch(["health", "--max-age", "0", "--config", configFile], fresh);
    expect(stale.code).toBe(1);
    const never = await regwatch(["health", "--config", configFile], { REGWATCH_STORE: `sqlite://${join(dir, "never.sqlite")}` });
    expect(never.code).toBe(1);
    expect(never.stdout).toBe("no poll completed yet\n");
  });
});

describe("regwatch analyze into a pipe that is read late", () => {
  it("writes every result before it exits, however full the pipe was", async () => {
    const items = Array.from({ length: 400 }, (_, i) => ({
      title: `Ruritania's regulator fines exchange number ${i}`,
      text: `The regulator fined the exchange ${i * 1000} euros on 1 March 2026 for breaching anti-money laundering rules. `.repeat(4),
    }));
    const file = join(dir, "many.json");
    writeFileSync(file, JSON.stringify(items));
    // The reader starts two seconds late, as a slow `jq` would: the pipe fills and Node queues the rest of the
    // output, which a process that exits at once would lose (the reader then sees exactly 64 KiB).
    const child = spawn("sh", ["-c", `"${process.execPath}" "${BIN}" analyze --json --all "${file}" | (sleep 2; cat)`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const results = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown[];
    expect(results).toHaveLength(400);
  });
});
