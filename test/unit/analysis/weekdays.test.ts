import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../src/analysis/index.js";

const analyzer = await createAnalyzer();
const datesOf = (text: string, published: string | null, title = "") =>
  analyzer.analyze({ title, text, published }).figures.filter((f) => f.kind === "date");
/** The dates read from weekdays: those whose text is not a written date's. */
const dates = (text: string, published: string | null) =>
  datesOf(text, published).filter((f) => !/\d{4}|\d\/\d/.test(f.text) && !/^\d/.test(f.text)).map((f) => f.value);

describe("weekday dates", () => {
  // 2025-09-18 was a Thursday.
  it("reads a weekday as the last such day on or before the publication date", () => {
    expect(dates("The central bank cut its policy rate on Thursday.", "2025-09-18")).toEqual(["2025-09-18"]);
    expect(dates("The committee decided on Tuesday to hold the rate.", "2025-09-18")).toEqual(["2025-09-16"]);
    expect(dates("Regulators fined the exchange on Friday.", "2025-09-18T08:00:00Z")).toEqual(["2025-09-12"]);
  });

  it("reads weekdays in the tables' other languages and scripts", () => {
    expect(dates("قال مصرف قطر المركزي إنه خفض أسعار الفائدة الرئيسية الأربعاء.", "2025-09-18")).toEqual(["2025-09-17"]);
    expect(dates("日本銀行は木曜日に政策金利を据え置いた。", "2025-09-18")).toEqual(["2025-09-18"]);
    expect(dates("O Banco Central anunciou nesta quarta-feira novas regras para o Pix.", "2025-09-18")).toEqual(["2025-09-17"]);
    expect(dates("Bank Indonesia memutuskan pada Rabu untuk menahan suku bunga.", "2025-09-18")).toEqual(["2025-09-17"]);
    expect(dates("ธนาคารแห่งประเทศไทยประกาศเมื่อวันพุธว่า", "2025-09-18")).toEqual(["2025-09-17"]);
    expect(dates("Rada Polityki Pieniężnej w środę obniżyła stopy.", "2025-09-18")).toEqual(["2025-09-17"]);
  });

  it("takes the day number after a weekday as that day, within a week of the publication", () => {
    // 2025-03-21 was a Friday; the item appeared on Monday the 24th.
    expect(dates("En su reunión, el pasado viernes 21, el Consejo mantuvo la tasa.", "2025-03-24")).toEqual(["2025-03-21"]);
    // No Friday the 22nd within a week: not a date.
    expect(dates("El viernes 22 el Consejo mantuvo la tasa.", "2025-03-24")).toEqual([]);
    // A date written right after the weekday is that weekday's: the written one is kept, not a second reading.
    expect(dates("O Banco Central anunciou nesta sexta-feira (5/9) novas regras.", "2025-09-08")).toEqual([]);
  });

  it("leaves out a weekday still to come, and names that only look like one", () => {
    expect(dates("The Bank of England will decide next Thursday.", "2025-09-18")).toEqual([]);
    expect(dates("El Banco Central decidirá el próximo jueves.", "2025-09-18")).toEqual([]);
    expect(dates("Regulators in Santo Domingo issued a warning.", "2025-09-18")).toEqual([]);
    expect(dates("The newest rules (الأحدث) apply.", "2025-09-18")).toEqual([]);
  });

  it("needs a full publication date", () => {
    expect(dates("The central bank cut its rate on Thursday.", null)).toEqual([]);
    expect(dates("The central bank cut its rate on Thursday.", "2025-09")).toEqual([]);
  });
});

describe("weekday dates beside the dates written out", () => {
  it("adds the weekday's date once", () => {
    expect(datesOf("The SNB announced on Thursday, 20 June 2024, a cut to 1.25%.", "2024-06-20").map((f) => f.value)).toEqual(["2024-06-20"]);
    // Published a week later: the weekday is the written date's, not the Thursday before publication.
    expect(datesOf("The SNB announced on Thursday, June 20, 2024, a cut to 1.25%.", "2024-06-27").map((f) => f.value)).toEqual(["2024-06-20"]);
    expect(datesOf("Norges Bank cut its rate to 4.0% on Thursday.", "2025-09-18")).toEqual([{ kind: "date", value: "2025-09-18", text: "Thursday" }]);
  });

  it("reads a weekday in a text without a digit, and in the title", () => {
    expect(datesOf("The regulator banned the exchange on Monday.", "2025-09-18")).toEqual([{ kind: "date", value: "2025-09-15", text: "Monday" }]);
    expect(datesOf("The decision takes effect at once.", "2025-09-18", "Regulator bans exchange on Monday").map((f) => f.value)).toEqual(["2025-09-15"]);
  });

  it("matches names that are other words in lower case only as written", () => {
    expect(dates("Bank Indonesia memutuskan pada Rabu untuk menahan suku bunga.", "2025-09-18")).toEqual(["2025-09-17"]);
    expect(dates("Bu karar senin için önemli.", "2025-09-18")).toEqual([]);
  });

  it("leaves the verdict as it was", () => {
    const withDay = analyzer.analyze({ title: "Central bank cuts rate", text: "The Bank of Korea cut its base rate to 2.5% on Thursday.", published: "2025-09-18" });
    const without = analyzer.analyze({ title: "Central bank cuts rate", text: "The Bank of Korea cut its base rate to 2.5%.", published: "2025-09-18" });
    expect([withDay.policy, withDay.jurisdictions, withDay.topics]).toEqual([without.policy, without.jurisdictions, without.topics]);
  });
});
