import type { LeaderLease } from "../core/ports.js";
import type { AtomicUpdates } from "./atomic.js";
import { guarded } from "./guard.js";

const KEY = "service:leader";

/** Who holds the lease, until when (ms since the epoch, by the store's clock), and the fencing token of their term. */
interface LeaseRecord {
  holder: string;
  token: number;
  expiresAt: number;
}

/**
 * The leader's lease in the shared store, taken and renewed by atomic update (an SQLite transaction, a
 * Postgres transaction under its advisory lock, a Redis WATCH/MULTI). The fencing token goes up by one
 * with each new holder and never goes back, so a term is told from the ones before it. Expiry is judged by
 * the store's clock (PostgreSQL's `clock_timestamp()`, Redis' `TIME`; SQLite is one machine), never by the
 * instances' own clocks. The record itself never expires: it carries the last token past the lease's end.
 */
export class StoreLease implements LeaderLease {
  constructor(private readonly atomic: AtomicUpdates) {}

  acquire(holder: string, ttlMs: number): Promise<number | undefined> {
    return guarded("take the leader lease", () =>
      this.atomic.update(
        [KEY],
        ([found], now) => {
          const current = found as LeaseRecord | undefined;
          if (current && current.holder !== holder && current.expiresAt > now) return { result: undefined };
          const token = current?.holder === holder && current.expiresAt > now ? current.token : (current?.token ?? 0) + 1;
          return { set: [{ key: KEY, value: { holder, token, expiresAt: now + ttlMs } satisfies LeaseRecord }], result: token };
        },
        { storeClock: true },
      ),
    );
  }

  release(holder: string): Promise<void> {
    return guarded("hand the leader lease over", () =>
      this.atomic.update([KEY], ([found]) => {
        const current = found as LeaseRecord | undefined;
        if (!current || current.holder !== holder) return { result: undefined };
        return { set: [{ key: KEY, value: { ...current, expiresAt: 0 } }], result: undefined };
      }),
    );
  }

  holder(): Promise<{ holder: string; token: number; expiresAt: number } | undefined> {
    return guarded("read the leader lease", () => this.atomic.update([KEY], ([found]) => ({ result: found as LeaseRecord | undefined })));
  }
}
