/** A message value that is itself a catalog key (a figure's name), translated with the rest. */
export interface MessageKey {
  key: string;
}

/**
 * What the user should read: a wrong argument, an unknown jurisdiction. `message` is English; with `key`,
 * the command runner reads the message from the chat's catalog instead (English when the key is missing).
 */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly translation?: { key: string; values?: Record<string, string | number | MessageKey> },
  ) {
    super(message);
  }
}

/** The configuration file or environment is wrong; `problems` lists every one, each `path: message`. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n  ${problems.join("\n  ")}`);
  }
}

export type FetchFailure =
  | "timeout"
  | "http-status"
  | "too-large"
  | "too-many-redirects"
  | "network"
  | "tls"
  | "not-a-feed"
  /** A chat's URL, or a redirect from it, points where regwatch must not go (src/feeds/address-guard.ts). */
  | "refused";

/** A feed could not be fetched or read. Says which feed and why, in one line; the cause is kept for logs. */
export class FeedError extends Error {
  override name = "FeedError";
  constructor(
    readonly feedId: string,
    readonly kind: FetchFailure,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
  readonly status: number | undefined;
}

/** The store failed. Never read as "not seen": the poll stops and nothing is alerted. */
export class StorageError extends Error {
  override name = "StorageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A write of the leader's refused because the lease no longer holds this instance's fencing token: another
 * instance leads (`byAnother`), or the lease is gone from the store. Nothing of the write was applied.
 */
export class LeaseLost extends StorageError {
  override name = "LeaseLost";
  constructor(
    message: string,
    readonly byAnother: boolean,
  ) {
    super(message);
  }
}

/** One line for a human, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
