import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStores } from "../../src/storage/index.js";
import { BIN } from "../support/cli.js";
import { startFeedServer, type FeedServer } from "../support/feed-server.js";
import { custodyRule, rss } from "../support/rss.js";
import { freshPostgres, freshRedis } from "../support/servers.js";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server.js";
import { alice, alicePrivate } from "../support/telegram/harness.js";
import { waitFor } from "../support/wait.js";
import { makeSubscription } from "../support/fixtures.js";
import { regwatch } from "../support/cli.js";

// Two `regwatch run` on one store, the local Bot API (which refuses a second concurrent getUpdates with 409,
// as Telegram does) and 50 subscribed chats: one voice, and a standby that takes over after kill -9.

const CHATS = 50;
interface Instance {
  child: ChildProcess;
  log: string;
}

describe.each([
  ["an SQLite file", async () => `sqlite://${join(mkdtempSync(join(tmpdir(), "regwatch-failover-db-")), "regwatch.sqlite")}`],
  ["Redis", () => freshRedis(5)],
  ["PostgreSQL", () => freshPostgres()],
])("two instances on %s", (_name, fresh) => {
  let dir: string;
  let feeds: FeedServer;
  let telegram: TelegramServer;
  let instances: Instance[] = [];

  afterEach(async () => {
    for (const { child } of instances) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    instances = [];
    await telegram?.close();
    await feeds?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("deliver each alert to each of 50 chats once, answer each command once, and fail over within 20 s of kill -9", async () => {
    dir = mkdtempSync(join(tmpdir(), "regwatch-failover-"));
    const store = await fresh();
    feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [custodyRule(1)] }) } });
    telegram = await startTelegramServer();
    const configFile = join(dir, "regwatch.yaml");
    writeFileSync(
      configFile,
      `contact: ci@example.com
schedule: "* * * * * *"
delivery:
  telegram: { perSecond: 200, perChatPerSecond: 50, perGroupPerMinute: 600 }
feeds:
  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }
`,
    );
    const stores = await openStores(store, { seenTtlDays: 180 });
    await Promise.all(Array.from({ length: CHATS }, (_, i) => stores.subscriptions.put(makeSubscription(String(7000 + i), ["JP"]))));
    await stores.close();

    const start = (): Instance => {
      const child = spawn(process.execPath, [BIN, "run", "--config", configFile], {
        env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", HOME: dir, REGWATCH_STORE: store, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot },
        stdio: ["ignore", "ignore", "pipe"],
      });
      const instance = { child, log: "" };
      child.stderr?.on("data", (d: Buffer) => (instance.log += d.toString()));
      instances.push(instance);
      return instance;
    };
    const logs = () => instances.map((x, i) => `--- instance ${i}\n${x.log}`).join("\n");
    const until = (what: string, check: () => boolean, ms = 20_000) => waitFor(what, check, ms, logs);
    const sent = (n: number) => telegram.callsTo("sendMessage").filter((c) => String(c.params.text).includes(`custody ${n}`));
    const perChat = (n: number) => new Map(sent(n).map((c) => [String(c.params.chat_id), sent(n).filter((d) => String(d.params.chat_id) === String(c.params.chat_id)).length]));

    const a = start();
    const b = start();
    await until("one instance to lead and record the feed", () => /first poll 1/.test(logs()));
    const leaders = () => instances.filter((x) => /leader: elected/.test(x.log));
    expect(leaders()).toHaveLength(1);
    const leader = leaders()[0]!;
    const standby = leader === a ? b : a;

    // A command reaches the leader only, and is answered once.
    telegram.sendText({ chat: alicePrivate, from: alice, text: "/subscribe jp" });
    await until("the reply to /subscribe", () => telegram.callsTo("sendMessage").some((c) => c.params.chat_id === alicePrivate.id));
    feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [custodyRule(2), custodyRule(1)] }) });
    await until("item 2 in all 51 chats", () => perChat(2).size === CHATS + 1);
    expect(telegram.callsTo("sendMessage").filter((c) => c.params.chat_id === alicePrivate.id && String(c.params.text).includes("Subscribed"))).toHaveLength(1);

    // Every send recorded (the spec allows one repeat per chat for a message in flight at the kill; crash.test covers that).
    const settled = await openStores(store, { seenTtlDays: 180 });
    let waiting = -1;
    for (let i = 0; i < 100 && waiting !== 0; i++) {
      waiting = (await settled.outbox.list()).reduce((n, q) => n + q.entries.length, 0);
      if (waiting !== 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await settled.close();
    expect(waiting).toBe(0);

    leader.child.kill("SIGKILL");
    const published = Date.now();
    feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [custodyRule(3), custodyRule(2), custodyRule(1)] }) });
    await until("item 3 in all 51 chats after the leader was killed", () => perChat(3).size === CHATS + 1, 25_000);
    expect(Date.now() - published).toBeLessThan(20_000);
    expect(standby.log).toMatch(/leader: elected/);

    expect([...perChat(2).values()].every((count) => count === 1)).toBe(true);
    expect([...perChat(3).values()].every((count) => count === 1)).toBe(true);
    expect(telegram.conflicts).toBe(0);

    // SIGTERM hands over at once: a fresh standby leads well before the lease would have expired.
    const third = start();
    await until("the third instance to start", () => /feeds, schedule/.test(third.log));
    const handedAt = Date.now();
    standby.child.kill("SIGTERM");
    await until("the third instance to lead", () => /leader: elected/.test(third.log), 8_000);
    expect(Date.now() - handedAt).toBeLessThan(8_000);
  }, 90_000);
});

describe("a running leader", () => {
  it("sends within seconds what `regwatch poll --once` queued from another process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regwatch-pickup-"));
    const store = await freshRedis(6);
    const feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [custodyRule(1)] }) } });
    const telegram = await startTelegramServer();
    const configFile = join(dir, "regwatch.yaml");
    // The service itself polls only at start: what comes later is found by `poll --once`.
    writeFileSync(configFile, `contact: ci@example.com\nschedule: "0 0 1 1 *"\nfeeds:\n  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }\n`);
    const stores = await openStores(store, { seenTtlDays: 180 });
    await stores.subscriptions.put(makeSubscription("8001", ["JP"]));
    await stores.close();
    const env = { HOME: dir, REGWATCH_STORE: store, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot };
    const child = spawn(process.execPath, [BIN, "run", "--config", configFile], { env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    try {
      await waitFor("the service's first poll", () => /first poll 1/.test(log), 20_000, () => log);
      feeds.set("/fsa.xml", { body: rss({ title: "FSA", items: [custodyRule(2), custodyRule(1)] }) });
      const poll = await regwatch(["poll", "--once", "--config", configFile], env);
      expect(poll.code).toBe(0);
      await waitFor("the leader to send what poll --once queued", () => telegram.callsTo("sendMessage").some((c) => String(c.params.text).includes("custody 2")), 10_000, () => log);
    } finally {
      child.kill("SIGKILL");
      await telegram.close();
      await feeds.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a leader whose store goes away", () => {
  it("stands down (stops polling Telegram and sending), and leads again with the bot answering when the store returns", async () => {
    const { startTcpProxy } = await import("../support/tcp-proxy.js");
    const dir = mkdtempSync(join(tmpdir(), "regwatch-standdown-"));
    const direct = new URL(await freshRedis(9));
    const proxy = await startTcpProxy(direct.hostname, Number(direct.port));
    const feeds = await startFeedServer({ "/fsa.xml": { body: rss({ title: "FSA", items: [custodyRule(1)] }) } });
    const telegram = await startTelegramServer();
    const configFile = join(dir, "regwatch.yaml");
    writeFileSync(
      configFile,
      `contact: ci@example.com\nschedule: "* * * * * *"\nleader: { leaseSeconds: 2 }\nfeeds:\n  - { id: fsa, name: Japan FSA, url: "${feeds.url("/fsa.xml")}", jurisdiction: JP }\n`,
    );
    const env = { HOME: dir, REGWATCH_STORE: proxy.url(direct.toString()), TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot };
    const child = spawn(process.execPath, [BIN, "run", "--config", configFile], { env: { PATH: process.env.PATH ?? "", REGWATCH_HTTP_PORT: "0", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const until = (what: string, check: () => boolean) => waitFor(what, check, 20_000, () => log);
    try {
      await until("the first poll and the bot polling", () => /first poll 1/.test(log) && telegram.pollers === 1);
      proxy.down();
      await until("the leader to stand down", () => /standing down/.test(log));
      await until("the bot to stop long polling", () => telegram.pollers === 0);
      proxy.up();
      await until("the leader to be elected again", () => (log.match(/leader: elected/g) ?? []).length === 2);
      telegram.sendText({ chat: alicePrivate, from: alice, text: "/subscribe jp" });
      await until("the reply after coming back", () => telegram.callsTo("sendMessage").some((c) => c.params.chat_id === alicePrivate.id));
      expect(child.exitCode).toBe(null);
      expect(telegram.conflicts).toBe(0);
    } finally {
      child.kill("SIGKILL");
      await proxy.close();
      await telegram.close();
      await feeds.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
