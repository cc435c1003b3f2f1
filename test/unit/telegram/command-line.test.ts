import { describe, expect, it } from "vitest";
import { readCommandLine, telegramCommandNames, telegramName } from "../../../adapters/telegram/command-line.js";
import { channelArgument } from "../../../adapters/telegram/channel.js";
import { menuCommands } from "../../../adapters/telegram/menu.js";
import { parseCommandLine } from "../../../src/commands/parse.js";
import { commands } from "../../../commands/index.js";

const BOT = "regwatch_test_bot";

describe("readCommandLine", () => {
  it("reads the name and arguments, and hands the neutral runner a line it parses", () => {
    const read = readCommandLine("/ieo_cap 800万 3000万 60万", BOT);
    expect(read).toMatchObject({ name: "ieo_cap", args: "800万 3000万 60万", addressed: false });
    expect(parseCommandLine(read?.line ?? "")).toMatchObject({ name: "ieo-cap", args: [{ value: "800万" }, { value: "3000万" }, { value: "60万" }] });
  });

  it("accepts this bot's @name in any case and refuses another bot's", () => {
    expect(readCommandLine("/subscribe@Regwatch_Test_Bot jp hk", BOT)).toMatchObject({ name: "subscribe", args: "jp hk", addressed: true, line: "/subscribe jp hk" });
    expect(readCommandLine("/subscribe@other_bot jp", BOT)).toBeUndefined();
    expect(readCommandLine("/help@regwatch_test_bot", BOT)?.line).toBe("/help");
  });

  it("keeps named options and multi-line arguments", () => {
    expect(readCommandLine("/ieo_cap income=8m assets=30m", BOT)?.line).toBe("/ieo_cap income=8m assets=30m");
    expect(readCommandLine("/subscribe jp\nhk", BOT)?.args).toBe("jp\nhk");
  });

  it("reads /start as /help, dropping a deep-link payload", () => {
    expect(readCommandLine("/start", BOT)?.line).toBe("/help");
    expect(readCommandLine("/start ref_abc", BOT)?.line).toBe("/help");
  });

  it("ignores text that is not a command", () => {
    for (const text of ["hello", "", " / space", "/", "/x@", "a /help", "/tooooooooooooooooooooooooooooooooolong"]) {
      expect(readCommandLine(text, BOT)).toBeUndefined();
    }
    expect(readCommandLine(undefined, BOT)).toBeUndefined();
  });
});

describe("Telegram names", () => {
  it("uses underscores and publishes only valid names with descriptions within 256", () => {
    expect(telegramName("ieo-cap")).toBe("ieo_cap");
    const menu = menuCommands(commands);
    expect(menu.map((c) => c.command)).toContain("ieo_cap");
    for (const c of menu) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
  });

  it("rewrites dashed command names in replies, and nothing else", () => {
    const rename = telegramCommandNames(["ieo-cap", "help"]);
    expect(rename("Try /ieo-cap 800万, or /help ieo-cap. /ieo-capx stays; a/b stays")).toBe("Try /ieo_cap 800万, or /help ieo-cap. /ieo-capx stays; a/b stays");
    expect(rename("Usage: /IEO-CAP <income>")).toBe("Usage: /ieo_cap <income>");
  });

  it("finds a channel named as the first argument", () => {
    expect(channelArgument("@regwatch_alerts jp hk")).toEqual({ ref: "@regwatch_alerts", rest: "jp hk" });
    expect(channelArgument("-1001234567890 all")).toEqual({ ref: "-1001234567890", rest: "all" });
    expect(channelArgument("jp hk")).toBeUndefined();
    expect(channelArgument("@ab jp")).toBeUndefined();
  });

  it("reads a command with invisible characters in it: /help\\0, a bidi override, a zero-width space", () => {
    expect(readCommandLine("/help\0", "regwatch_bot")).toMatchObject({ name: "help", line: "/help" });
    expect(readCommandLine("\u200b/subscribe \u202ejp", "regwatch_bot")).toMatchObject({ name: "subscribe", line: "/subscribe jp" });
  });
});
