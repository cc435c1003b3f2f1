import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterNumbers, digitsBefore, mayFollow, mayStartAt, numberRuns, wordsAfterNumber } from "../../../src/analysis/after-number.js";
import { COUNT, COUNT_AT, COUNT_WORDS, VOTE, VOTE_AT, voteStarts } from "../../../src/analysis/counts.js";
import { SCALED, SCALED_AT, SCALED_WORDS } from "../../../src/analysis/figures.js";
import { LOCAL_DATE, LOCAL_DATE_AT, localDateStarts } from "../../../src/analysis/local-dates.js";
import { matchesAt } from "../../../src/analysis/matches.js";
import { BASIS_POINT, BASIS_POINT_WORDS, PERIOD, PERIOD_WORDS } from "../../../src/analysis/measures.js";

describe("afterNumbers and mayFollow: which words may follow a number", () => {
  const words = wordsAfterNumber(["firms", "bps?", "mn", "Länder", "万"]);

  it.each([
    ["5 firms", true],
    ["5 FIRMS and 3 of them", true],
    ["from 1 April 2027, 100% of fines", false],
    ["5 bp", true],
    // "bps?": the s is optional, so "bp" alone begins the word.
    ["5 bpx", true],
    ["40-mnx", true],
    ["5  fir", true],
    // Three separators are more than any pattern allows.
    ["5   firms", false],
    ["5 Lander", false],
    // A letter outside ASCII, or a text that ends within three characters of the number: anything may follow.
    ["5 Länder", true],
    ["5万", true],
    // Scripts without case are looked up as they are: "年" begins no word of the list.
    ["2025年8月の予定", false],
    ["5万円", true],
    ["5 f", true],
    ["no number at all", false],
  ])("%s → %s", (text, expected) => {
    expect(mayFollow(afterNumbers(text), words)).toBe(expected);
  });

  it("refuses a word that does not start with a letter: the search for followers would not see it", () => {
    expect(() => wordsAfterNumber(["$"])).toThrow(/does not start with a letter/);
  });

  // The figures skip COUNT, PERIOD and BASIS_POINT where their words follow no number: each must then find nothing.
  it("says no only where the count, period and basis-point patterns find nothing", () => {
    const pieces = [
      "5", "12", "1,000", "2.5", "2026", " ", "  ", "   ", "-", "\n", "\u00a0", ".", ",", "%", "a", "the", "from", "April", "of",
      "firms", "Firms", "FIRMS", "fir", "users", "member states", "month", "months", "Monate", "mon", "year", "yr", "ay", "days",
      "bps", "bp", "Basis Points", "basispunkte", "bas", "million", "mil", "mn", "thousand", "tho", "k", "ſ", "\u212a", "ſites",
      "sites", "Kunden", "tháng", "năm", "người", "万", "社", "명", "ล้าน", "年間", "개월", "млн", "человек", "年", "月", "日", "円",
      "元", "、", "億", "人", "件", "개", "거래소", "ปี", "เดือน", "سنوات", "साल",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    const seen = { no: 0, yes: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const after = afterNumbers(t);
        for (const [pattern, words] of [[COUNT, COUNT_WORDS], [PERIOD, PERIOD_WORDS], [BASIS_POINT, BASIS_POINT_WORDS]] as const) {
          const found = [...t.matchAll(pattern)].length;
          if (!mayFollow(after, words)) {
            seen.no++;
            expect([t, pattern.source.slice(0, 30), found]).toEqual([t, pattern.source.slice(0, 30), 0]);
          } else if (found > 0) seen.yes++;
        }
      }),
      { numRuns: 20000 },
    );
    // Both answers were given: the property was not met by saying yes to everything.
    expect(seen.no).toBeGreaterThan(1000);
    expect(seen.yes).toBeGreaterThan(1000);
  });
});

describe("numberRuns and mayStartAt: where a word after a number may start", () => {
  it.each([
    ["5 firms", [0, 2]],
    ["at 1.234,5 € and 7", [3, 11, 17, 18]],
    ["124'000\u00a0Fr.", [0, 8]],
    ["no number", []],
    ["2025年", [0, 4]],
  ])("%s", (text, runs) => {
    expect(numberRuns(text)).toEqual(runs);
  });

  // A word of the list that matches (flags iu) where a number's run ends is never missed.
  it("says no only where no word of the list starts", () => {
    const list = ["firms", "bps?", "mn", "Länder", "万", "k"];
    const words = wordsAfterNumber(list.filter((w) => w !== "k"), "k");
    const pattern = new RegExp(String.raw`(?:firms|bps?|mn|Länder|万)|k\b`, "iuy");
    const pieces = ["5", "1,000", "2.5", " ", "  ", "\n", "\u00a0", ".", ",", "'", "-", "%", "firms", "FIRMS", "fir", "bp", "BPS", "mn", "MNX",
      "Länder", "LÄNDER", "lander", "万", "k", "K", "\u212a", "ſ", "kx", "a", "the", "年"];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(""));
    const seen = { no: 0, yes: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const runs = numberRuns(t);
        for (let r = 0; r < runs.length; r += 2) {
          pattern.lastIndex = runs[r + 1]!;
          const matches = pattern.test(t);
          if (!mayStartAt(t, runs[r + 1]!, words)) {
            seen.no++;
            expect([t, runs[r + 1], matches]).toEqual([t, runs[r + 1], false]);
          } else if (matches) seen.yes++;
        }
      }),
      { numRuns: 5000 },
    );
    expect(seen.no).toBeGreaterThan(200);
    expect(seen.yes).toBeGreaterThan(200);
  });
});

describe("COUNT tried only at the digits before its words", () => {
  it("finds what its search of the whole text finds", () => {
    const pieces = [
      "5", "12", "1,000", "1.000", "7.502,37", "2.5", "2026", "3rd", "1st", " ", "  ", "-", "\n", "\u00a0", ".", ",", "'", "%", "a", "the",
      "firms", "Firms", "FIRMS", "fir", "users", "member states", "member", "million", "mil", "mn", "thousand", "k", "ſ", "\u212a",
      "ſites", "sites", "Kunden", "người", "万", "社", "명", "ล้าน", "млн", "человек", "тыс.", "миллионов", "年", "人", "件", "개",
      "개 거래소", "거래소", "B2", "votes", "meeting", "th",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const searched = [...t.matchAll(COUNT)].map((m) => [m.index, m[0], { ...m.groups }]);
        found += searched.length;
        const tried = matchesAt(t, COUNT_AT, digitsBefore(t, numberRuns(t), COUNT_WORDS)).map((m) => [m.index, m[0], { ...m.groups }]);
        expect(tried).toEqual(searched);
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(300);
  });
});

describe("SCALED tried only at the digits before its scale words", () => {
  it("finds what its search of the whole text finds", () => {
    const pieces = [
      "5", "12", "1,000", "1.000", "9.085", "16,2", "2.5", "100 000", " ", "  ", "-", "\n", "\u00a0", ".", ",", "'", "a", "the", "$",
      "million", "Million", "MILLION", "billion", "bn", "mn", "tn", "m", "b", "mil", "millones", "miliardi", "Milliarden", "mld",
      "mln", "млн", "milyar", "ſ", "users", "de", "dólares", "x",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        // Only a match at a number's start is kept (the caller checks what stands before it), so the two are compared there.
        const atStart = (m: RegExpExecArray) => !/[\p{L}\d.,]/u.test(t.charAt(m.index - 1));
        const searched = [...t.matchAll(SCALED)].filter(atStart).map((m) => [m.index, m[0], { ...m.groups }]);
        found += searched.length;
        const tried = matchesAt(t, SCALED_AT, digitsBefore(t, numberRuns(t), SCALED_WORDS)).filter(atStart).map((m) => [m.index, m[0], { ...m.groups }]);
        expect(tried).toEqual(searched);
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(150);
  });
});

describe("VOTE tried only at the digits of a number that a vote's next word or sign follows", () => {
  it("finds what its search of the whole text finds", () => {
    const pieces = [
      "5", "12", "294", "1,000", "2026", " ", "  ", "\n", ",", "-", "–", "—", "/", ".", "votes", "vote", "VOTES", "to", "TO", "against",
      "in favour", "for", "and", "voted ", "passed ", "vote of ", "margin of ", "tally", "votos", "a favor", "y", "en contra", "voti",
      "voix", "contre", "Stimmen", "ſtimmen", "zu", "Zu", "賛成", "反対", "찬성", "반대", "票", "표", "、", "，", "赞成", "反对", "x", "the",
      " votes to ", " VOTES against ", "voted 294", "passed 68-30", " votes in favour and ", " votos a favor y ", " en contra", " zu ",
      " Stimmen", "-134 vote", " to ", "賛成308、反対", "찬성 308표, 반대 ", "票赞成、", "票反对", " voix contre ",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const searched = [...t.matchAll(VOTE)].map((m) => [m.index, m[0], { ...m.groups }]);
        found += searched.length;
        const tried = matchesAt(t, VOTE_AT, voteStarts(t, numberRuns(t))).map((m) => [m.index, m[0], { ...m.groups }]);
        expect(tried).toEqual(searched);
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(300);
  });
});

describe("LOCAL_DATE tried only at a day before a month, a year after a space, and a bracket before a number", () => {
  it("finds what its search of the whole text finds", () => {
    const pieces = [
      "5", "14", "1", "2025", "1999", "2568", "20", "19", " ", "  ", "\n", "\u00a0", ".", ",", "-", "(", ")", "/", "º", "er", "de ", "del ",
      "marzo", "Marzo", "MARZO", "Juni", "juillet", "Temmuz", "Aralık", "июля", "พฤศจิกายน", "ม.ค.", "ene", "sept", "Jänner", "x", "the",
      "em", "seit", "desde", "в", "году", "г.", "năm", "tháng", "لسنة", "2011-12", "(10/11)", "14 de marzo de 2025", "30. Juni 2024",
      "1er juillet", "em 2024", "в 2025 году", "marzo de 2025",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const searched = [...t.matchAll(LOCAL_DATE)].map((m) => [m.index, m[0], { ...m.groups }]);
        found += searched.length;
        const tried = matchesAt(t, LOCAL_DATE_AT, localDateStarts(t, numberRuns(t))).map((m) => [m.index, m[0], { ...m.groups }]);
        expect(tried).toEqual(searched);
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(1000);
  });
});
