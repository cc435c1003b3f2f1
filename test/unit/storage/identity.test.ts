import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../../src/storage/index.js";
import { StoreIdentity } from "../../../src/storage/identity.js";
import { IdentityFile } from "../../../src/storage/identity-file.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-identity-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store's identity remembered by this host across runs: each run is a new StoreIdentity on the same file. */
describe("the store's identity in the host's state file", () => {
  it("notices, at a new run's first check, a store that lost its data since the host last saw it", async () => {
    const file = join(dir, `${++n}`, "state.json");
    const store = await openStore("memory://");
    const first = new StoreIdentity(store.atomic, new IdentityFile(file, "memory://a"));
    expect(await first.check()).toBeUndefined();
    expect(await new StoreIdentity(store.atomic, new IdentityFile(file, "memory://a")).check()).toBeUndefined();

    const wiped = await openStore("memory://");
    const next = new StoreIdentity(wiped.atomic, new IdentityFile(file, "memory://a"));
    expect((await next.check())?.detail).toMatch(/^the store lost its data while regwatch was stopped \(this host last saw identity [0-9a-f]{16}, remembered in .*state\.json\)/);
    expect(await next.incidents()).toHaveLength(1);
    // Reported once: the new identity is remembered in place of the lost one.
    expect(await new StoreIdentity(wiped.atomic, new IdentityFile(file, "memory://a")).check()).toBeUndefined();
  });

  it("keeps each store apart, so pointing at another store and back is no loss", async () => {
    const file = join(dir, `${++n}`, "state.json");
    const one = await openStore("memory://");
    const other = await openStore("memory://");
    expect(await new StoreIdentity(one.atomic, new IdentityFile(file, "redis://one")).check()).toBeUndefined();
    expect(await new StoreIdentity(other.atomic, new IdentityFile(file, "redis://other")).check()).toBeUndefined();
    expect(await new StoreIdentity(one.atomic, new IdentityFile(file, "redis://one")).check()).toBeUndefined();
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { stores: object }).stores)).toEqual(["redis://one", "redis://other"]);
  });

  it("goes on without the file when it cannot be read or written, and says so once", async () => {
    const broken = join(dir, `${++n}.json`);
    writeFileSync(broken, "{ not json");
    const store = await openStore("memory://");
    const identity = new StoreIdentity(store.atomic, new IdentityFile(broken, "memory://a"));
    expect(await identity.check()).toBeUndefined();
    expect(identity.memoryProblem()).toMatch(/^cannot read .*\.json: /);
    // Rewritten whole: the next run reads it.
    expect(new IdentityFile(broken, "memory://a").recall()).toMatch(/^[0-9a-f]{16}$/);

    const locked = join(dir, `${++n}`);
    writeFileSync(locked, "a file where a directory should be");
    const unwritable = new StoreIdentity(store.atomic, new IdentityFile(join(locked, "state.json"), "memory://a"));
    expect(await unwritable.check()).toBeUndefined();
    expect(unwritable.memoryProblem()).toMatch(/^cannot write .*state\.json: /);
    expect(await unwritable.check()).toBeUndefined();
    expect(unwritable.memoryProblem()).toBeUndefined();
  });
});
