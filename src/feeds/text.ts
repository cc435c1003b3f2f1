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
  if (!MARKUP.test(html)) return html.replace(SPACE_RUN, " ").trim();
  if (PARAGRAPHS.test(html)) return paragraphs(html);
  return htmlToText(html)
    .split("\n")
    .map((line) => line.replace(SPACE_RUN, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * Nothing but paragraphs of text without tags or entities (a common feed body), with HTML whitespace between them:
 * the converter would give each paragraph's text on its own line, so it is not needed.
 */
const PARAGRAPHS = /^[ \t\r\n\f]*(?:<p>[^<&\u200b]*<\/p>[ \t\r\n\f]*)+$/;

/** The lines of a text that PARAGRAPHS matches, as plainText gives them through the converter. */
function paragraphs(html: string): string {
  const lines: string[] = [];
  for (let open = html.indexOf("<p>"); open !== -1; ) {
    const close = html.indexOf("</p>", open + 3);
    const line = html.slice(open + 3, close).replace(SPACE_RUN, " ").trim();
    if (line !== "") lines.push(line);
    open = html.indexOf("<p>", close + 4);
  }
  return lines.join("\n");
}

/**
 * A run of whitespace that is not already one space: replaced by a space, it gives what `/\s+/g` gives, without
 * rewriting the (many) single spaces of a line.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

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
