import Parser from "rss-parser";

/**
 * rss-parser without the three results of it that regwatch never reads, each a pass over every item:
 * - `isoDate`: dates are read by parseFeedDate, which knows more formats;
 * - `contentSnippet` and `content:encodedSnippet`: bodies are converted by plainText, which keeps paragraphs.
 * Everything else comes out as rss-parser makes it. A description or content that is markup (rss-parser then
 * rebuilds it as XML) goes the library's own way, snippet included.
 *
 * The fields read through `customFields` must not include `description` (RSS) or `content` (Atom): the element is
 * taken out of the item before the library copies fields, and put back as `content` after.
 */
export class LeanParser<T, U> extends Parser<T, U> {
  private lastFields: readonly Field[] | undefined;
  private lastLean: Field[] = [];

  setISODate(): void {}

  parseItemRss(xmlItem: XmlObject, itemFields: readonly Field[]): XmlObject {
    const fields = this.withoutSnippets(itemFields);
    const text = textContent(firstOf(xmlItem.description));
    // The library reads a description only when it is there (`if (xmlItem.description)`).
    if (text === undefined || !xmlItem.description) return library.parseItemRss.call(this, xmlItem, fields);
    const item = without(xmlItem, "description", () => library.parseItemRss.call(this, xmlItem, fields));
    item.content = text;
    return item;
  }

  parseItemAtom(entry: XmlObject): XmlObject {
    const content = entry.content as unknown[] | undefined;
    const text = textContent(firstOf(content));
    if (text === undefined || !content || !content.length) return library.parseItemAtom.call(this, entry);
    const item = without(entry, "content", () => library.parseItemAtom.call(this, entry));
    item.content = text;
    return item;
  }

  /** The item fields without `includeSnippet`: made once per feed (rss-parser builds the list per feed). */
  private withoutSnippets(fields: readonly Field[]): Field[] {
    if (fields !== this.lastFields) {
      this.lastFields = fields;
      this.lastLean = fields.map((f) => (Array.isArray(f) && f[2]?.includeSnippet ? [f[0], f[1], { ...f[2], includeSnippet: false }] : f));
    }
    return this.lastLean;
  }
}

type XmlObject = Record<string, unknown>;
type Field = string | [string, string, { keepArray?: boolean; includeSnippet?: boolean }?];

/** rss-parser's own methods, which its type declarations do not list. */
interface Internals {
  parseItemRss(this: unknown, xmlItem: XmlObject, itemFields: readonly Field[]): XmlObject;
  parseItemAtom(this: unknown, entry: XmlObject): XmlObject;
}
const library = Parser.prototype as unknown as Internals;

/** `read()` with `key` of `element` left out (put back after): cheaper than a copy of the element without it. */
function without<R>(element: XmlObject, key: string, read: () => R): R {
  const value = element[key];
  element[key] = undefined;
  try {
    return read();
  } finally {
    element[key] = value;
  }
}

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : undefined);

/** What rss-parser's getContent gives for an element that is text: the string, or its `_`; undefined for markup. */
function textContent(element: unknown): string | undefined {
  if (typeof element === "string") return element;
  if (element && typeof element === "object" && typeof (element as { _?: unknown })._ === "string") return (element as { _: string })._;
  return undefined;
}
