import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigError, UserError } from "../../../src/core/errors.js";
import { ieoCapCliCommand } from "../../../src/cli/ieo-cap.js";
import { exitCodeOf, runChat } from "../../../src/cli/chat.js";
import { consoleContext } from "../../../adapters/console/context.js";
import { services } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-caps-"));
const configFile = join(dir, "regwatch.yaml");
writeFileSync(
  configFile,
  [
    "fx:",
    '  asOf: "2026-11-01"',
    "  usdPerUnit: { USD: 1, JPY: 0.0065, EUR: 1.16 }",
    "feeds:",
    "  - { id: demo, name: Demo, url: https://example.com/feed.xml }",
    "",
  ].join("\n"),
);

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const ieoCap = (...args: string[]) =>
  ieoCapCliCommand().exitOverride().parseAsync([...args, "--config", configFile], { from: "user" });

describe("regwatch ieo-cap", () => {
  it("prints the same answer as the chat, as text", async () => {
    await ieoCap("--income", "8m", "--net-assets", "3000万", "--amount", "2,000,001");
    const text = out.join("");
    expect(text).toMatch(/^Japan: IEO purchase limit \(FSA proposal\)\nCap: ¥1,500,000 \(≈ \$9,750/);
    expect(text).toContain("❌ ¥2,000,001 is over the cap by ¥500,001: not allowed.");
    expect(text).toContain("Formula: greater of income");
    expect(text).toContain("Source: https://www.fsa.go.jp/");
  });

  it("prints JSON with amounts in major units, and allowed only with an amount", async () => {
    await ieoCap("--income", "61111.11", "--net-assets", "-3,000,000", "--regime", "us-regcf", "--json");
    const json = JSON.parse(out.join(""));
    expect(json).toEqual({
      regime: "us-regcf",
      currency: "USD",
      cap: 3055.55,
      remaining: 3055.55,
      formula: expect.stringContaining("5% × $61,111.11 = $3,055.55"),
      status: expect.stringMatching(/^In force: 17 CFR 227\.100/),
      source: "https://www.ecfr.gov/current/title-17/section-227.100",
    });
    out.length = 0;
    await ieoCap("--income", "0", "--net-assets", "0", "--amount", "¥500,000", "--json");
    expect(JSON.parse(out.join(""))).toMatchObject({ regime: "jp-ieo", cap: 500000, remaining: 500000, allowed: true });
  });

  it("throws a UserError (exit 2) for bad input and a ConfigError for a missing file", async () => {
    await expect(ieoCap("--income", "-1", "--net-assets", "0")).rejects.toThrow(UserError);
    await expect(ieoCap("--income", "$5", "--net-assets", "0")).rejects.toThrow(/is in USD, but this regime counts in JPY/);
    await expect(
      ieoCapCliCommand().exitOverride().parseAsync(["--income", "1", "--net-assets", "1", "--config", join(dir, "none.yaml")], { from: "user" }),
    ).rejects.toThrow(ConfigError);
  });
});

describe("regwatch chat", () => {
  async function* lines(...items: string[]) {
    yield* items;
  }

  it("runs each line through the command layer as a private chat, until quit", async () => {
    const written: string[] = [];
    const ctx = consoleContext({ write: (t) => written.push(t) });
    expect(ctx.chat).toEqual({ platform: "console", id: "console", type: "private" });
    expect(ctx.canManage).toBe(true);
    await runChat(lines("/help", "", "ieo-cap 800万 3000万", "/quit", "/help"), ctx, services);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^Commands\n\/subscribe — /);
    expect(written[1]).toMatch(/^Japan: IEO purchase limit.*\nCap: ¥1,500,000/);
  });

  it("maps outcomes to exit codes like the rest of the command line", () => {
    expect(exitCodeOf({ status: "ok" })).toBe(0);
    expect(exitCodeOf({ status: "empty" })).toBe(0);
    expect(exitCodeOf({ status: "user-error" })).toBe(2);
    expect(exitCodeOf({ status: "unknown-command" })).toBe(2);
    expect(exitCodeOf({ status: "failed", errorId: "x" })).toBe(1);
  });

  it("renders fields and links as plain lines, without terminal control characters", async () => {
    const written: string[] = [];
    const ctx = consoleContext({ write: (t) => written.push(t) });
    await ctx.reply({ title: "T", text: "a\u001b[31m\nb", fields: [{ name: "F", value: "v" }], link: { url: "https://x.test" } });
    expect(written).toEqual(["T\na[31m\nb\nF: v\nLink: https://x.test\n"]);
  });
});
