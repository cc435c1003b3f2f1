/**
 * How much of an item's title and text regwatch keeps. Feeds are capped in bytes when fetched, but a single
 * field can still be megabytes; every later stage (analysis, storage, rendering) works on the capped text,
 * so memory per item stays bounded whatever a feed or an `analyze` input holds.
 */
export const MAX_TITLE_CHARS = 1_000;
export const MAX_TEXT_CHARS = 50_000;

/**
 * How much raw markup is read to produce them: markup and entities make raw text longer than the plain text
 * it yields, so the raw cut leaves room for that while keeping a 4 MB field from being converted whole.
 */
export const RAW_FACTOR = 8;

/** `text` cut to `max` characters, ending in "…" when cut; never splits a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

export const capTitle = (title: string): string => capLength(title, MAX_TITLE_CHARS);
export const capText = (text: string): string => capLength(text, MAX_TEXT_CHARS);
