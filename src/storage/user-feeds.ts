import type Keyv from "keyv";
import { targetKey, type Target } from "../core/subscription.js";
import type { UserFeed, UserFeedStore } from "../core/user-feed.js";
import { guarded } from "./guard.js";

/** `userfeed:user-1a2b3c4d` → the feed; `userfeeds` → every id. */
const FEED = "userfeed:";
const INDEX = "userfeeds";

/**
 * Chat feeds in keyv. Writes run one at a time through a promise chain, so two commands in this process
 * never interleave their read-modify-write of the index.
 */
export class KeyvUserFeedStore implements UserFeedStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly keyv: Keyv) {}

  async get(id: string): Promise<UserFeed | undefined> {
    return guarded(`read chat feed ${id}`, async () => (await this.keyv.get<UserFeed>(FEED + id)) ?? undefined);
  }

  async put(feed: UserFeed): Promise<void> {
    await this.serially(`record chat feed ${feed.id}`, async () => {
      const ids = (await this.keyv.get<string[]>(INDEX)) ?? [];
      if (feed.followers.length === 0) {
        await this.keyv.delete(FEED + feed.id);
        if (ids.includes(feed.id)) await this.keyv.set(INDEX, ids.filter((i) => i !== feed.id));
        return;
      }
      await this.keyv.set(FEED + feed.id, feed);
      if (!ids.includes(feed.id)) await this.keyv.set(INDEX, [...ids, feed.id]);
    });
  }

  async list(): Promise<UserFeed[]> {
    return guarded("list chat feeds", async () => {
      const ids = (await this.keyv.get<string[]>(INDEX)) ?? [];
      if (ids.length === 0) return [];
      const feeds = await this.keyv.getMany<UserFeed>(ids.map((id) => FEED + id));
      return feeds.filter((f): f is UserFeed => f !== undefined && f !== null);
    });
  }

  async ofChat(target: Target): Promise<UserFeed[]> {
    const key = targetKey(target);
    const feeds = await this.list();
    const mine = feeds.flatMap((feed) => {
      const follower = feed.followers.find((f) => targetKey(f.target) === key);
      return follower ? [{ feed, at: follower.addedAt }] : [];
    });
    return mine.sort((a, b) => a.at.localeCompare(b.at)).map((m) => m.feed);
  }

  private serially<T>(what: string, work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => guarded(what, work));
    this.tail = run.catch(() => {});
    return run;
  }
}
