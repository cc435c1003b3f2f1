import type { Config } from "../config/schema.js";
import type { Alert } from "./core/article.js";
import type { FeedSpec } from "./core/feed.js";
import type { AlertLog, Logger } from "./core/ports.js";
import type { UserFeed, UserFeedServices } from "./core/user-feed.js";
import type { DeliveryEngine } from "./delivery/engine.js";
import { addressGuard, type Resolver } from "./feeds/address-guard.js";
import { probeFeed } from "./feeds/discover.js";
import { OpmlError, readOpml, writeOpml } from "./feeds/opml.js";
import { UserError } from "./core/errors.js";
import type { FetchLimits } from "./feeds/fetch.js";
import type { CycleReport } from "./feeds/poller.js";
import { isUserFeedId, pauseFailing, pauseNotice, routeUserAlerts, userFeedSpecs } from "./feeds/user-feed-cycle.js";
import type { Stores } from "./storage/index.js";

/** Fetch limits for chat feeds: the operator's limits, plus the address guard. */
export function chatFeedLimits<L extends Omit<FetchLimits, "guard">>(config: Config, limits: L, resolve?: Resolver): L & Pick<FetchLimits, "guard"> {
  const { allowPrivateAddresses, allowedPorts } = config.userFeeds;
  return { ...limits, guard: addressGuard({ allowPrivateAddresses, allowedPorts }, resolve) };
}

export function userFeedServices(config: Config, stores: Pick<Stores, "userFeeds">, limits: FetchLimits): UserFeedServices {
  const { enabled, maxPerChat, maxTotal } = config.userFeeds;
  return {
    store: stores.userFeeds,
    probe: (url) => probeFeed(url, limits),
    limits: { enabled, maxPerChat, maxTotal },
    writeOpml: (title, feeds) => writeOpml(title, feeds),
    readOpml(text) {
      try {
        return readOpml(text);
      } catch (error) {
        if (error instanceof OpmlError) throw new UserError(error.message);
        throw error;
      }
    },
  };
}

/** One poll's worth of chat feeds, and what to do with their items and failures. */
export interface ChatFeedsCycle {
  feeds: FeedSpec[];
  /** The alert log keeps no items of chat feeds: `/latest` shows what regwatch's own feeds said. */
  alertLog: AlertLog;
  deliver(alerts: Alert[]): Promise<unknown>;
  /** After the poll: pause the feeds that keep failing and tell their chats, once. */
  finish(report: CycleReport): Promise<void>;
}

export async function chatFeedsCycle(config: Config, stores: Stores, delivery: DeliveryEngine, logger: Logger, now: () => Date): Promise<ChatFeedsCycle> {
  const all: UserFeed[] = config.userFeeds.enabled ? await stores.userFeeds.list() : [];
  const byId = new Map(all.map((f) => [f.id, f]));
  return {
    feeds: userFeedSpecs(all),
    alertLog: {
      record: (alerts) => stores.alerts.record(alerts.filter((a) => !isUserFeedId(a.feedId))),
      latest: (limit, filter) => stores.alerts.latest(limit, filter),
    },
    async deliver(alerts) {
      const own = alerts.filter((a) => isUserFeedId(a.feedId));
      const configured = alerts.filter((a) => !isUserFeedId(a.feedId));
      if (configured.length > 0) await delivery.deliver(configured);
      if (own.length > 0) await delivery.deliverTo(routeUserAlerts(own, byId));
    },
    async finish(report) {
      const at = now();
      const paused = await pauseFailing(report.outcomes, {
        store: stores.userFeeds,
        feedState: stores.feedState,
        threshold: config.userFeeds.pauseAfterFailures,
        logger,
        now: at,
      });
      for (const { feed, reason } of paused) {
        await delivery.deliverTo([{ alert: pauseNotice(feed, reason, at), targets: feed.followers.map((f) => f.target) }]);
      }
    },
  };
}
