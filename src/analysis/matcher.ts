// Finds every known term in a text in one pass: Latin-script words by n-gram lookup in hash maps (fast
// whatever the size of the tables), CJK terms by one regex (no spaces to anchor words on).

/** Latin, Greek and Cyrillic words and numbers; CJK text goes to the regex path. */
const TOKEN = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\p{M}]+/gu;
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export interface Hit<R> {
  refs: readonly R[];
  start: number;
  end: number;
}

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

export class TermMatcher<R> {
  private readonly exact = new Map<string, R[]>();
  private readonly folded = new Map<string, R[]>();
  /** First words of multi-word terms: only there is a longer n-gram worth building. */
  private readonly openers = new Set<string>();
  private maxWords = 1;
  private readonly cjkTerms = new Map<string, R[]>();
  private cjkRegex: RegExp | undefined;

  /**
   * A term matches whole words. It matches case-sensitively when asked (acronyms: SEC, Fed) or when it has no
   * lower-case letter (US, EU, PRC): "us" and "fed" are ordinary words.
   */
  add(term: string, ref: R, caseSensitive = false): void {
    if (CJK_CHAR.test(term)) {
      push(this.cjkTerms, term, ref);
      this.cjkRegex = undefined;
      return;
    }
    const words = tokens(term);
    if (words.length === 0) return;
    const exact = caseSensitive || (!/\p{Ll}/u.test(term) && /\p{Lu}/u.test(term));
    if (exact) push(this.exact, words.map((w) => w.text).join(" "), ref);
    else push(this.folded, words.map((w) => w.folded).join(" "), ref);
    if (words.length > 1) {
      this.openers.add(words[0]!.folded);
      this.maxWords = Math.max(this.maxWords, words.length);
    }
  }

  /** Longest match first, left to right; a word inside a longer term is not matched again. */
  match(text: string): Hit<R>[] {
    const hits: Hit<R>[] = [];
    const words = tokens(text);
    for (let i = 0; i < words.length; ) {
      const first = words[i]!;
      let matched = 0;
      if (this.openers.has(first.folded)) {
        for (let n = Math.min(this.maxWords, words.length - i); n > 1 && matched === 0; n--) {
          const refs = this.lookup(words, i, n);
          if (refs) {
            hits.push({ refs, start: first.start, end: words[i + n - 1]!.end });
            matched = n;
          }
        }
      }
      if (matched === 0) {
        const refs = this.lookup(words, i, 1);
        if (refs) hits.push({ refs, start: first.start, end: first.end });
        matched = 1;
      }
      i += matched;
    }
    if (this.cjkTerms.size > 0 && CJK_CHAR.test(text)) {
      this.cjkRegex ??= new RegExp(
        [...this.cjkTerms.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join("|"),
        "g",
      );
      for (const m of text.matchAll(this.cjkRegex)) {
        hits.push({ refs: this.cjkTerms.get(m[0])!, start: m.index, end: m.index + m[0].length });
      }
      hits.sort((a, b) => a.start - b.start);
    }
    return hits;
  }

  private lookup(words: readonly Token[], i: number, n: number): R[] | undefined {
    let exactKey = words[i]!.text;
    let foldedKey = words[i]!.folded;
    for (let k = 1; k < n; k++) {
      exactKey += " " + words[i + k]!.text;
      foldedKey += " " + words[i + k]!.folded;
    }
    const found = this.exact.get(exactKey) ?? this.folded.get(foldedKey);
    if (found || !exactKey.endsWith("s") || foldedKey.length <= 3) return found;
    // Plurals without listing them: "stablecoins", "Member States", "VASPs".
    return this.exact.get(exactKey.slice(0, -1)) ?? this.folded.get(foldedKey.slice(0, -1));
  }
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], folded: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function push<R>(map: Map<string, R[]>, key: string, ref: R): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
