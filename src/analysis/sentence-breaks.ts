// Sentence boundaries without ICU for the common case: ICU's segmenter costs about 5 µs a call however short the
// text (most of an item's sentence splitting), while the rules of Unicode's sentence segmentation (UAX #29) are
// simple where only a few classes of character occur. For a text made only of characters whose class is known
// here (ASCII, Latin letters, Cyrillic letters and common punctuation), the bounds below are the ones ICU gives;
// any other character sends the text to ICU. A property test compares the two on random strings.

const enum C {
  Other,
  CR,
  LF,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  SContinue,
  Close,
  /** A class not handled here (Extend, Format, Sep, OLetter and all of CJK, Thai, Arabic…): ICU decides. */
  Unknown,
}

const TABLE_SIZE = 0x20c0;
const CLASSES = buildTable();

function buildTable(): Uint8Array {
  const t = new Uint8Array(TABLE_SIZE).fill(C.Unknown);
  const set = (chars: string, c: C) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = c;
  };
  for (let code = 0x21; code <= 0x7e; code++) t[code] = C.Other;
  t[0x0a] = C.LF;
  t[0x0d] = C.CR;
  set(" \t\u00a0", C.Sp);
  set(".", C.ATerm);
  set("!?", C.STerm);
  set(",-:;\u2013\u2014", C.SContinue);
  set("\"'()[]{}\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", C.Close);
  for (let code = 0x30; code <= 0x39; code++) t[code] = C.Numeric;
  // Signs and symbols of news text that UAX #29 leaves in no class of its own.
  set("¡¿£¥§°±×÷¢©®¶·€₩₹₺₫₽₱₦%‰•…", C.Other);
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
      if (isUpper !== isLower) t[code] = isUpper ? C.Upper : C.Lower;
      else t[code] = C.Unknown;
    }
  }
  return t;
}

let classes = new Uint8Array(256);

/**
 * Where Intl.Segmenter's sentences start and end for this text, as ascending offsets from 0 to the text's length
 * (consecutive offsets bound one segment); undefined when a character of the text is not handled here.
 */
export function sentenceBounds(text: string): number[] | undefined {
  const n = text.length;
  if (classes.length < n) classes = new Uint8Array(Math.max(n, classes.length * 2));
  const cls = classes;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const c = code < TABLE_SIZE ? CLASSES[code]! : C.Unknown;
    if (c === C.Unknown) return undefined;
    cls[i] = c;
  }
  const bounds = [0];
  for (let i = 0; i < n; i++) {
    const c = cls[i]!;
    // SB3, SB4: a break after every paragraph separator, never inside CR LF.
    if (c === C.CR || c === C.LF) {
      if (c === C.CR && i + 1 < n && cls[i + 1] === C.LF) i++;
      if (i + 1 < n) bounds.push(i + 1);
      continue;
    }
    if (c !== C.ATerm && c !== C.STerm) continue;
    if (c === C.ATerm && i + 1 < n) {
      const next = cls[i + 1]!;
      // SB6: "3.5"; SB7: "U.S".
      if (next === C.Numeric) continue;
      if (next === C.Upper && i > 0 && (cls[i - 1] === C.Upper || cls[i - 1] === C.Lower)) continue;
    }
    // SB9, SB10: closing marks and spaces stay with the sentence they end.
    let j = i + 1;
    while (j < n && cls[j] === C.Close) j++;
    while (j < n && cls[j] === C.Sp) j++;
    if (j >= n) break;
    const next = cls[j]!;
    if (next === C.CR || next === C.LF) {
      // SB11 with the separator: the break comes after it (the loop pushes it).
      i = j - 1;
      continue;
    }
    // SB8a: ", " or another terminator continues the sentence.
    if (next === C.SContinue || next === C.ATerm || next === C.STerm) {
      i = j - 1;
      continue;
    }
    if (c === C.ATerm) {
      // SB8: no break when the next cased letter (before any terminator or separator) is lower case.
      let m = j;
      while (m < n) {
        const k = cls[m]!;
        if (k === C.Upper || k === C.Lower || k === C.CR || k === C.LF || k === C.ATerm || k === C.STerm) break;
        m++;
      }
      if (m < n && cls[m] === C.Lower) {
        i = j - 1;
        continue;
      }
    }
    // SB11.
    bounds.push(j);
    i = j - 1;
  }
  if (n > 0) bounds.push(n);
  return bounds;
}
