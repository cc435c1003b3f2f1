import { describe, expect, it } from "vitest";
import type { Alert } from "../../../src/core/article.js";
import { cleanText, escapeHtml, fitText, MESSAGE_LIMIT, renderAlert, renderDigest, renderReply } from "../../../adapters/telegram/render.js";

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: "a1",
  feedId: "fsa",
  feedName: "Japan FSA",
  url: "https://www.fsa.go.jp/en/news/2026/1.html?a=1&b=2",
  title: "FSA publishes draft rules on crypto-asset lending",
  text: "",
  published: "2026-11-26T09:00:00.000Z",
  categories: [],
  language: "en",
  policy: true,
  jurisdictions: ["JP"],
  topics: ["lending", "token-offering"],
  summary: "The Financial Services Agency published draft rules for crypto lending.",
  figures: [{ kind: "money", value: 1_000_000, currency: "JPY", text: "¥1,000,000" }],
  ...over,
});

const jurisdictions = new Map([["JP", { code: "JP", name: "Japan", flag: "🇯🇵" }]]);

/** The tags Telegram's HTML mode would see, in order; each opened tag must be closed by the same one. */
function tagsBalanced(html: string): boolean {
  const stack: string[] = [];
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (!close) stack.push(name as string);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

/** Only our own tags: b and a with an href. */
const onlyOurTags = (html: string): boolean => [...html.matchAll(/<\/?([a-z]+)/gi)].every(([, n]) => n === "b" || n === "a");
/** Every & starts an entity Telegram knows. */
const entitiesValid = (html: string): boolean => [...html.matchAll(/&[^;\s]*;?/g)].every(([e]) => /^&(amp|lt|gt|quot);$/.test(e));

describe("renderAlert", () => {
  it("shows flag and jurisdiction, bold title, summary, key figures, source link and hashtags", () => {
    const html = renderAlert(alert(), { jurisdictions });
    expect(html).toBe(
      [
        "🇯🇵 Japan · Japan FSA",
        "<b>FSA publishes draft rules on crypto-asset lending</b>",
        "",
        "The Financial Services Agency published draft rules for crypto lending.",
        "",
        "Key figures: ¥1,000,000",
        '<a href="https://www.fsa.go.jp/en/news/2026/1.html?a=1&amp;b=2">Source: Japan FSA</a>',
        "#lending #token_offering",
      ].join("\n"),
    );
  });

  const hostile: Record<string, string> = {
    script: '<script>alert("x")</script> FSA',
    entity: "Fees &amp; charges & more &lt;",
    closingAnchor: "Rules</a><a href=\"javascript:alert(1)\">click",
    unbalanced: "<b>bold <i>never closed",
    longWord: "x".repeat(5000),
    rtl: "\u202Egnp.exe\u202C policy \u200F\u2067isolate\u2069",
    everyone: "@everyone @here listen to @channel",
  };

  for (const [name, title] of Object.entries(hostile)) {
    it(`keeps a hostile title as text: ${name}`, () => {
      const html = renderAlert(alert({ title, summary: title }), { jurisdictions });
      expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(tagsBalanced(html)).toBe(true);
      expect(onlyOurTags(html)).toBe(true);
      expect(entitiesValid(html)).toBe(true);
      expect(html).toMatch(/^🇯🇵 Japan · Japan FSA\n<b>[^<]*<\/b>/);
      expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    });
  }

  it("escapes markup and entities literally", () => {
    const html = renderAlert(alert({ title: '<script>alert("x")</script> &amp; </a>', summary: "" }));
    expect(html).toContain("<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp; &lt;/a&gt;</b>");
  });

  it("defuses @mentions so a feed title cannot notify anyone", () => {
    const html = renderAlert(alert({ title: "@everyone look", summary: "" }));
    expect(html).toContain("@\u2060everyone");
    expect(html).not.toMatch(/@everyone/);
  });

  it("cuts a 5,000-character word and a long summary to fit, with an ellipsis", () => {
    const html = renderAlert(alert({ title: "y".repeat(5000), summary: "word ".repeat(2000) }));
    expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(html).toMatch(/<b>y+…<\/b>/);
    expect(html).toMatch(/word…\n\nKey figures/);
  });

  it("never cuts inside an entity, even when every character escapes", () => {
    for (let n = 990; n < 1010; n++) {
      const html = renderAlert(alert({ title: "&".repeat(n), summary: "<".repeat(5000) }), { limit: 1000 });
      expect(html.length).toBeLessThanOrEqual(1000);
      expect(entitiesValid(html)).toBe(true);
    }
  });

  it("drops links that are not http(s) and works without a url, topics or figures", () => {
    const html = renderAlert(alert({ url: "javascript:alert(1)", topics: [], figures: [], summary: "" }));
    expect(html).not.toContain("<a ");
    expect(html).toBe("JP · Japan FSA\n<b>FSA publishes draft rules on crypto-asset lending</b>");
  });

  it("keeps surrogate pairs whole when cutting", () => {
    const text = fitText("😀".repeat(100), 51);
    expect(text).toBe(`${"😀".repeat(25)}…`);
  });
});

describe("renderReply and renderDigest", () => {
  it("renders title, text, fields and link, escaped", () => {
    const [html] = renderReply({ title: "Cap <1>", text: "a & b", fields: [{ name: "Rule", value: "x < y" }], link: { url: "https://e.example/?q=1&r=2", label: "Source" } });
    expect(html).toBe('<b>Cap &lt;1&gt;</b>\na &amp; b\n<b>Rule:</b> x &lt; y\n<a href="https://e.example/?q=1&amp;r=2">Source</a>');
  });

  it("folds details into an expandable quote and puts the footer last", () => {
    const [html] = renderReply({ title: "Cap", text: "Cap: ¥1", fields: [{ name: "Rule", value: "x < y" }], details: true, link: { url: "https://e.example/", label: "Source" }, footer: "Not advice & so on" });
    expect(html).toBe('<b>Cap</b>\nCap: ¥1\n<blockquote expandable><b>Rule:</b> x &lt; y\n<a href="https://e.example/">Source</a></blockquote>\n<i>Not advice &amp; so on</i>');
  });

  it("splits a long reply into messages within the limit, never inside an entity", () => {
    const parts = renderReply({ text: `${"&".repeat(3000)}\n${"word ".repeat(2000)}` });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(entitiesValid(part)).toBe(true);
    }
  });

  it("packs a digest into messages within the limit", () => {
    const alerts = Array.from({ length: 40 }, (_, i) => alert({ id: `a${i}`, title: `Title ${i} ${"t".repeat(200)}`, summary: "s".repeat(500) }));
    const parts = renderDigest("Daily digest, 26 Nov 2026", alerts, { jurisdictions });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]).toMatch(/^<b>Daily digest, 26 Nov 2026<\/b> · 40 alerts/);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(tagsBalanced(part)).toBe(true);
    }
    expect(parts.join("\n").match(/<b><a href/g)).toHaveLength(40);
  });
});

describe("escaping", () => {
  it("escapes only what HTML mode reads", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(cleanText("a\u0000b\u001bc\nd")).toBe("abc\nd");
  });
});
