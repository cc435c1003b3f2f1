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
}
