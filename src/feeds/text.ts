import { compile } from "html-to-text";

/**
 * HTML → plain text for titles and bodies: links keep their words but not their URL,
 * images and scripts vanish, headings keep their case, table cells do not run together.
 */
const htmlToText = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "noscript", format: "skip" },
    { selector: "iframe", format: "skip" },
    { selector: "hr", format: "skip" },
    ...(["h1", "h2", "h3", "h4", "h5", "h6"] as const).map((selector) => ({
      selector,
      options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 },
    })),
    { selector: "table", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "th", format: "block" },
    { selector: "td", format: "block" },
  ],
});

const MARKUP = /[<&\u200b]/;

/**
 * Plain text with paragraphs on their own lines: spaces collapsed, no blank lines. HTML the converter cannot
 * handle (thousands of nested elements overflow its recursion) yields "": the item loses its text, and the
 * rest of the feed is unaffected.
 */
export function plainText(html: string): string {
  if (html.trim() === "") return "";
  // Text without tags or entities (most titles) comes out of the converter with its whitespace collapsed, the
  // zero-width space included, which \s does not match; so only such text skips the converter, which costs
  // far more than the rest of an item's parse.
  if (!MARKUP.test(html)) return html.replace(/\s+/g, " ").trim();
  let converted: string;
  try {
    converted = htmlToText(html);
  } catch (error) {
    if (error instanceof RangeError) return "";
    throw error;
  }
  return converted
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Plain text on one line: what a title must be. */
export function plainLine(html: string): string {
  return plainText(html).replace(/\s+/g, " ").trim();
}

/** The first `max` characters of `text` on one line, cut at a word where possible. */
export function snippet(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
