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

/** Where this host remembers the store's identity between runs (a small file beside its data). */
export interface IdentityMemory {
  /** Named in messages. */
  readonly file: string;
  /** The identity this host last saw in the store; undefined if it never saw one. Throws when unreadable. */
  recall(): string | undefined;
  remember(identity: string, at: string): void;
}

/**
 * Tells a store that lost its data (Redis restarted without persistence, a wiped database) from one that
 * simply has nothing new. The store carries an identity, created once; a process remembers the identity it
 * saw (in memory, and in `memory` across runs), and if the store later shows none or another, everything in
 * it since then is gone: the feeds will be primed again (their current items recorded, not alerted) and the
 * loss is reported, never silently absorbed.
 */
export class StoreIdentity {
  private known: string | undefined;
  /** Whether `known` came from this host's memory of an earlier run rather than from this process. */
  private fromEarlierRun = false;
  private recalled = false;
  /** The identity as the memory holds it, so the file is written only when it changes. */
  private remembered: string | undefined;
  private memoryFailure: string | undefined;

  constructor(
    private readonly atomic: AtomicUpdates,
    private readonly memory?: IdentityMemory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Why this host cannot remember the store's identity between runs (an unreadable or unwritable state
   * file), once per new reason; the check itself goes on without it.
   */
  memoryProblem(): string | undefined {
    const problem = this.memoryFailure;
    this.memoryFailure = undefined;
    return problem;
  }

  /** Undefined while the store is the one seen before; otherwise what happened, recorded as an incident. */
  check(): Promise<DataLoss | undefined> {
    return guarded("check the store's identity", async () => {
      const at = this.now().toISOString();
      this.recall();
      const known = this.known;
      const earlier = this.fromEarlierRun;
      const found = await this.atomic.update([KEY, INCIDENTS], ([current, incidents]): Mutation<{ identity: Identity; loss: DataLoss | undefined }> => {
        const identity = (current as Identity | undefined) ?? { id: randomBytes(8).toString("hex"), createdAt: at };
        const lost = known !== undefined && identity.id !== known;
        const set: KeyWrite[] = current ? [] : [{ key: KEY, value: identity }];
        if (lost) {
          const when = earlier ? ` while regwatch was stopped (this host last saw identity ${known}, remembered in ${this.memory?.file})` : "";
          const detail = current
            ? `the store was replaced${when || ` (identity ${known} became ${identity.id})`}`
            : earlier
              ? `the store lost its data${when}: a restart without persistence, a wiped database or a deleted file`
              : `the store lost its data (identity ${known} is gone; a restart without persistence, or a wiped database)`;
          const list = [{ at, detail }, ...((incidents as DataLoss[] | undefined) ?? [])].slice(0, 10);
          set.push({ key: INCIDENTS, value: list });
          return { set, result: { identity, loss: { at, detail } } };
        }
        return { set, result: { identity, loss: undefined } };
      });
      this.known = found.identity.id;
      this.fromEarlierRun = false;
      this.remember(found.identity.id, at);
      return found.loss;
    });
  }

  /** Losses found so far, newest first. */
  incidents(): Promise<DataLoss[]> {
    return guarded("read the store's incidents", () => this.atomic.update([INCIDENTS], ([list]) => ({ result: (list as DataLoss[] | undefined) ?? [] })));
  }

  /** Once per process, before its first check: the identity this host saw in an earlier run. */
  private recall(): void {
    if (this.recalled || !this.memory) return;
    this.recalled = true;
    try {
      this.remembered = this.memory.recall();
    } catch (error) {
      this.memoryFailure = `cannot read ${this.memory.file}: ${(error as Error).message}`;
    }
    if (this.known === undefined && this.remembered !== undefined) {
      this.known = this.remembered;
      this.fromEarlierRun = true;
    }
  }

  private remember(identity: string, at: string): void {
    if (!this.memory || this.remembered === identity) return;
    // Tried once per identity: a file that cannot be written is reported once, not at every poll.
    this.remembered = identity;
    try {
      this.memory.remember(identity, at);
    } catch (error) {
      this.memoryFailure = `cannot write ${this.memory.file}: ${(error as Error).message}`;
    }
  }
}
