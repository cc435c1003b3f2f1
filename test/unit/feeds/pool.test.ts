import { describe, expect, it } from "vitest";
import { forEachGrouped } from "../../../src/feeds/pool.js";

describe("forEachGrouped", () => {
  it("never runs more than the limit at once, nor two of one group", async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ i, host: `h${i % 3}` }));
    let running = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let hostPeak = 0;
    const done: number[] = [];
    await forEachGrouped(items, (x) => x.host, 2, async (x) => {
      running++;
      perHost.set(x.host, (perHost.get(x.host) ?? 0) + 1);
      peak = Math.max(peak, running);
      hostPeak = Math.max(hostPeak, perHost.get(x.host)!);
      await new Promise((r) => setTimeout(r, 2));
      perHost.set(x.host, perHost.get(x.host)! - 1);
      running--;
      done.push(x.i);
    });
    expect(done.sort((a, b) => a - b)).toEqual(items.map((x) => x.i));
    expect(peak).toBe(2);
    expect(hostPeak).toBe(1);
  });

  it("stops taking items once asked to", async () => {
    let count = 0;
    await forEachGrouped([1, 2, 3, 4], (x) => String(x), 1, async () => void count++, () => count >= 2);
    expect(count).toBe(2);
  });
});
