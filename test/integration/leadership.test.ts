import { afterEach, describe, expect, it } from "vitest";
import { Leadership } from "../../src/service/leadership.js";
import { openStores, type Stores } from "../../src/storage/index.js";
import { freshPostgres, freshRedis } from "../support/servers.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { waitFor } from "../support/wait.js";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Two instances' leaderships on one real store; the first reaches it through a proxy the test can cut. */
describe.each([
  ["Redis", () => freshRedis(8)],
  ["PostgreSQL", () => freshPostgres()],
])("the leader lease on %s", (_name, fresh) => {
  let proxy: TcpProxy;
  let open: Stores[] = [];
  let leaderships: Leadership[] = [];

  afterEach(async () => {
    proxy.up();
    for (const l of leaderships) await l.stop().catch(() => undefined);
    for (const s of open) await s.close().catch(() => undefined);
    await proxy.close();
    open = [];
    leaderships = [];
  });

  it("has one leader; one cut off from the store stops acting before another takes over, with a higher fencing token", async () => {
    const url = new URL(await fresh());
    proxy = await startTcpProxy(url.hostname, Number(url.port));
    const viaProxy = await openStores(proxy.url(url.toString()), { seenTtlDays: 1, timeoutMs: 500 });
    const direct = await openStores(url.toString(), { seenTtlDays: 1, timeoutMs: 500 });
    open.push(viaProxy, direct);
    const events: string[] = [];
    const make = (name: string, stores: Stores) =>
      new Leadership({
        lease: stores.lease,
        holder: name,
        ttlMs: 3_000,
        logger: quiet,
        onElected: async (token) => void events.push(`${name} elected ${token}`),
        onDeposed: async () => void events.push(`${name} deposed`),
      });
    const a = make("a", viaProxy);
    leaderships.push(a);
    a.start();
    await waitFor("a to lead", () => events.includes("a elected 1"));
    const b = make("b", direct);
    leaderships.push(b);
    b.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(b.leading).toBe(false);
    expect(a.mayAct()).toBe(true);

    proxy.down();
    let aActedWhileBLed = false;
    const watch = setInterval(() => {
      if (a.mayAct() && b.mayAct()) aActedWhileBLed = true;
    }, 5);
    await waitFor("b to take over", () => events.includes("b elected 2"), 10_000);
    clearInterval(watch);
    expect(events.indexOf("a deposed")).toBeGreaterThan(-1);
    expect(events.indexOf("a deposed")).toBeLessThan(events.indexOf("b elected 2"));
    expect(aActedWhileBLed).toBe(false);

    // Back in touch, a stays a standby: b holds the lease.
    proxy.up();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(a.leading).toBe(false);
    expect(b.term).toBe(2);

    // b hands over on stop: a leads at once, not after the lease would have expired.
    await b.stop();
    await waitFor("a to lead again", () => events.includes("a elected 3"), 2_500);
  });
});
