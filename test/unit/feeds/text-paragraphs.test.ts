import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/feeds/html-text.js";
import { plainText } from "../../../src/feeds/text.js";

/** plainText through the converter, as it was before bodies of bare paragraphs skipped it. */
function throughConverter(html: string): string {
  if (html.trim() === "") return "";
  if (!/[<&\u200b]/.test(html)) return html.replace(/\s{2,}|[^\S ]/g, " ").trim();
  return htmlToText(html)
    .split("\n")
    .map((line) => line.replace(/\s{2,}|[^\S ]/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

// Characters HTML and JavaScript disagree on as whitespace, the zero-width space, NUL, markup that must not slip through.
const char = fc.constantFrom(" ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u200b", "\0", "a", "Z", "9", "é", "日", "\ud83d\ude00", ">", "'", '"', "=", "/", "p");
const text = fc.array(char, { maxLength: 12 }).map((c) => c.join(""));
const gap = fc.array(fc.constantFrom(" ", "\t", "\n", "\r", "\f", "\u00a0", "\v", "x"), { maxLength: 3 }).map((c) => c.join(""));
const paragraphs = fc.array(fc.tuple(gap, text), { minLength: 1, maxLength: 5 }).chain((ps) =>
  gap.map((end) => ps.map(([g, t]) => `${g}<p>${t}</p>`).join("") + end),
);
const soup = fc
  .array(fc.oneof(char, fc.constantFrom("<p>", "</p>", "<P>", "<p >", "<b>", "</b>", "&amp;", "&", "<", "<br>", "<p>x</p>")), { maxLength: 20 })
  .map((c) => c.join(""));

describe("plainText of bodies made of paragraphs", () => {
  it("gives what the converter gives, for paragraphs of any text and whitespace around them", () => {
    fc.assert(fc.property(paragraphs, (html) => {
      expect(plainText(html)).toBe(throughConverter(html));
    }), { numRuns: 30_000 });
  });

  it("gives what the converter gives on markup soup", () => {
    fc.assert(fc.property(soup, (html) => {
      expect(plainText(html)).toBe(throughConverter(html));
    }), { numRuns: 30_000 });
  });

  it.each([
    ["<p>One</p>\n<p>  Two\tthree </p>", "One\nTwo three"],
    ["<p> </p><p>\u00a0</p><p>x</p>", "x"],
    ["<p>a\nb</p>", "a b"],
  ])("%j", (html, expected) => {
    expect(plainText(html)).toBe(expected);
    expect(throughConverter(html)).toBe(expected);
  });
});
