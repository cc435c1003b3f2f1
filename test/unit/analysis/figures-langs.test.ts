import { describe, expect, it } from "vitest";
import { extractFigures } from "../../../src/analysis/figures.js";

// The figures of the Nordic, Baltic, Central and South-East European languages, in sentences written for these tests.
/** Each figure as [kind, value, text as written], or with its currency for money. */
const of = (text: string, published?: string, language?: string) =>
  extractFigures(text, published, language).map((f) => (f.kind === "money" ? [f.kind, f.value, f.currency, f.text] : [f.kind, f.value, f.text]));

describe("extractFigures: percentages in the words of these languages", () => {
  it.each([
    ["Banken holder renten på 4,5 prosent.", 4.5, "4,5 prosent"],
    ["Inflasjonen var 3 prosent i fjor.", 3, "3 prosent"],
    ["Talouskasvu oli 2,2 prosenttia.", 2.2, "2,2 prosenttia"],
    ["Inflaatio nousi 7 prosenttiin.", 7, "7 prosenttiin"],
    ["Az alapkamat 6,50 százalék maradt.", 6.5, "6,50 százalék"],
    ["a 6,75 százalékos kamatszint", 6.75, "6,75 százalékos"],
    ["Dobânda rămâne la 2,50 la sută.", 2.5, "2,50 la sută"],
    ["Sazba zůstává na 3,5 procenta.", 3.5, "3,5 procenta"],
    ["Úroková sadzba je 4 percentá.", 4, "4 percentá"],
    ["Stopa je 2,5 posto.", 2.5, "2,5 posto"],
    ["Inflacija je pala za 3 postotka.", 3, "3 postotka"],
    ["Obrestna mera je 1,5 odstotka.", 1.5, "1,5 odstotka"],
    ["Ο πληθωρισμός ήταν 2,5 τοις εκατό.", 2.5, "2,5 τοις εκατό"],
    ["Intress on 4 protsenti.", 4, "4 protsenti"],
    ["Likme ir 3 procenti.", 3, "3 procenti"],
    ["Palūkanos siekia 5 procentai.", 5, "5 procentai"],
    ["Лихвата е 4 процента.", 4, "4 процента"],
  ])("%s", (text, value, written) => {
    expect(of(text)).toEqual([["percent", value, written]]);
  });

  it("reads a range written with a word: the first number takes the sign of the second", () => {
    expect(of("Räntan sänks från 3,50 till 3,25 procent.")).toEqual([
      ["percent", 3.5, "3,50%"],
      ["percent", 3.25, "3,25 procent"],
    ]);
    expect(of("2,5 és 3 százalék között")).toEqual([
      ["percent", 2.5, "2,5%"],
      ["percent", 3, "3 százalék"],
    ]);
  });

  it("leaves a number before such a word's other senses alone", () => {
    expect(of("Det kom 12 prosentsatser fram.")).toEqual([]);
    expect(of("Sazba 5 procentního bodu", undefined).map((f) => f[0])).toEqual(["basis-points"]);
  });
});

describe("extractFigures: percentage points and basis points in these languages", () => {
  it.each([
    ["renterne hæves med 0,75 procentpoint", 75, "0,75 procentpoint"],
    ["en sänkning med 0,5 procentenheter", 50, "0,5 procentenheter"],
    ["renten økes med 0,25 prosentenheter", 25, "0,25 prosentenheter"],
    ["ned 0,5 prosentpoeng", 50, "0,5 prosentpoeng"],
    ["korko nousi 0,5 prosenttiyksikköä", 50, "0,5 prosenttiyksikköä"],
    ["0,25 százalékponttal csökkent", 25, "0,25 százalékponttal"],
    ["o creștere cu 0,25 puncte procentuale", 25, "0,25 puncte procentuale"],
    ["snížení o 0,5 procentního bodu", 50, "0,5 procentního bodu"],
    ["povećanje za 0,5 postotnih bodova", 50, "0,5 postotnih bodova"],
    ["za 0,25 odstotne točke", 25, "0,25 odstotne točke"],
    ["αύξηση κατά 0,25 ποσοστιαίες μονάδες", 25, "0,25 ποσοστιαίες μονάδες"],
    ["tõus 0,5 protsendipunkti", 50, "0,5 protsendipunkti"],
    ["par 0,25 procentpunktiem", 25, "0,25 procentpunktiem"],
    ["0,5 procentinio punkto", 50, "0,5 procentinio punkto"],
    ["с 0,25 процентни пункта", 25, "0,25 процентни пункта"],
    ["a 25 bázispontos emelés", 25, "25 bázispontos"],
    ["en höjning med 25 baspunkter", 25, "25 baspunkter"],
    ["en nedsættelse på 50 basispoint", 50, "50 basispoint"],
    ["laski 25 korkopistettä", 25, "25 korkopistettä"],
    ["o reducere de 25 puncte de bază", 25, "25 puncte de bază"],
    ["snížení o 25 bazických bodů", 25, "25 bazických bodů"],
    ["намаление с 25 базисни точки", 25, "25 базисни точки"],
    ["μείωση κατά 25 μονάδες βάσης", 25, "25 μονάδες βάσης"],
  ])("%s", (text, value, written) => {
    expect(of(text)).toEqual([["basis-points", value, written]]);
  });
});

describe("extractFigures: dates with the months of these languages", () => {
  it.each([
    ["Komiteen besluttet 14. august 2024 å holde renten.", "2024-08-14", "14. august 2024"],
    ["Tilsynet offentliggjorde rapporten 3. marts 2025.", "2025-03-03", "3. marts 2025"],
    ["Beslutet fattades den 25 september 2024.", "2024-09-25", "25 september 2024"],
    ["Laki tulee voimaan 9. toukokuuta 2022.", "2022-05-09", "9. toukokuuta 2022"],
    ["Ennuste julkaistiin kesäkuussa 2023.", "2023-06", "kesäkuussa 2023"],
    ["A testület 2025. augusztus 26. ülésén döntött.", "2025-08-26", "2025. augusztus 26."],
    ["A törvényt 2024. április 10-én fogadták el.", "2024-04-10", "2024. április 10-én"],
    ["Autoritatea a decis pe 18 noiembrie 2022.", "2022-11-18", "18 noiembrie 2022"],
    ["Zákon platí od 15. května 2019.", "2019-05-15", "15. května 2019"],
    ["Rada rozhodla 18. septembra 2018.", "2018-09-18", "18. septembra 2018"],
    ["Решението е от 18 септември 2018 г.", "2018-09-18", "18 септември 2018"],
    ["Odluka je donesena 18. rujna 2018.", "2018-09-18", "18. rujna 2018"],
    ["Svet je 3. aprila 2020 sprejel sklep.", "2020-04-03", "3. aprila 2020"],
    ["Η απόφαση εκδόθηκε στις 18 Σεπτεμβρίου 2018.", "2018-09-18", "18 Σεπτεμβρίου 2018"],
    ["Otsus jõustus 18. septembril 2018.", "2018-09-18", "18. septembril 2018"],
    ["Padome 2018. gada 18. septembrī nolēma.", "2018-09-18", "2018. gada 18. septembrī"],
    ["Valdyba 2018 m. rugsėjo 18 d. nusprendė.", "2018-09-18", "2018 m. rugsėjo 18 d."],
  ])("%s", (text, value, written) => {
    expect(of(text)).toEqual([["date", value, written]]);
  });

  it("takes the year from the publication date when a day and month come alone", () => {
    expect(of("Az új szabály július 1-jén lépett hatályba.", "2024-09-02")).toEqual([["date", "2024-07-01", "július 1-jén"]]);
    expect(of("Møtet ble holdt 14. august.", "2024-08-20")).toEqual([["date", "2024-08-14", "14. august"]]);
  });

  it("reads a bare year after a word or with an ending that makes it a date", () => {
    expect(of("Loven trer i kraft i 2025, og år 2026 kommer mer.")).toEqual([["date", "2025", "i 2025"], ["date", "2026", "år 2026"]]);
    expect(of("Laki tulee voimaan vuonna 2026.")).toEqual([["date", "2026", "vuonna 2026"]]);
    expect(of("A szabály 2025-ben és 2026-tól is érvényes.")).toEqual([["date", "2025", "2025-ben"], ["date", "2026", "2026-tól"]]);
    expect(of("Impozitul crește în 2026.")).toEqual([["date", "2026", "în 2026"]]);
    expect(of("Pravidlo platí od roku 2026.")).toEqual([["date", "2026", "roku 2026"]]);
    expect(of("Инфлацията се забави през 2025 г.")).toEqual([["date", "2025", "през 2025"]]);
    expect(of("Ο νόμος ισχύει από το 2026.")).toEqual([["date", "2026", "το 2026"]]);
    expect(of("Seadus jõustub 2026. aastal.")).toEqual([["date", "2026", "2026. aastal"]]);
    expect(of("Likums stājas spēkā 2026. gadā.")).toEqual([["date", "2026", "2026. gadā"]]);
    expect(of("Įstatymas įsigalios 2026 m. pradžioje.")).toEqual([["date", "2026", "2026 m."]]);
  });

  it("reads a fiscal year after such a word as a fiscal year, and a range of years from its first", () => {
    expect(of("Undersøgelsen i 2011-12 viste mangler.")).toEqual([["date", "2011", "2011-12"]]);
    expect(of("Tilsynet i 2012-2013 fandt mangler.")).toEqual([["date", "2012", "i 2012"]]);
  });

  it("leaves a month's name alone where no number is its day", () => {
    expect(of("C'est mai qui décide, pas avril.")).toEqual([]);
    expect(of("Han sendte mail til 5 kunder")).toEqual([]);
  });
});

describe("extractFigures: money with the scale words and currencies of these languages", () => {
  it.each([
    ["Boten var på 2,1 millioner kroner.", "no", 2.1e6, "NOK", "2,1 millioner kroner"],
    ["Banken fik en bøde på 10 millioner kroner.", "da", 1e7, "DKK", "10 millioner kroner"],
    ["Boten blev 4 mia. kr. i alt.", "da", 4e9, "DKK", "4 mia. kr."],
    ["Avgiften är 50 miljoner kronor.", "sv", 5e7, "SEK", "50 miljoner kronor"],
    ["Banken får betala SEK 4 miljarder.", "sv", 4e9, "SEK", "SEK 4 miljarder"],
    ["Selskapet betaler NOK 2,1 millioner.", "no", 2.1e6, "NOK", "NOK 2,1 millioner"],
    ["Seuraamusmaksu on 25 000 euroa.", "fi", 25000, "EUR", "25 000 euroa"],
    ["Menetykset olivat 16,2 miljoonaa euroa.", "fi", 16.2e6, "EUR", "16,2 miljoonaa euroa"],
    ["A bírság 1,5 milliárd forint volt.", "hu", 1.5e9, "HUF", "1,5 milliárd forint"],
    ["A bírság 500 ezer Ft.", "hu", 5e5, "HUF", "500 ezer Ft"],
    ["Amenda este de 10 milioane lei.", "ro", 1e7, "RON", "10 milioane lei"],
    ["O amendă de 124.500 lei a fost aplicată.", "ro", 124500, "RON", "124.500 lei"],
    ["Pokuta činí 5 milionů korun.", "cs", 5e6, "CZK", "5 milionů korun"],
    ["Zisk dosáhl 5 mld. Kč.", "cs", 5e9, "CZK", "5 mld. Kč"],
    ["Глобата е 10 милиона лева.", "bg", 1e7, "BGN", "10 милиона лева"],
    ["Kazna iznosi 3 milijuna eura.", "hr", 3e6, "EUR", "3 milijuna eura"],
    ["Globa znaša 4 milijonov evrov.", "sl", 4e6, "EUR", "4 milijonov evrov"],
    ["Το πρόστιμο ανέρχεται σε 5 εκατ. ευρώ.", "el", 5e6, "EUR", "5 εκατ. ευρώ"],
    ["Trahv on 3 miljonit eurot.", "et", 3e6, "EUR", "3 miljonit eurot"],
    ["Sods ir 2 miljoni eiro.", "lv", 2e6, "EUR", "2 miljoni eiro"],
    ["Bauda siekia 6 milijonų eurų.", "lt", 6e6, "EUR", "6 milijonų eurų"],
    ["Kara wynosi 5 mln zł.", "pl", 5e6, "PLN", "5 mln zł"],
    ["Kapitál ve výši CZK 2,5 je malý.", "cs", 2.5, "CZK", "CZK 2,5"],
  ])("%s", (text, language, value, currency, written) => {
    expect(of(text, undefined, language)).toEqual([["money", value, currency, written]]);
  });

  it("reads an ISO code of the region before or after an English number", () => {
    expect(of("a fine of SEK 4 billion")).toEqual([["money", 4e9, "SEK", "SEK 4 billion"]]);
    expect(of("paid 1,250,000 HUF")).toEqual([["money", 1250000, "HUF", "1,250,000 HUF"]]);
  });

  it("reads whose crown it is from a regional language tag too (nb-NO, da-DK, sv_SE)", () => {
    expect(of("Boten var på 2,1 millioner kroner.", undefined, "nb-NO")).toEqual([["money", 2.1e6, "NOK", "2,1 millioner kroner"]]);
    expect(of("Banken fik en bøde på 10 millioner kroner.", undefined, "da-DK")).toEqual([["money", 1e7, "DKK", "10 millioner kroner"]]);
    expect(of("Avgiften är 50 miljoner kronor.", undefined, "sv_SE")).toEqual([["money", 5e7, "SEK", "50 miljoner kronor"]]);
  });

  it("gives no currency for a crown when the item's language does not say whose it is: only the number as written", () => {
    expect(of("Boten var på 2,1 millioner kroner.")).toEqual([["count", 2.1e6, "2,1 millioner"]]);
    expect(of("Boten var på 2,1 millioner kroner.", undefined, "en")).toEqual([["count", 2.1e6, "2,1 millioner"]]);
  });

  it("makes no amount of these words without a number before them, nor of feet", () => {
    expect(of("Vi betaler i kr og øre.", undefined, "no")).toEqual([]);
    expect(of("Cursul leului și al lei a scăzut; lei noi au intrat în circulație.", undefined, "ro")).toEqual([]);
    expect(of("a 10 ft wall")).toEqual([]);
  });
});

describe("extractFigures: acts and bills as these countries cite them", () => {
  it.each([
    ["Hallitus antoi esityksen HE 31/2024 vp eduskunnalle.", "31/2024", "HE 31/2024 vp"],
    ["Regeringen lämnade prop. 2024/25:43 till riksdagen.", "2024/25:43", "prop. 2024/25:43"],
    ["Lagen publicerades som SFS 2025:1377.", "2025:1377", "SFS 2025:1377"],
    ["Ändringar i lagen (2025:1378) om skatt.", "2025:1378", "(2025:1378)"],
    ["Regjeringen fremmet Prop. 55 LS (2024–2025) i dag.", "55", "Prop. 55 LS (2024–2025)"],
    ["Reglerne følger af lov nr. 1234 om betalinger.", "1234", "lov nr. 1234"],
    ["Podle zákona č. 253/2008 Sb. musí banka hlásit obchody.", "253/2008", "zákona č. 253/2008 Sb."],
    ["Podľa zákona č. 483/2001 Z. z. o bankách.", "483/2001", "zákona č. 483/2001 Z. z."],
    ["Przepisy ustawy (Dz.U. 2024 poz. 123) obowiązują.", "2024 poz. 123", "Dz.U. 2024 poz. 123"],
    ["Σύμφωνα με τον ν. 4706/2020 η επιτροπή αποφάσισε.", "4706/2020", "ν. 4706/2020"],
    ["Ο νόμος 5273/2026 ψηφίστηκε.", "5273/2026", "νόμος 5273/2026"],
    ["Conform Legea nr. 129/2019 entitățile raportează.", "129/2019", "Legea nr. 129/2019"],
    ["A 2024. évi VII. törvény módosította a szabályokat.", "2024. évi VII.", "2024. évi VII. törvény"],
    ["Zakon o tržištu kapitala (NN 12/2024) stupio je na snagu.", "12/2024", "NN 12/2024"],
  ])("%s", (text, value, written) => {
    expect(of(text)).toEqual([["act", value, written]]);
  });

  it("reads a time in brackets as no statute", () => {
    expect(of("Mötet börjar (10:30) i morgon.")).toEqual([]);
  });
});

describe("extractFigures: a day and month without a year or a dot", () => {
  it.each([
    ["Η απόφαση ισχύει από 8 Σεπτεμβρίου.", "2024-09-08", "8 Σεπτεμβρίου"],
    ["Решението е от 18 септември.", "2024-09-18", "18 септември"],
    ["Comunicatul din 18 noiembrie a fost publicat.", "2024-11-18", "18 noiembrie"],
  ])("%s", (text, value, written) => {
    expect(of(text, "2024-10-01")).toEqual([["date", value, written]]);
  });
});

describe("extractFigures: a dot before groups of three digits", () => {
  it("groups thousands in an amount of money, whatever the language (no currency is written to a tenth of a cent)", () => {
    expect(of("Bitcoin cayó hasta $100.031 el lunes.", undefined, "es")).toEqual([["money", 100031, "USD", "$100.031"]]);
    expect(of("Bitcoin fell to $100.031 on Monday.")).toEqual([["money", 100031, "USD", "$100.031"]]);
  });

  it("groups thousands in a token amount in a language that writes a decimal comma", () => {
    expect(of("Gli ETF hanno acquisito 25.729 Bitcoin la scorsa settimana.", undefined, "it")).toEqual([["money", 25729, "BTC", "25.729 Bitcoin"]]);
    expect(of("ele geçirilen 69.370 Bitcoin satılacak", undefined, "tr")).toEqual([["money", 69370, "BTC", "69.370 Bitcoin"]]);
  });

  it("keeps three decimals of a token in English; a scale word's amount is read as before", () => {
    expect(of("The fund holds 25.729 BTC.", undefined, "en")).toEqual([["money", 25.729, "BTC", "25.729 BTC"]]);
    expect(of("Il fondo ha raccolto 2,5 milioni di dollari.", undefined, "it")).toEqual([["money", 2500000, "USD", "2,5 milioni di dollari"]]);
  });
});
