/** A configured feed: where to fetch it and what it is presumed to be about. */
export interface FeedSpec {
  id: string;
  name: string;
  url: string;
  /** The jurisdiction the feed's items usually concern; a prior for the analysis, not the answer. */
  jurisdiction: string | null;
  userAgent?: string;
  /**
   * Which new items become alerts: "policy" (default) only those the analysis judges policy; "all" every item,
   * for an operator who wants a feed in full (its non-policy items carry the feed's jurisdiction).
   */
  alerts?: "policy" | "all";
  /** Added from a chat: every URL it leads to passes the address guard. Configured feeds are trusted. */
  untrusted?: boolean;
}

/** What regwatch remembers about a feed between polls. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Set once the first poll recorded the feed's items: until then nothing from it is alerted. */
  primedAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** Items in the last successful parse. */
  lastItemCount?: number;
  /**
   * Ids of the items in the last successful parse. An item still in the feed is known here whatever
   * the seen store's time-to-live, so a long-lived item never comes back as new.
   */
  recentIds?: string[];
}

export const emptyFeedState = (): FeedState => ({ consecutiveFailures: 0 });
