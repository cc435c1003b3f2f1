import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandServices } from "../../../src/core/command.js";
import { bindArguments, parseCommandLine } from "../../../src/commands/parse.js";
import { runCommandLine } from "../../../src/commands/run.js";
import { openStores, type Stores } from "../../../src/storage/index.js";
import { commands } from "../../../commands/index.js";
import { jurisdictionList, MAX_REPLY_CHARS } from "../../../commands/jurisdictions.js";
import { subscribeCommand } from "../../../commands/subscribe.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import { alert, recordingContext, servicesOver } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-browse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let stores: Stores;
let services: CommandServices;
beforeEach(async () => {
  stores = await openStores(`sqlite://${join(dir, `${++n}.sqlite`)}`, { seenTtlDays: 180 });
  services = servicesOver(stores);
});
afterEach(() => stores.close());

async function say(text: string) {
  const ctx = recordingContext();
  const outcome = await runCommandLine(text, ctx, services, { logger: { error: (m) => expect.fail(m) } });
  expect(ctx.replies).toHaveLength(1);
  return { outcome, reply: ctx.replies[0]! };
}

const length = (r: { title?: string; text: string; fields?: Array<{ name: string; value: string }> }) =>
  (r.title ?? "").length + r.text.length + (r.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);

describe("/jurisdictions", () => {
  it("lists every jurisdiction with flag, code, name and main regulators, within the length limit", async () => {
    const { reply } = await say("/jurisdictions");
    expect(reply.title).toBe(`Jurisdictions (${services.knowledge.jurisdictions.length})`);
    const lines = reply.text.split("\n");
    // The whole table is longer than a reply even without acronyms: the flags go too, every code and name stays.
    expect(lines).toContain("JP Japan");
    expect(lines).toContain("INT International");
    expect(lines).toContain("CD Democratic Republic of the Congo");
    const codes = new Set(services.knowledge.jurisdictions.map((j) => j.code));
    expect(lines.filter((l) => codes.has(l.split(" ")[0]!))).toHaveLength(codes.size);
    expect(reply.text).not.toMatch(/… and \d+ more/);
    expect(length(reply)).toBeLessThanOrEqual(MAX_REPLY_CHARS);
  });

  it("keeps the flags while the list fits with them, dropping acronyms first", async () => {
    const some = services.knowledge.jurisdictions.slice(0, 130);
    const lines = jurisdictionList({ ...services.knowledge, jurisdictions: some }).text.split("\n");
    expect(lines).toContain("🇯🇵 JP Japan: FSA, BOJ");
    expect(lines.filter((l) => /^\S+ [A-Z]{2,3} /.test(l))).toHaveLength(some.length);
  });

  it("shows three acronyms a line when the whole list fits with them", async () => {
    const few = services.knowledge.jurisdictions.filter((j) => ["JP", "US", "INT"].includes(j.code));
    const lines = jurisdictionList({ ...services.knowledge, jurisdictions: few }).text.split("\n");
    expect(lines).toContain("🇯🇵 JP Japan: FSA, BOJ, JVCEA");
    expect(lines).toContain("🌐 INT International: FATF, BIS, FSB");
  });

  it("shows one jurisdiction's regulators, by code or name", async () => {
    const { reply } = await say("/jurisdictions 日本");
    expect(reply.title).toBe("🇯🇵 Japan (JP)");
    expect(reply.text).toContain("FSA: Financial Services Agency (regulator)");
    expect(reply.text).toContain("BOJ: Bank of Japan (central bank)");
    expect(reply.fields).toContainEqual({ name: "Subscribe", value: "/subscribe jp" });
    expect((await say("/jurisdictions United States")).reply.text).toContain("SEC: Securities and Exchange Commission (regulator)");
    for (const j of services.knowledge.jurisdictions) {
      expect(length((await say(`/jurisdictions ${j.code}`)).reply)).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    }
  });

  it("suggests a code for a misspelt name", async () => {
    const { outcome, reply } = await say("/jurisdictions Singapure");
    expect(outcome.status).toBe("user-error");
    expect(reply.text).toBe('"Singapure" is not a jurisdiction I know (did you mean SG, Singapore?). /jurisdictions lists them.');
  });
});

describe("/latest", () => {
  beforeEach(async () => {
    await stores.alerts.record([
      alert("a1", "2026-11-01T00:00:00.000Z", ["JP"]),
      alert("a2", "2026-11-02T00:00:00.000Z", ["HK"], ["stablecoin"]),
      alert("a3", "2026-11-03T00:00:00.000Z", ["JP", "US"], ["tax"]),
      ...Array.from({ length: 12 }, (_, i) => alert(`old${i}`, `2026-10-${String(10 + i).padStart(2, "0")}T00:00:00.000Z`, ["GB"])),
    ]);
  });

  it("shows the newest alerts, five by default", async () => {
    const { reply } = await say("/latest");
    expect(reply.title).toBe("Latest alerts");
    expect(reply.fields?.map((f) => f.value.split(" (")[0])).toEqual(["Notice a3", "Notice a2", "Notice a1", "Notice old11", "Notice old10"]);
    expect(reply.fields?.[0]).toEqual({ name: "🇯🇵 🇺🇸 2026-11-03", value: "Notice a3 (FSA news)\nhttps://www.fsa.example/a3" });
  });

  it("filters by jurisdiction or topic, and takes a count up to ten", async () => {
    const jp = (await say("/latest jp")).reply;
    expect(jp.title).toBe("Latest alerts for 🇯🇵 Japan");
    expect(jp.fields?.map((f) => f.value.split(" (")[0])).toEqual(["Notice a3", "Notice a1"]);
    expect((await say("/latest Japan 1")).reply.fields).toHaveLength(1);
    expect((await say("/latest stablecoin")).reply.fields?.map((f) => f.value.split(" (")[0])).toEqual(["Notice a2"]);
    expect((await say("/latest 3")).reply.fields).toHaveLength(3);
    expect((await say("/latest all count:10")).reply.fields).toHaveLength(10);
  });

  it("says when there is nothing yet, and refuses more than ten", async () => {
    expect((await say("/latest sg")).reply.text).toBe("No alerts yet for 🇸🇬 Singapore: they appear here as regulators publish.");
    expect((await say("/latest jp 11")).reply.text).toBe("count: a number from 1 to 10, e.g. /latest jp 5");
    expect((await say("/latest 50")).outcome.status).toBe("user-error");
    expect((await say("/latest atlantis")).reply.text).toMatch(/^"atlantis" is not a jurisdiction or topic I know/);
  });
});

describe("/topics", () => {
  it("lists every topic with its id, label and a few terms, and how to subscribe", async () => {
    const { reply } = await say("/topics");
    expect(reply.title).toBe(`Topics (${loadKnowledge().topics.length})`);
    expect(reply.text).toContain("stablecoin — Stablecoins: stable coin, stablecoin issuer, payment stablecoin, dollar-pegged…");
    expect(reply.text).toContain("token-offering — Token offerings (ICO, IEO, STO): ICO, IEO, STO, initial coin offering…");
    expect(reply.text).toContain("/subscribe stablecoin adds stablecoins from every jurisdiction");
  });

  it("/subscribe crypto points at all and at both lists; a near miss suggests from both tables", async () => {
    expect((await say("/subscribe crypto")).reply.text).toBe('"crypto" is not a jurisdiction or topic I know (every alert is about crypto and financial policy: did you mean all?). /jurisdictions and /topics list them.');
    expect((await say("/subscribe stakng")).reply.text).toBe('"stakng" is not a jurisdiction or topic I know (did you mean staking?). /jurisdictions and /topics list them.');
    expect((await say("/subscribe tx")).reply.text).toBe('"tx" is not a jurisdiction or topic I know (did you mean MX, Mexico, or the topic tax?). /jurisdictions and /topics list them.');
  });
});

describe("/help", () => {
  it("lists every command", async () => {
    const { reply } = await say("/help");
    for (const name of ["subscribe", "unsubscribe", "subscriptions", "pause", "resume", "latest", "feed", "jurisdictions", "topics", "ieo-cap", "language", "help"]) {
      expect(reply.text).toContain(`/${name} — `);
    }
    expect(commands.map((c) => c.name)).toHaveLength(12);
    expect(reply.text).toContain("Topics: stablecoin, lending, staking, token-offering");
  });

  it("explains /subscribe with its options, aliases and examples", async () => {
    const { reply } = await say("/help subscribe");
    expect(reply.text).toContain("Usage: /subscribe [what…] [delivery:…] [hour:…] [time_zone:…] [weekday:…]");
    expect(reply.text).toContain("Examples: /subscribe jp hk");
    expect(reply.fields?.find((f) => f.name === "delivery")?.value).toMatch(/one of instant, daily, weekly; also digest/);
    expect(reply.fields?.find((f) => f.name === "time_zone")?.value).toMatch(/also tz/);
  });
});

describe("options for every platform", () => {
  it("keeps option names lower-case snake_case and within Discord's 25", () => {
    for (const command of commands) {
      const names = Object.keys(command.options.shape);
      expect(names.length).toBeLessThanOrEqual(25);
      for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
    }
  });

  it("fills the rest option with every loose value, after a named one too", () => {
    const bind = (text: string) => bindArguments(subscribeCommand, parseCommandLine(text)!.args);
    expect(bind("/subscribe jp hk stablecoin digest:daily")).toEqual({ what: "jp hk stablecoin", delivery: "daily" });
    expect(bind("/subscribe what:jp hong kong")).toEqual({ what: "jp hong kong" });
    expect(bind("/subscribe tz:Asia/Tokyo")).toEqual({ time_zone: "Asia/Tokyo" });
  });
});
