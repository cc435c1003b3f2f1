// The matches of the figures' shared global patterns, without the copy of each pattern that matchAll makes.

/**
 * The matches of a global pattern, as `text.matchAll(pattern)` gives them. matchAll first copies the pattern, which
 * costs these patterns 1–2.5 µs each (more than most of their searches over an item): the pattern's own
 * `lastIndex` is used instead, and left at 0 as matchAll leaves it.
 */
export function matchAll(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchAll: ${pattern} is not a global pattern`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    // An empty match moves on by one character (one code point with the u flag), as matchAll does.
    if (m[0] === "") pattern.lastIndex = advance(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
  }
  return found;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1;
}

/**
 * The matches a global search of a pattern finds, when only the positions `starts` (in order) can start one: its
 * sticky copy `sticky` is tried there alone, from the end of the previous match on. A search tries every position,
 * and some patterns cost most where they fail.
 */
export function matchesAt(text: string, sticky: RegExp, starts: readonly number[]): RegExpExecArray[] {
  if (!sticky.sticky) throw new TypeError(`matchesAt: ${sticky} is not a sticky pattern`);
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const at of starts) {
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    found.push(m);
    from = Math.max(sticky.lastIndex, at + 1);
  }
  sticky.lastIndex = 0;
  return found;
}
