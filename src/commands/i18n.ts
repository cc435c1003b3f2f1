import { AsyncLocalStorage } from "node:async_hooks";
import i18next, { type i18n } from "i18next";
import { loadCatalogs, type Catalog } from "../../config/locales.js";

import type { Translate } from "../core/command.js";

export type { Translate };

export const DEFAULT_LANGUAGE = "en";

let shared: { instance: i18n; languages: string[] } | undefined;

/** One i18next instance for every adapter, loaded once from config/locales/ when first asked. */
function catalogs(): { instance: i18n; languages: string[] } {
  if (shared) return shared;
  const resources: Record<string, { translation: Catalog }> = {};
  const loaded = loadCatalogs();
  for (const [language, catalog] of Object.entries(loaded)) resources[language] = { translation: catalog };
  const instance = i18next.createInstance();
  // Resources are in memory, so init completes synchronously; replies are plain text (adapters escape), not HTML.
  void instance.init({ resources, lng: DEFAULT_LANGUAGE, fallbackLng: DEFAULT_LANGUAGE, initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
  shared = { instance, languages: Object.keys(loaded) };
  return shared;
}

/** The languages with a catalog: `["en", "ja"]`. */
export const languages = (): readonly string[] => catalogs().languages;

/** The catalog language for a BCP 47 tag ("ja-JP" → "ja", "en-GB" → "en"), or undefined when none fits. */
export function catalogLanguage(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace("_", "-");
  const known = languages();
  return known.find((l) => l.toLowerCase() === lower) ?? known.find((l) => l.toLowerCase() === lower.split("-")[0]);
}

/** Messages in `language`, English where its catalog lacks a key. */
export function translator(language: string): Translate {
  const t = catalogs().instance.getFixedT(catalogLanguage(language) ?? DEFAULT_LANGUAGE);
  return (key, values) => t(key, values ?? {}) as string;
}

/** Whether a key is in a language's own catalog (not through the English fallback): for the completeness test. */
export const hasOwnKey = (language: string, key: string): boolean => catalogs().instance.exists(key, { lng: language, fallbackLng: false });

/** The language of the command being run, so schema messages (read by the shared parser) can speak it. */
const running = new AsyncLocalStorage<Translate>();

/** Runs a command with its chat's messages available to its option schemas. */
export const withMessages = <T>(t: Translate, run: () => Promise<T>): Promise<T> => running.run(t, run);

/** A schema message now, in the running command's language (English outside one): `schema.<key>` in the catalog. */
export function schemaText(key: string, english: string, values: Record<string, unknown> = {}): string {
  const t = running.getStore() ?? translator(DEFAULT_LANGUAGE);
  return t(`schema.${key}`, { ...values, defaultValue: english });
}

/** The same as a zod error option, read when an issue is raised: `z.enum(…, schemaError("delivery", "choose…"))`. */
export const schemaError = (key: string, english: string, values: Record<string, unknown> = {}): { error: () => string } => ({
  error: () => schemaText(key, english, values),
});
