import type { Article } from "../core/article.js";
import { contentKey } from "./identity.js";

/**
 * The keys that identify an article: its own id, its canonical link and its content (title, date, text), so
 * the same story in two feeds, or under a fresh guid and link at every poll, counts once.
 */
export function keysOf(article: Article): readonly string[] {
  // A poll asks for an article's keys three times (what the store has seen, detection, marking as seen), and
  // the content key hashes the whole text: computed once per article object.
  let keys = computed.get(article);
  if (keys === undefined) computed.set(article, (keys = computeKeys(article)));
  return keys;
}

const computed = new WeakMap<Article, string[]>();

function computeKeys(article: Article): string[] {
  const keys = [article.id];
  if (article.url) keys.push(`u:${article.url}`);
  const content = contentKey(article);
  if (content) keys.push(content);
  return keys;
}

export interface Detection {
  /** Articles never seen before, oldest first. */
  fresh: Article[];
  /** Fresh articles beyond the per-poll cap: recorded, not alerted. */
  overflow: Article[];
}

/**
 * Which parsed articles are new. An article is new when its id was not in the feed's previous parse,
 * none of its keys is in the seen store, and no other feed claimed its link earlier in this cycle.
 * Pure: the caller reads `seen` from the store and owns `claimed`.
 */
export function detectNew(
  articles: readonly Article[],
  previousIds: ReadonlySet<string>,
  seen: ReadonlySet<string>,
  claimed: Set<string>,
  cap: number,
): Detection {
  const fresh: Article[] = [];
  const ids = new Set<string>();
  for (const article of articles) {
    if (ids.has(article.id)) continue; // a feed that lists the same item twice
    ids.add(article.id);
    if (previousIds.has(article.id)) continue;
    const keys = keysOf(article);
    if (keys.some((key) => seen.has(key) || claimed.has(key))) continue;
    for (const key of keys) claimed.add(key);
    fresh.push(article);
  }
  const ordered = chronological(fresh);
  const cut = Math.max(0, ordered.length - cap);
  // Over the cap (a feed that changed every id at once), alert only the newest.
  return { fresh: ordered.slice(cut), overflow: ordered.slice(0, cut) };
}

/**
 * Oldest first. Feeds list newest first, so undated items keep their place by reversing the feed order;
 * a dated item sorts by its date.
 */
export function chronological<T extends Article>(articles: readonly T[]): T[] {
  const indexed = articles.map((article, index) => ({ article, index }));
  indexed.sort((a, b) => {
    const da = a.article.published;
    const db = b.article.published;
    if (da && db && da !== db) return da < db ? -1 : 1;
    return b.index - a.index;
  });
  return indexed.map((x) => x.article);
}
