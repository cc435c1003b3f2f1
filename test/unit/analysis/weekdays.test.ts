import { describe, expect, it } from "vitest";
import { extractFigures } from "../../../src/analysis/figures.js";
import { weekdayDates } from "../../../src/analysis/weekdays.js";

const dates = (text: string, published: string | null) => weekdayDates(text, published).map((f) => f.value);

describe("weekdayDates", () => {
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

describe("extractFigures with weekdays", () => {
  it("adds the weekday's date once, beside the dates written out", () => {
    const figures = extractFigures("The SNB announced on Thursday, 20 June 2024, a cut to 1.25%.", "2024-06-20");
    expect(figures.filter((f) => f.kind === "date").map((f) => f.value)).toEqual(["2024-06-20"]);
    const plain = extractFigures("Norges Bank cut its rate to 4.0% on Thursday.", "2025-09-18");
    expect(plain.filter((f) => f.kind === "date")).toEqual([{ kind: "date", value: "2025-09-18", text: "Thursday" }]);
  });

  it("reads a weekday in a text without a digit", () => {
    expect(extractFigures("The regulator banned the exchange on Monday.", "2025-09-18")).toEqual([{ kind: "date", value: "2025-09-15", text: "Monday" }]);
  });
});
