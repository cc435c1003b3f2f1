import { htmlToText } from "./html-text.js";

const MARKUP = /[<&\u200b]/;

/**
 * Plain text with paragraphs on their own lines: spaces collapsed, no blank lines. Links keep their words but
 * not their URL, images and scripts vanish, headings keep their case, table cells do not run together.
 */
export function plainText(html: string): string {
  if (html.trim() === "") return "";
  // Text without tags or entities (most titles) comes out of the converter with its whitespace collapsed, the
  // zero-width space included, which \s does not match; so only such text skips the converter.
  if (!MARKUP.test(html)) return html.replace(/\s+/g, " ").trim();
  return htmlToText(html)
    .split("\n")
    .map((line) => (ODD_SPACE.test(line) ? line.replace(/\s+/g, " ") : line).trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Whitespace other than a single space: only lines with some need their spaces collapsed. */
const ODD_SPACE = /[^\S ]| {2}/;

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
