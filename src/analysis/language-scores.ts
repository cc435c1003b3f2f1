// eld's n-gram scoring, restricted to regwatch's languages. eld scores every text against all 60 languages of its
// model, each n-gram's scores read from an object keyed by language, and only then drops the languages outside the
// subset: about 40 µs a text, most of it in that loop. Here each n-gram's scores for our languages are read once
// into a flat list and summed from it; the text is cut into n-grams exactly as eld cuts it, from eld's own tables
// (its separators pattern, its byte dictionary, its model), so the answer is eld's. A test compares the two.

interface Model {
  languages: Record<number, string>;
  ngrams: Record<string, Record<number, number> | undefined>;
}

export type Scorer = (text: string) => string;

/** eld's score floor, added to every n-gram score of its model (the model stores scores less it). */
const BASE_NGRAM_SCORE = 53;

/**
 * The detector for `languages` (ISO 639-1) from eld's extra-small model: the language eld's `detect` names with
 * that subset set, or "" when it names none. Undefined when eld's modules are not laid out as this reads them.
 */
export async function loadScorer(languages: readonly string[]): Promise<Scorer | undefined> {
  // eld's package exports only its entry files; its tables sit beside them.
  let base: string;
  try {
    base = import.meta.resolve("eld/extrasmall");
  } catch {
    return undefined;
  }
  const load = (path: string): Promise<Record<string, unknown>> => import(new URL(path, base).href) as Promise<Record<string, unknown>>;
  let tables: [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
  try {
    tables = await Promise.all([load("../ngrams/extrasmall.js"), load("../dictionary.js"), load("../regexPatterns.js")]);
  } catch {
    return undefined;
  }
  const model = tables[0].ngramsData as Model | undefined;
  const dictionary = tables[1].dictionary as string[] | undefined;
  const separators = tables[2].separators as RegExp | undefined;
  if (!model?.languages || !model.ngrams || !Array.isArray(dictionary) || !(separators instanceof RegExp)) return undefined;

  // The subset as eld keeps it: model indices in ascending order.
  const codes = Object.entries(model.languages);
  const subset = languages
    .map((code) => codes.find(([, c]) => c === code)?.[0])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const position = new Map(subset.map((index, i) => [index, i]));
  /**
   * Per n-gram: pairs of (position in `subset`, score with the floor added) for the subset's languages only, and
   * the last text that counted it (eld counts an n-gram once per text).
   */
  // Only n-grams of the model are kept, so the cache is no larger than the model however much text is read.
  const cache = new Map<string, { pairs: Int32Array; text: number }>();
  const scoresOf = (ngram: string): { pairs: Int32Array; text: number } | undefined => {
    let found = cache.get(ngram);
    if (found === undefined) {
      const entry = Object.hasOwn(model.ngrams, ngram) ? model.ngrams[ngram] : undefined;
      if (!entry) return undefined;
      const pairs: number[] = [];
      for (const lang in entry) {
        const at = position.get(Number(lang));
        if (at !== undefined) pairs.push(at, entry[lang]! + BASE_NGRAM_SCORE);
      }
      found = { pairs: Int32Array.from(pairs), text: -1 };
      cache.set(ngram, found);
    }
    return found;
  };
  const totals = new Float64Array(subset.length);
  let texts = 0;
  const count = (ngram: string): void => {
    const scores = scoresOf(ngram);
    if (!scores || scores.text === texts) return;
    scores.text = texts;
    const pairs = scores.pairs;
    for (let k = 0; k < pairs.length; k += 2) totals[pairs[k]!]! += pairs[k + 1]!;
  };

  return (raw) => {
    const words = utf8Words(raw.substring(0, 1000).replace(separators, " ").trim().toLowerCase(), dictionary);
    texts++;
    totals.fill(0);
    // The n-grams eld takes from each word: 4 bytes at a stride of 3, the word's start and end marked by a space.
    for (const word of words) {
      const len = Math.min(word.length, 70);
      let j = 0;
      for (; j + 4 < len; j += 3) count((j === 0 ? " " : "") + word.substring(j, j + 4));
      count((j === 0 ? " " : "") + word.substring(len !== 3 ? len - 4 : 0) + " ");
    }
    // eld's choice: the highest positive score, the lowest model index among equals.
    let best = -1;
    let max = 0;
    for (let i = 0; i < totals.length; i++) {
      if (totals[i]! > max) {
        max = totals[i]!;
        best = i;
      }
    }
    return best < 0 ? "" : model.languages[subset[best]!]!;
  };
}

/**
 * The text's words as eld encodes them: each UTF-8 byte as one character of its dictionary, words split at spaces,
 * cut after about 350 bytes (at a space) or 380 (anywhere).
 */
function utf8Words(str: string, dictionary: readonly string[]): string[] {
  let encoded = "";
  const words: string[] = [];
  let bytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== "") {
          words.push(encoded);
          encoded = "";
        }
        if (bytes > 350) break;
      } else encoded += str[i];
      bytes++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!;
      bytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += dictionary[0xe0 | (code >> 12)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      bytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded += dictionary[0xf0 | (code >> 18)]! + dictionary[0x80 | ((code >> 12) & 0x3f)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      bytes += 4;
    }
    if (bytes > 380) break;
  }
  if (encoded !== "") words.push(encoded);
  return words;
}
