import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ConfigError } from "../src/core/errors.js";
import { configDataFile } from "./paths.js";
import { configSchema, type Config } from "./schema.js";

export interface LoadOptions {
  /** `--config FILE`; wins over REGWATCH_CONFIG. */
  file?: string;
  /** The environment; the only place regwatch reads it. */
  env?: NodeJS.ProcessEnv;
}

export interface LoadedConfig {
  config: Config;
  file: string;
  /** Secrets and switches from the environment, never logged. */
  env: RuntimeEnv;
}

export interface RuntimeEnv {
  telegramToken?: string;
  /** Telegram's X-Telegram-Bot-Api-Secret-Token for webhook mode. */
  telegramWebhookSecret?: string;
  discordToken?: string;
  discordApplicationId?: string;
}

export const defaultConfigFile = (): string => configDataFile("regwatch.yaml");

/** Reads, parses and validates the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const file = resolve(options.file ?? nonEmpty(env.REGWATCH_CONFIG) ?? defaultConfigFile());

  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`]);
  }

  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`),
    );
  }
  const raw: unknown = doc.toJS() ?? {};

  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(file, formatIssues(result.error.issues));

  const config = result.data;
  const store = nonEmpty(env.REGWATCH_STORE);
  if (store) config.store = store;
  config.userAgent = config.userAgent.replaceAll("{contact}", config.contact);

  const telegramApiRoot = nonEmpty(env.TELEGRAM_API_ROOT);
  if (telegramApiRoot) config.telegram.apiRoot = telegramApiRoot;
  const discordApiBase = nonEmpty(env.DISCORD_API_BASE);
  if (discordApiBase) config.discord.apiBase = discordApiBase;

  const runtime: RuntimeEnv = {};
  const secrets: Array<[keyof RuntimeEnv, string]> = [
    ["telegramToken", "TELEGRAM_BOT_TOKEN"],
    ["telegramWebhookSecret", "TELEGRAM_WEBHOOK_SECRET"],
    ["discordToken", "DISCORD_TOKEN"],
    ["discordApplicationId", "DISCORD_APPLICATION_ID"],
  ];
  for (const [key, name] of secrets) {
    const value = nonEmpty(env[name]);
    if (value) runtime[key] = value;
  }
  return { config, file, env: runtime };
}

/** `feeds[3].url: Invalid URL`, one line per issue. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      "",
    );
    return `${path || "(top level)"}: ${issue.message}`;
  });
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);
