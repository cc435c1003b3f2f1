import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LeaseLost } from "../../src/core/errors.js";
import type { Target } from "../../src/core/subscription.js";
import { Leadership } from "../../src/service/leadership.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { makeAlert } from "../support/fixtures.js";
import { freshPostgres, freshRedis } from "../support/servers.js";
import { waitFor } from "../support/wait.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-fence-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const chat: Target = { platform: "telegram", chatId: "100" };
const alert = (id: string) => makeAlert(0, { id });

const queued = async (stores: Stores): Promise<string[]> => ((await stores.outbox.queue(chat))?.entries ?? []).map((e) => e.alertId);

/**
 * Two instances on one real store, each with its outbox fenced by its own term: the writes that could make
 * a chat get an alert twice (queueing it, recording it sent) apply only while the lease holds the writer's token.
 */
describe.each([
  ["SQLite", async () => `sqlite://${join(dir, `fence-${++n}`, "regwatch.sqlite")}`],
  ["Redis", () => freshRedis(12)],
  ["PostgreSQL", () => freshPostgres()],
])("fenced outbox writes on %s", (_name, fresh) => {
  let open: Stores[] = [];
  afterEach(async () => {
    for (const stores of open) await stores.close().catch(() => undefined);
    open = [];
  });

  it("refuse a deposed leader's queueing and 'sent' bookkeeping, write nothing of them, and apply the new leader's", async () => {
    const url = await fresh();
    const tokens: { a?: number; b?: number } = {};
    const lost: string[] = [];
    const a = await openStores(url, { seenTtlDays: 1, fence: { holder: "a", token: () => tokens.a, lost: (error) => lost.push(error.message) } });
    const b = await openStores(url, { seenTtlDays: 1, fence: { holder: "b", token: () => tokens.b } });
    open.push(a, b);

    // Not yet elected: nothing is written.
    await expect(a.outbox.enqueue(alert("n0"), [chat])).rejects.toThrow("lease lost: this instance has not led yet");

    tokens.a = await a.lease.acquire("a", 60_000);
    expect(tokens.a).toBe(1);
    expect(await a.outbox.enqueueEach([{ alert: alert("n1"), targets: [chat] }, { alert: alert("n2"), targets: [chat] }])).toEqual([1, 1]);
    // Its lease over but not yet taken: the store still holds a's token, so a's writes still apply.
    await a.lease.release("a");
    const [first] = (await a.outbox.queue(chat))!.entries;
    expect(await a.outbox.ack(chat, first!.seq)).toBe(1);

    tokens.b = await b.lease.acquire("b", 60_000);
    expect(tokens.b).toBe(2);
    const refusal = a.outbox.enqueueEach([{ alert: alert("n3"), targets: [chat] }]);
    await expect(refusal).rejects.toBeInstanceOf(LeaseLost);
    await expect(refusal).rejects.toThrow(/^lease lost: another instance leads \(token 2 > 1\)$/);
    const [second] = (await a.outbox.queue(chat))!.entries;
    await expect(a.outbox.ack(chat, second!.seq)).rejects.toThrow("lease lost: another instance leads (token 2 > 1)");
    await expect(a.outbox.postpone(chat, second!.seq, "2026-11-20T01:00:00.000Z", "timeout", true)).rejects.toThrow("lease lost");
    await expect(a.outbox.addToDigest([chat], alert("n4"))).rejects.toThrow("lease lost");
    expect(lost).toEqual(Array(4).fill("lease lost: another instance leads (token 2 > 1)"));
    // Nothing of the refused writes is in the store.
    expect(await queued(b)).toEqual(["n2"]);
    expect((await b.outbox.queue(chat))!.entries[0]!.attempts).toBe(0);
    expect(await b.outbox.digestTargets()).toEqual([]);

    // The new leader's writes apply.
    expect(await b.outbox.enqueue(alert("n3"), [chat])).toBe(1);
    expect(await b.outbox.ack(chat, second!.seq)).toBe(1);
    expect(await queued(a)).toEqual(["n3"]);
  });

  it("make a leader whose write was refused stand down at once, not at its next renewal", async () => {
    const url = await fresh();
    const a = await openStores(url, { seenTtlDays: 1 });
    const b = await openStores(url, { seenTtlDays: 1 });
    open.push(a, b);
    const events: string[] = [];
    // A long lease: a would renew (and find b) only in 12 s; the refused write must depose it before that.
    const leadership = new Leadership({
      lease: a.lease,
      holder: "a",
      ttlMs: 60_000,
      logger: quiet,
      onElected: async (token) => void events.push(`elected ${token}`),
      onDeposed: async (reason) => void events.push(`deposed: ${reason}`),
    });
    const fenced = await openStores(url, { seenTtlDays: 1, fence: { holder: "a", token: () => leadership.fencingToken, lost: (error) => void leadership.stepDown(error.message) } });
    open.push(fenced);
    leadership.start();
    try {
      await waitFor("a to lead", () => events.includes("elected 1"));
      expect(await fenced.outbox.enqueue(alert("n1"), [chat])).toBe(1);
      // a's lease ends behind its back (as when it was paused past the lease) and b takes it.
      await a.lease.release("a");
      expect(await b.lease.acquire("b", 60_000)).toBe(2);
      expect(leadership.mayAct()).toBe(true); // a cannot know yet
      await expect(fenced.outbox.enqueue(alert("n2"), [chat])).rejects.toThrow("lease lost: another instance leads (token 2 > 1)");
      await waitFor("a to stand down", () => events.includes("deposed: lease lost: another instance leads (token 2 > 1)"), 2_000);
      expect(leadership.leading).toBe(false);
      expect(leadership.mayAct()).toBe(false);
      expect(await queued(b)).toEqual(["n1"]);
    } finally {
      await leadership.stop();
    }
  });
});
