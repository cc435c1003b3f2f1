import type { AtomicUpdates } from "./atomic.js";

/** What a store operation that got no answer in time fails with: the poll stops, health says why. */
export class StoreTimeout extends Error {
  override name = "StoreTimeout";
}

function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(`no answer from the store within ${ms / 1000} s (${what})`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const METHODS = ["get", "getMany", "set", "setMany", "delete", "deleteMany", "has", "clear"] as const;

/** Round trips to the backend (each adapter call, each atomic update), for benchmarks and metrics. */
export interface OperationCount {
  count: number;
}

/**
 * Every call of a keyv store adapter answers or fails within `ms`: a server that accepts connections but
 * never answers (a hung host, a full disk) must not hang the poll or a health check for ever.
 */
export function boundAdapter<T extends object>(adapter: T, ms: number, operations: OperationCount): T {
  const target = adapter as Record<string, unknown>;
  for (const name of METHODS) {
    const method = target[name];
    if (typeof method !== "function") continue;
    const bound = (method as (...args: unknown[]) => Promise<unknown>).bind(adapter);
    target[name] = (...args: unknown[]) => {
      operations.count++;
      return within(ms, name, bound(...args));
    };
  }
  return adapter;
}

export function boundUpdates(atomic: AtomicUpdates, ms: number, operations: OperationCount): AtomicUpdates {
  return {
    update: (keys, change, options) => {
      operations.count++;
      return within(ms, "an atomic update", atomic.update(keys, change, options));
    },
  };
}

export function boundCall<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  return within(ms, what, work());
}
