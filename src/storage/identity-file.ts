import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { IdentityMemory } from "./identity.js";
import { makeDirectories } from "./open.js";

/** The file's layout: per store (as logged, no password), the identity this host last saw in it. */
interface StateFile {
  stores: Record<string, { identity: string; seenAt: string }>;
}

/**
 * The store's identity remembered on this host's disk, beside the process's own data, so that a store wiped
 * while every instance was stopped is noticed at the next start. One small JSON file keyed by store, so
 * pointing `store:` elsewhere and back does not read as a loss.
 */
export class IdentityFile implements IdentityMemory {
  constructor(
    readonly file: string,
    private readonly store: string,
  ) {}

  recall(): string | undefined {
    return this.read()?.stores[this.store]?.identity;
  }

  remember(identity: string, at: string): void {
    let state: StateFile;
    try {
      state = this.read() ?? { stores: {} };
    } catch {
      state = { stores: {} }; // unreadable: written afresh
    }
    state.stores[this.store] = { identity, seenAt: at };
    makeDirectories(dirname(this.file));
    // Written whole, then renamed: a crash mid-write leaves the old file, never half of one.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 2) + "\n");
    renameSync(temporary, this.file);
  }

  private read(): StateFile | undefined {
    if (!existsSync(this.file)) return undefined;
    const data = JSON.parse(readFileSync(this.file, "utf8")) as Partial<StateFile> | null;
    if (!data || typeof data !== "object" || typeof data.stores !== "object" || data.stores === null) throw new Error("not a regwatch state file");
    return { stores: data.stores };
  }
}
