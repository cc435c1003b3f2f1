import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, decodeEntities, halfWidth, isBoilerplate, readingForm, scriptOf, plainText, splitSentences } from "../../../src/analysis/text.js";

describe("plainText", () => {
  it("strips tags, decodes entities and drops feed boilerplate", () => {
    const html =
      "<p>The regulator&#8217;s order takes effect on 1&nbsp;May &amp; covers <b>all</b> exchanges.</p>" +
      "<p>Photo by Jane Doe on Unsplash</p><p>Read more: other stories</p><p>More to Read</p>" +
      "<p>Share this article</p><p>The post Rules tighten appeared first on Crypto Daily.</p><script>x()</script>";
    expect(plainText(html)).toBe("The regulator’s order takes effect on 1 May & covers all exchanges.");
  });
});

describe("splitSentences", () => {
  it("does not split on abbreviations, ordinals or decimals", () => {
    const text =
      "The U.S. Securities and Exchange Commission issued Order No. 5 on Jan. 16 with a 5.5% cap. Mr. Lee agreed. Rules apply.";
    expect(splitSentences(text, "en").map((s) => s.text)).toEqual([
      "The U.S. Securities and Exchange Commission issued Order No. 5 on Jan. 16 with a 5.5% cap.",
      "Mr. Lee agreed.",
      "Rules apply.",
    ]);
  });

  it("splits Japanese, Chinese and Korean sentences", () => {
    expect(splitSentences("金融庁は規制を強化した。新ルールは4月に施行される。", "ja").map((s) => s.text)).toHaveLength(2);
    expect(splitSentences("央行发布通知。禁止相关业务！", "zh").map((s) => s.text)).toHaveLength(2);
    // Thai ends a sentence with a space: the dot of "กนง." (the Monetary Policy Committee) closes a name.
    expect(splitSentences("มติ กนง.ปรับขึ้น อัตราดอกเบี้ยนโยบาย 0.25% ต่อปี", "en").map((s) => s.text)).toEqual(["มติ กนง.ปรับขึ้น อัตราดอกเบี้ยนโยบาย 0.25% ต่อปี"]);
    expect(splitSentences("ธปท. ออกหลักเกณฑ์ใหม่", "en").map((s) => s.text)).toHaveLength(1);
    expect(splitSentences("금융위원회는 법안을 제출했다. 시행은 내년이다.", "ko").map((s) => s.text)).toHaveLength(2);
  });

  it("does not end a sentence at a full stop inside brackets", () => {
    expect(splitSentences("財務局は、本日、株式会社(本社:東京都港区。以下「当社」という。)に対し、行政処分を行った。次の文。", "ja").map((s) => s.text)).toEqual([
      "財務局は、本日、株式会社(本社:東京都港区。以下「当社」という。)に対し、行政処分を行った。",
      "次の文。",
    ]);
  });

  it("keeps a dateline cut at its periods with the sentence after it, only at the start", () => {
    expect(splitSentences("КИЇВ. 29 жовтня. УНН. Нацбанк залишив облікову ставку на рівні 22%. Рішення набуде чинності завтра.", "en").map((s) => s.text)).toEqual([
      "КИЇВ. 29 жовтня. УНН. Нацбанк залишив облікову ставку на рівні 22%.",
      "Рішення набуде чинності завтра.",
    ]);
    expect(splitSentences("MADRID. El banco cerró. Mañana abre. Luego cierra. EFE. Fin.", "en").map((s) => s.text)).toEqual([
      "MADRID. El banco cerró.",
      "Mañana abre.",
      "Luego cierra.",
      "EFE.",
      "Fin.",
    ]);
  });
});

describe("scriptOf", () => {
  it("prefers the feed's tag and otherwise reads the script", () => {
    expect(scriptOf("ja-JP", "English text")).toBe("ja");
    expect(scriptOf(null, "金融庁は暗号資産の規制を強化する方針を示した")).toBe("ja");
    expect(scriptOf(null, "금융위원회는 가상자산 거래소 규제를 강화한다고 밝혔다")).toBe("ko");
    expect(scriptOf(null, "中国人民银行发布通知要求进一步打击虚拟货币交易")).toBe("zh");
    expect(scriptOf(undefined, "The FCA fined a firm.")).toBe("en");
  });
});

describe("clip", () => {
  it("cuts at a word boundary and marks the cut", () => {
    const out = clip("supervisory requirements apply to every platform", 30, "en");
    expect(out).toBe("supervisory requirements…");
    expect(clip("short", 30, "en")).toBe("short");
  });
});

describe("readingForm", () => {
  it("reads the digits of Arabic, Persian, Devanagari, Bengali and Thai as ASCII, with the Arabic signs and the Bengali decimal word", () => {
    expect(readingForm("غرامة ٢٫٥ مليون درهم في ٢٠٢٥ بنسبة ٣٪ و٢٬٠٠٠")).toBe("غرامة 2.5 مليون درهم في 2025 بنسبة 3% و2,000");
    expect(readingForm("۱۴۰۳ نرخ ۲۳")).toBe("1403 نرخ 23");
    expect(readingForm("नीतिगत दर ५ प्रतिशत")).toBe("नीतिगत दर 5 प्रतिशत");
    expect(readingForm("সুদহার ৯ দশমিক ৫ শতাংশ")).toBe("সুদহার 9.5 শতাংশ");
    expect(readingForm("ปี ๒๕๖๘")).toBe("ปี 2568");
    expect(readingForm("الـمركزي، plain ASCII 12")).toBe("المركزي، plain ASCII 12");
  });
});

describe("halfWidth", () => {
  it("turns full-width digits, letters and the percent sign into ASCII and leaves CJK punctuation", () => {
    expect(halfWidth("政策金利を０・７５％に、ＳＥＣは（米国）")).toBe("政策金利を0・75%に、SECは（米国）");
    expect(halfWidth("plain text")).toBe("plain text");
  });
});

describe("plainText's lines", () => {
  /** The lines as first cut: at runs of newlines, by a regex. */
  const reference = (raw: string): string =>
    decodeEntities(raw)
      .split(/\n+/)
      .map((line) => line.replace(/\s{2,}|[^\S ]/g, " ").trim())
      .filter((line) => line.length > 0 && !isBoilerplate(line))
      .join("\n");

  it("are those of a split at runs of newlines", () => {
    const piece = fc.constantFrom("a", "Word", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "&amp;", "Read more", "Share", "x\n \n", "\u3000");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((parts) => parts.join("")), (text) => {
        expect(plainText(text)).toBe(reference(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
