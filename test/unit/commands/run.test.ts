import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Command } from "../../../src/core/command.js";
import { StorageError, UserError } from "../../../src/core/errors.js";
import { runCommandLine } from "../../../src/commands/run.js";
import { commands } from "../../../commands/index.js";
import { recordingContext, services } from "./support.js";

const run = async (text: string, extra: Parameters<typeof runCommandLine>[3] = {}) => {
  const ctx = recordingContext();
  const outcome = await runCommandLine(text, ctx, services, extra);
  return { outcome, replies: ctx.replies, reply: ctx.replies[0] };
};

describe("/ieo-cap through the runner", () => {
  it("answers with the cap, what is left, the verdict, the formula, USD, status, source and a disclaimer", async () => {
    const { outcome, replies, reply } = await run("/ieo_cap 800万 3000万 80万 already:60万");
    expect(outcome).toEqual({ status: "ok", command: "ieo-cap" });
    expect(replies).toHaveLength(1);
    expect(reply?.title).toBe("Japan: IEO purchase limit (FSA proposal)");
    expect(reply?.text.split("\n")).toEqual([
      "Cap: ¥1,500,000 (≈ $9,750 at 1 JPY = 0.0065 USD, rates of 2026-11-01)",
      "Left: ¥900,000 after ¥600,000 already invested",
      "✅ ¥800,000 is allowed: ¥100,000 of the cap would be left.",
      "Read as: income ¥8,000,000, net assets ¥30,000,000, amount ¥800,000, already invested ¥600,000",
    ]);
    expect(reply?.details).toBe(true);
    expect(reply?.footer).toBe("Information, not legal or financial advice; the figures are your own statement.");
    const field = (name: string) => reply?.fields?.find((f) => f.name === name)?.value;
    expect(field("Formula")).toBe(
      "greater of income ¥8,000,000 and net assets ¥30,000,000 = ¥30,000,000; 5% × ¥30,000,000 = ¥1,500,000; floor ¥500,000; ceiling ¥2,000,000; ¥1,500,000 − ¥600,000 already invested = ¥900,000 left",
    );
    expect(field("Status")).toMatch(/^Proposal, not law/);
    expect(field("Note")).toMatch(/greater of the two.*interpretation/);
    expect(reply?.link?.url).toMatch(/^https:\/\/www\.fsa\.go\.jp\//);
  });

  it("reads named options with aliases and another regime", async () => {
    const { reply } = await run("/ieo-cap income=61111.11 assets=0 amount=$3,055.56 regime:us-regcf");
    expect(reply?.text).toMatch(/^Cap: \$3,055\.55\n/);
    expect(reply?.text).toContain("❌ $3,055.56 is over the cap by $0.01: not allowed.");
    expect(reply?.link?.url).toBe("https://www.ecfr.gov/current/title-17/section-227.100");
  });

  it("says the UK needs strictly less", async () => {
    const { reply } = await run("/ieo-cap 0 £50,000 £5,000 regime:uk-restricted");
    expect(reply?.text).toContain("❌ £5,000.00 is not allowed: it must be less than £5,000.00.");
    expect(reply?.text).toContain("≈ $6,600 at 1 GBP = 1.32 USD");
  });

  it("calls the EU figure a threshold that asks for consent, not a ban", async () => {
    const { reply } = await run("/ieo-cap income=€30,000 assets=-€10,000 amount=1001 regime=eu-ecsp");
    expect(reply?.text).toMatch(/^Threshold: €1,000\.00 \(≈ \$1,160 at 1 EUR = 1\.16 USD/);
    expect(reply?.text).toContain("⚠️ €1,001.00 is over the threshold by €1.00: allowed only after a risk warning and your explicit consent.");
    expect(reply?.fields?.[0]?.value).toBe("net worth = €30,000.00 − €10,000.00 = €20,000.00; 5% × €20,000.00 = €1,000.00; floor €1,000.00");
  });

  it("gives the EU loss figure without a verdict", async () => {
    const { reply } = await run("/ieo-cap 50000 50000 999999 regime=eu-ecsp-loss");
    expect(reply?.text).toMatch(/^Loss to simulate: €10,000\.00 /);
    expect(reply?.text).not.toMatch(/allowed|over the/);
  });

  it.each([
    ["/ieo-cap -1 0", "income can't be negative"],
    ["/ieo-cap 8,00,0 0", 'income "8,00,0" has misplaced commas: group digits in threes, as in 8,000,000'],
    ["/ieo-cap ¥8m 0 regime:us-regcf", 'income "¥8m" is in JPY, but this regime counts in USD: type the amount in US dollars (USD), e.g. 120k or 120,000'],
    ["/ieo-cap 800万 3000万 regime:us-regcf", 'income "800万" uses 万 or 億, which count yen, but this regime counts in USD: type the amount in US dollars (USD)'],
    ["/ieo-cap 8m", "Missing net_assets (your net assets) for jp-ieo: e.g. /ieo-cap 800万 3000万"],
    ["/ieo-cap 8m 1m 1m 1m 1m", "Too many amounts"],
    ["/ieo-cap 8m 1m regime:mars", "regime: unknown regime"],
  ])("answers %j with one short line", async (text, message) => {
    const { outcome, replies, reply } = await run(text);
    expect(outcome.status).toBe("user-error");
    expect(replies).toHaveLength(1);
    expect(reply?.text).toContain(message);
    expect(reply?.text).not.toContain("\n");
    expect(reply?.ephemeral).toBe(true);
  });
});

describe("runner", () => {
  it("points to /help for an unknown command", async () => {
    const { outcome, reply } = await run("/frobnicate now");
    expect(outcome).toEqual({ status: "unknown-command", command: "frobnicate" });
    expect(reply?.text).toBe("Unknown command /frobnicate. Try /help.");
  });

  it("does nothing for an empty line", async () => {
    expect((await run("  ")).replies).toEqual([]);
  });

  it("logs an unexpected failure with its cause and gives the user an id to quote", async () => {
    const broken: Command = {
      name: "broken",
      description: "fails",
      options: z.object({}),
      async run() {
        throw new TypeError("store missing", { cause: new StorageError("disk full") });
      },
    };
    const logged: string[] = [];
    const { outcome, reply } = await run("/broken", {
      commands: [broken],
      logger: { error: (m) => logged.push(m) },
      newErrorId: () => "7f3a2c",
    });
    expect(outcome).toEqual({ status: "failed", command: "broken", errorId: "7f3a2c" });
    expect(reply?.text).toBe("Something went wrong (error id 7f3a2c). Please try again later.");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\/broken failed in console:c1 by u1 \(error id 7f3a2c\): TypeError: store missing .*caused by StorageError: disk full/);
  });

  it("keeps a UserError thrown inside a command as a reply, not a log", async () => {
    const picky: Command = {
      name: "picky",
      description: "refuses",
      options: z.object({}),
      async run() {
        throw new UserError("Not in this chat.");
      },
    };
    const logged: string[] = [];
    const { reply } = await run("/picky", { commands: [picky], logger: { error: (m) => logged.push(m) } });
    expect(reply?.text).toBe("Not in this chat.");
    expect(logged).toEqual([]);
  });

  it("survives a reply that fails, and logs it", async () => {
    const logged: string[] = [];
    const ctx = recordingContext({
      async reply() {
        throw new Error("network down");
      },
    });
    const outcome = await runCommandLine("/nope", ctx, services, { logger: { error: (m) => logged.push(m) } });
    expect(outcome.status).toBe("unknown-command");
    expect(logged[0]).toMatch(/reply to console:c1 by u1 failed: Error: network down/);
  });
});

describe("/ieo-cap as investors type it", () => {
  const lines = async (text: string) => {
    const { outcome, reply } = await run(text);
    expect(outcome.status, reply?.text).toBe("ok");
    return reply?.text.split("\n") ?? [];
  };

  it("/ieo-cap 800万 3000万 already:200万 says it is over the cap by ¥500,000", async () => {
    expect(await lines("/ieo-cap 800万 3000万 already:200万")).toEqual([
      "Cap: ¥1,500,000 (≈ $9,750 at 1 JPY = 0.0065 USD, rates of 2026-11-01)",
      "Left: ¥0 after ¥2,000,000 already invested",
      "❌ Already over the cap by ¥500,000: nothing more fits.",
      "Read as: income ¥8,000,000, net assets ¥30,000,000, already invested ¥2,000,000",
    ]);
    expect((await lines("/ieo-cap 800万 3000万 200万"))[2]).toBe("❌ ¥2,000,000 is over the cap by ¥500,000: not allowed.");
  });

  it.each([
    ["/ieo-cap 800万 3千万円", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 8百万 3000万", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 800万、3000万", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 800万，3000万", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 年収800万 資産3000万", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 資産3000万 年収800万 投資額100万", "income ¥8,000,000, net assets ¥30,000,000, amount ¥1,000,000"],
    ["/ieo-cap income 8m assets 30m", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 8 million 30 million", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 1億2000万 3千万 1億", "income ¥120,000,000, net assets ¥30,000,000, amount ¥100,000,000"],
    ["/ieo-cap 8,000,000 30,000,000", "income ¥8,000,000, net assets ¥30,000,000"],
    ["/ieo-cap 80k 1.2 billion regime:us-rega-t2", "income $80,000.00, net assets $1,200,000,000.00"],
  ])("reads %s and echoes it", async (text, echoed) => {
    expect((await lines(text))[3]).toBe(`Read as: ${echoed}`);
  });

  it("asks a fixed-cap regime for no income or assets: /ieo-cap regime:th-ico amount:100000", async () => {
    expect(await lines("/ieo-cap regime:th-ico amount:100000")).toEqual([
      "Cap: ฿300,000.00 (≈ $9,300 at 1 THB = 0.031 USD, rates of 2026-11-01)",
      "Left: ฿300,000.00 (nothing invested yet)",
      "✅ ฿100,000.00 is allowed: ฿200,000.00 of the cap would be left.",
      "Read as: amount ฿100,000.00 (income and net assets play no part here)",
    ]);
    expect((await lines("/ieo-cap 2500 regime:my-ieo"))[2]).toBe("❌ RM2,500.00 is over the cap by RM500.00: not allowed.");
  });

  it("/ieo-cap help explains the command instead of asking for net_assets", async () => {
    const { outcome, reply } = await run("/ieo-cap help");
    expect(outcome.status).toBe("ok");
    expect(reply?.title).toBe("/ieo-cap");
    expect(reply?.text).toContain("Examples: /ieo-cap 800万 3000万");
  });
});

describe("/help", () => {
  it("lists every command from commands/index.ts", async () => {
    const { reply } = await run("/help");
    for (const command of commands) expect(reply?.text).toContain(`/${command.name} — ${command.description}`);
  });

  it("explains one command's options from its schema", async () => {
    const { reply } = await run("/help ieo_cap");
    expect(reply?.title).toBe("/ieo-cap");
    expect(reply?.text).toContain("Usage: /ieo-cap [income] [net_assets] [amount] [already…] [regime:…]");
    expect(reply?.fields?.find((f) => f.name === "net_assets")?.value).toMatch(/optional; also assets/);
    expect(reply?.fields?.find((f) => f.name === "regime")?.value).toMatch(/one of jp-ieo, jp-ecf/);
  });

  it("refuses an unknown command name", async () => {
    expect((await run("/help nope")).reply?.text).toBe("Unknown command /nope. Try /help.");
  });
});
