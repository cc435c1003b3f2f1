/**
 * Bytes → string for a fetched feed.
 *
 * Sources of the encoding, in order: byte-order mark, Content-Type charset, the XML
 * declaration's `encoding=`, then sniffing (valid UTF-8, else the most plausible of a few
 * legacy encodings regulators' feeds are known to use). A declared charset only wins when
 * the bytes are valid in it: a lie falls through to the next source.
 */

export type EncodingSource = "bom" | "content-type" | "xml-declaration" | "sniffed" | "fallback";

export interface DecodedFeed {
  text: string;
  /** WHATWG encoding name: "utf-8", "shift_jis", "windows-1252"... */
  encoding: string;
  source: EncodingSource;
}

/** Labels the WHATWG table (and so TextDecoder) does not know, but servers send. */
const EXTRA_LABELS: Record<string, string> = {
  cp932: "shift_jis",
  "ms-932": "shift_jis",
  cp949: "euc-kr",
  uhc: "euc-kr",
  "ks_c_5601": "euc-kr",
  cp936: "gb18030",
  "x-gbk": "gb18030",
  cp1252: "windows-1252",
};

/**
 * The canonical encoding name for a charset label, or null when the label is unknown.
 * WHATWG already folds iso-8859-1/latin1/us-ascii into windows-1252 and gb2312 into gbk;
 * gbk is decoded as gb18030 (its superset).
 */
export function normaliseEncodingLabel(label: string): string | null {
  const cleaned = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (cleaned === "") return null;
  const aliased = EXTRA_LABELS[cleaned] ?? cleaned;
  let encoding: string;
  try {
    encoding = new TextDecoder(aliased).encoding;
  } catch {
    return null;
  }
  return encoding === "gbk" ? "gb18030" : encoding;
}

/**
 * Decodes with `{ stream: true }` then a final `decode()`: Node 20's one-shot decode of
 * windows-1252 mangles 0x80–0x9F (curly quotes, dashes, the euro sign). Returns null when
 * `fatal` and the bytes are not valid in the encoding.
 */
function decodeAs(bytes: Uint8Array, encoding: string, fatal: boolean): string | null {
  let text: string;
  try {
    const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
    text = decoder.decode(bytes, { stream: true }) + decoder.decode();
  } catch {
    return null;
  }
  // ICU's EUC-JP and EUC-KR tables turn stray bytes 0x80–0x9F into C1 controls instead of
  // failing. No real text has them, so a fatal decode that produces them has failed.
  if (fatal && C1_MEANS_INVALID.has(encoding) && C1_CONTROL.test(text)) return null;
  return text;
}

const C1_MEANS_INVALID = new Set(["shift_jis", "euc-jp", "euc-kr", "gb18030", "big5", "iso-2022-jp"]);
// eslint-disable-next-line no-control-regex
const C1_CONTROL = /[\u0080-\u009f]/;

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function hasNonAsciiByte(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/**
 * Decodes bytes declared (by Content-Type or the XML declaration) to be in `label`.
 * Null when the label is unknown or the bytes do not fit, so the caller tries the next source.
 */
function decodeDeclared(bytes: Uint8Array, label: string): { text: string; encoding: string } | null {
  const encoding = normaliseEncodingLabel(label);
  if (encoding === null) return null;
  // UTF-16 declared without a BOM in bytes we could read as ASCII is not UTF-16.
  if (encoding.startsWith("utf-16") && !looksLikeUtf16(bytes)) return null;
  // Every byte is valid windows-1252, so a fatal decode cannot catch a wrong single-byte
  // label. Servers often send a default "ISO-8859-1" for UTF-8 bodies: valid multi-byte
  // UTF-8 is almost never Latin-1 text by accident, so it does not take this label.
  if (encoding === "windows-1252" && hasNonAsciiByte(bytes) && decodeAs(bytes, "utf-8", true) !== null) {
    return null;
  }
  const text = decodeAs(bytes, encoding, true);
  return text === null ? null : { text, encoding };
}

/** UTF-16 without a BOM: `<` followed or preceded by a NUL (XML 1.0 appendix F). */
function looksLikeUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) return "utf-16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[3] !== 0x00) return "utf-16be";
  return null;
}

function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
  if (!match) return null;
  return match[2] ?? match[1] ?? null;
}

/** `encoding=` from an XML declaration at the very start, read as ASCII. */
function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const declaration = /^\s*<\?xml\s[^>]*?\?>/.exec(head);
  if (!declaration) return null;
  const match = /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(declaration[0]);
  return match?.[2] ?? null;
}

export function decodeFeed(bytes: Uint8Array, contentType: string | null): DecodedFeed {
  // 1. Byte-order mark: decisive, and stripped from the text.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fromBom(bytes.subarray(3), "utf-8");
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromBom(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromBom(bytes.subarray(2), "utf-16be");

  // 2. Content-Type charset.
  const headerCharset = charsetFromContentType(contentType);
  if (headerCharset !== null) {
    const decoded = decodeDeclared(bytes, headerCharset);
    if (decoded) return { ...decoded, source: "content-type" };
  }

  // 3. The XML declaration.
  const declaredCharset = charsetFromXmlDeclaration(bytes);
  if (declaredCharset !== null) {
    const decoded = decodeDeclared(bytes, declaredCharset);
    if (decoded) return { ...decoded, source: "xml-declaration" };
  }

  // 4. Sniffing.
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    const text = decodeAs(bytes, utf16, true);
    if (text !== null) return { text, encoding: utf16, source: "sniffed" };
  }
  const utf8 = decodeAs(bytes, "utf-8", true);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", source: "sniffed" };
  const sniffed = sniffLegacyEncoding(bytes);
  if (sniffed) return { ...sniffed, source: "sniffed" };

  // 5. Nothing fits: windows-1252 decodes any byte.
  return { text: decodeAs(bytes, "windows-1252", false) ?? "", encoding: "windows-1252", source: "fallback" };
}

function fromBom(rest: Uint8Array, encoding: string): DecodedFeed {
  // A BOM is decisive even when a few bytes after it are broken: decode leniently.
  return { text: decodeAs(rest, encoding, false) ?? "", encoding, source: "bom" };
}

// ---------------------------------------------------------------------------
// Sniffing among legacy encodings
// ---------------------------------------------------------------------------

type Script = "ja" | "ko" | "zh" | "latin";

/** Candidates in order of preference when scores tie. */
const CANDIDATES: ReadonlyArray<{ encoding: string; script: Script }> = [
  { encoding: "shift_jis", script: "ja" },
  { encoding: "euc-jp", script: "ja" },
  { encoding: "gb18030", script: "zh" },
  { encoding: "euc-kr", script: "ko" },
  { encoding: "windows-1252", script: "latin" },
];

type CharClass =
  | "kana"
  | "halfwidth-kana"
  | "hangul"
  | "jamo"
  | "han"
  | "cjk-punct"
  | "latin-letter"
  | "typographic"
  | "other";

function classify(code: number): CharClass {
  if (code >= 0x3040 && code <= 0x30ff) return "kana";
  if (code >= 0xff61 && code <= 0xff9f) return "halfwidth-kana";
  if (code >= 0xac00 && code <= 0xd7a3) return "hangul";
  if ((code >= 0x3130 && code <= 0x318f) || (code >= 0x1100 && code <= 0x11ff)) return "jamo";
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return "han";
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff60)) return "cjk-punct";
  if (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) return "latin-letter";
  if ((code >= 0x2010 && code <= 0x2026) || code === 0x20ac || code === 0x2122 || code === 0xa0) return "typographic";
  return "other";
}

/**
 * Points per character class for text in each script. The signals:
 * - Japanese almost always has hiragana/katakana; EUC bytes read as Shift_JIS give
 *   half-width katakana instead.
 * - Korean is mostly hangul with little hanja; Chinese read as EUC-KR gives a hangul/hanja mix.
 * - Chinese has neither kana nor hangul.
 * - Latin text has accented letters and typographic quotes, dashes and euro signs next to
 *   ASCII, rarely three non-ASCII characters in a row.
 */
const WEIGHTS: Record<Script, Partial<Record<CharClass, number>>> = {
  ja: { kana: 2, han: 1, "cjk-punct": 0.5, "halfwidth-kana": -3, hangul: -3, jamo: -3, "latin-letter": -1, other: -1 },
  ko: { hangul: 2, han: -2, "cjk-punct": 0.5, kana: -2, jamo: -2, "halfwidth-kana": -3, "latin-letter": -1, other: -1 },
  zh: { han: 1, "cjk-punct": 0.5, kana: -2, hangul: -2, jamo: -2, "halfwidth-kana": -3, "latin-letter": -1, other: -1 },
  latin: { "latin-letter": 1, typographic: 1, other: -1 },
};

const isAsciiLetter = (char: string | undefined): boolean => char !== undefined && /^[A-Za-z]$/.test(char);

function plausibility(text: string, script: Script): number {
  const chars = Array.from(text);
  let score = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!NON_ASCII.test(char)) continue;
    const kind = classify(char.codePointAt(0)!);
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (script !== "latin" && kind !== "latin-letter" && isAsciiLetter(prev) && isAsciiLetter(next)) {
      // A lone CJK character inside an ASCII word: Latin-1 bytes read as a double-byte encoding.
      score -= 5;
      continue;
    }
    if (script === "latin" && prev !== undefined && next !== undefined && NON_ASCII.test(prev) && NON_ASCII.test(next)) {
      // Three non-ASCII characters in a row: double-byte text read as windows-1252.
      score -= 1;
      continue;
    }
    score += WEIGHTS[script][kind] ?? 0;
  }
  return score;
}

/** The most plausible legacy encoding the bytes are valid in, or null if none is. */
function sniffLegacyEncoding(bytes: Uint8Array): { text: string; encoding: string } | null {
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const { encoding, script } of CANDIDATES) {
    const text = decodeAs(bytes, encoding, true);
    if (text === null) continue;
    const score = plausibility(text, script);
    if (best === null || score > best.score) best = { text, encoding, score };
  }
  return best && { text: best.text, encoding: best.encoding };
}
