import type Keyv from "keyv";
import type { Alert } from "../core/article.js";
import type { AlertLog } from "../core/ports.js";
import { subscriptionMatches, type Subscription } from "../core/subscription.js";
import { inProcessUpdates, type AtomicUpdates } from "./atomic.js";
import { guarded } from "./guard.js";

const INDEX = "alerts:index";
const PREFIX = "alert:";

/** What the index keeps of an alert: enough to order and filter without reading the alert itself. */
interface IndexEntry {
  id: string;
  published: string | null;
  jurisdictions: string[];
  topics: string[];
}

/**
 * The newest alerts: each alert under its own key, plus one bounded index, newest first.
 * Recording rewrites only the small index, not every kept alert; `latest` reads the index and the alerts it names.
 */
export class KeyvAlertLog implements AlertLog {
  private readonly atomic: AtomicUpdates;

  /** Without `atomic` (a keyv only this process uses), updates are atomic within the process. */
  constructor(
    private readonly keyv: Keyv,
    private readonly keep = 200,
    atomic?: AtomicUpdates,
  ) {
    this.atomic = atomic ?? inProcessUpdates(keyv);
  }

  async record(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await guarded("record alerts", async () => {
      await this.keyv.setMany(alerts.map((alert) => ({ key: PREFIX + alert.id, value: alert })));
      const ids = new Set(alerts.map((a) => a.id));
      const entries: IndexEntry[] = alerts.map(({ id, published, jurisdictions, topics }) => ({ id, published, jurisdictions, topics }));
      // Atomic: a `poll --once` recording beside the service must not drop the service's entries.
      await this.atomic.update([INDEX], ([index]) => {
        const merged = [...entries, ...((index as IndexEntry[] | undefined) ?? []).filter((e) => !ids.has(e.id))];
        merged.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
        return { set: [{ key: INDEX, value: merged.slice(0, this.keep) }], delete: merged.slice(this.keep).map((e) => PREFIX + e.id), result: undefined };
      });
    });
  }

  async latest(limit: number, filter?: Pick<Subscription, "jurisdictions" | "topics">): Promise<Alert[]> {
    return guarded("read the latest alerts", async () => {
      const index = await this.index();
      const wanted = (filter ? index.filter((entry) => subscriptionMatches(filter, entry)) : index).slice(0, limit);
      if (wanted.length === 0) return [];
      const alerts = await this.keyv.getMany<Alert>(wanted.map((e) => PREFIX + e.id));
      return alerts.filter((a): a is Alert => a !== undefined && a !== null);
    });
  }

  private async index(): Promise<IndexEntry[]> {
    return (await this.keyv.get<IndexEntry[]>(INDEX)) ?? [];
  }
}
