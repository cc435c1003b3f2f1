import type Keyv from "keyv";
import type { KeyvStoreAdapter } from "keyv";

export interface BatchEntry {
  key: string;
  value: unknown;
  ttl?: number;
}

/**
 * `keyv.setMany`, written as keyv writes it (the namespace prefix, `{ value, expires }` through the keyv's own
 * serializer) but in one synchronous pass: keyv's own makes one async call per entry to serialize it, which for
 * the 30,000 seen keys of a large poll cost more CPU than the database's insert. Falls back to keyv when the
 * store has no `setMany` or values are compressed.
 */
export async function setManyAtOnce(keyv: Keyv, entries: readonly BatchEntry[]): Promise<void> {
  const store = keyv.store as Partial<KeyvStoreAdapter> | Map<unknown, unknown>;
  const serialize = keyv.serialize;
  const throughKeyv = () => keyv.setMany(entries.map((e) => ({ ...e })));
  if (store instanceof Map || typeof store.setMany !== "function" || !serialize || keyv.opts.compression) {
    await throughKeyv();
    return;
  }
  const namespace = keyv.useKeyPrefix ? keyv.namespace : undefined;
  const prefix = namespace ? `${namespace}:` : "";
  const defaultTtl = keyv.ttl;
  const now = Date.now();
  const serialized: Array<{ key: string; value: string; ttl: number | undefined }> = [];
  // A batch often writes one value under many keys (the seen keys' time): serialized once for a run of them.
  let lastValue: unknown;
  let lastExpires: number | undefined;
  let lastText: unknown;
  for (const { key, value, ttl } of entries) {
    let life = ttl ?? defaultTtl;
    if (life === 0) life = undefined;
    const expires = typeof life === "number" ? now + life : undefined;
    const same = lastText !== undefined && value === lastValue && expires === lastExpires && (value === null || typeof value !== "object");
    const text: unknown = same ? lastText : serialize({ value, expires });
    lastValue = value;
    lastExpires = expires;
    lastText = text;
    // An asynchronous serializer is keyv's to await.
    if (typeof text !== "string") {
      await throughKeyv();
      return;
    }
    serialized.push({ key: prefix && !key.startsWith(prefix) ? prefix + key : key, value: text, ttl: life });
  }
  await store.setMany(serialized);
}
