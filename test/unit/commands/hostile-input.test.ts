import { describe, expect, it } from "vitest";
import { runCommandLine } from "../../../src/commands/run.js";
import { recordingContext, services } from "./support.js";

let chat = 0;
const run = async (text: string) => {
  const ctx = recordingContext({ chat: { platform: "console", id: `hostile-${++chat}`, type: "private" } });
  const outcome = await runCommandLine(text, ctx, services);
  return { outcome, replies: ctx.replies, text: ctx.replies.map((r) => [r.title, r.text, ...(r.fields ?? []).map((f) => `${f.name}: ${f.value}`)].join("\n")).join("\n") };
};

describe("numbers in chat are decimal integers within range", () => {
  for (const line of ["/subscribe jp digest:daily hour:0x10", '/subscribe jp digest:daily hour:""', '/subscribe jp digest:daily hour:" "', '/subscribe jp digest:daily hour: ""', "/subscribe jp digest:daily hour:1e1", "/subscribe jp digest:daily hour:+8", "/subscribe jp digest:daily hour:8.0"]) {
    it(`refuses ${line}`, async () => {
      const { outcome, text } = await run(line);
      expect(outcome.status).toBe("user-error");
      expect(text).toMatch(/hour/);
    });
  }

  it("still reads hour:8, hour:08:00 and hour:８ (full-width)", async () => {
    for (const hour of ["8", "08:00", "８"]) {
      const { outcome, text } = await run(`/subscribe jp digest:daily hour:${hour}`);
      expect(outcome.status).toBe("ok");
      expect(text).toContain("08:00");
    }
  });

  it("refuses /latest jp 0x5 and accepts /latest jp 5", async () => {
    expect((await run("/latest jp 0x5")).outcome.status).toBe("user-error");
    expect((await run("/latest jp 1e1")).outcome.status).toBe("user-error");
    expect((await run("/latest jp 5")).outcome.status).toBe("ok");
  });
});

describe("bad input is echoed in a few words at most", () => {
  it("/help followed by 4,000 characters answers in one short message", async () => {
    const { outcome, replies, text } = await run(`/help ${"x".repeat(4000)}`);
    expect(outcome.status).toBe("user-error");
    expect(replies).toHaveLength(1);
    expect(text.length).toBeLessThan(200);
  });

  it("an unknown 4,000-character command name is not echoed whole", async () => {
    const { replies, text } = await run(`/${"y".repeat(4000)}`);
    expect(replies).toHaveLength(1);
    expect(text.length).toBeLessThan(200);
  });

  it("a long unknown option name is not echoed whole", async () => {
    const { text } = await run(`/latest ${"z".repeat(4000)}:1`);
    expect(text.length).toBeLessThan(300);
  });
});

describe("every command echoes at most a few words of 4,000 characters of junk", () => {
  for (const name of ["help", "subscribe", "unsubscribe", "subscriptions", "latest", "jurisdictions", "ieo-cap"]) {
    for (const junk of ["x".repeat(4000), `${"word ".repeat(800)}`, `key:${"v".repeat(4000)}`]) {
      it(`/${name} ${junk.slice(0, 8)}…`, async () => {
        const { replies, text } = await run(`/${name} ${junk}`);
        expect(replies.length).toBeLessThanOrEqual(1);
        expect(text).not.toContain("x".repeat(60));
        expect(text).not.toContain("v".repeat(60));
        expect(text).not.toContain("word ".repeat(12));
      });
    }
  }
});

describe("invisible characters are stripped before matching", () => {
  it("/help\\0 is /help", async () => {
    const { outcome } = await run("/help\0");
    expect(outcome).toEqual({ status: "ok", command: "help" });
  });

  it("/subscribe \\u202ejp subscribes to Japan", async () => {
    const { outcome, text } = await run("/subscribe \u202ejp");
    expect(outcome.status).toBe("ok");
    expect(text).toContain("Japan");
  });

  it("zero-width spaces and a byte-order mark do not hide a command", async () => {
    expect((await run("\uFEFF/he\u200blp")).outcome).toEqual({ status: "ok", command: "help" });
  });
});
