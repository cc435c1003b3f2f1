import { randomBytes } from "node:crypto";
import type { AtomicUpdates, KeyWrite, Mutation } from "./atomic.js";
import { guarded } from "./guard.js";

const KEY = "store:identity";
const INCIDENTS = "store:incidents";

interface Identity {
  id: string;
  createdAt: string;
}

/** A time the store was found to have lost its data, kept for `regwatch health` and /readyz. */
export interface DataLoss {
  at: string;
  detail: string;
}

/**
 * Tells a store that lost its data (Redis restarted without persistence, a wiped database) from one that
 * simply has nothing new. The store carries an identity, created once; a process remembers the identity it
 * saw, and if the store later shows none or another, everything in it since then is gone: the feeds will be
 * primed again (their current items recorded, not alerted) and the loss is reported, never silently absorbed.
 */
export class StoreIdentity {
  private known: string | undefined;

  constructor(
    private readonly atomic: AtomicUpdates,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Undefined while the store is the one seen before; otherwise what happened, recorded as an incident. */
  check(): Promise<DataLoss | undefined> {
    return guarded("check the store's identity", async () => {
      const at = this.now().toISOString();
      const known = this.known;
      const found = await this.atomic.update([KEY, INCIDENTS], ([current, incidents]): Mutation<{ identity: Identity; loss: DataLoss | undefined }> => {
        const identity = (current as Identity | undefined) ?? { id: randomBytes(8).toString("hex"), createdAt: at };
        const lost = known !== undefined && identity.id !== known;
        const set: KeyWrite[] = current ? [] : [{ key: KEY, value: identity }];
        if (lost) {
          const detail = current
            ? `the store was replaced (identity ${known} became ${identity.id})`
            : `the store lost its data (identity ${known} is gone; a restart without persistence, or a wiped database)`;
          const list = [{ at, detail }, ...((incidents as DataLoss[] | undefined) ?? [])].slice(0, 10);
          set.push({ key: INCIDENTS, value: list });
          return { set, result: { identity, loss: { at, detail } } };
        }
        return { set, result: { identity, loss: undefined } };
      });
      this.known = found.identity.id;
      return found.loss;
    });
  }

  /** Losses found so far, newest first. */
  incidents(): Promise<DataLoss[]> {
    return guarded("read the store's incidents", () => this.atomic.update([INCIDENTS], ([list]) => ({ result: (list as DataLoss[] | undefined) ?? [] })));
  }
}
