import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root, found by walking up from this file: the same code runs from
 * config/ (tests, through vitest) and from dist/config/ (the built CLI).
 */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("regwatch: package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
})();

/** A data file shipped in config/ (YAML tables, the default configuration). */
export const configDataFile = (name: string): string => resolve(packageRoot, "config", name);
