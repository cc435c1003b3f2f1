import { describe, expect, it } from "vitest";
import type { Article } from "../../../src/core/article.js";
import { chronological, detectNew, keysOf } from "../../../src/feeds/detect.js";

const article = (id: string, published: string | null, url: string | null = `https://ex.com/${id}`): Article => ({
  id: `g:f:${id}`,
  feedId: "f",
  url,
  title: id,
  text: "",
  published,
  categories: [],
  language: null,
});

describe("detectNew", () => {
  const items = [article("c", "2026-11-03T00:00:00Z"), article("b", "2026-11-02T00:00:00Z"), article("a", "2026-11-01T00:00:00Z")];

  it("returns unseen articles oldest first", () => {
    const { fresh } = detectNew(items, new Set(), new Set(), new Set(), 10);
    expect(fresh.map((a) => a.title)).toEqual(["a", "b", "c"]);
  });

  it("skips articles in the previous parse, in the seen store, or claimed by another feed", () => {
    const seen = new Set(["u:https://ex.com/b"]);
    const claimed = new Set(["g:f:c"]);
    const { fresh } = detectNew(items, new Set(["g:f:a"]), seen, claimed, 10);
    expect(fresh).toEqual([]);
  });

  it("claims the links it returns, so a second feed with the same story gets nothing", () => {
    const claimed = new Set<string>();
    detectNew([article("x", null, "https://news.example/story")], new Set(), new Set(), claimed, 10);
    const other = { ...article("y", null, "https://news.example/story"), id: "g:other:y" };
    expect(detectNew([other], new Set(), new Set(), claimed, 10).fresh).toEqual([]);
  });

  it("alerts only the newest items over the cap and hands back the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) => article(`n${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
    const { fresh, overflow } = detectNew(many, new Set(), new Set(), new Set(), 10);
    expect(fresh.map((a) => a.title)).toEqual(Array.from({ length: 10 }, (_, i) => `n${15 + i}`));
    expect(overflow).toHaveLength(15);
  });

  it("counts an item listed twice once", () => {
    expect(detectNew([items[0]!, items[0]!], new Set(), new Set(), new Set(), 10).fresh).toHaveLength(1);
  });
});

describe("chronological", () => {
  it("keeps undated items in reverse feed order (feeds list newest first)", () => {
    const undated = [article("new", null), article("mid", null), article("old", null)];
    expect(chronological(undated).map((a) => a.title)).toEqual(["old", "mid", "new"]);
  });
});

describe("keysOf", () => {
  it("is the id and the canonical link", () => {
    expect(keysOf(article("a", null))).toEqual(["g:f:a", "u:https://ex.com/a"]);
    expect(keysOf(article("a", null, null))).toEqual(["g:f:a"]);
  });
});
