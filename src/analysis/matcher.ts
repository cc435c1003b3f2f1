// Finds every known term in a text in one left-to-right pass, whatever the size of the tables:
// - scripts written with spaces between words (Latin, Greek, Cyrillic, Armenian, the Indic scripts, Georgian) are cut
//   into words once, and terms are walked word by word down a trie (case- and accent-folded, or exact for acronyms);
// - scripts written without spaces, or with particles glued to words (Chinese, Japanese, Korean, Thai,
//   Arabic, Hebrew), are scanned character by character against the terms starting with that character.

export interface Hit<R> {
  refs: readonly R[];
  start: number;
  end: number;
}

interface Word {
  text: string;
  folded: string;
  start: number;
  end: number;
}

/** One node of the word trie: children by exact word (acronyms), by folded word, and by folded prefix. */
interface Node<R> {
  exact?: Map<string, Node<R>>;
  folded?: Map<string, Node<R>>;
  /**
   * Words written with a trailing "*" in the tables ("krypto*" matches Kryptowerte, Kryptowährungen), by
   * their first two characters: a word is checked against a handful of stems, not all of them.
   */
  prefixes?: Map<number, Array<{ prefix: string; node: Node<R> }>>;
  refs?: R[];
  /**
   * The `folded` and `exact` children by the hash of their key, for the text's ASCII words: made when a text's word
   * first reaches the node, dropped when a term adds a child.
   */
  ascii?: AsciiIndex<R> | undefined;
}

/** Children whose key is ASCII, by `hash` of the key; keys that share a hash are chained. */
interface AsciiIndex<R> {
  folded: Map<number, Edge<R>> | undefined;
  exact: Map<number, Edge<R>> | undefined;
}

interface Edge<R> {
  key: string;
  node: Node<R>;
  next: Edge<R> | undefined;
}

/** Characters of scripts matched by substring: CJK, kana, Hangul, Thai, Arabic, Hebrew. */
export function isUnspaced(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f) || (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x0e00 && code <= 0x0e7f) || (code >= 0x0590 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f)
  );
}

/** A character `isUnspaced` accepts, as a pattern: tests a whole string at once (a test keeps the two in step). */
export const UNSPACED_CHAR =
  /[\u0e00-\u0e7f\u0590-\u06ff\u0750-\u077f\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** Letters, digits and combining marks of the scripts written with spaces. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return (
    // Latin with its extensions up to the schwa of Azerbaijani ("Mərkəzi"), Greek, Cyrillic.
    (code >= 0xc0 && code <= 0x2af && code !== 0xd7 && code !== 0xf7) || (code >= 0x300 && code <= 0x52f) ||
    // Armenian; the Indic scripts (Devanagari, Bengali … Sinhala); Georgian; Ethiopic: each but for its punctuation
    // (Armenian "։" and "՝", the danda "।" and double danda "॥", Ethiopic "።" and "፣"), which ends a word as "." does.
    (code >= 0x531 && code <= 0x588 && (code < 0x55a || code > 0x55f)) || (code >= 0x900 && code <= 0xdff && code !== 0x964 && code !== 0x965) ||
    (code >= 0x10a0 && code <= 0x10ff) || (code >= 0x1200 && code <= 0x139f && (code < 0x1360 || code > 0x1368)) || (code >= 0x1e00 && code <= 0x1eff)
  );
}

const foldCache = new Map<string, string>();
/** Letters NFD does not split into a base and an accent. */
const LETTER_FOLD: Record<string, string> = { "ı": "i", "ł": "l", "đ": "d", "ø": "o", "ß": "ss" };

/**
 * Case and accents folded, so "Regulación" finds "regulacion", "KRİPTO" finds "kripto" and "Behörde" finds
 * "Behorde". Devanagari keeps its vowel signs; Vietnamese text keeps its accents (see `splitWords`).
 */
export function foldWord(word: string, keepAccents = false): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) { ascii = false; break; }
  if (ascii || keepAccents) return word.toLowerCase();
  let folded = foldCache.get(word);
  if (folded === undefined) {
    const lower = word.toLowerCase();
    // Devanagari vowel signs are letters, not accents; the nukta is a spelling variant ("रिज़र्व" is "रिजर्व").
    // Nepali is often typed with the vowel signs ा and े for ो, and ा and ै for ौ ("क्रिप्टाे"): the same letters on screen.
    folded = /[\u0900-\u097f]/.test(lower)
      ? lower.normalize("NFD").replace(/\u093c/g, "").replace(/\u093e\u0947/g, "\u094b").replace(/\u093e\u0948/g, "\u094c")
      : lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[ıłđøß]/g, (c) => LETTER_FOLD[c]!);
    if (CYRILLIC_WITH_LATIN.test(folded)) folded = folded.replace(/[a-z]/g, (c) => CYRILLIC_TWIN[c] ?? c);
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

// Some publishers' Cyrillic texts (Ukrainian legal acts above all) are typed with Latin letters that look the same
// ("Нацiонального", with a Latin i): in a word that has both, each is read as its Cyrillic twin. The upper-case twins
// (B, H, K, M, T) are lower-cased before they get here.
const CYRILLIC_WITH_LATIN = /[\u0400-\u04ff][a-z]|[a-z][\u0400-\u04ff]/;
const CYRILLIC_TWIN: Readonly<Record<string, string>> = {
  a: "а", b: "в", c: "с", e: "е", h: "н", i: "і", k: "к", m: "м", o: "о", p: "р", t: "т", x: "х", y: "у",
};

/** Ends a table term that takes no plural (`TermMatcher.add`). */
export const SINGULAR = "=";

const ALIF = 0x627;
const LAM = 0x644;

/** Arabic letters that writers use interchangeably (hamza forms, tā' marbūṭa, alif maqṣūra), one for one. */
// The Persian kaf, yeh and heh ("الکویت", "الھاشل") are how Arabic is often typed on Persian keyboards: the Arabic letters.
const ARABIC_FOLD: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ک": "ك", "ی": "ي", "ھ": "ه" };
const foldUnspaced = (text: string): string => (/[أإآةىکیھ]/.test(text) ? text.replace(/[أإآةىکیھ]/g, (c) => ARABIC_FOLD[c]!) : text);

export interface MatcherOptions {
  /** Whether ASCII words are looked up by hash, without making their strings (default); false for tests comparing the two. */
  hashedAscii?: boolean;
}

export class TermMatcher<R> {
  /** Whether ASCII words are looked up by hash (see `MatcherOptions`). */
  private readonly hashed: boolean;

  constructor(options: MatcherOptions = {}) {
    this.hashed = options.hashedAscii !== false;
  }

  private readonly root: Node<R> = {};
  /** Terms in unspaced scripts by their first character, longest first. */
  private readonly unspaced = new Map<string, Array<{ term: string; refs: R[] }>>();
  private unspacedSorted = true;

  /**
   * A term matches whole words. It matches case-sensitively when asked (acronyms: SEC, Fed) or when it has no
   * lower-case letter (US, EU, PRC): "us" and "fed" are ordinary words. A word ending in "*" matches any word it
   * begins. A trailing plural "s" is tolerated ("stablecoins", "VASPs"), unless the term ends in "=": "publica="
   * (publishes) is not "públicas" (public).
   */
  add(term: string, ref: R, caseSensitive = false): void {
    const singular = term.endsWith(SINGULAR);
    if (singular) term = term.slice(0, -1);
    if ([...term].some((c) => isUnspaced(c.codePointAt(0)!))) {
      this.addUnspaced(foldUnspaced(term.trim()), ref);
      return;
    }
    const marked = term.replace(/\*(?=\s|$)/g, "\u0001");
    const words = splitWords(marked, true, false);
    if (words.length === 0) return;
    const exact = caseSensitive || (!/\p{Ll}/u.test(term) && /\p{Lu}/u.test(term));
    this.addPath(words, ref, exact, singular);
    // Vietnamese text is matched with its accents (tone marks tell words apart): terms are stored both ways.
    const accented = splitWords(marked, true, true);
    if (!exact && accented.some((w, i) => w.folded !== words[i]!.folded)) this.addPath(accented, ref, exact, singular);
  }

  private addPath(words: readonly Word[], ref: R, exact: boolean, singular = false): void {
    let node = this.root;
    words.forEach((w, i) => {
      const last = i === words.length - 1;
      if (w.text.endsWith("\u0001")) {
        const prefix = w.folded.slice(0, -1);
        if (prefix.length < 2) throw new Error(`term "${w.text.slice(0, -1)}*": a stem needs at least two letters`);
        node.prefixes ??= new Map();
        let list = node.prefixes.get(pairKey(prefix));
        if (!list) node.prefixes.set(pairKey(prefix), (list = []));
        let entry = list.find((p) => p.prefix === prefix);
        if (!entry) {
          list.push((entry = { prefix, node: {} }));
          // Longest stem last: it is tried first, so "криптобирж*" (an exchange) beats "крипто*" on "криптобиржах".
          list.sort((x, y) => x.prefix.length - y.prefix.length);
        }
        node = entry.node;
      } else if (exact) {
        node.ascii = undefined;
        node = child((node.exact ??= new Map()), w.text, last && !singular ? [w.text + "s"] : []);
      } else {
        const plural = last && !singular && /[a-z]$/.test(w.folded) && w.folded.length > 2 ? [w.folded + "s", w.folded + "es"] : [];
        node.ascii = undefined;
        node = child((node.folded ??= new Map()), w.folded, plural);
      }
    });
    // The node reached (and its plural twins share it through `child`).
    if (!node.refs?.includes(ref)) (node.refs ??= []).push(ref);
    this.filter = undefined;
  }

  private addUnspaced(term: string, ref: R): void {
    const first = term[0]!;
    let list = this.unspaced.get(first);
    if (!list) this.unspaced.set(first, (list = []));
    const entry = list.find((e) => e.term === term);
    if (entry) entry.refs.push(ref);
    else list.push({ term, refs: [ref] });
    this.unspacedSorted = false;
  }

  /** Longest match first, left to right; a word inside a longer term is not matched again. */
  match(text: string): Hit<R>[] {
    const hits: Hit<R>[] = [];
    const words = this.words.read(text);
    const filter = (this.filter ??= this.hashed ? asciiFilter(this.root) : rootFilter(this.root));
    for (let i = 0; i < words.count; ) {
      // Most words begin no term: their hashes settle that before any of their strings is made.
      const refs = words.mayBegin(i, filter) ? this.longest(words, i) : undefined;
      if (refs) {
        hits.push({ refs, start: words.starts[i]!, end: words.ends[this.last]! });
        i = this.last + 1;
      } else i++;
    }
    if (this.unspaced.size > 0 && words.unspaced) this.matchUnspaced(text, hits);
    return hits;
  }

  /** Reused by every `match` (which runs to its end before another starts): the words and the trie walk's stack. */
  private readonly words = new TextWords();
  private readonly stackNodes: Node<R>[] = [];
  private readonly stackNext: number[] = [];
  /** Hashes of the root's keys, rebuilt after terms are added. */
  private filter: RootFilter | undefined;

  /** The last word of the match `longest` found. */
  private last = -1;

  private longest(words: TextWords, first: number): R[] | undefined {
    let refs: R[] | undefined;
    let last = -1;
    // Depth-first over the (few) trie branches this word sequence can follow.
    const nodes = this.stackNodes;
    const next = this.stackNext;
    // Both are empty here: every walk pops them to the end.
    step(this.root, words, first, nodes, next, this.hashed);
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      const i = next.pop()!;
      if (node.refs && (!refs || i - 1 > last)) {
        refs = node.refs;
        last = i - 1;
      }
      step(node, words, i, nodes, next, this.hashed);
    }
    this.last = last;
    return refs;
  }

  /** The term written with the article that follows li- at `at` ("لل" + "عملة…" is "ل" + "العملة…"), pushed as a hit; its end, or -1. */
  private afterLi(folded: string, at: number, hits: Hit<R>[]): number {
    for (const { term, refs } of this.unspaced.get("ا") ?? []) {
      if (term.charCodeAt(1) !== LAM || term.charCodeAt(0) !== ALIF) continue;
      // The term's article "ال" stands where "لل" is: the rest of the term follows it.
      const end = at + term.length;
      if (folded.startsWith(term.slice(2), at + 2) && wordEnds(folded, end, term)) {
        hits.push({ refs, start: at, end });
        return end;
      }
    }
    return -1;
  }

  private matchUnspaced(text: string, hits: Hit<R>[]): void {
    if (!this.unspacedSorted) {
      for (const list of this.unspaced.values()) list.sort((a, b) => b.term.length - a.term.length);
      this.unspacedSorted = true;
    }
    let folded: string | undefined;
    const before = hits.length;
    for (let i = 0; i < text.length; i++) {
      if (!isUnspaced(text.charCodeAt(i))) continue;
      folded ??= foldUnspaced(text);
      const list = this.unspaced.get(folded[i]!);
      let end = -1;
      if (list) {
        for (const { term, refs } of list) {
          if (folded.startsWith(term, i) && wordEnds(folded, i + term.length, term) && hebrewStarts(folded, i, term)) {
            hits.push({ refs, start: i, end: (end = i + term.length) });
            break;
          }
        }
      }
      // "للعملة الرقمية": the preposition li- before the article al- takes the article's alif, so a term written with the
      // article ("العملة الرقمية") begins one letter later, without it. (bi-, wa-, fa- keep it: "بالعملة" holds "العملة".)
      if (end < 0 && folded.charCodeAt(i) === LAM && folded.charCodeAt(i + 1) === LAM) end = this.afterLi(folded, i, hits);
      if (end > 0) i = end - 1;
    }
    if (hits.length > before && before > 0) hits.sort((a, b) => a.start - b.start);
  }
}

/** Pushes the branches from `node` that word `i` follows: so that, between matches of the same length, an exact word beats a folded one beats a stem. */
function step<R>(node: Node<R>, words: TextWords, i: number, nodes: Node<R>[], next: number[], hashed: boolean): void {
  if (i >= words.count) return;
  if (hashed && words.isAscii(i)) {
    stepAscii(node, words, i, nodes, (node.ascii ??= asciiIndex(node)), next);
    return;
  }
  const w = words.at(i)!;
  if (node.prefixes && w.folded.length >= 2) {
    const list = node.prefixes.get(pairKey(w.folded));
    if (list) {
      for (const p of list) {
        if (w.folded.startsWith(p.prefix)) {
          nodes.push(p.node);
          next.push(i + 1);
        }
      }
    }
  }
  const f = node.folded?.get(w.folded);
  if (f) {
    nodes.push(f);
    next.push(i + 1);
  }
  const e = node.exact?.get(w.text);
  if (e) {
    nodes.push(e);
    next.push(i + 1);
  }
}

/**
 * `step` for a word of ASCII letters and digits, without making its string: its folded form is its lower case,
 * found by hash and compared in place. The same branches, pushed in the same order.
 */
function stepAscii<R>(node: Node<R>, words: TextWords, i: number, nodes: Node<R>[], index: AsciiIndex<R>, next: number[]): void {
  if (node.prefixes && words.length(i) >= 2) {
    const list = node.prefixes.get(words.lowerPair(i));
    if (list) {
      for (const p of list) {
        if (words.startsWithLower(i, p.prefix)) {
          nodes.push(p.node);
          next.push(i + 1);
        }
      }
    }
  }
  if (index.folded) {
    for (let e = index.folded.get(words.foldedHash(i)); e; e = e.next) {
      if (words.equalsLower(i, e.key)) {
        nodes.push(e.node);
        next.push(i + 1);
        break;
      }
    }
  }
  if (index.exact) {
    for (let e = index.exact.get(words.exactHash(i)); e; e = e.next) {
      if (words.equals(i, e.key)) {
        nodes.push(e.node);
        next.push(i + 1);
        break;
      }
    }
  }
}

function asciiIndex<R>(node: Node<R>): AsciiIndex<R> {
  return { folded: asciiEdges(node.folded), exact: asciiEdges(node.exact) };
}

/** The root's filter from its ASCII index, which holds the hash of every ASCII key a term can begin with. */
function asciiFilter<R>(root: Node<R>): RootFilter {
  const index = (root.ascii ??= asciiIndex(root));
  return { folded: index.folded ?? new Map(), exact: index.exact ?? new Map(), pairs: stemsByPair(root) };
}

function asciiEdges<R>(map: Map<string, Node<R>> | undefined): Map<number, Edge<R>> | undefined {
  if (!map) return undefined;
  const out = new Map<number, Edge<R>>();
  for (const [key, node] of map) {
    if (!/^[\x00-\x7f]*$/.test(key)) continue;
    const h = hash(key);
    out.set(h, { key, node, next: out.get(h) });
  }
  return out.size > 0 ? out : undefined;
}

/** Hashes of the words a term can begin with: a word of ASCII letters and digits that has none of them begins no term. */
interface RootFilter {
  folded: ReadonlySet<number> | ReadonlyMap<number, unknown>;
  exact: ReadonlySet<number> | ReadonlyMap<number, unknown>;
  /** The root's stems by their first two characters: a word whose pair is here is checked against those stems only. */
  pairs: ReadonlyMap<number, readonly string[]>;
}

function rootFilter(root: Node<unknown>): RootFilter {
  return {
    folded: new Set([...(root.folded?.keys() ?? [])].map(hash)),
    exact: new Set([...(root.exact?.keys() ?? [])].map(hash)),
    pairs: stemsByPair(root),
  };
}

function stemsByPair(root: Node<unknown>): Map<number, string[]> {
  return new Map([...(root.prefixes ?? [])].map(([pair, list]) => [pair, list.map((p) => p.prefix)]));
}

/** Kept to 30 bits, so that V8 stores and compares it as a small integer. */
function hash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h & HASH_MASK;
}

const HASH_MASK = 0x3fffffff;

/**
 * The words of one text: their bounds and hashes in one pass, their strings (as `splitWords` makes them) only
 * when asked for, which is only where a term may begin.
 */
class TextWords {
  count = 0;
  /** Whether the text has a character of the scripts matched by substring (see `isUnspaced`). */
  unspaced = false;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Hashes of the word as written and lower-cased (what folding makes of ASCII); ASCII words only. */
  private readonly exactHashes: number[] = [];
  private readonly foldedHashes: number[] = [];
  private readonly ascii: boolean[] = [];
  private readonly made: Array<Word | undefined> = [];
  private text = "";
  private keepAccents = false;

  read(text: string): this {
    this.text = text;
    this.made.length = 0;
    let n = 0;
    let start = -1;
    let exact = 0;
    let folded = 0;
    let ascii = true;
    let unspaced = false;
    let extended = false;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0;
      if (code >= 0x100) {
        extended = true;
        if (code >= 0x590 && !unspaced && isUnspaced(code)) unspaced = true;
      }
      if (i < text.length && isWordChar(code)) {
        if (start < 0) {
          start = i;
          exact = folded = 0;
          ascii = true;
        }
        if (code >= 0x80) ascii = false;
        else {
          exact = (Math.imul(exact, 31) + code) | 0;
          folded = (Math.imul(folded, 31) + (code >= 0x41 && code <= 0x5a ? code + 0x20 : code)) | 0;
        }
      } else if (start >= 0) {
        this.starts[n] = start;
        this.ends[n] = i;
        this.exactHashes[n] = exact & HASH_MASK;
        this.foldedHashes[n] = folded & HASH_MASK;
        this.ascii[n] = ascii;
        n++;
        start = -1;
      }
    }
    this.count = n;
    this.unspaced = unspaced;
    // Every letter only Vietnamese uses lies above Latin-1.
    this.keepAccents = extended && VIETNAMESE.test(text);
    return this;
  }

  /** False only when no term can begin with word `i`; non-ASCII words are always worth a look. */
  mayBegin(i: number, filter: RootFilter): boolean {
    if (!this.ascii[i]) return true;
    if (filter.folded.has(this.foldedHashes[i]!) || filter.exact.has(this.exactHashes[i]!)) return true;
    const start = this.starts[i]!;
    if (filter.pairs.size === 0 || this.ends[i]! - start < 2) return false;
    const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    const stems = filter.pairs.get((lower(this.text.charCodeAt(start)) << 16) | lower(this.text.charCodeAt(start + 1)));
    if (!stems) return false;
    // Many words share a stem's first two letters ("for" and "forbud*"): only a word that starts with one is walked.
    const word = this.text.slice(start, this.ends[i]).toLowerCase();
    return stems.some((stem) => word.startsWith(stem));
  }

  isAscii(i: number): boolean {
    return this.ascii[i]!;
  }

  length(i: number): number {
    return this.ends[i]! - this.starts[i]!;
  }

  foldedHash(i: number): number {
    return this.foldedHashes[i]!;
  }

  exactHash(i: number): number {
    return this.exactHashes[i]!;
  }

  /** The first two characters of ASCII word `i`, lower-cased, as `pairKey` makes them. */
  lowerPair(i: number): number {
    const start = this.starts[i]!;
    return (lowerAscii(this.text.charCodeAt(start)) << 16) | lowerAscii(this.text.charCodeAt(start + 1));
  }

  /** Whether ASCII word `i` is `key` as written. */
  equals(i: number, key: string): boolean {
    const start = this.starts[i]!;
    if (this.ends[i]! - start !== key.length) return false;
    return this.text.startsWith(key, start);
  }

  /** Whether ASCII word `i`, lower-cased, is `key`. */
  equalsLower(i: number, key: string): boolean {
    const start = this.starts[i]!;
    return this.ends[i]! - start === key.length && this.startsWithLower(i, key);
  }

  /** Whether ASCII word `i`, lower-cased, begins with `prefix`. */
  startsWithLower(i: number, prefix: string): boolean {
    const start = this.starts[i]!;
    if (this.ends[i]! - start < prefix.length) return false;
    for (let j = 0; j < prefix.length; j++) if (lowerAscii(this.text.charCodeAt(start + j)) !== prefix.charCodeAt(j)) return false;
    return true;
  }

  at(i: number): Word | undefined {
    if (i >= this.count) return undefined;
    let word = this.made[i];
    if (word === undefined) {
      const text = this.text.slice(this.starts[i], this.ends[i]);
      word = this.made[i] = { text, folded: foldWord(text, this.keepAccents), start: this.starts[i]!, end: this.ends[i]! };
    }
    return word;
  }
}

const lowerAscii = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/** The first two characters of a word as one number: the key of the stems it may begin with. */
const pairKey = (word: string): number => (word.charCodeAt(0) << 16) | word.charCodeAt(1);

function child<R>(map: Map<string, Node<R>>, key: string, twins: readonly string[]): Node<R> {
  let node = map.get(key);
  if (!node) map.set(key, (node = {}));
  for (const twin of twins) if (!map.has(twin)) map.set(twin, node);
  return node;
}

/** Letters only Vietnamese uses ("ă" is Romanian too): where they appear, "bán" (sell) must not be read as "ban". */
const VIETNAMESE = /[đơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/**
 * Words of the spaced scripts, with offsets; `keepMarker` keeps the "*" placeholder of table terms and
 * `keepAccents` folds case only.
 */
function splitWords(text: string, keepMarker: boolean, keepAccents: boolean): Word[] {
  const out: Word[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const inWord = i < text.length && (isWordChar(code) || (keepMarker && code === 1));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = text.slice(start, i);
      out.push({ text: word, folded: foldWord(word, keepAccents), start, end: i });
      start = -1;
    }
  }
  return out;
}

const isHebrewLetter = (code: number): boolean => code >= 0x5d0 && code <= 0x5f2;
// The letters Hebrew glues before a word: and, the, in, as, to, from, that (ו ה ב כ ל מ ש).
const HEBREW_PREFIX = "והבכלמש";
const HEBREW_HE = 0x5d4;
const HEBREW_LAMED = 0x5dc;

/**
 * Where a Hebrew term may begin: at its word's start, or after glued prefixes only ("ובבנק ישראל"), not inside
 * another word. And not a word that starts with ה right after ל: "to" swallows the article ("לבנק", not "להבנק"), so
 * ל before ה is a verb's infinitive, "להוריד" (to lower) is no "הוריד" (lowered).
 */
function hebrewStarts(text: string, at: number, term: string): boolean {
  if (!isHebrewLetter(term.charCodeAt(0))) return true;
  let start = at;
  while (start > 0 && isHebrewLetter(text.charCodeAt(start - 1))) start--;
  if (at - start > 3) return false;
  for (let k = start; k < at; k++) if (!HEBREW_PREFIX.includes(text[k]!)) return false;
  return !(at > start && term.charCodeAt(0) === HEBREW_HE && text.charCodeAt(at - 1) === HEBREW_LAMED);
}
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]/;
// What may follow an Arabic word and still leave it the same word: the feminine ending, pronoun and plural suffixes,
// and a past verb's feminine and plural endings ("أصدرت", the authority issued; "قرروا").
const ARABIC_SUFFIX = /^(?:ة|ه|ها|هم|هن|ات|ون|ين|ي|ية|يه|ا|ان|كم|نا|ته|تها|ت|تا|وا)$/;

/**
 * Arabic is written with spaces, but prefixes (ال, و, ب, ل) are glued to a word, so Arabic terms match anywhere a
 * word may start; at the end only a suffix may follow: "مصر" (Egypt) is not in "مصرف" (a bank). Hebrew glues its
 * prefixes the same way (see `hebrewStarts`); its suffixes change the word's last letter, so a Hebrew term ends where
 * its word does, and the tables list the forms they mean.
 */
function wordEnds(text: string, end: number, term: string): boolean {
  if (isHebrewLetter(term.charCodeAt(term.length - 1))) return !isHebrewLetter(text.charCodeAt(end));
  if (!ARABIC_LETTER.test(term.at(-1) ?? "") || !ARABIC_LETTER.test(text[end] ?? "")) return true;
  let stop = end;
  while (stop < text.length && stop - end < 4 && ARABIC_LETTER.test(text[stop]!)) stop++;
  return !ARABIC_LETTER.test(text[stop] ?? "") && ARABIC_SUFFIX.test(text.slice(end, stop));
}
