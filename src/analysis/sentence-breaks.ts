// Sentence boundaries without ICU for the common case: ICU's segmenter costs about 5 µs a call however short the
// text (most of an item's sentence splitting), while the rules of Unicode's sentence segmentation (UAX #29) are
// simple where only a few classes of character occur. For a text made only of characters whose class is known
// here (ASCII, Latin letters, Cyrillic letters and common punctuation), the bounds below are the ones ICU gives;
// any other character sends the text to ICU. A property test compares the two on random strings.

// Sentence_Break classes (as small numbers, so the loops below compare constants). The four that can end a
// sentence come first: `c <= STERM` tells them apart.
const CR = 1;
const LF = 2;
const ATERM = 3;
const STERM = 4;
const OTHER = 5;
const SP = 6;
const LOWER = 7;
const UPPER = 8;
const NUMERIC = 9;
const SCONTINUE = 10;
const CLOSE = 11;
/** A class not handled here (Extend, Format, Sep, OLetter and all of CJK, Thai, Arabic…): ICU decides. */
const UNKNOWN = 0;

const TABLE_SIZE = 0x20c0;
const CLASSES = buildTable();

function buildTable(): Uint8Array {
  const t = new Uint8Array(TABLE_SIZE).fill(UNKNOWN);
  const set = (chars: string, c: number) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = c;
  };
  for (let code = 0x21; code <= 0x7e; code++) t[code] = OTHER;
  t[0x0a] = LF;
  t[0x0d] = CR;
  set(" \t\u00a0", SP);
  set(".", ATERM);
  set("!?", STERM);
  set(",-:;\u2013\u2014", SCONTINUE);
  set("\"'()[]{}\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", CLOSE);
  for (let code = 0x30; code <= 0x39; code++) t[code] = NUMERIC;
  // Signs and symbols of news text that UAX #29 leaves in no class of its own.
  set("¡¿£¥§°±×÷¢©®¶·€₩₹₺₫₽₱₦%‰•…", OTHER);
  // Letters: Latin (with Latin-1, Extended-A/B and Vietnamese), Cyrillic. Only those that are upper or lower
  // case; any other letter of these blocks (a modifier, a title-case digraph) is left to ICU.
  const upper = /^\p{Uppercase}$/u;
  const lower = /^\p{Lowercase}$/u;
  const letter = /^\p{L}$/u;
  for (const [from, to] of [[0x41, 0x5a], [0x61, 0x7a], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba], [0xc0, 0x24f], [0x400, 0x481], [0x48a, 0x52f], [0x1e00, 0x1eff]] as const) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      if (!letter.test(ch) && !(code >= 0xaa && code <= 0xba)) continue;
      const isUpper = upper.test(ch);
      const isLower = lower.test(ch);
      if (isUpper !== isLower) t[code] = isUpper ? UPPER : LOWER;
      else t[code] = UNKNOWN;
    }
  }
  return t;
}

/** Offsets of the text's CR, LF and sentence terminators, reused between calls. */
let marks = new Int32Array(256);
const MAX_SHARED = 1 << 16;

/**
 * Where Intl.Segmenter's sentences start and end for this text, as ascending offsets from 0 to the text's length
 * (consecutive offsets bound one segment); undefined when a character of the text is not handled here.
 */
export function sentenceBounds(text: string): number[] | undefined {
  const n = text.length;
  // The shared buffer grows to an article's length, no further: a longer text gets one of its own.
  if (marks.length < n && n <= MAX_SHARED) marks = new Int32Array(Math.min(Math.max(n, marks.length * 2), MAX_SHARED));
  const found = marks.length < n ? new Int32Array(n) : marks;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const c = code < TABLE_SIZE ? CLASSES[code]! : UNKNOWN;
    if (c === UNKNOWN) return undefined;
    if (c <= STERM) found[count++] = i;
  }
  const cls = (i: number): number => CLASSES[text.charCodeAt(i)]!;
  const bounds = [0];
  // Marks before `resume` lie inside a stretch already read.
  let resume = 0;
  for (let m = 0; m < count; m++) {
    let i = found[m]!;
    if (i < resume) continue;
    const c = cls(i);
    // SB3, SB4: a break after every paragraph separator, never inside CR LF.
    if (c === CR || c === LF) {
      if (c === CR && i + 1 < n && cls(i + 1) === LF) i++;
      if (i + 1 < n) bounds.push(i + 1);
      resume = i + 1;
      continue;
    }
    if (c === ATERM && i + 1 < n) {
      const next = cls(i + 1);
      // SB6: "3.5"; SB7: "U.S".
      if (next === NUMERIC) continue;
      if (next === UPPER && i > 0 && (cls(i - 1) === UPPER || cls(i - 1) === LOWER)) continue;
    }
    // SB9, SB10: closing marks and spaces stay with the sentence they end.
    let j = i + 1;
    while (j < n && cls(j) === CLOSE) j++;
    while (j < n && cls(j) === SP) j++;
    if (j >= n) break;
    const next = cls(j);
    // SB11 with a separator: the break comes after it (its own mark pushes it). SB8a: ", " or another
    // terminator continues the sentence.
    resume = j;
    if (next === CR || next === LF || next === SCONTINUE || next === ATERM || next === STERM) continue;
    if (c === ATERM) {
      // SB8: no break when the next cased letter (before any terminator or separator) is lower case.
      let k = j;
      let kc = 0;
      while (k < n) {
        kc = cls(k);
        if (kc === UPPER || kc === LOWER || kc <= STERM) break;
        k++;
      }
      if (k < n && kc === LOWER) continue;
    }
    // SB11.
    bounds.push(j);
  }
  if (n > 0) bounds.push(n);
  return bounds;
}
