import type Keyv from "keyv";
import { targetKey, type Target } from "../core/subscription.js";
import type { UserFeed, UserFeedStore } from "../core/user-feed.js";
import { inProcessUpdates, type AtomicUpdates } from "./atomic.js";
import { guarded } from "./guard.js";

/** `userfeed:user-1a2b3c4d` → the feed; `userfeeds` → every id. */
const FEED = "userfeed:";
const INDEX = "userfeeds";

/**
 * Chat feeds in keyv. A change reads and writes the feed and the id list in one atomic update of the
 * backend, so two chats adding the same URL at once (in one process or several) both end up following it.
 */
export class KeyvUserFeedStore implements UserFeedStore {
  private readonly atomic: AtomicUpdates;

  constructor(
    private readonly keyv: Keyv,
    atomic?: AtomicUpdates,
  ) {
    this.atomic = atomic ?? inProcessUpdates(keyv);
  }

  async get(id: string): Promise<UserFeed | undefined> {
    return guarded(`read chat feed ${id}`, async () => (await this.keyv.get<UserFeed>(FEED + id)) ?? undefined);
  }

  put(feed: UserFeed): Promise<void> {
    return this.update(feed.id, () => feed).then(() => undefined);
  }

  update(id: string, change: (current: UserFeed | undefined) => UserFeed | undefined): Promise<UserFeed | undefined> {
    return guarded(`record chat feed ${id}`, () =>
      this.atomic.update([FEED + id, INDEX], ([stored, list]) => {
        const ids = (list as string[] | undefined) ?? [];
        const next = change((stored as UserFeed | undefined) ?? undefined);
        // A feed no chat follows any more is gone.
        if (!next || next.followers.length === 0) {
          return { delete: [FEED + id], ...(ids.includes(id) ? { set: [{ key: INDEX, value: ids.filter((i) => i !== id) }] } : {}), result: undefined };
        }
        return { set: [{ key: FEED + id, value: next }, ...(ids.includes(id) ? [] : [{ key: INDEX, value: [...ids, id] }])], result: next };
      }),
    );
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
}
