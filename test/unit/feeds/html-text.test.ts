import { describe, expect, it } from "vitest";
import { plainText } from "../../../src/feeds/text.js";

// Feed bodies as plainText gives them: the converter's lines, whitespace collapsed, blank lines dropped.
describe("plainText of HTML bodies", () => {
  it("decodes named, numeric and legacy entities, and leaves unknown ones as written", () => {
    expect(plainText("Fees &amp; charges &eacute;&hellip; &#x2019;&#8217; &copy &notanentity; &lt;b&gt;")).toBe("Fees & charges é… ’’ © ¬anentity; <b>");
    expect(plainText("<p>&#0; &#x110000;</p>")).toBe("\ufffd \ufffd");
  });

  it("breaks lines at blocks, not at inline elements", () => {
    expect(plainText("<p>One <b>bold</b><i>italic</i></p><div>Two</div>Three<br>Four<h2>Head</h2><section>Five</section>")).toBe(
      "One bolditalic\nTwo\nThree\nFour\nHead\nFive",
    );
    expect(plainText("a<div></div>b")).toBe("a\nb");
    expect(plainText("<span>in</span><span>line</span> <em>words</em>")).toBe("inline words");
  });

  it("puts table cells and list items on lines of their own, with their markers", () => {
    expect(plainText("<table><tr><th>Rate</th><td>5%</td></tr><tr><td>Cap</td><td>¥2m</td></tr></table>")).toBe("Rate\n5%\nCap\n¥2m");
    expect(plainText("<ul><li>one</li><li>two <ul><li>inner</li></ul></li></ul>")).toBe("* one\n* two\n* inner");
    expect(plainText('<ol start="3"><li>c</li><li>d</li></ol><ol type="i"><li>x</li><li>y</li></ol>')).toBe("3. c\n4. d\ni. x\nii. y");
    expect(plainText("<ul><li></li></ul>after")).toBe("*\nafter");
    expect(plainText("a<ul>\n </ul>b")).toBe("ab");
    expect(plainText("<li>not</li><li>a list</li>")).toBe("nota list");
  });

  it("drops scripts, styles, frames, images and rules with what they hold", () => {
    expect(plainText('<script>alert("x")</script>Text<style>p{color:red}</style> after<noscript>no</noscript><iframe src="x">frame</iframe>')).toBe("Text after");
    expect(plainText('Fine <img src="x.png" alt="logo">of ¥5m<hr>set')).toBe("Fine of ¥5mset");
    expect(plainText("<SCRIPT type=x>a<b>c</SCRIPT>ok")).toBe("ok");
  });

  it("keeps a link's words, not its URL", () => {
    expect(plainText('Read <a href="https://sec.example/x">the order</a>.')).toBe("Read the order.");
  });

  it("keeps a quote's lines marked and preformatted line breaks", () => {
    expect(plainText("<blockquote><p>quoted</p><p>again</p></blockquote>text")).toBe("> quoted\n> again\ntext");
    expect(plainText("<pre>  line one\n  line two</pre>")).toBe("line one\nline two");
  });

  it("treats the zero-width space as a space and a non-breaking space as one too", () => {
    expect(plainText("<p>a\u200bb&#x200b;c&nbsp;&nbsp;d</p>")).toBe("a b c d");
  });

  it("reads only the body of a whole document", () => {
    expect(plainText("<html><head><title>Page</title></head><body><p>Body text</p></body></html>")).toBe("Body text");
    expect(plainText("<script>document.write('<body>')</script>Not a document")).toBe("Not a document");
  });

  it("keeps the text of markup nested thousands deep", () => {
    expect(plainText(`${"<div>".repeat(5000)}deep${"</div>".repeat(5000)} end`)).toBe("deep\nend");
    expect(plainText(`${"<b><p>".repeat(3000)}x`)).toBe("x");
  });

  it("survives broken markup", () => {
    expect(plainText("<p>unclosed <b>bold")).toBe("unclosed bold");
    expect(plainText("</p>stray</div> close")).toBe("stray close");
    expect(plainText("a < b and c > d")).toBe("a < b and c > d");
  });
});
