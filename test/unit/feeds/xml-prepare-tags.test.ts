import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeAttr, NotAFeed, readStartTag } from "../../../src/feeds/xml-prepare.js";

/** The start-tag reader as first written: character by character, attributes always searched. */
function reference(xml: string, at: number) {
  let i = at + 1;
  while (i < xml.length) {
    const char = xml[i];
    if (char === '"' || char === "'") {
      const close = xml.indexOf(char, i + 1);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    if (char === ">") {
      const raw = xml.slice(at, i + 1);
      const name = /^<([^\s/>]+)/.exec(raw)?.[1] ?? "";
      const attrs = new Map<string, string>();
      for (const match of raw.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(match[1]!, decodeAttr(match[2] ?? match[3] ?? ""));
      return { raw, name, attrs: [...attrs], selfClosing: raw.endsWith("/>"), end: i + 1 };
    }
    i++;
  }
  return "never closed";
}

function read(xml: string, at: number) {
  try {
    const tag = readStartTag(xml, at);
    return { ...tag, attrs: [...tag.attrs] };
  } catch (error) {
    if (error instanceof NotAFeed) return "never closed";
    throw error;
  }
}

const piece = fc.constantFrom("<", ">", "/", "/>", '"', "'", "=", " ", "\n", "\u00a0", "a", "b:c", "xml:base", "href", "type", "&amp;", "&#x41;", "&lt;", "é", "日", "x");

describe("readStartTag", () => {
  it("reads what the character-by-character reader read, on tag soup", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const xml = `<${parts.join("")}`;
        expect(read(xml, 0)).toEqual(reference(xml, 0));
      }),
      { numRuns: 50_000 },
    );
  });

  it.each([
    [`<link href="a>b" rel='x"y'/>rest`, `<link href="a>b" rel='x"y'/>`],
    [`<item>text</item>`, `<item>`],
    [`<a title="never closed>`, "never closed"],
    [`<a b="1" c=">"`, "never closed"],
  ])("%s", (xml, raw) => {
    const tag = read(xml, 0);
    expect(typeof tag === "string" ? tag : tag.raw).toBe(raw);
    expect(tag).toEqual(reference(xml, 0));
  });
});
