import type Keyv from "keyv";
import type { FeedState } from "../core/feed.js";
import type { FeedStateStore } from "../core/ports.js";
import { guarded } from "./guard.js";

const PREFIX = "feed:";

export class KeyvFeedStateStore implements FeedStateStore {
  constructor(private readonly keyv: Keyv) {}

  async get(feedId: string): Promise<FeedState | undefined> {
    return guarded(`read the state of feed ${feedId}`, () => this.keyv.get<FeedState>(PREFIX + feedId));
  }

  async set(feedId: string, state: FeedState): Promise<void> {
    await guarded(`record the state of feed ${feedId}`, () => this.keyv.set(PREFIX + feedId, state));
  }

  async getMany(feedIds: readonly string[]): Promise<Array<FeedState | undefined>> {
    if (feedIds.length === 0) return [];
    const found = await guarded("read the state of the feeds", () => this.keyv.getMany<FeedState>(feedIds.map((id) => PREFIX + id)));
    return found.map((state) => state ?? undefined);
  }

  async setMany(states: ReadonlyArray<{ feedId: string; state: FeedState }>): Promise<void> {
    if (states.length === 0) return;
    await guarded("record the state of the feeds", () => this.keyv.setMany(states.map(({ feedId, state }) => ({ key: PREFIX + feedId, value: state }))));
  }
}
