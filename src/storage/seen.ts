import type Keyv from "keyv";
import type { SeenStore } from "../core/ports.js";
import { guarded } from "./guard.js";
import { setManyAtOnce } from "./keyv-batch.js";

const PREFIX = "seen:";
const DAY_MS = 86_400_000;

/** Seen article keys with a time-to-live, so the table does not grow for ever. */
export class KeyvSeenStore implements SeenStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly ttlDays: number,
  ) {}

  async seenAmong(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const unique = [...new Set(keys)];
    const values = await guarded("read seen articles", () => this.keyv.getMany<number>(unique.map((k) => PREFIX + k)));
    return new Set(unique.filter((_, i) => values[i] !== undefined && values[i] !== null));
  }

  async markSeen(keys: readonly string[]): Promise<void> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return;
    const ttl = this.ttlDays * DAY_MS;
    const now = Date.now();
    await guarded("record seen articles", () =>
      setManyAtOnce(this.keyv, unique.map((key) => ({ key: PREFIX + key, value: now, ttl }))),
    );
  }
}
