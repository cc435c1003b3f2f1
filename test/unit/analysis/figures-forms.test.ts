import { describe, expect, it } from "vitest";
import { extractFigures, searchesLocalSigns } from "../../../src/analysis/figures.js";

// Amounts, percentages and act numbers as some presses write them, in sentences written for these tests.
/** Each figure as [kind, value, text as written], or with its currency for money. */
const of = (text: string, language?: string) =>
  extractFigures(text, undefined, language).map((f) => (f.kind === "money" ? [f.kind, f.value, f.currency, f.text] : [f.kind, f.value, f.text]));

/** The text holds one figure: this amount, as written. */
const oneAmount = (text: string, value: number, currency: string, written: string) => expect(of(text)).toEqual([["money", value, currency, written]]);

describe("extractFigures: amounts with billions and millions written apart", () => {
  it.each([
    ["Las remesas sumaron 58 mil 497 millones de dólares.", 58_497_000_000, "USD", "58 mil 497 millones de dólares"],
    ["Rezervler 70 milyar 796 milyon dolara yükseldi.", 70_796_000_000, "USD", "70 milyar 796 milyon dolara"],
    ["Altın rezervleri 39 milyar 18 milyon dolar oldu.", 39_018_000_000, "USD", "39 milyar 18 milyon dolar"],
  ])("%s", oneAmount);

  it("reads a Mexican decimal point before a scale, and still a Spanish group of three", () => {
    expect(of("Una multa de 6.9 millones de pesos y otra de 1.500 millones de euros.")).toEqual([
      ["money", 6_900_000, "MXN", "6.9 millones de pesos"],
      ["money", 1_500_000_000, "EUR", "1.500 millones de euros"],
    ]);
  });
});

describe("extractFigures: thousands said in words and grouped by spaces", () => {
  it("reads Spanish and Portuguese 'mil' as a thousand, and 'mil millones' still as a billion", () => {
    expect(of("El bitcoin cayó por debajo de los 100 mil dólares.")).toEqual([["money", 100_000, "USD", "100 mil dólares"]]);
    expect(of("Uma multa de 500 mil reais.")).toEqual([["money", 500_000, "BRL", "500 mil reais"]]);
    expect(of("Una inversión de 2 mil millones de euros.")).toEqual([["money", 2_000_000_000, "EUR", "2 mil millones de euros"]]);
  });

  it("reads a French amount grouped by spaces in dirhams whole, not its last group", () => {
    expect(of("Des amendes jusqu'à 100 000 dirhams par entreprise.")).toEqual([["money", 100_000, "AED", "100 000 dirhams"]]);
  });

  it("keeps a number scaled by millions or more with no currency after it, as written", () => {
    expect(of("Il debito scende di 16,2 miliardi rispetto ad agosto.")).toEqual([["count", 16_200_000_000, "16,2 miliardi"]]);
    expect(of("Las reservas sumaron 9.085 millones al cierre.")).toEqual([["count", 9_085_000_000, "9.085 millones"]]);
    expect(of("A $2bn fund, and a further 1.5 billion from banks.")).toEqual([
      ["money", 2_000_000_000, "USD", "$2bn"],
      ["count", 1_500_000_000, "1.5 billion"],
    ]);
    // Not a number glued to a name, nor a thousand.
    expect(of("Route N200 million times a year, and 300 mil visitas.")).toEqual([]);
  });

  it("reads thousands written before a bigger CJK unit as part of it", () => {
    expect(of("시가총액 2천700억달러가 증발했다")).toEqual([["money", 270_000_000_000, "USD", "2천700억달러"]]);
    expect(of("1億2千万円の罰金")).toEqual([["money", 120_000_000, "JPY", "1億2千万円"]]);
    expect(of("5만3천351달러까지 떨어졌다")).toEqual([["money", 53_351, "USD", "5만3천351달러"]]);
  });

  it("reads a Thai trillion and the dollar in Thai", () => {
    expect(of("ลดลงจาก 4.2 ล้านล้านดอลลาร์ เหลือ 3 ล้านล้านดอลลาร์")).toEqual([
      ["money", 4.2e12, "USD", "4.2 ล้านล้านดอลลาร์"],
      ["money", 3e12, "USD", "3 ล้านล้านดอลลาร์"],
    ]);
  });

  it("reads a dollar amount with a local scale whole, and a euro amount with an English scale as English", () => {
    expect(of("salidas por $165,76 millones y casi $4.000 millones")).toEqual([
      ["money", 165_760_000, "USD", "$165,76 millones"],
      ["money", 4_000_000_000, "USD", "$4.000 millones"],
    ]);
    expect(of("a €20bn package and €30 billion a month")).toEqual([
      ["money", 20_000_000_000, "EUR", "€20bn"],
      ["money", 30_000_000_000, "EUR", "€30 billion"],
    ]);
    expect(of("una multa de €2 millones")).toEqual([["money", 2_000_000, "EUR", "€2 millones"]]);
  });

  it("reads an Arabic decimal point before a scale word", () => {
    expect(of("تراجعت القيمة بنحو 467.6 مليار دولار.")).toEqual([["money", 467_600_000_000, "USD", "467.6 مليار دولار"]]);
  });
});

describe("extractFigures: percentages", () => {
  it("reads 'pc' glued to or after a number, not a computer in capitals", () => {
    expect(of("Inflation rose to 2.7pc in January, and rates held at 10 pc.")).toEqual([
      ["percent", 2.7, "2.7pc"],
      ["percent", 10, "10 pc"],
    ]);
    expect(of("The office bought a Windows 10 PC.")).toEqual([]);
  });

  it("reads the first number of a range written with a word or a dash before a percent word", () => {
    expect(of("inflation away from its 6-8 percent band")).toEqual([
      ["percent", 6, "6%"],
      ["percent", 8, "8 percent"],
    ]);
    expect(of("between 4 and 5 per cent")).toEqual([
      ["percent", 4, "4%"],
      ["percent", 5, "5 per cent"],
    ]);
    expect(of("des rendements de 4 à 8 % par jour")).toEqual([
      ["percent", 4, "4%"],
      ["percent", 8, "8 %"],
    ]);
  });
});

describe("extractFigures: act numbers in brackets", () => {
  it("reads 'Law No. (56) of 1996' as act 56 and the year as a date", () => {
    expect(of("It breaches Law No. (56) of 1996 on industry.")).toEqual([
      ["act", "56", "Law No. (56)"],
      ["date", "1996", "of 1996"],
    ]);
  });
});

describe("extractFigures: a number's tail is no amount", () => {
  it("reads a decimal comma before a scale word in an English amount, and no tail of another number", () => {
    expect(of("The stake was sold at 12,4 billion baht last week.")).toEqual([["money", 12_400_000_000, "THB", "12,4 billion baht"]]);
    expect(of("Reserves reached 3,25 million dollars.")).toEqual([["money", 3_250_000, "USD", "3,25 million dollars"]]);
    // "1,2345 million" is no decimal comma an amount is written with: neither 2345 million nor 1.2345 million.
    expect(of("an index of 1,2345 million euros")).toEqual([]);
  });

  it("reads several groups after dots as thousands, and never a group alone as the amount", () => {
    expect(of("Giao dịch đạt 31.406.200 HKD trong ngày.", "vi")).toEqual([["money", 31_406_200, "HKD", "31.406.200 HKD"]]);
    // "2.048,7 Bitcoin" is no 7 bitcoins.
    expect(of("Sequestrati 2.048,7 Bitcoin.", "it")).toEqual([]);
  });
});

describe("extractFigures: Vietnamese clock times and dates", () => {
  it("reads '9 giờ 15' as a time of day, not two periods, and 'ngày 19.1' as a date", () => {
    expect(extractFigures("Tính đến 9 giờ 15 ngày 21.2, giá Bitcoin giảm.", "2025-03-01", "vi").map((f) => [f.kind, f.value, f.text])).toEqual([
      ["date", "2025-02-21", "ngày 21.2"],
    ]);
    expect(extractFigures("Ngày 7/3, sàn giao dịch tạm dừng.", "2025-03-10", "vi").map((f) => [f.kind, f.value])).toEqual([["date", "2025-03-07"]]);
  });

  it("still reads an hour as a period when no minutes follow it", () => {
    expect(of("Sàn phải báo cáo trong vòng 48 giờ kể từ khi phát hiện.", "vi")).toEqual([["period", "PT48H", "48 giờ"]]);
    expect(of("Lúc 8 giờ sáng, sàn mở cửa.", "vi")).toEqual([["period", "PT8H", "8 giờ"]]);
  });
});

describe("extractFigures: an ordinal day before 'of' and its month", () => {
  it("reads 'the 5th of March 2026' and 'the 30th day of June 2025' to the day", () => {
    expect(extractFigures("The rule applies from the 5th of March 2026 until the 30th day of June 2027.", "2025-03-01").map((f) => [f.kind, f.value, f.text])).toEqual([
      ["date", "2026-03-05", "5th of March 2026"],
      ["date", "2027-06-30", "30th day of June 2027"],
    ]);
    expect(extractFigures("by the 1st of May", "2025-03-01").map((f) => f.value)).toEqual(["2025-05-01"]);
  });
});

describe("extractFigures: currencies named in more languages", () => {
  it.each([
    ["Er soll 250.000 Pfund gewaschen haben.", "de", 250_000, "GBP", "250.000 Pfund"],
    ["multa de 2 millones de libras esterlinas", "es", 2_000_000, "GBP", "2 millones de libras esterlinas"],
    ["Quỹ đã mua 1.250 đô la mỗi ngày.", "vi", 1250, "USD", "1.250 đô la"],
    ["कीमत 2150.5 डॉलर पर पहुंच गई।", "hi", 2150.5, "USD", "2150.5 डॉलर"],
    ["a cap of 250K hryvnia per month", "en", 250_000, "UAH", "250K hryvnia"],
  ])("%s", (text, language, value, currency, written) => {
    expect(of(text, language)).toEqual([["money", value, currency, written]]);
  });

  it("reads the naira written with N in a Nigerian text, with a scale or groups of thousands", () => {
    expect(of("Nigeria's SEC raised the capital of exchanges from N300 million to N1.5 billion, with fines of N20,000.")).toEqual([
      ["money", 300_000_000, "NGN", "N300 million"],
      ["money", 1_500_000_000, "NGN", "N1.5 billion"],
      ["money", 20_000, "NGN", "N20,000"],
    ]);
    // Not a bus route or a mask, nor an N before a number in a text that does not name Nigeria.
    expect(of("In Lagos the N7 bus and N95 masks.")).toEqual([]);
    expect(of("Route N200 million times a year.")).toEqual([]);
  });

  it("reads a Chinese amount with a space before its unit as it reads one without", () => {
    expect(of("處 300 萬元以下罰款")).toEqual(of("處 300萬元以下罰款").map((f) => [...f.slice(0, 3), "300 萬元"]));
    expect(of("或 300 萬以下罰款")).toEqual(of("或 300萬以下罰款"));
  });
});

describe("extractFigures: a rate moved by points in Spanish and Portuguese", () => {
  it("reads bare points as percentage points where the sentence is about a rate", () => {
    expect(of("El banco central recortó la tasa de interés en 0,75 puntos.", "es")).toEqual([["basis-points", 75, "0,75 puntos"]]);
    expect(of("Tres miembros votaron por subirla 0,25 puntos.", "es")).toEqual([["basis-points", 25, "0,25 puntos"]]);
    expect(of("O Copom decidiu elevar a taxa de juros em 0,5 ponto.", "pt")).toEqual([["basis-points", 50, "0,5 ponto"]]);
  });

  it("leaves a score's points alone", () => {
    expect(of("El equipo suma 12 puntos tras la victoria.", "es")).toEqual([]);
    expect(of("O clube ganhou 3 pontos. A taxa de ocupação do estádio foi alta.", "pt")).toEqual([]);
    expect(of("El equipo ganó 3 puntos con una tasa de acierto del 40%.", "es")).toEqual([["percent", 40, "40%"]]);
  });
});

describe("extractFigures: counts with a scale's letter or thousands grouped with a space", () => {
  it("reads 'K' and 'M' glued to a count, and a qualifier before its noun", () => {
    expect(of("The exchange now has ~350K verified users and handled over 2.5M trades.")).toEqual([
      ["count", 350_000, "350K verified users"],
      ["count", 2_500_000, "2.5M trades"],
    ]);
  });

  it("reads thousands grouped with a space, never from inside another number", () => {
    expect(of("L'arnaque a touché 12 000 victimes.", "fr")).toEqual([["count", 12_000, "12 000 victimes"]]);
    expect(extractFigures("In 2023 400 firms applied.", "2025-03-01").map((f) => [f.kind, f.value])).toEqual([
      ["date", "2023"],
      ["count", 400],
    ]);
    // A number with no noun after it stays no count, grouped with a comma or a space.
    expect(of("Loans rose by 4.2 per cent to 8 315. Deposits fell.")).toEqual(of("Loans rose by 4.2 per cent to 8,315. Deposits fell."));
    expect(of("Loans rose by 4.2 per cent to 8 315. Deposits fell.")).toEqual([["percent", 4.2, "4.2 per cent"]]);
  });
});

describe("extractFigures: acts of US states, Brazil and Chile", () => {
  it("reads US state bills by their full and short names", () => {
    expect(of("The bill, Senate File 1204 (SF1204), follows House File 2210 (HF2210).")).toEqual([
      ["act", "1204", "Senate File 1204"],
      ["act", "2210", "House File 2210"],
    ]);
    expect(of("Assembly Bill 1052 and House Bill 77 passed.")).toEqual([
      ["act", "1052", "Assembly Bill 1052"],
      ["act", "77", "House Bill 77"],
    ]);
  });

  it("reads a Brazilian provisional measure, and leaves a member of parliament alone", () => {
    expect(of("O Senado aprovou a MP 1.288 nesta terça.", "pt")).toEqual([["act", "1.288", "MP 1.288"]]);
    expect(of("A Medida Provisória nº 1.288 caducou.", "pt")).toEqual([["act", "1.288", "Medida Provisória nº 1.288"]]);
    expect(of("The MP 12 years in office spoke.")).toEqual([["period", "P12Y", "12 years"]]);
  });

  it("reads a number sign glued to a law's number grouped with a dot", () => {
    expect(of("conforme a la Ley Marco N°21.663, las entidades", "es")).toEqual([["act", "21.663", "N°21.663"]]);
    expect(of("el exchange N°1 del país", "es")).toEqual([]);
  });
});

describe("extractFigures: a year after the word for 'year', 'para' or a season", () => {
  it.each([
    ["Os registros triplicaram de 2024 para 2025.", ["2024", "2025"], ["de 2024", "para 2025"]],
    ["En el año 2025 se duplicaron las denuncias.", ["2025"], ["año 2025"]],
    ["Pour l'année 2026, la Banque prévoit une hausse.", ["2026"], ["année 2026"]],
    ["Benki Kuu inatarajia ukuaji katika robo ya kwanza ya mwaka 2026.", ["2026"], ["mwaka 2026"]],
    ["Un nouveau point bas depuis l’automne 2024.", ["2024"], ["automne 2024"]],
    ["The rules apply from spring 2027, the regulator said.", ["2027"], ["spring 2027"]],
  ])("%s", (text, values, written) => {
    const dates = extractFigures(text).filter((f) => f.kind === "date");
    expect(dates.map((f) => f.value)).toEqual(values);
    expect(dates.map((f) => f.text)).toEqual(written);
  });

  it("leaves a number that only looks like a year after those words alone when a range or a month follows", () => {
    expect(extractFigures("Ventas para 2025-26 y el año 2024/5.").filter((f) => f.kind === "date" && f.text.startsWith("para"))).toEqual([]);
  });
});

describe("extractFigures: the dollar, the euro and the shekel as Central and Eastern European and Hebrew texts write them", () => {
  it.each([
    ["Cena klesla pod 90 tisíc dolarů.", 90_000, "USD", "90 tisíc dolarů"],
    ["Pokuta 2 milióny dolárov.", 2_000_000, "USD", "2 milióny dolárov"],
    ["Штраф 5 мільйонів доларів.", 5_000_000, "USD", "5 мільйонів доларів"],
    ["Штраф 250 тисяч гривень.", 250_000, "UAH", "250 тисяч гривень"],
    ["Фонд 1,5 мільярда євро.", 1_500_000_000, "EUR", "1,5 мільярда євро"],
    ["Bírság: 40 millió dollár.", 40_000_000, "USD", "40 millió dollár"],
    ["Bitcoin spadł poniżej 86 tys. dolarów.", 86_000, "USD", "86 tys. dolarów"],
    ["Биткоин рухнул ниже $106 тыс. за сутки.", 106_000, "USD", "$106 тыс."],
    ["Объём торгов достиг $2 млрд за сутки.", 2_000_000_000, "USD", "$2 млрд"],
    ["הביטקוין ירד אל מתחת ל-70 אלף דולר.", 70_000, "USD", "70 אלף דולר"],
    ["קנס של 2 מיליון שקל.", 2_000_000, "ILS", "2 מיליון שקל"],
    ["Bitcoin fiel unter die 41.000-Dollar-Marke.", 41_000, "USD", "41.000-Dollar"],
    ["Die BaFin verhängte eine 2-Millionen-Euro-Strafe.", 2_000_000, "EUR", "2-Millionen-Euro"],
  ])("%s", oneAmount);

  it("searches the local amounts after a dollar sign only before a local scale word, not before an English one", () => {
    expect(searchesLocalSigns("Биткоин рухнул ниже $106 тыс. за сутки.")).toBe(true);
    expect(searchesLocalSigns("Una inversión de $5 mil.")).toBe(true);
    // "mil" begins "million": an English amount leaves the sign-first patterns out, as they cost a search of the text.
    expect(searchesLocalSigns("The startup raised $30 million and $2 billion.")).toBe(false);
  });

  it("leaves a dollar sign with a local scale to the currency written after it, and English scales to English", () => {
    expect(of("Una multa de $5 millones de pesos.")).toEqual([["money", 5_000_000, "MXN", "5 millones de pesos"]]);
    expect(of("A fine of $10 million and HK$5 million.")).toEqual([["money", 10_000_000, "USD", "$10 million"], ["money", 5_000_000, "HKD", "HK$5 million"]]);
  });
});

describe("extractFigures: percentages in the words of South Asian, Thai, Vietnamese, Tagalog and Hebrew texts", () => {
  it.each([
    ["क्रिप्टो आय पर 30 प्रतिशत टैक्स", 30, "30 प्रतिशत"],
    ["नीतिगत दर 5 प्रतिशतमा घटायो", 5, "5 प्रतिशत"],
    ["ब्याज दर 6.5 फीसदी पर स्थिर", 6.5, "6.5 फीसदी"],
    ["নীতি সুদহার 10 শতাংশ", 10, "10 শতাংশ"],
    ["شرح سود 22 فیصد", 22, "22 فیصد"],
    ["ลดลง 2.5 เปอร์เซ็นต์", 2.5, "2.5 เปอร์เซ็นต์"],
    ["lãi suất 4,5 phần trăm", 4.5, "4,5 phần trăm"],
    ["ibinaba sa 5.5 porsiyento", 5.5, "5.5 porsiyento"],
    ["ירידה של 3 אחוזים", 3, "3 אחוז"],
  ])("%s", (text, value, written) => {
    expect(extractFigures(text).filter((f) => f.kind === "percent").map((f) => [f.value, f.text])).toEqual([[value, written]]);
  });
});

describe("extractFigures: forms met in regulators' and central banks' releases", () => {
  it("gives the low end of a CJK range the currency written once after the high end", () => {
    expect(of("共有6家業者遭罰50萬至200萬元不等。").filter((f) => f[0] === "money")).toEqual([
      ["money", 500_000, "CNY", "50萬"],
      ["money", 2_000_000, "CNY", "200萬元"],
    ]);
    expect(of("罰金は5万～10万円。")).toEqual([
      ["money", 50_000, "JPY", "5万"],
      ["money", 100_000, "JPY", "10万円"],
    ]);
    // A number before "至" with no unit and no currency after the range is no amount.
    expect(of("第3至5條").filter((f) => f[0] === "money")).toEqual([]);
  });

  it.each([
    ["Kara pieniężna w wysokości 800 tysięcy złotych.", 800_000, "PLN", "800 tysięcy złotych"],
    ["Η τιμή κινείται πέριξ των 70.000 δολ. σήμερα.", 70_000, "USD", "70.000 δολ."],
    ["Las reservas superaron los 7.000 bitcoines.", 7_000, "BTC", "7.000 bitcoines"],
  ])("%s", oneAmount);

  it("reads Icelandic, Mongolian and Bengali rate moves in points", () => {
    expect(of("Vextir lækkuðu um 0,25 prósentustig.")).toEqual([["basis-points", 25, "0,25 prósentustig"]]);
    expect(of("Бодлогын хүүг 4.5 нэгж хувиар нэмэгдүүлсэн.")).toEqual([["basis-points", 450, "4.5 нэгж хувиар"]]);
    // The analyzer reads Bengali digits as ASCII ones before it looks for figures.
    expect(of("নীতি সুদহার 50 বেসিস পয়েন্ট বাড়িয়ে")).toEqual([["basis-points", 50, "50 বেসিস পয়েন্ট"]]);
  });
});

describe("extractFigures: the low end of a local range", () => {
  it("gives it the scale and currency written once after the high end", () => {
    expect(of("Des sanctions comprises entre 5 000 et 1 000 000 euros.")).toEqual([
      ["money", 5_000, "EUR", "5 000"],
      ["money", 1_000_000, "EUR", "1 000 000 euros"],
    ]);
    expect(of("Amenzi de 10.000-50.000 de lei.")).toEqual([
      ["money", 10_000, "RON", "10.000"],
      ["money", 50_000, "RON", "50.000 de lei"],
    ]);
    expect(of("Multas de 2 a 5 millones de dólares.")).toEqual([
      ["money", 2_000_000, "USD", "2"],
      ["money", 5_000_000, "USD", "5 millones de dólares"],
    ]);
  });

  it("leaves years and numbers with no currency after the range alone", () => {
    expect(of("Zwischen 2019 und 2024 zahlte die Bank 3 Millionen Euro.")).toEqual([["money", 3_000_000, "EUR", "3 Millionen Euro"]]);
  });
});

describe("extractFigures: percentages and points in the languages of more central banks", () => {
  it.each([
    ["Վերաֆինանսավորման տոկոսադրույքը 6,75 տոկոս է։", [["percent", 6.75, "6,75 տոկոս"]]],
    ["Эсептик чен 9 пайызга чейин көтөрүлдү.", [["percent", 9, "9 пайызга"]]],
    ["Asosiy stavka 13,5 foiz etib belgilandi.", [["percent", 13.5, "13,5 foiz"]]],
    ["Бодлогын хүүг 10.5 хувиас 15 хувьд хүргэв.", [["percent", 10.5, "10.5 хувиас"], ["percent", 15, "15 хувьд"]]],
    ["საპროცენტო განაკვეთი 8 პროცენტია.", [["percent", 8, "8 პროცენტია"]]],
  ])("%s", (text, expected) => {
    expect(of(text)).toEqual(expected);
  });

  it.each([
    ["Տոկոսադրույքը իջեցվել է 0,25 տոկոսային կետով։", 25, "0,25 տոկոսային կետով"],
    ["Стапката е намалена за 0,25 процентни поени.", 25, "0,25 процентни поени"],
    ["Мөлшерлеме 0,5 пайыздық тармаққа төмендетілді.", 50, "0,5 пайыздық тармаққа"],
    ["Stavka 1 foiz bandga tushirildi.", 100, "1 foiz bandga"],
    ["Uçot dərəcəsi 0,25 faiz bəndi endirilib.", 25, "0,25 faiz bəndi"],
    ["განაკვეთი 0.5 პროცენტული პუნქტით შემცირდა.", 50, "0.5 პროცენტული პუნქტით"],
    ["Стаўка зніжана на 0,5 працэнтнага пункта.", 50, "0,5 працэнтнага пункта"],
    ["شرح سود 100 بیسز پوائنٹس کم کر دی گئی۔", 100, "100 بیسز پوائنٹس"],
  ])("%s", (text, bp, written) => {
    expect(of(text)).toEqual([["basis-points", bp, written]]);
  });
});

describe("extractFigures: East African releases", () => {
  it("reads a Swahili percentage written before its number, and Swahili months", () => {
    expect(of("Kiwango cha riba cha asilimia 6 kimebaki.")).toEqual([["percent", 6, "asilimia 6"]]);
    expect(of("Benki Kuu ilitangaza uamuzi wake tarehe 5 Machi 2025.")).toEqual([["date", "2025-03-05", "5 Machi 2025"]]);
    // The month first, as Tanzanian and Kenyan presses write it; the Indonesian day-first date is unchanged.
    expect(of("Kamati ilikutana Januari 7, 2025 na kuanzia Aprili 4,2024.")).toEqual([
      ["date", "2025-01-07", "Januari 7, 2025"],
      ["date", "2024-04-04", "Aprili 4,2024"],
    ]);
    expect(of("Bank Indonesia menahan suku bunga pada 7 Januari 2025.")).toEqual([["date", "2025-01-07", "7 Januari 2025"]]);
  });

  it.each([
    ["Remittances rose to Ksh 13.7 billion in January.", 13_700_000_000, "KES", "Ksh 13.7 billion"],
    ["The levy raised TSh 500 million.", 500_000_000, "TZS", "TSh 500 million"],
  ])("%s", oneAmount);
});

describe("extractFigures: Indian languages, Sinhala and Afrikaans", () => {
  it.each([
    ["रेपो दर 5.5 टक्क्यांवर आला.", [["percent", 5.5, "5.5 टक्क्यांवर"]]],
    ["રેપો રેટ 6.5 ટકા પર યથાવત.", [["percent", 6.5, "6.5 ટકા"]]],
    ["ਰੈਪੋ ਰੇਟ ਵਿੱਚ 0.25 ਫੀਸਦੀ ਦੀ ਕਟੌਤੀ.", [["percent", 0.25, "0.25 ਫੀਸਦੀ"]]],
    ["வட்டி விகிதம் 6.5 சதவீதமாக உயர்ந்தது.", [["percent", 6.5, "6.5 சதவீதமாக"]]],
    ["రెపో రేటు 6.5 శాతం వద్ద.", [["percent", 6.5, "6.5 శాతం"]]],
    ["ರೆಪೊ ದರ ಶೇ 6ಕ್ಕೆ ಇಳಿಕೆ.", [["percent", 6, "ಶೇ 6"]]],
    ["റിപ്പോ നിരക്ക് 6.5 ശതമാനമായി.", [["percent", 6.5, "6.5 ശതമാനമായി"]]],
    ["ප්‍රතිපත්ති පොලී අනුපාතිකය සියයට 7.75 ලෙස.", [["percent", 7.75, "සියයට 7.75"]]],
    ["Die repokoers bly 7,25 persent.", [["percent", 7.25, "7,25 persent"]]],
  ])("%s", (text, expected) => {
    expect(of(text)).toEqual(expected);
  });

  it("reads basis points in Marathi and Tamil with their case endings", () => {
    expect(of("रेपो दरात 25 बेसिस पॉइंट्सची कपात.")).toEqual([["basis-points", 25, "25 बेसिस पॉइंट्सची"]]);
    expect(of("வட்டி வீதம் 50 அடிப்படை புள்ளிகளால் குறைந்தது.")).toEqual([["basis-points", 50, "50 அடிப்படை புள்ளிகளால்"]]);
  });
});
