import { loadConfig, type LoadedConfig } from "../../config/load.js";
import { openStores, type Stores } from "../storage/index.js";

/** For the commands that read or change state: load the configuration, open its store, run, close the store. */
export async function withStores<T>(configFile: string | undefined, work: (stores: Stores, loaded: LoadedConfig) => Promise<T>): Promise<T> {
  const loaded = loadConfig(configFile ? { file: configFile } : {});
  const { config } = loaded;
  const stores = await openStores(config.store, { seenTtlDays: config.seen.ttlDays, timeoutMs: config.limits.connectTimeoutMs });
  try {
    return await work(stores, loaded);
  } finally {
    await stores.close();
  }
}
