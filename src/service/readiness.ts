import { describeError } from "../core/errors.js";
import type { Stores } from "../storage/index.js";
import type { Readiness } from "./http.js";

export interface ReadinessDeps {
  stores: Stores;
  /** The fencing token while this instance leads, else undefined. */
  term: () => number | undefined;
  /** When this instance last became leader (ms), so a new leader gets time for its first poll. */
  electedAt: () => number | undefined;
  maxPollAgeMs: number;
  now?: () => number;
}

/**
 * Ready when the store answers and, for the leader, the last poll succeeded within the allowed age (a new
 * leader has that long for its first). A standby whose store answers is ready: it is there to take over.
 */
export async function readiness(deps: ReadinessDeps): Promise<Readiness> {
  const now = deps.now?.() ?? Date.now();
  const { stores } = deps;
  const store = await stores.backend.ping().then(
    () => "ok",
    (error: unknown) => describeError(error),
  );
  const term = deps.term();
  const role = term === undefined ? "standby" : "leader";
  const last = store === "ok" ? await stores.heartbeat.last().catch(() => undefined) : undefined;
  const losses = store === "ok" ? await stores.identity.incidents().catch(() => []) : [];
  const age = last ? now - Date.parse(last.at) : undefined;
  const elected = deps.electedAt();
  const polling =
    role === "standby" ||
    (last !== undefined && last.ok && age !== undefined && age <= deps.maxPollAgeMs) ||
    (elected !== undefined && now - elected <= deps.maxPollAgeMs && (last === undefined || last.ok || Date.parse(last.at) < elected));
  return {
    ready: store === "ok" && polling,
    role,
    ...(term === undefined ? {} : { term }),
    store,
    lastPoll: last ? { at: last.at, ageSeconds: Math.round((age ?? 0) / 1000), ok: last.ok, summary: last.summary } : null,
    dataLoss: losses.slice(0, 3),
  };
}
