import { resolve } from "node:path";
import { configDataFile } from "./paths.js";
import { ConfigError } from "../src/core/errors.js";
import { configSchema, isStoreUrl, STORE_URL_HINT, type Config } from "./schema.js";
import { readYamlFile } from "./yaml-file.js";

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
  /** The model API's key, from the variable `llm.apiKeyEnv` names. */
  llmApiKey?: string;
}

export const defaultConfigFile = (): string => configDataFile("regwatch.yaml");

/** Reads, parses and validates the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const file = resolve(options.file ?? nonEmpty(env.REGWATCH_CONFIG) ?? defaultConfigFile());

  const config = readYamlFile(file, configSchema);
  const store = nonEmpty(env.REGWATCH_STORE);
  if (store && !isStoreUrl(store)) throw new ConfigError("REGWATCH_STORE", [`REGWATCH_STORE: ${STORE_URL_HINT}`]);
  if (store) config.store = store;
  config.stateFile = stateFile(config.store, config.stateFile);
  config.userAgent = config.userAgent.replaceAll("{contact}", config.contact);

  const httpHost = nonEmpty(env.REGWATCH_HTTP_HOST);
  if (httpHost && config.http) config.http = { ...config.http, host: httpHost };
  const httpPort = nonEmpty(env.REGWATCH_HTTP_PORT);
  if (httpPort !== undefined) {
    if (!/^\d{1,5}$/.test(httpPort) || Number(httpPort) > 65535) throw new ConfigError("REGWATCH_HTTP_PORT", [`REGWATCH_HTTP_PORT: must be a port number from 0 to 65535 (0 turns the endpoint off), not "${httpPort}"`]);
    config.http = config.http === false ? { host: "127.0.0.1", port: Number(httpPort), maxPollAgeMinutes: 30 } : { ...config.http, port: Number(httpPort) };
  }

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
  const keyEnv = config.llm?.apiKeyEnv;
  if (keyEnv) {
    const key = nonEmpty(env[keyEnv]);
    if (!key) throw new ConfigError(file, [`llm.apiKeyEnv: the environment variable ${keyEnv} is not set (it should hold the model API's key)`]);
    runtime.llmApiKey = key;
  }
  return { config, file, env: runtime };
}

/**
 * Where this host remembers the store's identity: as configured (relative to the working directory), else
 * beside an SQLite file (the file is the data: deleting it is losing it), else under data/. None for memory://.
 */
function stateFile(store: string, configured: string | false | undefined): string | false {
  if (configured === false) return false;
  if (configured !== undefined) return resolve(configured);
  if (/^memory:/i.test(store)) return false;
  const sqlite = /^sqlite:\/\/(.+)$/i.exec(store)?.[1];
  if (sqlite === ":memory:") return false;
  return sqlite ? `${resolve(sqlite)}.state.json` : resolve("data/regwatch.state.json");
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);
