import { describe, expect, it } from "vitest";
import { plainLine, plainText } from "../../../src/feeds/text.js";

describe("plainText", () => {
  it("gives text without markup the converter's result: whitespace, zero-width space included, collapsed", () => {
    expect(plainText("  SEC\tfines\r\nfirm \u00a0 $5m  ")).toBe("SEC fines firm $5m");
    expect(plainText("a\u200bb")).toBe("a b");
    expect(plainText("\u200b")).toBe("");
    expect(plainText("x > y")).toBe("x > y");
  });

  it("still converts markup and entities", () => {
    expect(plainText("<p>One</p><p>Two &amp; three</p>")).toBe("One\nTwo & three");
    expect(plainLine("Fines &gt; <b>$5m</b>")).toBe("Fines > $5m");
  });
});
