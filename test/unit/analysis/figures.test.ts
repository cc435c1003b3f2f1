import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateMatches, extractFigures, localMoneyMatches, localYears, moneyMatches, percentMatches, signFirstMatches, signsBeforeNumbers } from "../../../src/analysis/figures.js";

const money = (text: string) => extractFigures(text).filter((f) => f.kind === "money");
/** Each figure as [kind, value, text as written]. */
const of = (text: string, published?: string) => extractFigures(text, published).map((f) => [f.kind, f.value, f.text]);

describe("extractFigures: money keeps its currency", () => {
  it.each([
    ["a cap of ¥500,000 per year", 500000, "JPY", "¥500,000"],
    ["investments over 800,000 yen", 800000, "JPY", "800,000 yen"],
    ["上限は50万円とする", 500000, "JPY", "50万円"],
    ["fines of up to $3,000", 3000, "USD", "$3,000"],
    ["holdings of KRW 130.8 trillion", 130.8e12, "KRW", "KRW 130.8 trillion"],
    ["a penalty of ₹9.27 crore", 92700000, "INR", "₹9.27 crore"],
    ["raised $1.5bn from investors", 1.5e9, "USD", "$1.5bn"],
    ["capital of HK$5 million", 5e6, "HKD", "HK$5 million"],
    ["과징금 130조8000억원", 130.8e12, "KRW", "130조8000억원"],
    ["罚款200万元", 2e6, "CNY", "200万元"],
    ["EUR 2 million in fines", 2e6, "EUR", "EUR 2 million"],
  ])("%s", (text, value, currency, figureText) => {
    expect(money(text)).toEqual([{ kind: "money", value, currency, text: figureText }]);
  });
});

describe("extractFigures: a symbol or code right after another amount", () => {
  // The amount patterns are searched from the number; a sign that ends one amount must not also start the next.
  it.each([
    ["5 Rs$7", [["INR", 5, "5 Rs"], ["USD", 7, "$7"]]],
    ["5 USD 7", [["USD", 5, "5 USD"]]],
    ["10 usd$ 5", [["USD", 10, "10 usd"], ["USD", 5, "$ 5"]]],
    ["3 euros€5", [["EUR", 3, "3 euros"], ["EUR", 5, "€5"]]],
    ["pay US$5 or NZ$ 7, USDT 9", [["USD", 5, "US$5"], ["NZD", 7, "NZ$ 7"], ["USDT", 9, "USDT 9"]]],
    ["Rp.600 juta dan RM5", [["IDR", 600e6, "Rp.600 juta"], ["MYR", 5, "RM5"]]],
  ] as const)("%s", (text, expected) => {
    expect(money(text).map((f) => [f.currency, f.value, f.text])).toEqual(expected);
  });

  it("finds from the numbers exactly what the pattern finds by its own scan", () => {
    const pieces = [
      "5", "7", "12", "1,000", "1.000", "2,50", "0.75", " ", " ", "  ", "\n", "$", "US$", "S$", "s$", "NZ$", "€", "¥", "₩", "R$",
      "USD", "usd", "USDT", "Rs", "rs", "RMB", "EUR", "AUD", "million", "bn", "k", "m", "dollars", "yen", "won", "億", "円", "万",
      "억", "조", "원", "元", ".", ",", "-", "a", "the", "ſ", "K",
      // Words after a number that begin no currency, scale or code (the search then leaves out the alternatives
      // that start with the number), and some that begin one.
      "from", "April", "of", "kilo", "bnx", "usda", "Bitcoin", "ETHER", "ſterling", "\u212a", "\n", "  ",
      "年", "月", "日", "、", "人", "件",
      // Spaces a sign or code may stand behind, a number may start or end a text with: the search tries only the
      // digits with a sign or code behind them or a word of the amounts after their run.
      "\u00a0", "\u3000", "\t", "é", "SEK", "ETH", "k.", "1 500", "124'000", "万円", "₽", "HUF 2", "usdt",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const scanned = moneyMatches(t, true);
        const found = moneyMatches(t);
        expect(found.map((m) => [m.index, m[0]])).toEqual(scanned.map((m) => [m.index, m[0]]));
        // The search from the numbers names its prefix groups too; every group of the pattern's own is the same.
        found.forEach((m, i) => {
          for (const [name, value] of Object.entries(scanned[i]!.groups)) expect([name, m.groups[name]]).toEqual([name, value]);
        });
      }),
      { numRuns: 6000 },
    );
  });
});

describe("extractFigures: percentages and dates", () => {
  it("reads percentages", () => {
    expect(extractFigures("capped at 5% of income, or 2.5 percent for funds")).toEqual([
      { kind: "percent", value: 5, text: "5%" },
      { kind: "percent", value: 2.5, text: "2.5 percent" },
    ]);
  });

  it("reads dates and deadlines, taking missing years from the publication date", () => {
    const text = "Effective 1 July 2026; comments by Sept. 30; adopted on March 4, 2025; in December 2024; since 2023.";
    expect(extractFigures(text, "2026-05-02").map((f) => [f.value, f.text])).toEqual([
      ["2026-07-01", "1 July 2026"],
      ["2026-09-30", "Sept. 30"],
      ["2025-03-04", "March 4, 2025"],
      ["2024-12", "December 2024"],
      ["2023", "since 2023"],
    ]);
  });

  it("reads CJK dates, a bare day meaning the publication month", () => {
    const got = extractFigures("2025年8月18日に登録。9月1日から施行。회의는 4일 열렸다.", "2026-03-10");
    expect(got.map((f) => f.value)).toEqual(["2025-08-18", "2026-09-01", "2026-03-04"]);
  });

  it("puts a month mentioned without a year in the nearest year", () => {
    expect(extractFigures("Back in December, the regulator approved four firms.", "2025-01-20")[0]?.value).toBe("2024-12");
  });

  it("does not read names or counts as dates: a bill's year is its number", () => {
    expect(extractFigures("the Amendment Bill 2025 and 80 accounts")).toEqual([
      { kind: "act", value: "2025", text: "Bill 2025" }, { kind: "count", value: 80, text: "80 accounts" },
    ]);
  });

  it("reads amounts and percentages as other languages write them", () => {
    const money = (text: string) => extractFigures(text).filter((f) => f.kind === "money").map((f) => [f.currency, f.value]);
    expect(money("una multa de 2 millones de euros")).toEqual([["EUR", 2_000_000]]);
    expect(money("um limite de R$ 1,5 milhão")).toEqual([["BRL", 1_500_000]]);
    expect(money("Geldbuße von 1.250.000 Euro")).toEqual([["EUR", 1_250_000]]);
    expect(money("лимит 300 тысяч рублей")).toEqual([["RUB", 300_000]]);
    expect(money("kerugian Rp600 juta")).toEqual([["IDR", 600_000_000]]);
    expect(money("vốn tối thiểu 10.000 tỷ đồng")).toEqual([["VND", 10_000_000_000_000]]);
    expect(money("ปรับ 5 แสนบาท")).toEqual([["THB", 500_000]]);
    expect(money("un crédito de 1,400 millones de dólares")).toEqual([["USD", 1_400_000_000]]);
    expect(money("US$1.400 millones")).toEqual([["USD", 1_400_000_000]]);
    expect(money("과태료 27억3천만원")).toEqual([["KRW", 2_730_000_000]]);
    const percent = (text: string) => extractFigures(text).filter((f) => f.kind === "percent").map((f) => f.value);
    expect(percent("tarif pajak 0,21% dari nilai transaksi")).toEqual([0.21]);
    expect(percent("政策金利を0・5%程度から0・75%程度に")).toEqual([0.5, 0.75]);
    expect(percent("politika faizi %38 seviyesine")).toEqual([38]);
    expect(percent("un impuesto del 15 por ciento")).toEqual([15]);
  });

  it("reads Dutch and Polish amounts, French dollars, Polish percentages and dates, Spanish basis points and month abbreviations", () => {
    const money = (text: string) => extractFigures(text).filter((f) => f.kind === "money").map((f) => [f.currency, f.value]);
    expect(money("een boete van 3,3 miljoen euro")).toEqual([["EUR", 3_300_000]]);
    expect(money("een investering van 2 miljard euro")).toEqual([["EUR", 2_000_000_000]]);
    expect(money("un piratage de 1,4 milliard de dollars")).toEqual([["USD", 1_400_000_000]]);
    expect(money("kara w wysokości 5,5 mln zł")).toEqual([["PLN", 5_500_000]]);
    expect(money("a fine of 2,500 dollars")).toEqual([["USD", 2_500]]);
    expect(of("stopy procentowe na poziomie 4 proc. po obniżce o 0,25 pkt proc.")).toEqual([
      ["percent", 4, "4 proc."],
      ["percent", 0.25, "0,25 pkt proc."],
    ]);
    expect(of("la tasa baja 25 puntos base")).toEqual([["basis-points", 25, "25 puntos base"]]);
    expect(of("decyzja zapadła 14 stycznia 2026")).toEqual([["date", "2026-01-14", "14 stycznia 2026"]]);
    expect(of("SANTIAGO, 27 ene (Reuters)", "2026-01-28")).toEqual([["date", "2026-01-27", "27 ene"]]);
    // "may" and "mar" are words as well as months: no date is read from them.
    expect(of("the 5 may apply from 2 mar", "2026-01-28")).toEqual([]);
  });
});

describe("extractFigures: act numbers, basis points, periods", () => {

  it("keeps an act's number as written, never as an amount or a date", () => {
    expect(of("Ruritania's Decree No. 12/2026/ND-CP takes effect")).toEqual([["act", "12/2026/ND-CP", "Decree No. 12/2026/ND-CP"]]);
    expect(of("under Peraturan Nomor 7 Tahun 2026 tentang aset kripto")).toEqual([["act", "7 Tahun 2026", "Peraturan Nomor 7 Tahun 2026"]]);
    expect(of("withdraws Interpretive Letter 1200 and relies on Section 5(b)(1)")).toEqual([
      ["act", "1200", "Interpretive Letter 1200"], ["act", "5(b)(1)", "Section 5(b)(1)"],
    ]);
    expect(of("Resolución General N° 1010/2026 de la comisión")).toEqual([["act", "1010/2026", "Resolución General N° 1010/2026"]]);
  });

  it("reads basis points in several languages", () => {
    expect(of("cut the rate by 75 basis points to 4.25%")).toEqual([["percent", 4.25, "4.25%"], ["basis-points", 75, "75 basis points"]]);
    expect(of("faizi 250 baz puanlık artışla")).toEqual([["basis-points", 250, "250 baz puanlık"]]);
    expect(of("subió 50 puntos básicos")).toEqual([["basis-points", 50, "50 puntos básicos"]]);
  });

  it("reads fines in hryvnias, Arabic millions, Hindi crores and lakhs, and Thai millions with a decimal point", () => {
    expect(money("штраф 2 млн гривень")).toEqual([{ kind: "money", value: 2_000_000, currency: "UAH", text: "2 млн гривень" }]);
    expect(money("غرامة 5 ملايين ريال")).toEqual([{ kind: "money", value: 5_000_000, currency: "SAR", text: "5 ملايين ريال" }]);
    expect(money("₹18.8 करोड़ का जुर्माना")).toEqual([{ kind: "money", value: 188_000_000, currency: "INR", text: "₹18.8 करोड़" }]);
    expect(money("₹2.5 लाख")).toEqual([{ kind: "money", value: 250_000, currency: "INR", text: "₹2.5 लाख" }]);
    expect(money("ค่าปรับ 1.92 ล้านบาท")).toEqual([{ kind: "money", value: 1_920_000, currency: "THB", text: "1.92 ล้านบาท" }]);
  });

  it("reads both days of a date range, the first taking the month and year written after the second", () => {
    expect(of("the plenary of 26–28 June 2024 in Singapore")).toEqual([["date", "2024-06-26", "26 June 2024"], ["date", "2024-06-28", "28 June 2024"]]);
  });

  it("reads hyphenated basis points, hours as periods and a numbered meeting", () => {
    expect(of("a 25-basis-point cut")).toEqual([["basis-points", 25, "25-basis-point"]]);
    expect(of("en az 48 saat sonra")).toEqual([["period", "PT48H", "48 saat"]]);
    expect(of("a 24-hour cooling-off period")).toEqual([["period", "PT24H", "24-hour"]]);
    expect(of("following the 300th meeting of the committee")).toEqual([["count", 300, "300th meeting"]]);
  });

  it("reads a year after more date words, in more languages, and a CJK year alone", () => {
    expect(of("in the second half of 2026")).toEqual([["date", "2026", "of 2026"]]);
    expect(of("growth from Q1 2026 on")).toEqual([["date", "2026", "Q1 2026"]]);
    expect(of("no terceiro trimestre de 2025")).toEqual([["date", "2025", "de 2025"]]);
    expect(of("nel 2025 il mercato")).toEqual([["date", "2025", "nel 2025"]]);
    expect(of("2025年度の物価上昇率")).toEqual([["date", "2025", "2025年"]]);
    // A full local date keeps its year; a name keeps its number.
    expect(of("el 3 de abril de 2026")).toEqual([["date", "2026-04-03", "3 de abril de 2026"]]);
    expect(of("2025年6月6日に成立")).toEqual([["date", "2025-06-06", "2025年6月6日"]]);
  });

  it("reads both ends of a percentage range, Arabic percent words, Indonesian and Turkish thousands", () => {
    expect(of("a further 0.25–0.5% cut")).toEqual([["percent", 0.25, "0.25%"], ["percent", 0.5, "0.5%"]]);
    expect(of("a target band of 6-8%")).toEqual([["percent", 6, "6%"], ["percent", 8, "8%"]]);
    expect(of("إلى 2,25 في المائة")).toEqual([["percent", 2.25, "2,25 في المائة"]]);
    expect(of("di atas Rp 100 ribu")).toEqual([["money", 100000, "Rp 100 ribu"]]);
    expect(of("15 bin lira ve üzeri")).toEqual([["money", 15000, "15 bin lira"]]);
    // A range of points, not percentages, stays unread.
    expect(of("the index rose 2-3 points")).toEqual([]);
  });

  it("keeps the minus of a negative rate, not a range's dash or a hyphen", () => {
    expect(of("sänker räntan från -0,25 till -0,35 procent")).toEqual([["percent", -0.25, "-0,25%"], ["percent", -0.35, "-0,35 procent"]]);
    expect(of("le taux de dépôt passe à −0,5% (-0,4% auparavant)")).toEqual([["percent", -0.5, "−0,5%"], ["percent", -0.4, "-0,4%"]]);
    expect(of("a range of 5.25%-5.50%")).toEqual([["percent", 5.25, "5.25%"], ["percent", 5.5, "5.50%"]]);
    expect(of("COVID-19 relief of 5%")).toEqual([["percent", 5, "5%"]]);
  });

  it("reads a percentage point as 100 basis points", () => {
    expect(of("alta de 0,5 ponto percentual")).toEqual([["basis-points", 50, "0,5 ponto percentual"]]);
    expect(of("raised by 0.75 percentage points")).toEqual([["basis-points", 75, "0.75 percentage points"]]);
    expect(of("ridotto di 0,25 punti percentuali")).toEqual([["basis-points", 25, "0,25 punti percentuali"]]);
    expect(of("下调0.25个百分点")).toEqual([["basis-points", 25, "0.25个百分点"]]);
    // Polish declines the point: "o 0,5 punktu procentowego", "o 1,5 punktów procentowych".
    expect(of("obniżenie stopy o 0,5 punktu procentowego")).toEqual([["basis-points", 50, "0,5 punktu procentowego"]]);
    expect(of("wzrost o 1,5 punktów procentowych")).toEqual([["basis-points", 150, "1,5 punktów procentowych"]]);
  });

  it("reads periods as ISO 8601 durations, in scripts with and without spaces", () => {
    expect(of("a 36-month transition and a 14 days notice")).toEqual([["period", "P36M", "36-month"], ["period", "P14D", "14 days"]]);
    expect(of("thí điểm trong 3 năm")).toEqual([["period", "P3Y", "3 năm"]]);
    expect(of("損失を2年間繰り越せる")).toEqual([["period", "P2Y", "2年間"]]);
    expect(of("20年ぶりの高水準")).toEqual([["period", "P20Y", "20年ぶり"]]);
  });

  it("reads Korean amounts with the won understood, numeric dates day first, and fiscal years", () => {
    expect(of("최소 자본금 20억 이상")).toEqual([["money", 2e9, "20억"]]);
    expect(of("berlaku mulai (15/3/2026)")).toEqual([["date", "2026-03-15", "15/3/2026"]]);
    expect(of("effective 03/15/2026")).toEqual([["date", "2026-03-15", "03/15/2026"]]);
    expect(of("the 2027-28 budget")).toEqual([["date", "2027", "2027-28"]]);
    expect(of("a ruling on 2026-03")).toEqual([]);
  });

  it("reads a crypto amount with its ticker", () => {
    expect(extractFigures("12,000.5 BTC were moved")).toEqual([{ kind: "money", value: 12000.5, currency: "BTC", text: "12,000.5 BTC" }]);
  });

  it("reads coins named in words, but not a year before a coin's name", () => {
    expect(extractFigures("police seized 60,000 Bitcoin and 1,200 ether")).toEqual([
      { kind: "money", value: 60000, currency: "BTC", text: "60,000 Bitcoin" },
      { kind: "money", value: 1200, currency: "ETH", text: "1,200 ether" },
    ]);
    expect(extractFigures("after the 2024 bitcoin halving")).toEqual([]);
  });
});

describe("extractFigures: votes, counts and acts cited by number", () => {

  it("reads a legislature's vote as the press writes it", () => {
    expect(of("The Assembly passed the token bill by 201 votes to 87 on Tuesday.")).toEqual([["vote", "201-87", "201 votes to 87"]]);
    expect(of("Senators voted 61-38 to advance it")).toEqual([["vote", "61-38", "voted 61-38"]]);
    expect(of("after a 52–47 vote in committee")).toEqual([["vote", "52-47", "52–47 vote"]]);
    expect(of("aprobada con 150 votos a favor y 20 en contra")).toEqual([["vote", "150-20", "150 votos a favor y 20 en contra"]]);
    expect(of("adoptée par 320 voix contre 45")).toEqual([["vote", "320-45", "320 voix contre 45"]]);
    expect(of("mit 410 zu 112 Stimmen angenommen")).toEqual([["vote", "410-112", "410 zu 112 Stimmen"]]);
    expect(of("本会議で賛成180、反対40で可決")).toEqual([["vote", "180-40", "賛成180、反対40"]]);
  });

  it("counts what an act reaches, in scripts with and without spaces", () => {
    expect(of("members from some 140 jurisdictions")).toEqual([["count", 140, "140 jurisdictions"]]);
    expect(of("blocked 1.2 million users and 35 websites")).toEqual([["count", 1_200_000, "1.2 million users"], ["count", 35, "35 websites"]]);
    expect(of("Bakanlık 46 platform hakkında")).toEqual([["count", 46, "46 platform"]]);
    expect(of("金融庁は12社に業務改善命令")).toEqual([["count", 12, "12社"]]);
    expect(of("가상자산 거래소 5곳이 인가")).toEqual([["count", 5, "5곳"]]);
    expect(of("约30个国家和地区")).toEqual([["count", 30, "30个国家"]]);
    expect(of("the SEC announced 20 lawsuits and 252 investigations")).toEqual([["count", 20, "20 lawsuits"], ["count", 252, "252 investigations"]]);
    expect(of("impuso 90 sanciones económicas")).toEqual([["count", 90, "90 sanciones económicas"]]);
    expect(of("63개 가상자산거래업자 명단 공표")).toEqual([["count", 63, "63개 가상자산거래업자"]]);
    expect(of("la reserva llegó a 7.502,37 monedas")).toEqual([["count", 7502.37, "7.502,37 monedas"]]);
  });

  it("does not count what is already an amount, a date, an act's number or a lone item", () => {
    expect(of("H.R. 3633 states that exchanges")).toEqual([["act", "3633", "H.R. 3633"]]);
    expect(of("fined 3 million euros for 2 firms")).toEqual([["money", 3_000_000, "3 million euros"], ["count", 2, "2 firms"]]);
    expect(of("on 4 May 2026 users were told")).toEqual([["date", "2026-05-04", "4 May 2026"]]);
    expect(of("1 platform was fined")).toEqual([]);
  });

  it("keeps an act cited by its number alone", () => {
    expect(of("Edital de Participação Social Nº 42/2026 abre consulta")).toEqual([["act", "42/2026", "Nº 42/2026"]]);
    expect(of("2 Mart tarihli 7600 sayılı Kanun")).toEqual([["act", "7600", "7600 sayılı"]]);
  });

  it("keeps an article or a bill cited in lower case, and an Arabic act's number", () => {
    expect(of("l'article 113 du projet de loi de finances")).toEqual([["act", "113", "article 113"]]);
    expect(of("aprobó el proyecto de ley 697 en tercer debate")).toEqual([["act", "697", "proyecto de ley 697"]]);
    expect(of("amendements à la loi 25-10")).toEqual([["act", "25-10", "loi 25-10"]]);
    expect(of("قانون مكافحة غسل الأموال رقم 39")).toEqual([["act", "39", "رقم 39"]]);
  });

  it("reads Swiss and CFA francs, and a year after more local date words", () => {
    expect(of("Halbjahresgewinn von 56,8 Milliarden Franken")).toEqual([["money", 56_800_000_000, "56,8 Milliarden Franken"]]);
    expect(of("une perte de 4,6 milliards FCFA")).toEqual([["money", 4_600_000_000, "4,6 milliards FCFA"]]);
    expect(of("interpellés dès 2017, depuis 2020").sort()).toEqual([["date", "2017", "dès 2017"], ["date", "2020", "depuis 2020"]]);
    expect(of("seit 2021 und bis 2030").sort()).toEqual([["date", "2021", "seit 2021"], ["date", "2030", "bis 2030"]]);
  });

  it("reads a year written before the word for year, or as a Japanese era year", () => {
    expect(of("сократится к концу 2020 года")).toEqual([["date", "2020", "2020 года"]]);
    expect(of("запрет действует с 2021 року")).toEqual([["date", "2021", "2021 року"]]);
    expect(of("büyümenin 2023'te yavaşladığı")).toEqual([["date", "2023", "2023'te"]]);
    expect(of("2024 yılında yürürlüğe girdi")).toEqual([["date", "2024", "2024 yılında"]]);
    expect(of("令和6事務年度の調査")).toEqual([["date", "2024", "令和6事務年度"]]);
    expect(of("平成29年の改正")).toEqual([["date", "2017", "平成29年"]]);
    expect(of("2023'teki")).toEqual([["date", "2023", "2023'teki"]]);
    // A year inside a larger number is no year.
    expect(of("1.2023 года")).toEqual([]);
  });
});

describe("extractFigures: dates, amounts and percentages as other languages write them", () => {

  it("reads day-month-year dates with local month names, and a Buddhist-era Thai year", () => {
    expect(of("el 3 de abril de 2026 entra en vigor")).toEqual([["date", "2026-04-03", "3 de abril de 2026"]]);
    expect(of("ab dem 15. März 2026 gilt")).toEqual([["date", "2026-03-15", "15. März 2026"]]);
    expect(of("à compter du 1er octobre 2026")).toEqual([["date", "2026-10-01", "1er octobre 2026"]]);
    expect(of("12 Şubat 2026 tarihinde")).toEqual([["date", "2026-02-12", "12 Şubat 2026"]]);
    expect(of("вступает в силу 1 марта 2027 года")).toEqual([["date", "2027-03-01", "1 марта 2027"]]);
    expect(of("มีผล 1 มกราคม 2570")).toEqual([["date", "2027-01-01", "1 มกราคม 2570"]]);
    expect(of("mulai 9 Mei 2026")).toEqual([["date", "2026-05-09", "9 Mei 2026"]]);
  });

  it("takes a missing year from the publication, and reads a bare year after a word that makes it a date", () => {
    expect(of("nesta terça-feira (4/3) o banco", "2026-03-05")).toEqual([["date", "2026-03-04", "(4/3)"]]);
    expect(of("Quốc hội thông qua ngày 14/6", "2026-06-20")).toEqual([["date", "2026-06-14", "ngày 14/6"]]);
    expect(of("vigente desde 2023 y reformada en marzo de 2026")).toEqual([["date", "2023", "desde 2023"], ["date", "2026-03", "marzo de 2026"]]);
    expect(of("tributados em 18% a partir de 2026")).toEqual([["percent", 18, "18%"], ["date", "2026", "a partir de 2026"]]);
    expect(of("la taxe s'applique à partir de 2027")).toEqual([["date", "2027", "à partir de 2027"]]);
    expect(of("die Meldepflicht gilt ab 2026, die Frist bis 2027")).toEqual([["date", "2026", "ab 2026"], ["date", "2027", "bis 2027"]]);
    expect(of("cấp phép trước 2026")).toEqual([["date", "2026", "trước 2026"]]);
  });

  it("reads thousands grouped with an apostrophe, as Swiss German writes them", () => {
    expect(of("über die Marke von 124'000 US-Dollar")).toEqual([["money", 124000, "124'000 US-Dollar"]]);
    expect(of("bis zu 124’517.50 Dollar")).toEqual([["money", 124517.5, "124’517.50 Dollar"]]);
  });

  it("reads rupees, an ISO code before a decimal comma, and the Turkish percent word", () => {
    expect(of("a penalty of Rs 18.82 crore")).toEqual([["money", 188_200_000, "Rs 18.82 crore"]]);
    expect(of("dari USD 1,25 triliun")).toEqual([["money", 1_250_000_000_000, "USD 1,25 triliun"]]);
    expect(of("faizi yüzde 42,5'e çekti")).toEqual([["percent", 42.5, "yüzde 42,5"]]);
  });

  it("reads dollars, counts and Chinese currencies written the local way", () => {
    expect(of("sous les 64 500 $")).toEqual([["money", 64500, "64 500 $"]]);
    expect(of("عند 98 ألف دولار")).toEqual([["money", 98000, "98 ألف دولار"]]);
    expect(of("1,4 milyar dolara ulaştı")).toEqual([["money", 1_400_000_000, "1,4 milyar dolara"]]);
    expect(of("3万ETHを")).toEqual([["money", 30000, "3万ETH"]]);
    expect(of("di kisaran $64.210,5 per koin")).toEqual([["money", 64210.5, "$64.210,5"]]);
    expect(of("fiel auf 71.300 US-Dollar")).toEqual([["money", 71300, "71.300 US-Dollar"]]);
    expect(of("memblokir 1.204 entitas ilegal")).toEqual([["count", 1204, "1.204 entitas"]]);
    expect(of("an 35 Standorten durchsucht")).toEqual([["count", 35, "35 Standorten"]]);
    expect(of("持有 964 枚比特币")).toEqual([["count", 964, "964 枚"]]);
    expect(of("approved by 131,659 creditors")).toEqual([["count", 131659, "131,659 creditors"]]);
    expect(of("上限為30萬泰銖")).toEqual([["money", 300000, "30萬泰銖"]]);
    expect(of("raised $5 billion from 2.6 million users")).toEqual([["money", 5e9, "$5 billion"], ["count", 2_600_000, "2.6 million users"]]);
    expect(of("достиг 12 446,36 доллара за монету")).toEqual([["money", 12446.36, "12 446,36 доллара"]]);
    expect(of("стали предлагать $ 69,1 тыс. за монету")).toEqual([["money", 69100, "$ 69,1 тыс."]]);
    expect(of("约16.3万交易者遭遇爆仓")).toEqual([["count", 163000, "16.3万交易者"]]);
    expect(of("183 bin yatırımcı etkilendi")).toEqual([["count", 183000, "183 bin yatırımcı"]]);
  });

  it("reads the dollar a code after the sign names", () => {
    expect(of("a $5,000 AUD limit and a $20 fee")).toEqual([["money", 5000, "$5,000 AUD"], ["money", 20, "$20"]]);
  });

  it("does not read part of an English amount as a local one", () => {
    expect(of("raised US$2.25bn")).toEqual([["money", 2_250_000_000, "US$2.25bn"]]);
    expect(of("each token at 0.98 USD")).toEqual([["money", 0.98, "0.98 USD"]]);
  });

  it("keeps a section of a code and an information sheet as acts", () => {
    expect(of("under 18 U.S.C. § 1960")).toEqual([["act", "1960", "U.S.C. § 1960"]]);
    expect(of("ASIC updated INFO 225")).toEqual([["act", "225", "INFO 225"]]);
  });
});

describe("extractFigures: the searches left out where they cannot match", () => {
  const pieces = [
    " ", "  ", "\n", ",", ".", "-", "in", "In", "by", "since", "end of", "before", "May", "June", "December", "Dec.", "of",
    "the", "firms", "percent", "per cent", "Prozent", "процент", "パーセント", "%", "％", "a", "ſ", "\u212a", "năm", "万", "年",
    "prosenttia", "százalékos", "százalékpont", "la sută", "posto", "procenta", "τοις εκατό", "till", "és",
  ];

  it("reads a text without a digit as the full search does (a digit after '#' on a line of its own changes nothing)", () => {
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, "2026-05-02", "2025-12-30"), (t, published) => {
        expect(extractFigures(t, published)).toEqual(extractFigures(t + "\n#0", published));
      }),
      { numRuns: 5000 },
    );
  });

  it("searches percentages only where a sign or a word may follow a number, and so finds every one", () => {
    const numbers = ["5", "2,5", "12.75", "1,000", "0・5"];
    // The words and signs a number's run may end at, for the search tried only at such numbers' digits.
    const more = ["–", "pc", "PC", "pkt proc.", "proc.", "to", "and", "à", "y", "e", "bis", "do", "až", "и", "έως", "persen", "퍼센트",
      "في المائة", "odstotek", "protsenti", "PERCENT", "Procent", "0.25", "\u00a0", "'", " to ", " és ", " и ", " à ", " till ", " Y ", "6 to 8"];
    const text = fc.array(fc.constantFrom(...pieces, ...numbers, ...numbers, ...more), { maxLength: 12 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const everywhere = percentMatches(t, true);
        found += everywhere.length;
        expect(percentMatches(t)).toEqual(everywhere);
      }),
      { numRuns: 5000 },
    );
    expect(found).toBeGreaterThan(500);
  });

  it("searches local amounts only where a sign or a word may make one, and so finds every one", () => {
    const local = [
      "5", "1.234,5", "2,50", "124'000", "1 000", "1\u00a0000", "12", " ", "  ", ",", ".", "$", "US$", "R$", "€", "₺", "Rp", "Rp.", "rp",
      "RM", "rm", "USD ", "EUR ", "millones", "mil millones", "Mrd.", "mio.", "juta", "ล้าน", "тысяч", "euros", "Euro", "reais", "de ",
      "d'", "d’", "di ", "usd", "US-Dollar", "dólares", "dolar", "tl", "TL", "рублей", "a", "the", "from", "r", "u", "ſ", "\u212a",
      "SEK ", "nok", "HUF", "kronor", "kr.", "lei", "Ft", "forint", "FORINTOT", "euroa", "millioner", "mld.", "εκατ.", "ευρώ", "milijuna",
    ];
    const text = fc.array(fc.constantFrom(...local), { maxLength: 10 }).map((parts) => parts.join(""));
    const defined = (groups: Record<string, string | undefined>) => Object.entries(groups).filter(([, v]) => v !== undefined);
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const everywhere = localMoneyMatches(t, true);
        found += everywhere.length;
        const searched = localMoneyMatches(t);
        expect(searched.map((m) => [m.index, m[0], defined(m.groups)])).toEqual(everywhere.map((m) => [m.index, m[0], defined(m.groups)]));
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(1000);
  });

  it("reads Rp, RM and the region's codes behind the numbers where a search of the text finds them", () => {
    const pieces = [
      "Rp", "rP", "Rp.", "RM", "rm", "R", "r", "p", "m", "M", ".", " ", "\u00a0", "  ", "\n", "5", "1.000", "12,5", "SEK", "NOK", "HUF", "sek",
      "SE", "K", "EK", "xSEK", "_", "é", "SEK ", "RM ", "Rp. ", "a", "-",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(""));
    const seen = [0, 0];
    fc.assert(
      fc.property(text, (t) => {
        const searched = [/[Rr](?:[Pp]\.?|[Mm])\s?\d/.test(t), /\b(?:SEK|NOK|DKK|ISK|HUF|RON|CZK|PLN|BGN|HRK)\s?\d/.test(t)];
        searched.forEach((yes, i) => (seen[i]! += yes ? 1 : 0));
        expect(signsBeforeNumbers(t)).toEqual(searched);
      }),
      { numRuns: 8000 },
    );
    expect(Math.min(...seen)).toBeGreaterThan(100);
  });

  it("searches a percentage written after its sign, a fiscal year and an act by its number only where a number's run allows one", () => {
    const pieces = [
      "%", "yüzde", "YÜZDE", "Yüzde ", "yüzde ", "yüzde\u00a0", "üzde ", "5", "2026", "2025-26", "26", "-", "–", "/", " ", "x", "FY", "FY ", ".", ",",
      "%5", "2,5", "a", "_", "Nº ", "No. ", "nr.", "№", "109/2024", "7518", " sayılı", " SAYILI", " ſayılı", "(", ")", ":", "2025:1378",
      "2024. évi VII. törvény", " ÉVI ", "VII.", " törvény",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(""));
    const seen = [0, 0, 0];
    fc.assert(
      fc.property(text, (t) => {
        const everywhere = signFirstMatches(t, true);
        everywhere.forEach((ms, i) => (seen[i]! += ms.length));
        expect(signFirstMatches(t)).toEqual(everywhere);
      }),
      { numRuns: 8000 },
    );
    expect(Math.min(...seen)).toBeGreaterThan(300);
  });

  it("reads a year after a local date word from the year, and finds what the search from the word finds", () => {
    const pieces = [
      "del", "Del", "de", "De", "em", "En", "en", "nel", "dal", "desde", "Desde", "sde", "até", "Até", "té", "dès", "Dès", "ès", "im Jahr",
      "Jahr", "seit", "Seit", "bis", "Bis", "hasta", "depuis", "s", "x", "é", " ", " ", "\n", "2025", "1999", "2025-26", "2024/5", "-", "/", "5",
      "del 2025", "em 2024", "desde 1999", "Dès 2030", "até 2026", "im Jahr 2025", "bis 2025-26", "de 2027", "sde 2025", " 2025",
      "para", "año", "ano", "année", "mwaka", "hiver", "été", "Winter", "ara", "ño", "para 2025", "año 2024", "anno 2021",
      "l'automne 2024", "spring 2025",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const asWritten = localYears(t, true);
        found += asWritten.length;
        expect(localYears(t)).toEqual(asWritten);
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(300);
  });

  it("reads a date word once for a month and a year after it, and finds what the patterns as written find", () => {
    const date = [
      "in", "In", "by", "since", "through", "Through", "end of", "End of", "early", "Late", "before", "x", "the", " ", " ", ",", "-", "/",
      "\n", "January", "May", "December", "Dec.", "Sept", "2024", "1999", "2025-26", "5", "12", "5th", "of", "年", "月", "日",
      "in May", "Through December", "through 2024", "since 2024", "by 2025-26", "End of March", "5 May", "May 5, 2024", "2024年5月",
    ];
    const text = fc.array(fc.constantFrom(...date), { maxLength: 10 }).map((parts) => parts.join(""));
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const asWritten = dateMatches(t, true);
        found += asWritten.length;
        expect(dateMatches(t)).toEqual(asWritten);
      }),
      { numRuns: 8000 },
    );
    expect(found).toBeGreaterThan(1000);
  });
});
