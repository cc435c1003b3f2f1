// A pattern's list of literal words: escaped, each once, the longest first, so that "mil millones" is tried before
// "mil" and a shorter word never ends a match a longer one would have made.

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `words` as a regex alternation (no group around it): escaped, without repeats, the longest first. */
export const alternation = (words: Iterable<string>): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join("|");
