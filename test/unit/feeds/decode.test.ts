import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeFeed, normaliseEncodingLabel } from "../../../src/feeds/decode.js";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url)));

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? ascii(part) : part)));

const JA_TITLE = "金融庁、暗号資産の規制案を公表";
const KO_TITLE = "금융위원회, 가상자산 이용자 보호법 시행령 입법예고";
const ZH_TITLE = "中国人民银行发布数字人民币试点管理办法";
const FR_TITLE = "L’AMF publie sa “doctrine” sur les crypto-actifs – amende de 5 000 €";
// 金融庁 in Shift_JIS and in EUC-JP, written out by hand.
const KINYUCHO_SJIS = [0x8b, 0xe0, 0x97, 0x5a, 0x92, 0xa1];
const KINYUCHO_EUCJP = [0xb6, 0xe2, 0xcd, 0xbb, 0xc4, 0xa3];
const PT_TITLE = "Comissão de Valores Mobiliários anuncia consulta pública — regulação";

describe("decodeFeed: windows-1252", () => {
  // 0x93 “  0x94 ”  0x96 –  0x80 €: Node's one-shot decode turns these into C1 controls.
  const quoted = bytes("<t>", [0x93], "Rules", [0x94], " ", [0x96], " ", [0x80], "5</t>");

  it("decodes 0x80–0x9F as curly quotes, dashes and the euro sign", () => {
    const result = decodeFeed(quoted, "text/xml; charset=windows-1252");
    expect(result).toEqual({ text: "<t>“Rules” – €5</t>", encoding: "windows-1252", source: "content-type" });
  });

  it("reads iso-8859-1, latin1 and us-ascii as windows-1252 (WHATWG)", () => {
    for (const label of ["iso-8859-1", "ISO_8859-1", "latin1", "us-ascii"]) {
      expect(decodeFeed(quoted, `application/rss+xml;charset=${label}`).text).toBe("<t>“Rules” – €5</t>");
    }
  });

  it("sniffs undeclared windows-1252 text", () => {
    const result = decodeFeed(fixture("windows-1252-undeclared.xml"), null);
    expect(result.encoding).toBe("windows-1252");
    expect(result.source).toBe("sniffed");
    expect(result.text).toContain(`<title>${FR_TITLE}</title>`);
    expect(result.text).toContain(`<title>${PT_TITLE}</title>`);
  });

  it("takes windows-1252 and ISO-8859-1 from the XML declaration", () => {
    for (const name of ["windows-1252-declared.xml", "iso-8859-1-declared.xml"]) {
      const result = decodeFeed(fixture(name), null);
      expect(result.encoding).toBe("windows-1252");
      expect(result.source).toBe("xml-declaration");
      expect(result.text).toContain(FR_TITLE);
      expect(result.text).not.toMatch(/[\u0080-\u009f\ufffd]/);
    }
  });
});

describe("decodeFeed: byte-order marks", () => {
  it("UTF-8 with BOM: BOM stripped", () => {
    const result = decodeFeed(fixture("utf-8-bom.xml"), "text/xml; charset=windows-1252");
    expect(result.encoding).toBe("utf-8");
    expect(result.source).toBe("bom");
    expect(result.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(result.text).toContain(FR_TITLE);
  });

  it("UTF-16LE and UTF-16BE with BOM", () => {
    for (const [name, encoding] of [
      ["utf-16le-bom.xml", "utf-16le"],
      ["utf-16be-bom.xml", "utf-16be"],
    ] as const) {
      const result = decodeFeed(fixture(name), null);
      expect(result.encoding).toBe(encoding);
      expect(result.source).toBe("bom");
      expect(result.text.startsWith("<?xml")).toBe(true);
      expect(result.text).toContain(`<title>${JA_TITLE}</title>`);
    }
  });

  it("UTF-16LE without a BOM is recognised from `<` followed by NUL", () => {
    const text = '<?xml version="1.0"?><rss/>';
    const utf16 = new Uint8Array(text.length * 2);
    Array.from(text).forEach((char, i) => (utf16[i * 2] = char.charCodeAt(0)));
    expect(decodeFeed(utf16, null)).toEqual({ text, encoding: "utf-16le", source: "sniffed" });
  });
});

describe("decodeFeed: Japanese, Korean and Chinese", () => {
  it("decodes known byte sequences", () => {
    expect(decodeFeed(bytes("<t>", KINYUCHO_SJIS, "</t>"), "text/xml; charset=Shift_JIS").text).toBe("<t>金融庁</t>");
    expect(decodeFeed(bytes("<t>", KINYUCHO_EUCJP, "</t>"), "text/xml; charset=EUC-JP").text).toBe("<t>金融庁</t>");
  });

  it.each([
    ["shift_jis-declared.xml", "shift_jis", JA_TITLE],
    ["euc-jp-declared.xml", "euc-jp", JA_TITLE],
    ["euc-kr-declared.xml", "euc-kr", KO_TITLE],
  ])("%s: encoding from the XML declaration", (name, encoding, title) => {
    const result = decodeFeed(fixture(name), null);
    expect(result).toMatchObject({ encoding, source: "xml-declaration" });
    expect(result.text).toContain(`<title>${title}</title>`);
    expect(result.text).not.toContain("\ufffd");
  });

  it.each([
    ["shift_jis-undeclared.xml", "shift_jis", JA_TITLE],
    ["euc-jp-undeclared.xml", "euc-jp", JA_TITLE],
    ["euc-kr-undeclared.xml", "euc-kr", KO_TITLE],
    ["gb18030-undeclared.xml", "gb18030", ZH_TITLE],
  ])("%s: sniffed", (name, encoding, title) => {
    const result = decodeFeed(fixture(name), null);
    expect(result).toMatchObject({ encoding, source: "sniffed" });
    expect(result.text).toContain(`<title>${title}</title>`);
    expect(result.text).not.toContain("\ufffd");
  });

  it("gb2312 and gbk labels decode as gb18030", () => {
    expect(normaliseEncodingLabel("GB2312")).toBe("gb18030");
    expect(normaliseEncodingLabel("gbk")).toBe("gb18030");
    const result = decodeFeed(fixture("gb18030-undeclared.xml"), "text/xml; charset=gb2312");
    expect(result).toMatchObject({ encoding: "gb18030", source: "content-type" });
    expect(result.text).toContain(ZH_TITLE);
  });
});

describe("decodeFeed: which source wins", () => {
  it("Content-Type beats the XML declaration", () => {
    const body = bytes('<?xml version="1.0" encoding="EUC-JP"?><t>', KINYUCHO_SJIS, "</t>");
    expect(decodeFeed(body, 'text/xml; charset="shift_jis"')).toMatchObject({
      text: '<?xml version="1.0" encoding="EUC-JP"?><t>金融庁</t>',
      encoding: "shift_jis",
      source: "content-type",
    });
  });

  it("a Content-Type charset the bytes are not valid in does not win", () => {
    const result = decodeFeed(fixture("shift_jis-declared.xml"), "application/rss+xml; charset=utf-8");
    expect(result).toMatchObject({ encoding: "shift_jis", source: "xml-declaration" });
    expect(result.text).toContain(JA_TITLE);
  });

  it("an XML declaration the bytes are not valid in does not win", () => {
    const body = bytes('<?xml version="1.0" encoding="utf-8"?><t>', [0x93], "x", [0x94], "</t>");
    expect(decodeFeed(body, null)).toMatchObject({ text: '<?xml version="1.0" encoding="utf-8"?><t>“x”</t>', encoding: "windows-1252", source: "sniffed" });
  });

  it("an unknown label is skipped", () => {
    const result = decodeFeed(fixture("euc-kr-declared.xml"), "text/xml; charset=x-no-such-charset");
    expect(result).toMatchObject({ encoding: "euc-kr", source: "xml-declaration" });
  });

  it("a Latin-1 Content-Type on a valid UTF-8 body gives way to UTF-8", () => {
    const body = new TextEncoder().encode("<t>Autorité – “crypto”</t>");
    expect(decodeFeed(body, "text/xml; charset=ISO-8859-1")).toEqual({
      text: "<t>Autorité – “crypto”</t>",
      encoding: "utf-8",
      source: "sniffed",
    });
  });

  it("plain ASCII and UTF-8 without any declaration are UTF-8", () => {
    expect(decodeFeed(bytes("<rss/>"), null)).toEqual({ text: "<rss/>", encoding: "utf-8", source: "sniffed" });
    const body = new TextEncoder().encode(`<t>${JA_TITLE}</t>`);
    expect(decodeFeed(body, "text/xml")).toEqual({ text: `<t>${JA_TITLE}</t>`, encoding: "utf-8", source: "sniffed" });
  });
});

describe("normaliseEncodingLabel", () => {
  it("folds aliases and rejects unknown labels", () => {
    expect(normaliseEncodingLabel("x-sjis")).toBe("shift_jis");
    expect(normaliseEncodingLabel("CP932")).toBe("shift_jis");
    expect(normaliseEncodingLabel("ks_c_5601-1987")).toBe("euc-kr");
    expect(normaliseEncodingLabel("UTF8")).toBe("utf-8");
    expect(normaliseEncodingLabel("latin1")).toBe("windows-1252");
    expect(normaliseEncodingLabel("klingon")).toBeNull();
    expect(normaliseEncodingLabel("")).toBeNull();
  });
});
