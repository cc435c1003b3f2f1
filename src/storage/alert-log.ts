import type Keyv from "keyv";
import type { Alert } from "../core/article.js";
import type { AlertLog } from "../core/ports.js";
import { subscriptionMatches, type Subscription } from "../core/subscription.js";
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
  constructor(
    private readonly keyv: Keyv,
    private readonly keep = 200,
  ) {}

  async record(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await guarded("record alerts", async () => {
      await this.keyv.setMany(alerts.map((alert) => ({ key: PREFIX + alert.id, value: alert })));
      const ids = new Set(alerts.map((a) => a.id));
      const entries: IndexEntry[] = alerts.map(({ id, published, jurisdictions, topics }) => ({ id, published, jurisdictions, topics }));
      const merged = [...entries, ...(await this.index()).filter((e) => !ids.has(e.id))];
      merged.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
      const kept = merged.slice(0, this.keep);
      await this.keyv.set(INDEX, kept);
      const dropped = merged.slice(this.keep).map((e) => PREFIX + e.id);
      if (dropped.length > 0) await this.keyv.deleteMany(dropped);
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
