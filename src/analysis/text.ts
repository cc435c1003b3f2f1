// Plain text and sentences: the analysis never sees markup, entities or feed boilerplate.

import { sentenceBounds } from "./sentence-breaks.js";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", hellip: "…", mdash: "—", ndash: "–",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", yen: "¥", euro: "€", pound: "£",
  cent: "¢", copy: "©", reg: "®", trade: "™", middot: "·", bull: "•", times: "×", deg: "°", percnt: "%",
};

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// Lines and sentences that feeds append to every item; they carry no news.
const BOILERPLATE = [
  /^(?:photo|image|picture|illustration)(?: credit)?\s*(?:by|:)\s.*$/i,
  /\bon (?:unsplash|pexels|pixabay|shutterstock|getty images)\.?$/i,
  /^(?:read more|more to read|read also|see also|related|related articles?|also read|recommended)\b.*$/i,
  /^(?:share|share this(?: article| story| post)?|tweet|follow us|subscribe|sign up|click here|tap here)\b.*$/i,
  /\b(?:share (?:this|on) (?:twitter|facebook|linkedin|x)|subscribe to our newsletter|follow us on)\b/i,
  /^the post .* appeared first on .*$/i,
  /^(?:advertisement|sponsored|disclaimer:.*)$/i,
  /^(?:続きを読む|関連記事|写真[:：].*|기사 더보기|관련기사|无关内容|阅读更多|相关阅读)$/,
];

// One pattern for all of them, run once per line (the CJK line has no case to ignore).
const ANY_BOILERPLATE = new RegExp(BOILERPLATE.map((re) => `(?:${re.source})`).join("|"), "i");

export const isBoilerplate = (line: string): boolean => ANY_BOILERPLATE.test(line.trim());

/**
 * A run of whitespace (no-break and ideographic spaces included) that is not already one space: replaced by a
 * space, it gives what `/[\s\u00a0\u3000]+/g` gives, without rewriting the (many) single spaces of a line.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** Tags stripped, entities decoded, boilerplate lines dropped, whitespace tidied (paragraphs kept as newlines). */
export function plainText(raw: string): string {
  // Every pattern below starts with "<", and most texts reach here already plain: skip the four passes then.
  const withoutTags = !raw.includes("<")
    ? raw
    : raw
        .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
        .replace(/<!--[\s\S]*?-->/g, " ")
        .replace(/<\s*(?:br|\/p|\/div|\/li|\/h[1-6]|\/tr|p|div|li|h[1-6])\b[^>]*>/gi, "\n")
        .replace(/<[^>]+>/g, " ");
  // Split at each newline (a string search, where /\n+/ runs the regex engine): the empty lines between are dropped below.
  return decodeEntities(withoutTags)
    .split("\n")
    .map((line) => line.replace(SPACE_RUN, " ").trim())
    .filter((line) => line.length > 0 && !isBoilerplate(line))
    .join("\n");
}

export type Script = "ja" | "ko" | "zh" | "en";

/**
 * How to cut the text into sentences and words: the feed's tag when it names a CJK language, else the
 * dominant script ("en" stands for every script written with spaces). See language.ts for the language.
 */
export function scriptOf(tag: string | null | undefined, text: string): Script {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  if (primary === "ja" || primary === "ko" || primary === "zh" || primary === "en") return primary;
  let kana = 0, hangul = 0, han = 0;
  for (let i = 0, end = Math.min(text.length, 600); i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3040) continue;
    if (c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
  }
  if (hangul > 10 && hangul >= kana) return "ko";
  if (kana > 5) return "ja";
  if (han > 10) return "zh";
  return "en";
}

export const hasCjk = (text: string): boolean => /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(text);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string, granularity: "sentence" | "word"): Intl.Segmenter {
  const key = `${locale}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(locale, { granularity })));
  return s;
}

// A segment ending in one of these is not a sentence end: "U.S. Securities", "No. 5", "Jan. 16", "Mr. Kato".
const ABBREVIATION_END =
  /(?:^|[\s(“"'])(?:[A-Z]\.(?:[A-Z]\.)*|U\.S|U\.K|No|Nos|Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|St|vs|e\.g|i\.e|Art|Sec|para|approx|Gov|Sen|Rep|Jr|Sr|Ref|Fig|Vol|Op)\.$/;

// Thai and Cyrillic abbreviations are letters with dots: "ก.ล.ต." (the Thai SEC), "т.е.", "г.". Thai ends its
// sentences with a space, not a full stop, so a dot after a few Thai letters closes a name too: "กนง." (the
// Monetary Policy Committee), "ธปท.". In brackets too: "(ก.ล.ต.) ปรับปรุง…" is one sentence.
const SHORT_ABBREVIATION = /(?:^|[\s.(（“"'-])(?:[\u0e00-\u0e7f]{1,5}|[\u0400-\u04ff]{1,2})\.[)）”"']?$/u;

// German writes a date's day as an ordinal: "seit dem 30. Juni 2024" is one sentence.
const ORDINAL_END = /(?:^|\s)\d{1,2}\.$/;
const ORDINAL_MONTH = /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;

export interface Sentence {
  text: string;
  /** Offset in the text the sentences came from. */
  start: number;
}

/**
 * Sentences by Intl.Segmenter (CJK-aware), re-joined where the break was an abbreviation, not an ending. Texts
 * whose characters all have a class that `sentenceBounds` knows get the segmenter's bounds from it, without ICU.
 */
export function splitSentences(text: string, language: Script): Sentence[] {
  const bounds = sentenceBounds(text);
  if (!bounds) return splitSentencesByIcu(text, language);
  const out: Sentence[] = [];
  for (let b = 1; b < bounds.length; b++) addSegment(out, text, text.slice(bounds[b - 1], bounds[b]), bounds[b - 1]!);
  return out;
}

/** Splits with ICU alone: texts with a character `sentenceBounds` does not know, and tests comparing the two. */
export function splitSentencesByIcu(text: string, language: Script): Sentence[] {
  const out: Sentence[] = [];
  for (const seg of segmenter(language, "sentence").segment(text)) addSegment(out, text, seg.segment, seg.index);
  return out;
}

// A dateline cut into pieces at its periods ("КИЇВ. 29 жовтня. УНН. Національний банк..."): a city or agency in
// capitals, or a day and month, at the start of the text belongs to the sentence after it.
const DATELINE_PIECE = /^(?:(?:[\p{Lu}][\p{Lu}\s,-]{1,19}|\d{1,2}\s\p{L}+|\p{L}+\s\d{1,2})\.\s*)+$/u;

// "(本社:東京都港区。法人番号:…。以下「当社」という。)": a full stop inside brackets ends no sentence. Bounded, so a
// bracket never closed does not swallow the rest of the text.
const OPENING = /[(（「『]/g;
const CLOSING = /[)）」』]/g;
function insideBrackets(text: string): boolean {
  if (text.length > 400) return false;
  const opening = text.match(OPENING)?.length ?? 0;
  if (opening === 0) return false;
  // "…という。)に対し": a full stop that closes a bracket is the bracket's; the sentence goes on after it.
  return /[。．][)）」』]$/.test(text) || opening > (text.match(CLOSING)?.length ?? 0);
}

function addSegment(out: Sentence[], text: string, segment: string, index: number): void {
  const trimmed = segment.trim();
  if (!trimmed) return;
  const start = index + segment.indexOf(trimmed);
  const previous = out[out.length - 1];
  const joins =
    previous !== undefined &&
    !text.slice(previous.start + previous.text.length, start).includes("\n") &&
    (ABBREVIATION_END.test(previous.text) || SHORT_ABBREVIATION.test(previous.text) || /^[a-z0-9%]/.test(trimmed) ||
      (ORDINAL_END.test(previous.text) && ORDINAL_MONTH.test(trimmed)) || (out.length <= 3 && DATELINE_PIECE.test(previous.text)) ||
      insideBrackets(previous.text));
  if (previous && joins) previous.text = text.slice(previous.start, start + trimmed.length);
  else out.push({ text: trimmed, start });
}

/** At most `max` characters, cut at a word boundary (CJK words by Intl.Segmenter), with an ellipsis when cut. */
export function clip(text: string, max: number, language: Script): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const seg of segmenter(language, "word").segment(text)) {
    const segEnd = seg.index + seg.segment.length;
    if (segEnd > max - 1) break;
    end = segEnd;
  }
  const cut = text.slice(0, end).replace(/[\s,;:–—(\-]+$/u, "");
  return cut + "…";
}

/**
 * Full-width digits, Latin letters and signs as ASCII: Japanese and Chinese news write "０・７５％" and "ＳＥＣ",
 * which the figures and the acronym tables read in their ASCII form.
 */
export function halfWidth(text: string): string {
  return /[\uFF05\uFF0E\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(text)
    ? text.replace(/[\uFF05\uFF0E\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : text;
}

/** The form the tables read: full-width ASCII as ASCII, digits of other scripts as ASCII, no Arabic tatweel. */
export function readingForm(text: string): string {
  const half = halfWidth(text);
  const ascii = NATIVE.test(half) ? half.replace(NATIVE_ALL, nativeToAscii) : half;
  // Bengali writes the decimal point as a word: "৯ দশমিক ৫ শতাংশ" is 9.5 percent.
  return ascii.includes("দশমিক") ? ascii.replace(/(\d) ?দশমিক ?(\d)/g, "$1.$2") : ascii;
}

// Arabic tatweel (ـ), which only stretches a word; the digits of Arabic, Persian and Urdu, Devanagari, Bengali and
// Thai ("٢٠٢٥", "२०८२", "১০ শতাংশ", "๒๕๖๘") and the Arabic percent sign and decimal and thousands separators, which
// the figures read in their ASCII form.
const NATIVE = /[\u0640\u0660-\u066c\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59]/;
const NATIVE_ALL = new RegExp(NATIVE.source, "g");
const ARABIC_SIGNS: Readonly<Record<string, string>> = { "\u0640": "", "\u066a": "%", "\u066b": ".", "\u066c": "," };
function nativeToAscii(c: string): string {
  const code = c.charCodeAt(0);
  for (const zero of [0x660, 0x6f0, 0x966, 0x9e6, 0xe50]) if (code >= zero && code <= zero + 9) return String.fromCharCode(0x30 + code - zero);
  return ARABIC_SIGNS[c]!;
}
