// Whether a word of a list may follow a number anywhere in a text: asked before a pattern made of a number and
// such a word is searched at all. Those patterns try every word of their list at every digit, and most items
// have numbers (dates, percentages) that no such word follows.

/**
 * The words' beginnings: their first three characters, or the whole word when it is shorter, folded as the
 * patterns (flag i) compare them. Each is a number: its characters' codes mixed (`mix`).
 */
export interface WordsAfterNumber {
  three: Set<number>;
  two: Set<number>;
  one: Set<number>;
  /** One-letter words that end at a word boundary ("5m", "5k."): the letter, then no word character. */
  letters: Set<number>;
}

// A word may follow its number after at most two separators ("5  USDT", "40-month", "3 firms").
const CANDIDATE = /\d[\s-]{0,2}(?=\p{L})/gu;
const QUANTIFIER = new Set(["?", "*", "+", "{"]);
const SYNTAX = new Set(["\\", ".", "(", ")", "[", "]", "|", "^", "$", ...QUANTIFIER]);
// Characters outside ASCII that fold to an ASCII letter under the flags iu.
const TO_ASCII: Record<string, string> = { "\u212a": "k", "\u017f": "s" };
const NONE = -1;

/**
 * A character as the patterns compare it: ASCII in lower case; a character of a script without case (Hebrew,
 * Arabic, Devanagari, Bengali, Thai, kana, CJK ideographs, Hangul syllables) as it is, since no other character
 * folds to it.
 * NONE for any other: a letter with case outside ASCII may fold to others, and is not looked up.
 */
function folded(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const caseless =
    (code >= 0x0590 && code <= 0x06ff) || (code >= 0x0900 && code <= 0x09ff) || (code >= 0x0e00 && code <= 0x0e7f) ||
    (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af);
  return caseless ? code : NONE;
}

// \w, folded: a character outside ASCII that `folded` knows is none (ſ and K, which are, are not known).
const isWordCharacter = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code === 95;

// A beginning's key: its characters' codes mixed into a small integer (a larger one made every lookup slower). Two
// beginnings may share a key: then a word is looked for where it is not, never missed where it is.
const mix = (k: number, c: number): number => (k * 0x10003 + c) & 0x3fffffff;
const key = (codes: readonly number[]): number => codes.slice(1).reduce(mix, codes[0]!);

/**
 * The beginnings of `words` (literal words, or regex alternatives whose beginning is literal), and of `letters`:
 * one-letter words that end at a word boundary ("5m", "5k."), the letter then no ASCII word character. A word
 * with a letter of a cased script outside ASCII among its first three characters matches only where the text has
 * such a letter, and there every word may follow (`unknown`): it needs no key.
 */
export function wordsAfterNumber(words: readonly string[], letters = ""): WordsAfterNumber {
  const set: WordsAfterNumber = { three: new Set(), two: new Set(), one: new Set(), letters: new Set() };
  for (const letter of letters) set.letters.add(folded(letter.charCodeAt(0)));
  for (const word of words) {
    if (!/^\p{L}/u.test(word)) throw new Error(`wordsAfterNumber: "${word}" does not start with a letter`);
    const codes: number[] = [];
    let cased = false;
    for (let i = 0; i < word.length && codes.length < 3; i++) {
      const c = word[i]!;
      // A character made optional by a quantifier after it, or any syntax: the beginning ends before it.
      if (SYNTAX.has(c) || QUANTIFIER.has(word[i + 1] ?? "")) break;
      const code = folded((TO_ASCII[c] ?? c).charCodeAt(0));
      if (code === NONE) {
        cased = true;
        break;
      }
      codes.push(code);
    }
    if (cased || codes.length === 0) continue;
    (codes.length === 3 ? set.three : codes.length === 2 ? set.two : set.one).add(key(codes));
  }
  return set;
}

/**
 * What follows the numbers of a text: the first three characters after each digit that a letter follows (after at
 * most two whitespace or hyphen characters), folded. `unknown` when one of them is a letter of a cased script
 * outside ASCII (or any other character `folded` does not know), or the text ends first: then every word may follow.
 */
export interface AfterNumbers {
  unknown: boolean;
  /** Each beginning as [first character, second character, first two, all three], keyed as in WordsAfterNumber. */
  keys: number[];
}

export function afterNumbers(text: string): AfterNumbers {
  const found: AfterNumbers = { unknown: false, keys: [] };
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = CANDIDATE.lastIndex;
    if (at + 3 > text.length) {
      found.unknown = true;
      break;
    }
    const c0 = folded(text.charCodeAt(at));
    const c1 = folded(text.charCodeAt(at + 1));
    const c2 = folded(text.charCodeAt(at + 2));
    if (c0 === NONE || c1 === NONE || c2 === NONE) {
      found.unknown = true;
      break;
    }
    const two = mix(c0, c1);
    found.keys.push(c0, c1, two, mix(two, c2));
  }
  CANDIDATE.lastIndex = 0;
  return found;
}

/** False only when no word of `words` can follow a number of the text: its pattern cannot match there. */
export function mayFollow(after: AfterNumbers, words: WordsAfterNumber): boolean {
  if (after.unknown) return true;
  const { keys } = after;
  for (let i = 0; i < keys.length; i += 4) if (begins(words, keys[i]!, keys[i + 1]!, keys[i + 2]!, keys[i + 3]!)) return true;
  return false;
}

/** A word of `words` may begin with these characters (`first`, `second`) and keys (`two`, `three`). */
const begins = (words: WordsAfterNumber, first: number, second: number, two: number, three: number): boolean =>
  words.one.has(first) || words.two.has(two) || words.three.has(three) || (words.letters.has(first) && !isWordCharacter(second));

// The run of a number: its digits and what may stand between them and a word after them in the amounts'
// patterns (grouping and decimal signs, apostrophes, whitespace). A pattern that reads a number and then a word
// has the word start where the run ends: no word begins with one of these characters.
const RUN = /\d[\d.,'’\s]*/g;

/** The runs of the text's numbers, flat: where each run's first digit is, then where the run ends. */
export function numberRuns(text: string): number[] {
  const runs: number[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) runs.push(m.index, RUN.lastIndex);
  RUN.lastIndex = 0;
  return runs;
}

/**
 * False only when no word of `words` can start at `at` (where a number's run ends): `mayFollow` for one place.
 * True where a character there is one `folded` does not know, or the text ends within three characters.
 */
export function mayStartAt(text: string, at: number, words: WordsAfterNumber): boolean {
  if (at + 3 > text.length) return true;
  const c0 = folded(text.charCodeAt(at));
  const c1 = folded(text.charCodeAt(at + 1));
  const c2 = folded(text.charCodeAt(at + 2));
  if (c0 === NONE || c1 === NONE || c2 === NONE) return true;
  const two = mix(c0, c1);
  return begins(words, c0, c1, two, mix(two, c2));
}

/** The digits of the runs (`numberRuns`) whose end a word of `words` may start at: where such a pattern may match. */
export const digitsBefore = (text: string, runs: readonly number[], words: WordsAfterNumber): number[] =>
  digitsOfRuns(text, runs, (end) => mayStartAt(text, end, words));

/** The digits of the runs (`numberRuns`) whose end `ends` accepts. */
export function digitsOfRuns(text: string, runs: readonly number[], ends: (end: number) => boolean): number[] {
  const digits: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    if (!ends(runs[r + 1]!)) continue;
    for (let i = runs[r]!; i < runs[r + 1]!; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits.push(i);
    }
  }
  return digits;
}
