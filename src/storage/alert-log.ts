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
 * Recording rewrites only the small index and the new alerts it keeps, not every kept alert; `latest` reads the
 * index and the alerts it names.
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
      const byId = new Map(alerts.map((a) => [a.id, a]));
      const entries: IndexEntry[] = alerts.map(({ id, published, jurisdictions, topics }) => ({ id, published, jurisdictions, topics }));
      // Atomic: a `poll --once` recording beside the service must not drop the service's entries. Only the
      // alerts that stay among the newest are written: a poll of 10,000 new items keeps 200.
      await this.atomic.update([INDEX], ([index]) => {
        const merged = [...entries, ...((index as IndexEntry[] | undefined) ?? []).filter((e) => !byId.has(e.id))];
        merged.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
        const kept = merged.slice(0, this.keep);
        const bodies = kept.filter((e) => byId.has(e.id)).map((e) => ({ key: PREFIX + e.id, value: byId.get(e.id) }));
        const dropped = merged.slice(this.keep).filter((e) => !byId.has(e.id)).map((e) => PREFIX + e.id);
        return { set: [{ key: INDEX, value: kept }, ...bodies], delete: dropped, result: undefined };
      });
    });
  }

  async latest(limit: number, filter?: Pick<Subscription, "rules">): Promise<Alert[]> {
    return guarded("read the latest alerts", async () => {
      const index = await this.index();
      // Places and topics are in the index; keywords need the alert's words, so those rules read every candidate.
      const placesOnly = filter && { rules: filter.rules.map(({ jurisdictions, topics }) => ({ jurisdictions, topics })) };
      const keywords = filter?.rules.some((r) => r.include?.length || r.exclude?.length) ?? false;
      const candidates = placesOnly ? index.filter((entry) => subscriptionMatches(placesOnly, entry)) : index;
      const wanted = keywords ? candidates : candidates.slice(0, limit);
      if (wanted.length === 0) return [];
      const alerts = (await this.keyv.getMany<Alert>(wanted.map((e) => PREFIX + e.id))).filter((a): a is Alert => a !== undefined && a !== null);
      return (keywords && filter ? alerts.filter((a) => subscriptionMatches(filter, a)) : alerts).slice(0, limit);
    });
  }

  private async index(): Promise<IndexEntry[]> {
    return (await this.keyv.get<IndexEntry[]>(INDEX)) ?? [];
  }
}
