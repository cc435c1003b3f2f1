import { afterEach, describe, expect, it, vi } from "vitest";
import { Leadership } from "../../src/service/leadership.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { freshPostgres, freshRedis } from "../support/servers.js";
import { waitFor } from "../support/wait.js";

const HOUR = 3_600_000;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Runs `work` with this process's wall clock (Date) set `skewMs` away from the true time; timers run as usual. */
async function withClockOff<T>(skewMs: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + skewMs });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

/** Instances on several hosts share the lease: its expiry must not depend on whose clock is right. */
describe.each([
  ["Redis", () => freshRedis(13)],
  ["PostgreSQL", () => freshPostgres()],
])("the leader lease on %s, judged by the server's clock", (_name, fresh) => {
  let open: Stores[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const stores of open) await stores.close().catch(() => undefined);
    open = [];
  });

  it("is not taken by an instance whose clock runs an hour fast, and is taken once expired by one whose clock runs an hour slow", async () => {
    const url = await fresh();
    const a = await openStores(url, { seenTtlDays: 1 });
    const b = await openStores(url, { seenTtlDays: 1 });
    open.push(a, b);
    expect(await a.lease.acquire("a", 60_000)).toBe(1);
    expect(await withClockOff(HOUR, () => b.lease.acquire("b", 60_000))).toBeUndefined();
    // Renewed for half a second: expired by the server's clock soon after, whatever b's clock says.
    expect(await a.lease.acquire("a", 500)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await withClockOff(-HOUR, () => b.lease.acquire("b", 60_000))).toBe(2);
    const record = await a.lease.holder();
    expect(record?.holder).toBe("b");
    // The expiry is on the server's clock: about a minute from now by the true time, not an hour off.
    expect(Math.abs(record!.expiresAt - (Date.now() + 60_000))).toBeLessThan(10_000);
  });

  it("keeps the leader's own margin on the monotonic clock: a wall clock stepped forward does not stop it acting", async () => {
    const url = await fresh();
    const stores = await openStores(url, { seenTtlDays: 1 });
    open.push(stores);
    let elected = false;
    const leadership = new Leadership({
      lease: stores.lease,
      holder: "a",
      ttlMs: 60_000,
      logger: quiet,
      onElected: async () => void (elected = true),
      onDeposed: async () => undefined,
    });
    leadership.start();
    try {
      await waitFor("a to lead", () => elected);
      expect(await withClockOff(HOUR, async () => leadership.mayAct())).toBe(true);
      expect(await withClockOff(-HOUR, async () => leadership.mayAct())).toBe(true);
    } finally {
      await leadership.stop();
    }
  });
});
