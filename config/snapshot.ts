// The analysis tables parsed once, at build time: parsing 100 KB of YAML costs a cold process about 200 ms,
// reading the same data as JSON a few. A snapshot holds the hash of the YAML it came from and is used only
// while that text is unchanged, so an operator's edit to a table takes effect at once (through the slow path).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { configDataFile, packageRoot } from "./paths.js";
import { parseYaml, readSource } from "./yaml-file.js";

const SNAPSHOT_DIR = join(packageRoot, "dist", "config-snapshots");
const TABLES = ["jurisdictions.yaml", "topics.yaml"];

const hashOf = (source: string): string => createHash("sha256").update(source).digest("hex");
const snapshotFile = (file: string): string => join(SNAPSHOT_DIR, basename(file) + ".json");

/** The data of `file` from its snapshot when the snapshot matches `source`; undefined otherwise. */
export function readSnapshot(file: string, source: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(snapshotFile(file), "utf8");
  } catch {
    return undefined;
  }
  try {
    const snapshot = JSON.parse(raw) as { file?: string; sha256?: string; data?: unknown };
    return snapshot.file === basename(file) && snapshot.sha256 === hashOf(source) ? snapshot.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a snapshot of each shipped table (run by `npm run build`). */
export function writeSnapshots(): string[] {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  return TABLES.map((name) => {
    const file = configDataFile(name);
    const source = readSource(file);
    writeFileSync(snapshotFile(file), JSON.stringify({ file: basename(file), sha256: hashOf(source), data: parseYaml(file, source) }));
    return snapshotFile(file);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) writeSnapshots();
