// Whether a word of a list may follow a number anywhere in a text: asked before a pattern made of a number and
// such a word is searched at all. Those patterns try every word of their list at every digit, and most items
// have numbers (dates, percentages) that no such word follows.

/** The words' beginnings: up to three characters, folded to lower case, as the patterns (flag i) compare them. */
export interface WordsAfterNumber {
  /** Beginnings of three ASCII characters, as c0 << 16 | c1 << 8 | c2. */
  three: Set<number>;
  /** Words that a text may match in fewer than three characters (one or two, ASCII): their codes as above. */
  one: Set<number>;
  two: Set<number>;
}

// A word may follow its number after at most two separators ("5  USDT", "40-month", "3 firms").
const CANDIDATE = /\d[\s-]{0,2}(?=\p{L})/gu;
const QUANTIFIER = new Set(["?", "*", "+", "{"]);
const SYNTAX = new Set(["\\", ".", "(", ")", "[", "]", "|", "^", "$", ...QUANTIFIER]);
// Characters outside ASCII that fold to an ASCII letter under the flags iu.
const TO_ASCII: Record<string, string> = { "\u212a": "k", "\u017f": "s" };

/**
 * The beginnings of `words` (literal words, or regex alternatives whose beginning is literal). A word that starts
 * with a character outside ASCII cannot match where the text has ASCII: it needs none.
 */
export function wordsAfterNumber(words: readonly string[]): WordsAfterNumber {
  const set: WordsAfterNumber = { three: new Set(), one: new Set(), two: new Set() };
  for (const word of words) {
    if (!/^\p{L}/u.test(word)) throw new Error(`wordsAfterNumber: "${word}" does not start with a letter`);
    const codes: number[] = [];
    let ascii = true;
    for (let i = 0; i < word.length && codes.length < 3; i++) {
      const c = word[i]!;
      // A character made optional by a quantifier after it, or any syntax: the beginning ends before it.
      if (SYNTAX.has(c) || QUANTIFIER.has(word[i + 1] ?? "")) break;
      const code = (TO_ASCII[c] ?? c).charCodeAt(0);
      if (code >= 128) {
        ascii = false;
        break;
      }
      codes.push(lower(code));
    }
    // A word with a character outside ASCII among its first three matches only where the text has one there, and
    // such a text is searched anyway (`unknown`): no key.
    if (!ascii || codes.length === 0) continue;
    if (codes.length === 3) set.three.add((codes[0]! << 16) | (codes[1]! << 8) | codes[2]!);
    else if (codes.length === 2) set.two.add((codes[0]! << 8) | codes[1]!);
    else set.one.add(codes[0]!);
  }
  return set;
}

/**
 * What follows the numbers of a text: the first three characters after each digit that a letter follows (after at
 * most two whitespace or hyphen characters), folded to lower case. `unknown` when one of them is outside ASCII or
 * the text ends first: then every word may follow a number.
 */
export interface AfterNumbers {
  unknown: boolean;
  keys: number[];
}

export function afterNumbers(text: string): AfterNumbers {
  const found: AfterNumbers = { unknown: false, keys: [] };
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = CANDIDATE.lastIndex;
    const c0 = text.charCodeAt(at);
    const c1 = text.charCodeAt(at + 1);
    const c2 = text.charCodeAt(at + 2);
    // charCodeAt past the end is NaN: NaN >= 128 is false, hence the explicit length test.
    if (at + 3 > text.length || (c0 | c1 | c2) >= 128) {
      found.unknown = true;
      break;
    }
    found.keys.push((lower(c0) << 16) | (lower(c1) << 8) | lower(c2));
  }
  CANDIDATE.lastIndex = 0;
  return found;
}

/** False only when no word of `words` can follow a number of the text: its pattern cannot match there. */
export function mayFollow(after: AfterNumbers, words: WordsAfterNumber): boolean {
  if (after.unknown) return true;
  for (const key of after.keys) {
    if (words.three.has(key) || words.two.has(key >> 8) || words.one.has(key >> 16)) return true;
  }
  return false;
}

const lower = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);
