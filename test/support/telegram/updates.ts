import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";

interface Waiter {
  wake: () => void;
}

/**
 * Updates waiting for getUpdates, served as Telegram does: an `offset` confirms (drops) everything before
 * it, and a request with `timeout` seconds is held until an update arrives or the time is up.
 */
export class UpdateQueue {
  private queue: Update[] = [];
  private nextId = 1;
  private readonly waiters = new Set<Waiter>();
  private closed = false;

  push(update: Omit<Update, "update_id">): Update {
    const full = { ...update, update_id: this.nextId++ } as Update;
    this.queue.push(full);
    for (const waiter of [...this.waiters]) waiter.wake();
    return full;
  }

  /** Updates not yet confirmed. */
  get pending(): readonly Update[] {
    return this.queue;
  }

  async take(params: Record<string, unknown>, req: IncomingMessage): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Number(params.limit ?? 100)) || 100;
    const timeout = Number(params.timeout ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const ready = (): Update[] => this.queue.slice(0, limit);
    if (ready().length > 0 || timeout <= 0 || this.closed) return ready();

    await new Promise<void>((resolve) => {
      const waiter: Waiter = {
        wake: () => {
          this.waiters.delete(waiter);
          clearTimeout(timer);
          req.socket.off("close", waiter.wake);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, timeout * 1000);
      this.waiters.add(waiter);
      // grammY aborts the pending request when it stops.
      req.once("close", waiter.wake);
      // A poller killed with SIGKILL never aborts: its connection just closes.
      req.socket.once("close", waiter.wake);
    });
    return ready();
  }

  /** Answers every held request (empty), so the server can close. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.wake();
  }
}
