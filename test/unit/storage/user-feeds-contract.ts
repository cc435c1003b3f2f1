import { expect, it } from "vitest";
import type { FeedFollower, UserFeed } from "../../../src/core/user-feed.js";
import type { Stores } from "../../../src/storage/index.js";

const follower = (chatId: string, at: string): FeedFollower => ({ target: { platform: "telegram", chatId }, jurisdiction: null, alerts: "policy", addedBy: "1", addedAt: at });
const feed = (id: string, followers: FeedFollower[]): UserFeed => ({ id, url: `https://regulator.example/${id}.xml`, title: id, followers, createdAt: "2026-11-01T00:00:00.000Z" });

/** What every backend's chat-feed store does: one record per URL, followers kept under concurrent adds, gone when unfollowed. */
export function userFeedContract(stores: () => Stores): void {
  it("keeps chat feeds, lists a chat's oldest first, and drops a feed nobody follows", async () => {
    const { userFeeds } = stores();
    await userFeeds.put(feed("user-a", [follower("1", "2026-11-02T00:00:00.000Z")]));
    await userFeeds.put(feed("user-b", [follower("1", "2026-11-01T00:00:00.000Z"), follower("2", "2026-11-03T00:00:00.000Z")]));
    expect((await userFeeds.list()).map((f) => f.id).sort()).toEqual(["user-a", "user-b"]);
    expect((await userFeeds.ofChat({ platform: "telegram", chatId: "1" })).map((f) => f.id)).toEqual(["user-b", "user-a"]);
    expect((await userFeeds.ofChat({ platform: "discord", chatId: "1" })).map((f) => f.id)).toEqual([]);
    await userFeeds.update("user-a", (f) => f && { ...f, followers: [] });
    expect(await userFeeds.get("user-a")).toBeUndefined();
    expect((await userFeeds.list()).map((f) => f.id)).toEqual(["user-b"]);
  });

  it("loses no follower when many chats add the same feed at once", async () => {
    const { userFeeds } = stores();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        userFeeds.update("user-shared", (f) => {
          const base = f ?? feed("user-shared", []);
          return { ...base, followers: [...base.followers, follower(String(i), `2026-11-0${(i % 9) + 1}T00:00:00.000Z`)] };
        }),
      ),
    );
    expect((await userFeeds.get("user-shared"))?.followers.map((f) => f.target.chatId).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect((await userFeeds.list()).filter((f) => f.id === "user-shared")).toHaveLength(1);
  });
}
