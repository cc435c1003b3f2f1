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
      "Left after ¥600,000 already invested: ¥900,000",
      "Amount ¥800,000: allowed (the ¥900,000 left covers it).",
      "Information, not legal or financial advice; the figures are your own statement.",
    ]);
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
    expect(reply?.text).toContain("Amount $3,055.56: not allowed ($0.01 more than the $3,055.55 left).");
    expect(reply?.link?.url).toBe("https://www.ecfr.gov/current/title-17/section-227.100");
  });

  it("says the UK needs strictly less", async () => {
    const { reply } = await run("/ieo-cap 0 £50,000 £5,000 regime:uk-restricted");
    expect(reply?.text).toContain("Amount £5,000.00: not allowed (it must be less than £5,000.00).");
    expect(reply?.text).toContain("≈ $6,600 at 1 GBP = 1.32 USD");
  });

  it("calls the EU figure a threshold that asks for consent, not a ban", async () => {
    const { reply } = await run("/ieo-cap income=€30,000 assets=-€10,000 amount=1001 regime=eu-ecsp");
    expect(reply?.text).toMatch(/^Threshold: €1,000\.00 \(≈ \$1,160 at 1 EUR = 1\.16 USD/);
    expect(reply?.text).toContain("Amount €1,001.00: above the €1,000.00 left, so the platform must warn you and get your explicit consent first.");
    expect(reply?.fields?.[0]?.value).toBe("net worth = €30,000.00 − €10,000.00 = €20,000.00; 5% × €20,000.00 = €1,000.00; floor €1,000.00");
  });

  it("gives the EU loss figure without a verdict", async () => {
    const { reply } = await run("/ieo-cap 50000 50000 999999 regime=eu-ecsp-loss");
    expect(reply?.text).toMatch(/^Loss to simulate: €10,000\.00 /);
    expect(reply?.text).not.toContain("Amount");
  });

  it.each([
    ["/ieo-cap -1 0", "income can't be negative"],
    ["/ieo-cap 8,00,0 0", 'income "8,00,0" has misplaced commas: group digits in threes, as in 8,000,000'],
    ["/ieo-cap ¥8m 0 regime:us-regcf", 'income "¥8m" is in JPY, but this regime counts in USD'],
    ["/ieo-cap 8m", "Missing net_assets"],
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

describe("/help", () => {
  it("lists every command from commands/index.ts", async () => {
    const { reply } = await run("/help");
    for (const command of commands) expect(reply?.text).toContain(`/${command.name} — ${command.description}`);
  });

  it("explains one command's options from its schema", async () => {
    const { reply } = await run("/help ieo_cap");
    expect(reply?.title).toBe("/ieo-cap");
    expect(reply?.text).toContain("Usage: /ieo-cap <income> <net_assets> [amount] [already] [regime:…]");
    expect(reply?.fields?.find((f) => f.name === "net_assets")?.value).toMatch(/required; also assets/);
    expect(reply?.fields?.find((f) => f.name === "regime")?.value).toMatch(/one of jp-ieo, jp-ecf/);
  });

  it("refuses an unknown command name", async () => {
    expect((await run("/help nope")).reply?.text).toBe("Unknown command /nope. Try /help.");
  });
});
