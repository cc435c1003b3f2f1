import { readdirSync } from "node:fs";
import { z } from "zod";
import { configDataFile } from "./paths.js";
import { readYamlFile } from "./yaml-file.js";

/** A message catalog: nested keys, each ending in a string (i18next's resource shape). */
export interface Catalog {
  [key: string]: string | Catalog;
}

const catalogSchema: z.ZodType<Catalog> = z.lazy(() => z.record(z.string(), z.union([z.string(), catalogSchema])));

/**
 * Every catalog in config/locales/, by language tag: `ja.yaml` is Japanese. Adding a language is adding one
 * file; keys it lacks fall back to English.
 */
export function loadCatalogs(dir = configDataFile("locales")): Record<string, Catalog> {
  const catalogs: Record<string, Catalog> = {};
  for (const file of readdirSync(dir).filter((f) => /^[a-z]{2,3}(?:-[A-Za-z0-9]+)?\.yaml$/.test(f)).sort()) {
    catalogs[file.replace(/\.yaml$/, "")] = readYamlFile(`${dir}/${file}`, catalogSchema);
  }
  return catalogs;
}
