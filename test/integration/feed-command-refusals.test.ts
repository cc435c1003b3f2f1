import Keyv from "keyv";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressGuard } from "../../src/feeds/address-guard.js";
import { probeFeed } from "../../src/feeds/discover.js";
import { readOpml, writeOpml } from "../../src/feeds/opml.js";
import { KeyvUserFeedStore } from "../../src/storage/user-feeds.js";
import { regwatch } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { rss } from "../support/rss.js";
import { waitFor } from "../support/wait.js";
import { alice, alicePrivate, memoryServices, startHarness, type Harness } from "../support/telegram/harness.js";

// With the defaults (nothing private allowed), what a chat is told when its URL is refused, through the real
// Telegram adapter; and the same refusal through `regwatch chat` with the default configuration.

let harness: Harness;
let feeds: FeedServer;
const dir = mkdtempSync(join(tmpdir(), "regwatch-feed-refusals-"));

beforeAll(async () => {
  feeds = await startFeedServer({ "/feed.xml": { body: rss({ title: "Local", items: [] }) } });
  const store = new KeyvUserFeedStore(new Keyv());
  const guard = addressGuard({ allowPrivateAddresses: false, allowedPorts: [] }, async (host) => {
    if (host === "intranet.example") return [{ address: "10.20.30.40", family: 4 }];
    if (host === "localhost") return [{ address: "127.0.0.1", family: 4 }];
    throw new Error("not found");
  });
  const services = { ...memoryServices(), userFeeds: { store, probe: (url: string) => probeFeed(url, { timeoutMs: 2_000, maxBodyBytes: 100_000, maxRedirects: 3, userAgent: "regwatch-test", guard }), limits: { enabled: true, maxPerChat: 10, maxTotal: 2_000 }, readOpml, writeOpml } };
  harness = await startHarness({ services });
});
afterAll(async () => {
  await harness.stop();
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

async function reply(text: string): Promise<string> {
  const before = harness.server.callsTo("sendMessage").length;
  harness.server.sendText({ chat: alicePrivate, from: alice, text });
  await waitFor("the reply", () => harness.server.callsTo("sendMessage").length > before, 10_000);
  return String(harness.server.callsTo("sendMessage")[before]?.params.text);
}

describe("/feed add refusals", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", "Cannot use that URL: 169.254.169.254 is a link-local address (cloud metadata lives there): refused."],
    ["http://localhost/feed", "Cannot use that URL: localhost resolves to 127.0.0.1, which is a loopback address: refused."],
    ["http://intranet.example/rss", "Cannot use that URL: intranet.example resolves to 10.20.30.40, which is a private address: refused."],
    ["http://2130706433/", "Cannot use that URL: 127.0.0.1 is a loopback address: refused."],
    ["http://[fd00::1]/", "Cannot use that URL: fd00::1 is a unique-local (private) address: refused."],
    ["file:///etc/passwd", "Cannot use that URL: file: URLs are refused: only http and https."],
    ["gopher://example.org/", "Cannot use that URL: gopher: URLs are refused: only http and https."],
  ])("%s", async (url, expected) => {
    const text = await reply(`/feed add ${url}`);
    expect(text).toBe(expected);
  });

  it("refuses the loopback feed server itself, which a test with private addresses allowed can read", async () => {
    const text = await reply(`/feed add ${feeds.url("/feed.xml")}`);
    expect(text).toBe(`Cannot use that URL: port ${new URL(feeds.url("/")).port} is refused: only the default port of http or https.`);
    expect(feeds.requests).toHaveLength(0);
  });

  it("says so when the operator turned chat feeds off, and through `regwatch chat` refuses like the bots", async () => {
    const configFile = join(dir, "regwatch.yaml");
    const store = `sqlite://${join(dir, "store.sqlite")}`;
    writeFileSync(configFile, `feeds:\n  - { id: local, name: Local, url: "${feeds.url("/feed.xml")}" }\n`);
    const refused = await regwatch(["chat", "--config", configFile, "-c", "/feed add http://127.0.0.1/feed.xml"], { REGWATCH_STORE: store });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("Cannot use that URL: 127.0.0.1 is a loopback address: refused.");
    writeFileSync(configFile, `userFeeds: { enabled: false }\nfeeds:\n  - { id: local, name: Local, url: "${feeds.url("/feed.xml")}" }\n`);
    const off = await regwatch(["chat", "--config", configFile, "-c", `/feed list`], { REGWATCH_STORE: store });
    expect(off.stdout).toContain("Adding feeds from chats is turned off on this regwatch.");
  });

  it("adds through `regwatch chat` where the operator allows the loopback server", async () => {
    const configFile = join(dir, "allowed.yaml");
    const store = `sqlite://${join(dir, "allowed.sqlite")}`;
    writeFileSync(configFile, `userFeeds: { allowPrivateAddresses: true, allowedPorts: [${new URL(feeds.url("/")).port}] }\nfeeds:\n  - { id: local, name: Local, url: "${feeds.url("/feed.xml")}" }\n`);
    const added = await regwatch(["chat", "--config", configFile, "-c", `/feed add ${feeds.url("/feed.xml")} all`], { REGWATCH_STORE: store });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Feed added: Local");
    const listed = await regwatch(["chat", "--config", configFile, "-c", "/feed list"], { REGWATCH_STORE: store });
    expect(listed.stdout).toContain("every item");
  });
});
