import { LeaseLost } from "../core/errors.js";
import type { LeaderLease } from "../core/ports.js";
import type { AtomicUpdates, Mutation } from "./atomic.js";
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

/** The writer a fence admits: this process as the lease records it, and the token of its latest term. */
export interface Fence {
  holder: string;
  /** The fencing token of this process's latest term (kept after it stood down); undefined before its first. */
  token(): number | undefined;
  /** Told when a write was refused because another instance leads: this one should stand down at once. */
  lost?(error: LeaseLost): void;
}

/**
 * Atomic updates that apply only while the lease still holds the writer's token: the lease record is read
 * in the same update (the same SQLite transaction, under the same PostgreSQL advisory lock, watched by the
 * same Redis WATCH), so a deposed leader's write is refused even if it started before the new leader was
 * elected. A refused write throws LeaseLost and writes nothing.
 */
export function fencedUpdates(atomic: AtomicUpdates, fence: Fence): AtomicUpdates {
  return {
    update: <T>(keys: readonly string[], change: (values: unknown[], now: number) => Mutation<T>, options?: Parameters<AtomicUpdates["update"]>[2]) =>
      atomic.update(
        [KEY, ...keys],
        ([lease, ...values], now) => {
          const refusal = refused(lease as LeaseRecord | undefined, fence.holder, fence.token());
          if (refusal) {
            if (refusal.byAnother) fence.lost?.(refusal);
            throw refusal;
          }
          return change(values, now);
        },
        options,
      ),
  };
}

function refused(lease: LeaseRecord | undefined, holder: string, token: number | undefined): LeaseLost | undefined {
  if (token === undefined) return new LeaseLost("lease lost: this instance has not led yet", false);
  if (!lease) return new LeaseLost(`lease lost: the store no longer holds the lease (this instance's token was ${token})`, false);
  if (lease.holder === holder && lease.token === token) return undefined;
  // Taken afresh by this very process (the record was lost with the store's data): its next renewal catches up.
  if (lease.holder === holder) return new LeaseLost(`lease lost: this instance's term changed (token ${lease.token}, was ${token})`, false);
  const order = lease.token > token ? `token ${lease.token} > ${token}` : `token ${lease.token}, this instance's was ${token}`;
  return new LeaseLost(`lease lost: another instance leads (${order})`, true);
}
