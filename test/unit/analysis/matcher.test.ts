import { describe, expect, it } from "vitest";
import { isUnspaced, TermMatcher, UNSPACED_CHAR } from "../../../src/analysis/matcher.js";

const matcher = (terms: Array<[string, string, boolean?]>) => {
  const m = new TermMatcher<string>();
  for (const [term, ref, exact] of terms) m.add(term, ref, exact ?? false);
  return (text: string) => m.match(text).map((h) => [text.slice(h.start, h.end), h.refs.join("+")]);
};

describe("TermMatcher", () => {
  it("matches whole words, longest first, and an acronym only in capitals", () => {
    const match = matcher([["SEC", "sec", true], ["crypto", "scope"], ["crypto exchange", "venue"], ["Fed", "fed", true]]);
    expect(match("The SEC fined a crypto exchange; the fed-up secretary left.")).toEqual([["SEC", "sec"], ["crypto exchange", "venue"]]);
    expect(match("Fed and cryptography")).toEqual([["Fed", "fed"]]);
  });

  it("tolerates plurals and folds case and accents", () => {
    const match = matcher([["stablecoin", "s"], ["regulación", "r"], ["Behörde", "b"], ["VASP", "v", true]]);
    expect(match("Stablecoins, REGULACION, behorde and VASPs")).toEqual([["Stablecoins", "s"], ["REGULACION", "r"], ["behorde", "b"], ["VASPs", "v"]]);
  });

  it("takes no plural after a term written with a trailing '='", () => {
    const match = matcher([["publica=", "act"], ["regula", "act2"], ["SEC=", "sec", true]]);
    expect(match("La CNMV publica normas; blockchains públicas; regulas; SECs; SEC")).toEqual([["publica", "act"], ["regulas", "act2"], ["SEC", "sec"]]);
  });

  it("matches stems written with a star, in any word of a term", () => {
    const match = matcher([["krypto*", "k"], ["банк* росси*", "cbr"], ["kripto varlik*", "tr"]]);
    expect(match("Kryptowerte und Kryptowährungen")).toEqual([["Kryptowerte", "k"], ["Kryptowährungen", "k"]]);
    expect(match("решение Банка России")).toEqual([["Банка России", "cbr"]]);
    // Turkish dotted and dotless i fold alike.
    expect(match("KRİPTO VARLIK hizmet sağlayıcıları")).toEqual([["KRİPTO VARLIK", "tr"]]);
  });

  it("reads the Persian kaf, yeh and heh of Arabic typed on Persian keyboards as the Arabic letters", () => {
    const match = matcher([["بنك الكويت المركزي", "cbk"], ["الهاشل", "name"]]);
    expect(match("قرر بنك الكویت المركزي، قال الھاشل")).toEqual([["بنك الكویت المركزي", "cbk"], ["الھاشل", "name"]]);
  });

  it("reads Latin letters typed inside a Cyrillic word as their Cyrillic twins, and leaves Latin words alone", () => {
    const match = matcher([["національного банку", "nbu"], ["облікова ставка", "rate"], ["bank", "en"]]);
    // A Latin "i" (U+0069) in the first words, a capital "I" in the second, Latin "c" and "a" below, as some publishers type them.
    expect(match("Правлiння Нацiонального банку: ОБЛIКОВА СТАВКА, bank")).toEqual([["Нацiонального банку", "nbu"], ["ОБЛIКОВА СТАВКА", "rate"], ["bank", "en"]]);
    expect(match("облiкова cтaвкa")).toEqual([["облiкова cтaвкa", "rate"]]);
  });

  it("finds a Hebrew term after the prefixes glued to it, and only where its word ends", () => {
    const match = matcher([["בנק ישראל", "boi"], ["ריבית", "rate"], ["ישראל", "il"]]);
    // "and in the Bank of Israel", "the rate", "to Israel"; "ישראלי" (Israeli) is another word.
    expect(match("ובבנק ישראל הריבית לישראל ישראלי")).toEqual([["בנק ישראל", "boi"], ["ריבית", "rate"], ["ישראל", "il"]]);
  });

  it("begins a Hebrew term only after prefixes, and not a verb after the infinitive's ל", () => {
    const match = matcher([["הוריד", "cut"], ["ריבית", "rate"]]);
    // "decided to lower the rate" holds "lowered" after ל; "ארביבית" is no word with a prefix before "ריבית".
    expect(match("החליט להוריד את הריבית; הוא הוריד; והוריד; ארביבית")).toEqual([["ריבית", "rate"], ["הוריד", "cut"], ["הוריד", "cut"]]);
  });

  it("cuts Bengali and Azerbaijani text into words like the other spaced scripts", () => {
    const match = matcher([["বাংলাদেশ ব্যাংক*", "bb"], ["সুদহার", "rate"], ["Mərkəzi Bank", "cba"]]);
    expect(match("বাংলাদেশ ব্যাংকের নীতি সুদহার। Azərbaycan Mərkəzi Bankı")).toEqual([["বাংলাদেশ ব্যাংকের", "bb"], ["সুদহার", "rate"]]);
    // The schwa is a letter of its word: "M rk zi" is three other words.
    expect(match("Mərkəzi Bank qərarı; M rk zi Bank")).toEqual([["Mərkəzi Bank", "cba"]]);
  });

  it("reads Nepali typed with ा and े as the ो they show", () => {
    const match = matcher([["क्रिप्टो करेन्सी", "scope"]]);
    expect(match("क्रिप्टाे करेन्सी")).toEqual([["क्रिप्टाे करेन्सी", "scope"]]);
  });

  it("ends a Hindi word at the danda, as at a full stop", () => {
    const match = matcher([["सकता है", "may"], ["फैसला", "decision"]]);
    expect(match("RBI फैसला ले सकता है। फैसला॥")).toEqual([["फैसला", "decision"], ["सकता है", "may"], ["फैसला", "decision"]]);
  });

  it("folds Romanian text like the other Latin scripts: its ă is no Vietnamese letter, and ţ is ț", () => {
    const match = matcher([["Banca Națională", "bnr"]]);
    expect(match("Băncii, Banca Naţională a hotărât")).toEqual([["Banca Naţională", "bnr"]]);
  });

  it("keeps Vietnamese accents: bán (sell) is not ban", () => {
    const match = matcher([["ban", "ban"], ["cấm", "cam"], ["thuế", "tax"]]);
    expect(match("Nhà đầu tư bán bitcoin; Bộ cấm sàn; thuế mới")).toEqual([["cấm", "cam"], ["thuế", "tax"]]);
    expect(match("The regulator will ban the token")).toEqual([["ban", "ban"]]);
  });

  it("finds CJK, Thai and Arabic terms inside words, with Arabic letter variants folded", () => {
    const match = matcher([["金融庁", "fsa"], ["금융위", "fsc"], ["ก.ล.ต.", "th-sec"], ["الأصول الرقمية", "scope"]]);
    expect(match("金融庁は発表。금융위원회는 밝혔다. ก.ล.ต. ประกาศ")).toEqual([["金融庁", "fsa"], ["금융위", "fsc"], ["ก.ล.ต.", "th-sec"]]);
    expect(match("تنظيم الاصول الرقمية")).toEqual([["الاصول الرقمية", "scope"]]);
  });

  it("ends an Arabic term where its word ends or a suffix follows: a verb's feminine ending, not another word", () => {
    const match = matcher([["أصدر", "act"], ["مصر", "EG"]]);
    expect(match("أصدرت الهيئة قواعد")).toEqual([["أصدر", "act"]]);
    expect(match("قرر مصرف الإمارات")).toEqual([]);
  });

  it("finds an Arabic term written with the article after the preposition li-, which takes the article's alif", () => {
    const match = matcher([["المصرف المركزي", "cb"], ["العملات المشفرة", "scope"], ["لجنة", "committee"]]);
    expect(match("وفقا للمصرف المركزي")).toEqual([["للمصرف المركزي", "cb"]]);
    expect(match("قواعد للعملات المشفرة")).toEqual([["للعملات المشفرة", "scope"]]);
    // bi- keeps the alif: the term is found inside the word as it is.
    expect(match("تتعلق بالعملات المشفرة")).toEqual([["العملات المشفرة", "scope"]]);
    // li- before a word without the article ("للجنة", to a committee) leaves the word whole, found inside as before.
    expect(match("قدم تقريرا للجنة")).toEqual([["لجنة", "committee"]]);
  });

  it("counts a term listed twice once", () => {
    const m = new TermMatcher<string>();
    const ref = "x";
    m.add("fine", ref);
    m.add("fines", ref);
    expect(m.match("fines").map((h) => h.refs)).toEqual([["x"]]);
  });
});

describe("scripts without spaces", () => {
  it("the pattern and the function accept the same characters", () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (UNSPACED_CHAR.test(String.fromCharCode(code)) !== isUnspaced(code)) differ.push(code);
    expect(differ).toEqual([]);
  });
});
