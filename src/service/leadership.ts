import { describeError } from "../core/errors.js";
import type { LeaderLease, Logger } from "../core/ports.js";

export interface LeadershipOptions {
  lease: LeaderLease;
  /** This process, as the lease records it: host, pid and a random part. */
  holder: string;
  ttlMs: number;
  /** Became leader: start polling, sending and the platform connections. */
  onElected(token: number): Promise<void>;
  /** No longer leader (lost the lease, cannot renew it, or stopping): stop all of that. */
  onDeposed(reason: string): Promise<void>;
  logger: Logger;
  now?: () => number;
}

/**
 * One leader among the instances sharing a store. Every instance tries for the lease: a standby about once
 * a second, the leader renews it every fifth of its time-to-live. The leader acts only while its last renewal
 * is younger than half the time-to-live (`mayAct`), so a leader cut off from the store stops sending well
 * before a standby could take over; it is deposed when that time runs out, and elected again when the store
 * answers and the lease is still or again free.
 */
export class Leadership {
  private token: number | undefined;
  /** The token of this process's latest term, kept after it stands down: its fenced writes carry it. */
  private lastToken: number | undefined;
  private validUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Elections and depositions run one at a time, in order. */
  private transition: Promise<void> = Promise.resolve();
  private lastError = "";
  private readonly now: () => number;

  constructor(private readonly options: LeadershipOptions) {
    // Monotonic: how long ago this process renewed must not jump with the wall clock (NTP steps, a resumed VM).
    this.now = options.now ?? (() => performance.now());
  }

  /** The fencing token of this process's term, while it leads. */
  get term(): number | undefined {
    return this.token;
  }

  /**
   * The fencing token this process's writes carry: its current term's, or its last one's after it stood down
   * (a write the store still holds that token for is harmless; one it does not is refused).
   */
  get fencingToken(): number | undefined {
    return this.lastToken;
  }

  get leading(): boolean {
    return this.token !== undefined;
  }

  /** Whether this process may poll and send right now. */
  readonly mayAct = (): boolean => this.token !== undefined && this.now() < this.validUntil;

  start(): void {
    void this.tick();
  }

  /** Stops trying; a leader stops acting, then hands the lease over so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.transition;
    if (this.token !== undefined) {
      await this.depose("stopping");
      await this.options.lease.release(this.options.holder).catch((error: unknown) => this.options.logger.warn(`leader: could not hand the lease over: ${describeError(error)}`));
    }
  }

  /** A write was refused because another instance leads: stop acting now rather than at the next renewal. */
  stepDown(reason: string): Promise<void> {
    return this.depose(reason);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const began = this.now();
    const { ttlMs } = this.options;
    try {
      const token = await this.options.lease.acquire(this.options.holder, ttlMs);
      this.lastError = "";
      if (this.stopped) return;
      if (token !== undefined) {
        this.validUntil = began + ttlMs / 2;
        this.lastToken = token;
        if (this.token === undefined) {
          this.token = token;
          this.transition = this.transition.then(() => this.elect(token));
        } else if (this.token !== token) {
          // The lease record was lost with the store's data and taken afresh: still this instance's term.
          this.options.logger.warn(`leader: the lease was taken afresh (term ${this.token} became ${token})`);
          this.token = token;
        }
      } else if (this.token !== undefined) {
        await this.depose("another instance holds the lease");
      }
    } catch (error) {
      const message = describeError(error);
      if (message !== this.lastError) this.options.logger.error(`leader: cannot reach the lease: ${message}`);
      this.lastError = message;
    }
    if (this.token !== undefined && this.now() >= this.validUntil) await this.depose("could not renew the lease in time");
    if (this.stopped) return;
    const every = this.token !== undefined ? ttlMs / 5 : Math.min(1_000, ttlMs / 5);
    this.timer = setTimeout(() => void this.tick(), every);
  }

  private async elect(token: number): Promise<void> {
    this.options.logger.info(`leader: elected (term ${token}); polling and sending from this instance`);
    try {
      await this.options.onElected(token);
    } catch (error) {
      this.options.logger.error(`leader: could not start serving: ${describeError(error)}`);
      void this.depose("could not start serving"); // queued after this election, not awaited inside it
    }
  }

  private depose(reason: string): Promise<void> {
    if (this.token === undefined) return this.transition;
    this.token = undefined;
    this.validUntil = 0;
    this.transition = this.transition.then(async () => {
      this.options.logger.warn(`leader: standing down (${reason}); standing by`);
      await this.options.onDeposed(reason).catch((error: unknown) => this.options.logger.error(`leader: stopping: ${describeError(error)}`));
    });
    return this.transition;
  }
}
