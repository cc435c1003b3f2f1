import type Keyv from "keyv";
import type { Alert } from "../core/article.js";
import type { AlertLog } from "../core/ports.js";
import { guarded } from "./guard.js";

const KEY = "alerts:latest";

/** The newest alerts, kept as one bounded list: `latest` reads one key, whatever the history. */
export class KeyvAlertLog implements AlertLog {
  constructor(
    private readonly keyv: Keyv,
    private readonly keep = 200,
  ) {}

  async record(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await guarded("record alerts", async () => {
      const current = (await this.keyv.get<Alert[]>(KEY)) ?? [];
      const ids = new Set(alerts.map((a) => a.id));
      const merged = [...alerts, ...current.filter((a) => !ids.has(a.id))];
      merged.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
      await this.keyv.set(KEY, merged.slice(0, this.keep));
    });
  }

  async latest(limit: number): Promise<Alert[]> {
    return guarded("read the latest alerts", async () => ((await this.keyv.get<Alert[]>(KEY)) ?? []).slice(0, limit));
  }
}
