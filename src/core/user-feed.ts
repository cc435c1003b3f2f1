import type { Target } from "./subscription.js";

/** What a chat receives from a feed it added: every item, or only those the analysis calls policy. */
export type AlertChoice = "policy" | "all";

/** A chat that added a feed, with its own choices. */
export interface FeedFollower {
  target: Target;
  /** The jurisdiction the chat said the feed is about (a prior for the analysis), or null. */
  jurisdiction: string | null;
  alerts: AlertChoice;
  addedBy: string;
  addedAt: string;
}

/**
 * A feed added from chats. One record per URL, however many chats added it: it is fetched once per poll
 * and its items go to its followers only, never to other subscribers.
 */
export interface UserFeed {
  /** Short, derived from the URL (so the same URL is the same feed); what `/feed remove` takes. */
  id: string;
  url: string;
  title: string;
  followers: FeedFollower[];
  createdAt: string;
  /** Set once the feed failed too often: it is not polled until a chat adds it again. */
  pausedAt?: string;
  pauseReason?: string;
}

/** Failures throw StorageError. */
export interface UserFeedStore {
  get(id: string): Promise<UserFeed | undefined>;
  /** Creates or replaces; a feed with no followers left is removed. */
  put(feed: UserFeed): Promise<void>;
  /**
   * Read-modify-write of one feed with no other writer in between (another chat, another process): `change`
   * gets the stored feed and returns the next (no followers, or undefined: removed). Returns what was stored.
   * `change` may run more than once, so it must compute only from what it is given.
   */
  update(id: string, change: (current: UserFeed | undefined) => UserFeed | undefined): Promise<UserFeed | undefined>;
  list(): Promise<UserFeed[]>;
  /** The feeds a chat follows, oldest first. */
  ofChat(target: Target): Promise<UserFeed[]>;
}

/** What fetching a URL from a chat found: the feed's own URL (after discovery), its title and latest item. */
export interface ProbedFeed {
  url: string;
  title: string;
  items: number;
  latest?: { title: string; url: string | null; published: string | null };
  /** Set when the URL was a web page and the feed was found through its `<link rel="alternate">`. */
  discoveredFrom?: string;
}

/** Chat feeds as commands see them: the store, a way to try a URL, the operator's limits. */
export interface UserFeedServices {
  store: UserFeedStore;
  /** Fetches a URL once through the address guard; throws UserError with the one-line reason it cannot be used. */
  probe(url: string): Promise<ProbedFeed>;
  limits: { enabled: boolean; maxPerChat: number; maxTotal: number };
  /** An OPML document listing these feeds. */
  writeOpml(title: string, feeds: ReadonlyArray<{ url: string; title: string | null; jurisdiction: string | null }>): string;
  /** The feeds an OPML document lists; throws UserError when it is not one. */
  readOpml(text: string): Array<{ url: string; title: string | null; jurisdiction: string | null }>;
}

/** Ids of chat feeds start so, which keeps them apart from configured feeds in the feed-state store and in logs. */
export const USER_FEED_PREFIX = "user-";

/** The id of a URL's feed: the same URL from any chat is the same feed. */
export async function userFeedId(url: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(url));
  return USER_FEED_PREFIX + [...new Uint8Array(digest).slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
