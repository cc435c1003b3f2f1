import { Parser } from "htmlparser2";

// HTML → text in one streaming pass over htmlparser2's events: the words of the document, with a line break
// wherever a block begins or ends. It gives what html-to-text gave with the options regwatch used (links
// without their URL, images, scripts, styles, frames and rules dropped, headings in their own case, table
// cells on lines of their own, " * " and " 1. " before list items, "> " before quoted lines), without building
// a document tree: a feed body costs a fraction of the time, and markup nested thousands deep is just text.
// Two odd corners differ on purpose: a quote's blank lines are not kept as lone ">" lines, and a block inside
// <pre> ends its line like any other block.

/** Elements whose content opens and closes a block. */
const BLOCKS = new Set([
  "article", "aside", "blockquote", "div", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "nav",
  "p", "pre", "section", "table", "tr", "th", "td", "ul", "ol",
]);

/** Elements dropped with everything inside them. */
const SKIPPED = new Set(["img", "script", "style", "noscript", "iframe", "hr"]);

/** Whitespace between words: HTML's, and the zero-width space. A non-breaking space is a character here. */
const SPACES = /[\n\u200b]/g;
const ONLY_SPACES = /^[ \t\r\n\f\u200b]*$/;
/** What html-to-text filtered out of a list as empty (JavaScript's whitespace). */
const BLANK = /^\s*$/;

interface Container {
  kind: "block" | "list" | "item" | "quote" | "pre";
  /** The element's depth in the document, to know its direct children. */
  depth: number;
  /** Lists: ordered; the next number and its style. */
  ordered?: boolean;
  next?: number;
  style?: string;
  /** Lists: whether text was written inside (a list without any adds no line break), and the break due before it. */
  wrote?: boolean;
  pendingBefore?: boolean;
  /** Items: the marker of their first line, and whether it was written. */
  marker?: string;
  marked?: boolean;
  /** Items made of text directly inside a list (no element of their own ends them). */
  loose?: boolean;
}

/**
 * The text of an HTML fragment: lines joined by "\n", whitespace inside a line as in the source (the caller
 * collapses it). Entities are decoded as browsers do.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const stack: Container[] = [];
  let depth = 0;
  let skipDepth = 0;
  /** Nothing written yet on the current line (so leading whitespace is dropped and prefixes are due). */
  let lineStart = true;
  /** Inside a `<pre>` (and whatever it holds): the text's own line breaks count and its spaces stay. */
  let preDepth = 0;
  /** Once the fragment shows a `<body>`, only the body's text counts: what came before is dropped, what follows ignored. */
  let sawBody = false;
  let bodyDepth = 0;

  /** A line break is due before the next words (breaks with nothing between them are one). */
  let pending = false;
  const newLine = () => {
    pending = true;
  };
  /** Quote marks and list markers of a line's first words, outermost first; the lists around now hold text. */
  const prefix = () => {
    let p = "";
    for (const c of stack) {
      if (c.kind === "quote") p += "> ";
      else if (c.kind === "list") c.wrote = true;
      else if (c.kind === "item" && !c.marked) {
        p += c.marker!;
        c.marked = true;
      }
    }
    return p;
  };
  /** Starts the line the next words go on, if they need a new one. */
  const startLine = () => {
    if (pending && !lineStart) {
      out.push("\n");
      lineStart = true;
    }
    pending = false;
    if (lineStart) {
      out.push(prefix());
      lineStart = false;
    }
  };
  const write = (text: string) => {
    // Preformatted text keeps the zero-width space as a character.
    if ((pending || lineStart) && (preDepth > 0 ? BLANK : ONLY_SPACES).test(text)) return;
    startLine();
    out.push(text);
  };
  /** Ends an item of loose text, if one is open: whatever comes next in its list is another item. */
  const endLoose = () => {
    if (stack[stack.length - 1]?.loose) {
      stack.pop();
      newLine();
    }
  };
  /** An element or text directly inside a list is one of its items: on a line of its own, after its marker. */
  const startItem = (list: Container, isLi: boolean, loose = false): void => {
    newLine();
    let marker = "";
    if (isLi) marker = list.ordered ? ` ${listIndex(list.next!++, list.style)}. ` : " * ";
    stack.push({ kind: "item", depth, marker, marked: false, loose });
  };
  /** The list that is the direct parent of what is at `level`, if any. */
  const parentList = (level: number): Container | undefined => {
    const top = stack[stack.length - 1];
    return top?.kind === "list" && top.depth === level - 1 ? top : undefined;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        endLoose();
        depth++;
        if (SKIPPED.has(name)) {
          skipDepth = 1;
          return;
        }
        if (name === "body") {
          if (!sawBody) {
            sawBody = true;
            out.length = 0;
            lineStart = true;
            pending = false;
          }
          bodyDepth++;
        }
        const list = parentList(depth);
        if (list) startItem(list, name === "li");
        if (name === "br") {
          newLine();
          return;
        }
        if (!BLOCKS.has(name)) return;
        if (name === "ul" || name === "ol") {
          const ordered = name === "ol";
          const next = ordered ? Number(attributes.start || "1") : 0;
          stack.push({ kind: "list", depth, ordered, next, style: attributes.type ?? "1", wrote: false, pendingBefore: pending });
          return;
        }
        newLine();
        if (name === "pre") preDepth++;
        stack.push({ kind: name === "blockquote" ? "quote" : name === "pre" ? "pre" : "block", depth });
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          if (--skipDepth === 0) depth--;
          return;
        }
        endLoose();
        if (name === "body") bodyDepth--;
        let top = stack[stack.length - 1];
        if (top && top.depth === depth && top.kind !== "item") {
          stack.pop();
          if (top.kind === "pre") preDepth--;
          if (top.kind !== "list" || top.wrote) newLine();
          else pending = top.pendingBefore!;
          top = stack[stack.length - 1];
        }
        if (top?.kind === "item" && top.depth === depth) {
          // An empty item still shows its marker, on a line of its own.
          if (!top.marked && top.marker) startLine();
          stack.pop();
          newLine();
        }
        depth--;
      },
      ontext(text) {
        if (skipDepth > 0 || (sawBody && bodyDepth === 0)) return;
        // Text sits one level below the element it is in.
        const list = parentList(depth + 1);
        if (list) {
          // Text directly inside a list: an item when it holds more than whitespace.
          if (BLANK.test(text) || ONLY_SPACES.test(text)) return;
          startItem(list, false, true);
        }
        if (preDepth === 0) {
          write(text.replace(SPACES, " "));
          return;
        }
        text.split("\n").forEach((line, i) => {
          if (i > 0) newLine();
          write(line);
        });
      },
      oncomment() {
        if (skipDepth === 0) endLoose();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out.join("");
}

/** " 1. ", " b. ", " iv. ": an ordered list's marker in its `type`. */
function listIndex(n: number, style: string | undefined): string {
  switch (style) {
    case "a":
      return letters(n, 97);
    case "A":
      return letters(n, 65);
    case "i":
      return roman(n).toLowerCase();
    case "I":
      return roman(n);
    default:
      return String(n);
  }
}

function letters(n: number, base: number): string {
  const digits: number[] = [];
  do {
    n -= 1;
    digits.push(n % 26);
    n = (n / 26) >> 0;
  } while (n > 0);
  return digits.reverse().map((d) => String.fromCharCode(base + d)).join("");
}

const ONES = ["I", "X", "C", "M"];
const FIVES = ["V", "L", "D"];
function roman(n: number): string {
  return [...String(n)]
    .map(Number)
    .reverse()
    .map((v, i) => (v % 5 < 4 ? (v < 5 ? "" : FIVES[i]) + ONES[i]!.repeat(v % 5) : ONES[i]! + (v < 5 ? FIVES[i] : ONES[i + 1])))
    .reverse()
    .join("");
}
