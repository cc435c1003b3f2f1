import { describe, expect, it } from "vitest";
import { alertEmbed, digestMessages, embedLength, feedText, LIMITS, replyEmbed } from "../../../adapters/discord/render.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import type { Alert } from "../../../src/core/article.js";

const knowledge = loadKnowledge();

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: "a1",
  feedId: "fsa",
  feedName: "Japan FSA",
  url: "https://www.fsa.go.jp/en/news/1.html",
  title: "FSA proposes a cap on IEO investments",
  text: "The FSA proposed a cap.",
  published: "2026-11-20T09:00:00.000Z",
  categories: [],
  language: "en",
  policy: true,
  jurisdictions: ["JP"],
  topics: ["token-offering"],
  summary: "The Financial Services Agency proposed capping retail IEO investments at ¥500,000.",
  figures: [{ kind: "money", value: 500000, currency: "JPY", text: "¥500,000" }],
  ...over,
});

describe("alert embeds", () => {
  it("links the title and shows jurisdiction with flag, topics, figures, source and date", () => {
    const embed = alertEmbed(alert(), knowledge);
    expect(embed).toMatchObject({
      title: "FSA proposes a cap on IEO investments",
      url: "https://www.fsa.go.jp/en/news/1.html",
      timestamp: "2026-11-20T09:00:00.000Z",
      footer: { text: "Japan FSA" },
      color: 0xbc002d,
    });
    expect(embed.description).toContain("¥500,000");
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Jurisdiction).toBe("🇯🇵 Japan (JP)");
    expect(fields.Topics).toBeTruthy();
    expect(fields["Key figures"]).toBe("¥500,000");
    expect(alertEmbed(alert({ jurisdictions: ["US"] }), knowledge).color).not.toBe(embed.color);
  });

  it("keeps hostile feed text literal and within every limit", () => {
    const long = "x".repeat(5000);
    const embed = alertEmbed(
      alert({
        title: `@everyone <@&123> **x** ${long}`,
        summary: `__underlined__ \`code\` ${long} ${long}`,
        feedName: `*feed* ${long}`,
        figures: Array.from({ length: 300 }, (_, i) => ({ kind: "percent" as const, value: i, text: `${i}%` })),
      }),
      knowledge,
    );
    expect(embed.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.title).toContain("\\*\\*x\\*\\*");
    expect(embed.title?.endsWith("…")).toBe(true);
    expect(embed.description?.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.description).toContain("\\_\\_underlined\\_\\_");
    expect(embed.footer?.text.length).toBeLessThanOrEqual(LIMITS.footer);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.total);
  });

  it("never cuts an escape in half", () => {
    for (const raw of ["*".repeat(300), "_a".repeat(300), "`".repeat(255) + "x"]) {
      const text = feedText(raw, 256);
      expect(text.length).toBeLessThanOrEqual(256);
      expect(text.endsWith("…")).toBe(true);
      expect(text).not.toMatch(/(^|[^\\])(\\\\)*\\…$/);
    }
  });

  it("leaves out a link that is not http(s)", () => {
    expect(alertEmbed(alert({ url: "javascript:alert(1)" })).url).toBeUndefined();
  });
});

describe("digests", () => {
  it("packs alerts into messages of at most ten embeds and 6,000 characters", () => {
    const alerts = Array.from({ length: 37 }, (_, i) => alert({ id: `a${i}`, title: `Alert ${i} ${"y".repeat(240)}`, summary: "z".repeat(2000) }));
    const messages = digestMessages("Daily digest, 20 Nov 2026", alerts, knowledge);
    expect(messages[0]?.content).toBe("**Daily digest, 20 Nov 2026: 37 alerts**");
    expect(messages.flatMap((m) => m.embeds)).toHaveLength(37);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.total);
    }
  });
});

describe("command replies", () => {
  it("become an embed with fields and a labelled link", () => {
    const embed = replyEmbed({ title: "Cap", text: "Cap: ¥500,000", fields: [{ name: "Rule", value: "10% of income" }], link: { url: "https://example.org/rule", label: "Source" } });
    expect(embed).toMatchObject({ title: "Cap", url: "https://example.org/rule", description: "Cap: ¥500,000" });
    expect(embed.fields).toEqual([{ name: "Rule", value: "10% of income" }, { name: "Source", value: "https://example.org/rule" }]);
    expect(replyEmbed({ text: "Cap", footer: "Not advice" }).footer).toEqual({ text: "Not advice" });
  });
});
