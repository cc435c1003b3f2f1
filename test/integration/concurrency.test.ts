import { spawn, type ChildProcessByStdio } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { Alert } from "../../src/core/article.js";
import { openStores } from "../../src/storage/index.js";
import { freshPostgres, freshRedis } from "../support/servers.js";
import { waitFor } from "../support/wait.js";

const WRITER = resolve(import.meta.dirname, "../../dist/test/support/store-writer.js");
const dir = mkdtempSync(join(tmpdir(), "regwatch-concurrency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Writer {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  out: string;
  err: string;
}

function writer(args: string[]): Writer {
  const child = spawn(process.execPath, [WRITER, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const w: Writer = { child, out: "", err: "" };
  child.stdout.on("data", (d: Buffer) => (w.out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (w.err += d.toString()));
  return w;
}

/** Starts the writers, lets them all go at once, and returns what each printed. */
async function together(argv: string[][]): Promise<unknown[]> {
  const writers = argv.map(writer);
  await waitFor("the writers to open the store", () => writers.every((w) => w.out.startsWith("ready\n")), 20_000, () => writers.map((w) => w.err).join("\n"));
  for (const w of writers) w.child.stdin.write("go\n");
  await Promise.all(writers.map((w) => new Promise((done) => w.child.once("close", done))));
  return writers.map((w) => {
    const line = w.out.split("\n")[1];
    if (!line) throw new Error(`a writer failed: ${w.err}`);
    return JSON.parse(line) as unknown;
  });
}

const backends: Array<[string, () => Promise<string>]> = [
  ["an SQLite file", async () => `sqlite://${join(mkdtempSync(join(dir, "s-")), "regwatch.sqlite")}`],
  ["Redis", () => freshRedis(3)],
  ["PostgreSQL", () => freshPostgres()],
];

const alert = (id: string): Alert => ({
  id, feedId: "f", feedName: "F", url: `https://example.org/${id}`, title: id, text: "", published: "2026-11-01T00:00:00.000Z",
  categories: [], language: "en", policy: true, jurisdictions: ["JP"], topics: [], summary: "", figures: [],
});

describe.each(backends)("two processes writing %s at once", (_name, url) => {
  it("keep all 400 of 2 × 200 concurrent subscriptions, indexes included", async () => {
    const store = await url();
    await together([
      [store, "subscribe", "a", "200"],
      [store, "subscribe", "b", "200"],
    ]);
    const stores = await openStores(store, { seenTtlDays: 1 });
    try {
      expect(await stores.subscriptions.list()).toHaveLength(400);
      expect(await stores.subscriptions.matching({ jurisdictions: ["JP"], topics: [] })).toHaveLength(400);
      expect(await stores.subscriptions.matching({ jurisdictions: ["HK"], topics: [] })).toHaveLength(200);
    } finally {
      await stores.close();
    }
  });

  it("queue two alerts for the same 20 chats, losing no entry, and hand a digest to only one", async () => {
    const store = await url();
    const results = await together([
      [store, "enqueue", "x", "20"],
      [store, "enqueue", "y", "20"],
    ]);
    expect(results).toEqual([20, 20]);
    const stores = await openStores(store, { seenTtlDays: 1 });
    try {
      const queues = await stores.outbox.list();
      expect(queues).toHaveLength(20);
      for (const queue of queues) expect(queue.entries.map((e) => e.alertId).sort()).toEqual(["x", "y"]);
      expect(await stores.outbox.pendingTargets()).toHaveLength(20);
      await stores.outbox.addToDigest([{ platform: "telegram", chatId: "d" }], alert("z"));
    } finally {
      await stores.close();
    }
    const taken = await together([
      [store, "take-digest", "d", "daily:2026-11-02"],
      [store, "take-digest", "d", "daily:2026-11-02"],
    ]);
    expect(taken.filter((t) => Array.isArray(t) && t.length > 0)).toEqual([["z"]]);
    expect(taken.filter((t) => Array.isArray(t) && t.length === 0)).toHaveLength(1);
  });
});
