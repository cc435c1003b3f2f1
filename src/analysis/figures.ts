import type { Figure } from "../core/article.js";
import { ACT_BEFORE, ACT_NUMBER, mayHaveProvisionalMeasure, NUMBERED_ACT, POLISH_JOURNAL, PROVISIONAL_MEASURE } from "./act-numbers.js";
import { afterNumbers, type AfterNumbers, digitsBefore, digitsOfRuns, mayFollow, mayStartAt, numberRuns, wordsAfterNumber } from "./after-number.js";
import { alternation } from "./alternation.js";
import { COUNT_AT, COUNT_BEFORE, COUNT_WORDS, countValue, VOTE_AT, voteStart, voteStarts, voteValue } from "./counts.js";
import { isoDate, parseReference, type Reference } from "./dates.js";
import { tagLanguage } from "./language.js";
import { hasSwahiliDate, hasVietnameseDate, LOCAL_DATE_AT, localDateStart, localDateStarts, localDateValue, REGION_DATE, SWAHILI_DATE, VIETNAMESE_DATE } from "./local-dates.js";
import { matchAll, matchesAt } from "./matches.js";
import { fifteenDigits } from "./precision.js";
import { aboutRate, BASIS_POINT, BASIS_POINT_WORDS, basisPoints, clockMinutes, FISCAL_YEAR, MEASURE_BEFORE, PERIOD, PERIOD_WORDS, periodValue, RATE_POINT, RATE_POINT_WORDS } from "./measures.js";

// Figures a trader needs kept exactly: money with its currency, percentages, dates and deadlines.

const SYMBOLS: Record<string, string> = {
  "US$": "USD", "HK$": "HKD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "NT$": "TWD", "NZ$": "NZD", "R$": "BRL",
  $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "￥": "JPY", "₹": "INR", "₩": "KRW", "฿": "THB", "₦": "NGN",
  "₱": "PHP", "₫": "VND", "₺": "TRY", "₽": "RUB", "₣": "CHF",
};
// The codes of the Nordic and Central and South-East European currencies.
const REGION_CODES = "SEK|NOK|DKK|ISK|HUF|RON|CZK|PLN|BGN|HRK";
const CODES =
  `${REGION_CODES}|Rs|USD|EUR|GBP|JPY|KRW|CNY|RMB|HKD|SGD|AUD|CAD|CHF|INR|THB|AED|MYR|PHP|IDR|VND|NGN|KES|Ksh|TSh|TZS|UGX|GHS|EGP|ZAR|TRY|ARS|BRL|MXN|TWD|NZD|SAR|RUB|PKR|USDT|USDC|BTC|ETH|SOL|XRP`;
const WORDS: Record<string, string> = {
  yen: "JPY", dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", pound: "GBP", pounds: "GBP", sterling: "GBP",
  bitcoin: "BTC", bitcoins: "BTC", ether: "ETH",
  won: "KRW", yuan: "CNY", renminbi: "CNY", rupee: "INR", rupees: "INR", baht: "THB", ringgit: "MYR", dirham: "AED",
  dirhams: "AED", francs: "CHF", naira: "NGN", pesos: "ARS", rand: "ZAR", lira: "TRY", rupiah: "IDR", dong: "VND",
  USDT: "USDT", USDC: "USDC", BTC: "BTC", ETH: "ETH", 新台幣: "TWD", 新台币: "TWD", 泰銖: "THB", 泰铢: "THB", 港幣: "HKD", 英鎊: "GBP", 英镑: "GBP", 歐元: "EUR", 欧元: "EUR", 韓元: "KRW", 美金: "USD",
  円: "JPY", ドル: "USD", ユーロ: "EUR", 元: "CNY", 人民币: "CNY", 美元: "USD", 港元: "HKD", 港币: "HKD", 日元: "JPY",
  韩元: "KRW", 원: "KRW", 달러: "USD", 엔: "JPY", 유로: "EUR", 위안: "CNY",
  // The hryvnia as English texts spell it ("100K hryvnia"); Hindi names the dollar, rupee and euro ("13649.72 डॉलर").
  hryvnia: "UAH", hryvnias: "UAH", hryvnas: "UAH", hryvnya: "UAH", UAH: "UAH",
  डॉलर: "USD", रुपये: "INR", रुपए: "INR", यूरो: "EUR",
};
const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
  tn: 1e12, crore: 1e7, crores: 1e7, lakh: 1e5, lakhs: 1e5, "करोड़": 1e7, "करोड": 1e7, "लाख": 1e5, 千: 1e3, 천: 1e3, 万: 1e4, 萬: 1e4, 만: 1e4, 億: 1e8,
  亿: 1e8, 억: 1e8, 兆: 1e12, 조: 1e12,
};

const DOLLAR_AFTER = /^\s?(AUD|CAD|NZD|HKD|SGD|USD|TWD|MXN)\b/;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_WORDS = "thousand|million|billion|trillion|crores?|lakhs?|mln|mn|bn|tn";
const SCALE_LETTERS = "k|m|b";
// Hindi writes Indian scales in Devanagari ("₹18.8 करोड़"), where \b does not see a word's end.
const SCALE_WORD = String.raw`(?:\s?(?:${SCALE_WORDS})\b|(?:${SCALE_LETTERS})\b|\s?(?:करोड़|करोड|लाख)(?![\p{L}\p{M}]))`;
const symbolAlt = alternation(Object.keys(SYMBOLS));
const wordAlt = alternation(Object.keys(WORDS));
// A CJK amount: groups like 130조8000억 or 50万 or 2.5億, then the currency word.
const CJK_AMOUNT = String.raw`(?:(?:${NUM})\s?[兆조億亿억萬万만千천]{0,2}\s?)+`;

const SYMBOL_AMOUNT = String.raw`(?<n1>${NUM})(?<s1>${SCALE_WORD})?`;
const CODE_AMOUNT = String.raw`(?<n2>${NUM})(?<s2>${SCALE_WORD})?`;
const CJK_CURRENCY = "USDT|USDC|BTC|ETH|新台幣|新台币|泰銖|泰铢|港幣|英鎊|英镑|歐元|欧元|韓元|美金|円|ドル|ユーロ|元|人民币|美元|港元|港币|日元|韩元|원|달러|엔|유로|위안";
// The alternatives that start with the number.
// "20.862.500 HKD": several groups after dots are thousands in any language (`dotGroupsThousands` reads them).
const NUMBER_FIRST = [
  String.raw`(?<n3>\d{1,3}(?:\.\d{3}){2,}(?![\d.,])|${NUM})(?<s3>${SCALE_WORD})?\s?(?<word>${CODES}|(?:${wordAlt}))(?![A-Za-z])`,
  String.raw`(?<cjk>${CJK_AMOUNT})(?<cjkCur>${CJK_CURRENCY})`,
  // The low end of a range whose currency comes once, after the high end: "罰50萬至200萬元", "5万～10万円".
  String.raw`(?<cjkLow>(?:${NUM})\s?[兆조億亿억萬万만千천]{1,2})(?=\s?(?:至|到|~|～|－|-)\s?${CJK_AMOUNT}(?<cjkLowCur>${CJK_CURRENCY}))`,
  // Korean writes amounts in 억 and 조 without "원" where the won is understood: "자본금 50억".
  String.raw`(?<krw>(?:(?:${NUM})\s?[조억만천]{1,2}\s?)*(?:${NUM})\s?[조억])(?![원\d])`,
];
const MONEY = new RegExp(
  [String.raw`(?<sym>${symbolAlt})\s?${SYMBOL_AMOUNT}`, String.raw`\b(?<code>${CODES})\s?${CODE_AMOUNT}`, ...NUMBER_FIRST].join("|"),
  "giu",
);
// MONEY searched from the number, the symbol or code checked behind it (`matchesFromNumber` turns its matches
// into MONEY's): alternatives that start with letters are tried, case-insensitively, at nearly every position of
// a text, which was most of the figures' cost; from a digit, the search passes over words at once.
const SIGN_BEHIND = [
  String.raw`(?<=(?<symPrefix>(?<sym>${symbolAlt})\s?))${SYMBOL_AMOUNT}`,
  String.raw`(?<=(?<codePrefix>\b(?<code>${CODES})\s?))${CODE_AMOUNT}`,
];
// Every alternative starts at a digit, said first. Sticky: tried only at the digits where a match may start
// (`moneyStarts`), not searched for.
const MONEY_FROM_NUMBER = new RegExp(String.raw`(?=\d)(?:` + [...SIGN_BEHIND, ...NUMBER_FIRST].join("|") + ")", "iuy");
// The same without the alternatives that start with the number, for a text where none of their words follows a
// number (a scale, a code, a currency's name, a CJK unit): there they cannot match, and they were most of the cost.
// A sign or code is right behind the number, so no digit, point or comma is: said first, so that the search
// passes over the rest of a number at once.
const MONEY_FROM_SIGN = new RegExp(String.raw`(?=\d)(?<![\d.,])(?:` + SIGN_BEHIND.join("|") + ")", "iuy");
const NUMBER_FIRST_WORDS = wordsAfterNumber(
  [
    ...SCALE_WORDS.split("|"), ...CODES.split("|"), ...Object.keys(WORDS), ...CJK_CURRENCY.split("|"),
    ...Object.keys(SCALE).filter((unit) => !/^[a-z]/.test(unit)),
  ],
  SCALE_LETTERS.replaceAll("|", ""),
);
/** The search from the number for `text`: without the alternatives that start with it where they cannot match. */
const moneyFromNumber = (text: string, after = afterNumbers(text)): RegExp =>
  mayFollow(after, NUMBER_FIRST_WORDS) ? MONEY_FROM_NUMBER : MONEY_FROM_SIGN;
// The last characters of the signs and codes, in both cases (and the Kelvin sign and long s, which the flags iu
// read as "k" and "s"): a sign or code behind a number ends with one, right before it or before one space.
const SIGN_ENDS = new Set<number>();
for (const sign of [...Object.keys(SYMBOLS), ...CODES.split("|")]) {
  const last = sign.at(-1)!;
  for (const c of [last, last.toLowerCase(), last.toUpperCase(), ...(/k/i.test(last) ? ["\u212a"] : []), ...(/s/i.test(last) ? ["\u017f"] : [])]) {
    SIGN_ENDS.add(c.charCodeAt(0));
  }
}
/** Whether a sign or code may stand behind the digit at `at`, or behind the one space before it. */
function signBehind(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (SIGN_ENDS.has(c)) return true;
  // Every whitespace character (and more: the check only has to miss none).
  const space = c === 32 || (c >= 9 && c <= 13) || c >= 0x80;
  return space && SIGN_ENDS.has(text.charCodeAt(at - 2));
}
/**
 * The digits where MONEY_FROM_NUMBER may match: a sign or code is behind the digit, or a word of its amounts may
 * start where the digit's run ends. Everywhere else every alternative fails, and they are costly to try.
 */
function moneyStarts(text: string, runs: readonly number[]): number[] {
  const starts: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const word = mayStartAt(text, runs[r + 1]!, NUMBER_FIRST_WORDS);
    for (let i = runs[r]!; i < runs[r + 1]!; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57 && (word || signBehind(text, i))) starts.push(i);
    }
  }
  return starts;
}
// The Nordic, Baltic, Central and South-East European words decline ("3,5 procenta", "6,50 százalékos", "2,2
// prosenttia", "2,5 posto"); a word that goes on into a percentage point ("százalékpont", "prosenttiyksikkö",
// "procentpunkti") is left to BASIS_POINT.
// A letter of the Latin, Greek and Cyrillic blocks (PERCENT is searched without the flag u).
const LETTER = "[A-Za-zÀ-ÖØ-öø-ɏͰ-ϿЀ-ӿ]";
// Marathi, Gujarati, Punjabi, Tamil, Telugu, Kannada and Malayalam, each with its case ending ("टक्क्यांवर", "சதவீதமாக"):
// the letters and signs of the Indic blocks after the word. One alternative per word, as `wordsAfterNumber` reads them.
const INDIC_PERCENT = ["टक्क", "ટકા", "ਫੀਸਦੀ", "ਫ਼ੀਸਦੀ", "ਪ੍ਰਤੀਸ਼ਤ", "சதவீத", "శాతం", "ಶೇಕಡ", "ശതമാന"].map((w) => String.raw`${w}[\u0900-\u0DFF]*`).join("|");
const PERCENT_WORD_PLAIN = String.raw`percent\b|per cent\b|pc\b|pkt proc\.|proc\.|procent\b|por ciento\b|por cento\b|Prozent\b|pour cent\b|per cento\b|процент(?!н${LETTER}*\s(?:пункт|поен))${LETTER}*|пайыз(?!д${LETTER}*\s(?:тармақ|пункт))${LETTER}*|хув(?:ь|и)${LETTER}*|foiz\b(?!\s+band)|տոկոս(?!ային)[\u0561-\u0587]*|პროცენტ(?!ულ)[\u10d0-\u10ff]*|درصد|በመቶ|${INDIC_PERCENT}|persent\b|persen\b|peratus\b|パーセント|퍼센트|في المائة|في المئة|بالمائة|بالمئة|प्रतिशत|फीसदी|फ़ीसदी|শতাংশ|فیصد|เปอร์เซ็นต์|phần trăm|porsiyento|porsyento|אחוז`;
// The declined words first: "percent\\b" would end "4 percentá" before its "á".
const PERCENT_WORD = [
  String.raw`prosent(?:ti|tia|tiin|tiä|illa|in)?(?!${LETTER})|procent(?:a|ai|o|u|ų|us|ech|ům|ami|i|iem)(?!${LETTER})|percent(?:a|á|o)(?!${LETTER})`,
  String.raw`százalék(?!pont)${LETTER}*|la sută(?!${LETTER})|posto(?:tak|taka|tka|tku)?(?!${LETTER})|odstot(?:ek|ka|ke|kov|kih)(?!${LETTER})`,
  String.raw`protsen(?:t|ti|di|dile|dini|diga)(?!${LETTER})|τοις εκατόν?(?!${LETTER})`,
  PERCENT_WORD_PLAIN,
].join("|");
// A range written with a word: "från 3,50 till 3,25 procent", "2,5 és 3 százalék", "6 to 8 percent", "4 à 8 %".
const RANGE_WORD = "till|til|ja|és|și|do|až|и|ir|un|kuni|έως|to|and|à|a|y|e|bis";
const PERCENT_RANGE = String.raw`(?<![\d.,])(?<low2>\d{1,3}(?:,\d{1,2})?)(?=\s(?:${RANGE_WORD})\s[-−]?\d{1,3}(?:,\d{1,2})?\s?(?:%|${PERCENT_WORD}))`;
// The first number of a range keeps the sign written after the second: "0.25–0.5%", "6-8%". Without the flag u,
// which made the search slower at every digit: letters are the Latin, Greek and Cyrillic blocks, written out.
const PERCENT = new RegExp(
  String.raw`(?:(?<![\d.,])(?<dec>\d+(?:,|・)\d{1,2})|(?<![\d.])(?<n>${NUM}))\s?(?:%|％|${PERCENT_WORD})|(?<![\d.,])(?<low>\d{1,3}(?:[.,]\d{1,2})?)(?=\s?[-–]\s?\d{1,3}(?:[.,]\d{1,2})?\s?(?:%|％|${PERCENT_WORD_PLAIN}))|${PERCENT_RANGE}`,
  "gi",
);
// PERCENT is searched only in a text with a percent sign or where one of its words may follow a number.
// The declined words by their stems: split at "|", their alternatives of endings would read as words.
const PERCENT_WORDS = wordsAfterNumber([
  ...PERCENT_WORD_PLAIN.split("|"),
  "prosent", "procent", "percent", "százalék", "la sută", "posto", "odstot", "protsen", "τοις εκατό",
]);
const mayHavePercent = (text: string, after: AfterNumbers): boolean =>
  text.includes("%") || text.includes("％") || mayFollow(after, PERCENT_WORDS);
const RANGE_WORDS = wordsAfterNumber(RANGE_WORD.split("|"));
// PERCENT tried at `percentStarts` (by `matchesAt`): every alternative starts with the number, and most numbers of a
// text with a percentage are none.
const PERCENT_AT = new RegExp(PERCENT.source, "iy");
/**
 * The digits where PERCENT may match: those of a number's run that a sign ends, or a Japanese decimal point
 * ("0・5%"), a range's dash, or where a percent word or a range's word may start.
 */
const percentStarts = (text: string, runs: readonly number[]): number[] =>
  digitsOfRuns(text, runs, (end) => {
    const c = text.charCodeAt(end);
    if (c === 0x25 || c === 0xff05 || c === 0x30fb || c === 0x2d || c === 0x2013) return true;
    return mayStartAt(text, end, PERCENT_WORDS) || mayStartAt(text, end, RANGE_WORDS);
  });
/** A minus sign right before the number at `at`, itself after a space, a bracket or the text's start. */
function negativeAt(text: string, at: number): boolean {
  const sign = text[at - 1];
  if (sign !== "-" && sign !== "\u2212") return false;
  const before = text[at - 2];
  return before === undefined || before === "(" || /\s/.test(before);
}
// Turkish writes the sign first: "%38"; Turkish, Swahili, Sinhala and Kannada the word too: "yüzde 38", "asilimia 6",
// "සියයට 7.75", "ಶೇ 6".
const PERCENT_BEFORE = /(?<![\w%])(?:%|yüzde\s|asilimia\s|සියයට\s|ಶೇ\.?\s?)(?<n>\d+(?:[.,]\d+)?)(?![\d])/giu;
// Tried at a number's first digit (sticky), looking behind it: no copy of the text before it is made.
const WORD_BEFORE = /(?<=(?:yüzde|asilimia|සියයට)\s|ಶೇ\.?\s?)/iuy;
/** Whether a sign or a percent word stands right before a number's first digit: PERCENT_BEFORE is searched only then. */
function percentSignBefore(text: string, runs: readonly number[]): boolean {
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    if (text.charCodeAt(start - 1) === 0x25) return true;
    WORD_BEFORE.lastIndex = start;
    if (WORD_BEFORE.test(text)) return true;
  }
  return false;
}

// Amounts written the way most languages other than English write them: "2 millones de euros", "1,5 Mrd. Euro",
// "Rp600 juta", "5 แสนบาท", "300 тысяч рублей" ("." groups thousands, "," is the decimal point).
const LOCAL_SCALE: Record<string, number> = {
  "mil millones": 1e9, millones: 1e6, mil: 1e3, "millón": 1e6, "milhões": 1e6, "milhão": 1e6, "bilhões": 1e9, "bilhão": 1e9,
  millionen: 1e6, million: 1e6, milliarden: 1e9, milliarde: 1e9, "mio.": 1e6, "mrd.": 1e9, millions: 1e6, milliards: 1e9,
  milliard: 1e9, milioni: 1e6, milione: 1e6, miliardi: 1e9, miliardo: 1e9, "миллионов": 1e6, "миллиона": 1e6,
  "миллион": 1e6, "млн": 1e6, "миллиардов": 1e9, "миллиарда": 1e9, "миллиард": 1e9, "млрд": 1e9, "тысяч": 1e3,
  "тыс.": 1e3, milyon: 1e6, milyar: 1e9, "triệu": 1e6, "tỷ": 1e9, "nghìn": 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12,
  bilion: 1e9, "ล้านล้าน": 1e12, "ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3, "ألف": 1e3, "مليون": 1e6, "مليار": 1e9,
  miljoen: 1e6, miljard: 1e9, mln: 1e6, mld: 1e9, "milionów": 1e6, miliony: 1e6, milion: 1e6, "miliardów": 1e9, miliardy: 1e9, "tys.": 1e3,
  ribu: 1e3, bin: 1e3, "tysięcy": 1e3, "tysiące": 1e3, "tysiąc": 1e3, "ملايين": 1e6, "مليارات": 1e9,
  // sv no da fi hu ro cs sk bg hr sl el et lv lt
  miljoner: 1e6, miljon: 1e6, miljarder: 1e9, millioner: 1e6, milliarder: 1e9, "mill.": 1e6, "mia.": 1e9, miljoonaa: 1e6,
  miljoona: 1e6, miljoonan: 1e6, miljardia: 1e9, miljardi: 1e9, miljardin: 1e9, "milj.": 1e6, tuhatta: 1e3, "millió": 1e6,
  "milliárd": 1e9, ezer: 1e3, milioane: 1e6, miliarde: 1e9, miliard: 1e9, mii: 1e3, "milionů": 1e6, "mld.": 1e9, "mil.": 1e6,
  "tis.": 1e3, "tisíc": 1e3, "miliónov": 1e6, "milióna": 1e6, "milióny": 1e6, "milión": 1e6, "милиона": 1e6, "милион": 1e6,
  "милиарда": 1e9, "милиард": 1e9, "млн.": 1e6, "млрд.": 1e9, milijuna: 1e6, milijun: 1e6, milijarde: 1e9, milijardi: 1e9,
  milijonov: 1e6, milijona: 1e6, milijon: 1e6, milijard: 1e9, "εκατ.": 1e6, "εκατομμύρια": 1e6, "εκατομμυρίων": 1e6,
  "εκατομμύριο": 1e6, "δισ.": 1e9, "δισεκατομμύρια": 1e9, "δισεκατομμυρίων": 1e9, miljonit: 1e6, miljardit: 1e9,
  miljoni: 1e6, miljonu: 1e6, miljons: 1e6, miljardu: 1e9, "milijonų": 1e6, milijono: 1e6, milijonai: 1e6,
  "milijardų": 1e9, milijardo: 1e9, "mln.": 1e6, "mlrd.": 1e9,
  // he
  "אלף": 1e3, "מיליון": 1e6, "מיליארד": 1e9,
  // uk
  "мільйонів": 1e6, "мільйона": 1e6, "мільйон": 1e6, "мільярдів": 1e9, "мільярда": 1e9, "мільярд": 1e9, "тисяч": 1e3, "тис.": 1e3,
};
// A crown whose country the word does not say: Norwegian, Danish (and Swedish "kr") write it alike.
const CROWN = "crown";
const CROWNS: Readonly<Record<string, string>> = { no: "NOK", nb: "NOK", nn: "NOK", da: "DKK", sv: "SEK" };
const LOCAL_CURRENCY: Record<string, string> = {
  euros: "EUR", euro: "EUR", reais: "BRL", real: "BRL", pesos: "MXN", "dólares": "USD", dolares: "USD", dollari: "USD",
  "долларов": "USD", "доллара": "USD", "доллар": "USD", "евро": "EUR", "рублей": "RUB", "рубля": "RUB", "рубль": "RUB", tl: "TRY", lira: "TRY", "đồng": "VND", rupiah: "IDR",
  ringgit: "MYR", dirhams: "AED", dirham: "AED", "บาท": "THB", "ดอลลาร์": "USD", "ดอลลาร์สหรัฐ": "USD", "ريال": "SAR", "درهم": "AED", "دولار": "USD", rp: "IDR", "rp.": "IDR", rm: "MYR",
  "r$": "BRL", "us$": "USD", "€": "EUR", "₺": "TRY", usd: "USD", "us-dollar": "USD", dollar: "USD", "dólar": "USD", dolar: "USD", dolara: "USD", "doların": "USD", "dolarlık": "USD", $: "USD",
  dollars: "USD", "zł": "PLN", "złotych": "PLN", "złote": "PLN", "гривень": "UAH", "гривен": "UAH", "гривні": "UAH", "грн": "UAH",
  // The pound sterling in German, Spanish, Portuguese, French and Italian ("300.000 Pfund"): "libras" alone is also a
  // weight, and is left out. The dollar in Vietnamese ("95.976 đô la").
  pfund: "GBP", "pfund sterling": "GBP", "britische pfund": "GBP", "libras esterlinas": "GBP", "livres sterling": "GBP",
  sterline: "GBP", sterlina: "GBP", "đô la": "USD", "đô la mỹ": "USD", "đôla": "USD",
  // Swiss francs in German and Italian; CFA francs as West African francophone texts write them (the BCEAO's XOF).
  franken: "CHF", "schweizer franken": "CHF", franchi: "CHF", "francs suisses": "CHF", fcfa: "XOF", "francs cfa": "XOF", "f cfa": "XOF",
  // The euro as the Finnish, Baltic, Slovak, Croatian, Slovene and Greek texts decline it, and the other currencies
  // of the region by name, sign and code after the number ("1,5 milliárd forint", "10 milioane lei", "5 mld. Kč").
  euroa: "EUR", euron: "EUR", eur: "EUR", eura: "EUR", "eurų": "EUR", eurai: "EUR", eurot: "EUR", eiro: "EUR", evrov: "EUR",
  evra: "EUR", "ευρώ": "EUR", kronor: "SEK", forint: "HUF", forintot: "HUF", forintos: "HUF", forinttal: "HUF", ft: "HUF",
  lei: "RON", leu: "RON", korun: "CZK", koruny: "CZK", koruna: "CZK", "kč": "CZK", "лева": "BGN", "лв.": "BGN", "лв": "BGN",
  kuna: "HRK", kune: "HRK", sek: "SEK", nok: "NOK", dkk: "DKK", isk: "ISK", huf: "HUF", ron: "RON", czk: "CZK", pln: "PLN",
  bgn: "BGN",
  // The dollar as Czech, Slovak, Ukrainian, Bulgarian, Slovene, Baltic, Hungarian, Romanian, Greek and Finnish texts
  // decline it ("90 tisíc dolarů", "5 мільйонів доларів"), and the euro in Ukrainian.
  "dolarů": "USD", "dolárov": "USD", "доларів": "USD", "долари": "USD", "долара": "USD", "долар": "USD", dolarjev: "USD",
  "dolerių": "USD", "dolāru": "USD", "dollár": "USD", "dollárt": "USD", dolari: "USD", "δολάρια": "USD", "δολαρίων": "USD",
  dollaria: "USD", "євро": "EUR", "dolarów": "USD", dolary: "USD", "δολ.": "USD",
  // Bitcoin counted in Spanish ("7.000 bitcoines"), with the thousands grouped the local way.
  bitcoines: "BTC",
  // Hebrew: the dollar, the shekel, the euro.
  "דולר": "USD", "שקל": "ILS", "שקלים": "ILS", "ש״ח": "ILS", "ש\"ח": "ILS", "אירו": "EUR",
  // Norwegian and Danish crowns are both "kroner" and "kr.": the item's language says which (CROWN, resolved below).
  kroner: CROWN, "kr.": CROWN, kr: CROWN,
};
const localScaleAlt = alternation(Object.keys(LOCAL_SCALE));
// The local scale words after a dollar sign: not "million(s)", spelt as English spells it ("$10 million" is MONEY's).
const dollarScaleAlt = alternation(Object.keys(LOCAL_SCALE).filter((w) => w !== "million" && w !== "millions"));
const localCurrencyAlt = alternation(Object.keys(LOCAL_CURRENCY));
// The first characters of the words that may follow a local amount's number: checked before its word lists are tried.
const LOCAL_FIRST = [...new Set([...Object.keys(LOCAL_SCALE), ...Object.keys(LOCAL_CURRENCY), "de", "di", "d'"].map((w) => w[0]!))]
  .map((c) => c.replace(/[\]\\^-]/g, "\\$&"))
  .join("");
// A comma is a decimal point only before one or two digits: "1,5 milhão", never "1,500".
// Swiss German groups with an apostrophe: "124'000 US-Dollar".
const LOCAL_NUM = String.raw`\d{1,3}(?:['’]\d{3})+(?:\.\d{1,2})?(?!\d)|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d{1,2})?(?!\d)|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?!\d)|\d+(?:,\d{1,2})?(?![\d,]|\.\d)`;
// The alternatives that start with a sign or code, then those that start with the number.
const LOCAL_SIGN_FIRST = [
  // Not before an English scale ("€20bn", "€20 billion"): that amount is English, read by MONEY.
  String.raw`(?<pre>US\$|Rp\.?|RM|R\$|€|₺)\s?(?<n1>${LOCAL_NUM})(?:\s?(?<s1>${localScaleAlt}))?(?!\s?(?:billion|trillion|bn|tn|mn|m|k|b)(?![\p{L}]))`,
  // "$ 69,1 тыс.", "$4.000 millones": a decimal comma or groups of thousands after dots before a local scale word, and
  // "$106 тыс.", any number before one that English does not spell ("$10 million" is MONEY's); tried before the bare
  // amount, which would stop before the scale. Not where a currency follows the scale: "$5 millones de pesos" is in pesos.
  String.raw`(?<![\p{L}])(?<scaledDollar>\$)\s?(?:(?<n5>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})\s?(?<s5>${localScaleAlt})|(?<n11>\d+)\s?(?<s11>${dollarScaleAlt}))(?![\p{L}])(?!\s?(?:de\s|d['’]|di\s)?(?:${localCurrencyAlt})(?![\p{L}]))`,
  String.raw`(?<dollar>\$)(?<n4>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})(?![\d.,])`,
];
const LOCAL_NUMBER_FIRST = [
  // Billions and millions written apart: "58 mil 497 millones de dólares", "70 milyar 796 milyon dolar" (70.796 billion).
  String.raw`(?<big>\d{1,3})\s(?:mil|milyar|miliar|milliards?|miliardi|Milliarden)\s(?<n9>\d{1,3})\s(?<s9>millones|milyon|juta|millions|milioni|Millionen)\s(?:de\s|d['’]|di\s)?(?<cur9>${localCurrencyAlt})(?![\p{L}])`,
  // Mexico and Arabic texts write a decimal point before a scale ("6.9 millones de pesos", "467.6 مليار دولار"): one or two
  // digits after it, never a group of three.
  String.raw`(?<n10>\d{1,3}\.\d{1,2})\s(?<s10>mil millones|millones|millón|milhões|milhão|bilhões|bilhão|مليار|مليون|ملايين|مليارات)\s(?:de\s)?(?<cur10>${localCurrencyAlt})(?![\p{L}])`,
  // Thai writes a decimal point before its scale: "1.92 ล้านบาท".
  String.raw`(?<n6>\d{1,3}(?:,\d{3})*\.\d{1,3})\s?(?<s6>ล้านล้าน|ล้าน|แสน|หมื่น|พัน)\s?(?<cur6>บาท|ดอลลาร์(?:สหรัฐ)?)`,
  String.raw`(?<n3>\d+,\d{1,2})(?<=\b(?<iso>USD|EUR)\s\d+,\d{1,2})\s(?<s3>${localScaleAlt})`,
  // The low end of a range whose scale and currency come once, after the high end: "entre 5 000 et 1 000 000 euros",
  // "amenzi de 10.000-50.000 de lei", "de 2 a 5 millones de dólares" (two million).
  String.raw`(?<nLow>${LOCAL_NUM})(?=\s?(?:[-–]|\s(?:et|à|a|and|to|y|e|und|bis|do|și|ve|ile|до|і|и|i|és|og|och|ja|tot)\s)\s?(?:${LOCAL_NUM})(?:[\s-]?(?<sLow>${localScaleAlt}))?[\s-]?(?:de\s|d['’]|di\s)?(?<curLow>${localCurrencyAlt})(?![\p{L}]))`,
  // German joins an amount into a compound with hyphens: "die 41.000-Dollar-Marke", "eine 2-Millionen-Euro-Strafe".
  String.raw`(?<n2>${LOCAL_NUM})(?=[\s-]?[${LOCAL_FIRST}])[\s-]?(?<s2>${localScaleAlt})?[\s-]?(?:de\s|d['’]|di\s)?(?<cur>${localCurrencyAlt})(?![\p{L}])`,
];
const LOCAL_MONEY = new RegExp([...LOCAL_SIGN_FIRST, ...LOCAL_NUMBER_FIRST].join("|"), "giu");
// The alternatives that start with a sign are tried at every "r" and "u" of a text (case-insensitively): they are
// left out of a text that has none of their signs (a dollar, euro or lira sign, Rp or RM before a number), and
// the others out of a text where none of their words follows a number. A currency written with "$" needs a "$".
const LOCAL_MONEY_FROM_NUMBER = new RegExp(LOCAL_NUMBER_FIRST.join("|"), "giu");
// What stands before a number: read behind the first digit of each run (`numberRuns`), or behind the one whitespace
// character there, instead of searched for across the text (a search for "Rp" or "RM" stopped at every "r").
const SPACE = /\s/;
const behindRun = (text: string, start: number): number => (SPACE.test(text.charAt(start - 1)) ? start - 1 : start);
const lower = (text: string, at: number): number => text.charCodeAt(at) | 0x20;
/** "Rp", "Rp." or "RM", in any case, before a number (/[Rr](?:[Pp]\.?|[Mm])\s?\d/). */
function rpOrRmBefore(text: string, runs: readonly number[]): boolean {
  for (let r = 0; r < runs.length; r += 2) {
    const at = behindRun(text, runs[r]!);
    if (lower(text, at - 1) === 0x6d && lower(text, at - 2) === 0x72) return true;
    const p = text.charCodeAt(at - 1) === 0x2e ? at - 2 : at - 1;
    if (lower(text, p) === 0x70 && lower(text, p - 1) === 0x72) return true;
  }
  return false;
}
// "NOK 2,1 millioner", "SEK 4 miljarder", "HUF 1 500 000": a code of the region before a number written the local way
// (a scale word, a decimal comma or groups of three); "SEK 4 billion" is left to the English amounts. Searched apart,
// only in a text with such a code before a number: checked behind every number, it made the amounts' search slower.
const REGION_CODE_MONEY = new RegExp(
  String.raw`\b(?<code7>${REGION_CODES})\s?(?:(?<n7>${LOCAL_NUM})\s?(?<s7>${localScaleAlt})(?![\p{L}])|(?<n8>\d{1,3}(?:[\u00a0\u202f .]\d{3})+(?:,\d{1,2})?(?![\d.,])|\d+,\d{1,2}(?![\d,]|\.\d)))`,
  "gu",
);
// Upper case only, as the codes are written.
const REGION_CODE_SET = new Set(REGION_CODES.split("|"));
const WORD_CHARACTER = /\w/;
/** A code of the region (all three letters) before a number, a word's start (/\b(?:SEK|…|HRK)\s?\d/). */
function regionCodeBefore(text: string, runs: readonly number[]): boolean {
  for (let r = 0; r < runs.length; r += 2) {
    const at = behindRun(text, runs[r]!);
    if (at >= 3 && REGION_CODE_SET.has(text.slice(at - 3, at)) && !WORD_CHARACTER.test(text.charAt(at - 4))) return true;
  }
  return false;
}
// A bare "$" makes a local amount only before a number written the local way ("$1.234.567", "$ 69,1 тыс.") or after
// a number ("64 500 $"): the English "$4.5 million" and "$97,500" leave out the sign-first alternatives, which were
// tried at every "r" and "u". Looked for around each dollar sign: a search of the whole text cost what it saved.
const LOCAL_DOLLAR_AFTER = /^\$\s?\d{1,3}(?:\.\d{3}|\d*,\d{1,2}(?!\d))/;
// Or any number before a local scale word ("$106 тыс."): a text that has one is searched for all of them.
const LOCAL_DOLLAR_SCALE = new RegExp(String.raw`^\$\s?\d+\s?(?:${dollarScaleAlt})(?![\p{L}])`, "iu");
const DIGIT_BEFORE_SIGN = /\d\s?$/;
function hasLocalSign(text: string, runs: readonly number[]): boolean {
  if (text.includes("€") || text.includes("₺")) return true;
  for (let i = text.indexOf("$"); i >= 0; i = text.indexOf("$", i + 1)) {
    const prev = text.charCodeAt(i - 1) | 0x20;
    // "R$" and "US$" in any case, a number right before the sign ("64 500 $"), or one written the local way after it.
    if (prev === 0x72 || (prev === 0x73 && (text.charCodeAt(i - 2) | 0x20) === 0x75)) return true;
    const after = text.slice(i, i + 32);
    if (DIGIT_BEFORE_SIGN.test(text.slice(Math.max(0, i - 2), i)) || LOCAL_DOLLAR_AFTER.test(after)) return true;
    if (LOCAL_DOLLAR_SCALE.test(after) && !/\p{L}/u.test(text.charAt(i - 1))) return true;
  }
  return rpOrRmBefore(text, runs);
}
// The forint is asked for by name: its beginning, "for", follows a number in most English texts.
const LOCAL_WORDS = wordsAfterNumber([
  ...Object.keys(LOCAL_SCALE), "de", "d'", "d’", "di",
  ...Object.keys(LOCAL_CURRENCY).filter((c) => /^\p{L}[^$]*$/u.test(c) && !c.startsWith("forint")),
]);
const FORINT = /forint/i;
/** LOCAL_MONEY, or the part of it that can match `text`: undefined where none can. */
function localMoney(text: string, after: AfterNumbers, runs: readonly number[]): RegExp | undefined {
  if (hasLocalSign(text, runs)) return LOCAL_MONEY;
  const may = mayFollow(after, LOCAL_WORDS) || FORINT.test(text);
  return may ? LOCAL_MONEY_FROM_NUMBER : undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
// A month alone, or a bare year, only after a word that makes it a date ("back in December", "since 2024", "by
// 2027"): "Bill 2025" is a name. "Through" makes a year a date, not a month.
// Months are named in English here: the other languages' date words, a quarter and "Through" make no month.
const MONTH_WORDS = String.raw`[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Ee]nd of|[Ee]arly|[Ll]ate|[Oo]f|[Bb]etween|[Dd]uring|[Tt]hroughout`;
// A year after the same words, "through" and a quarter or half ("Q1 2026", "H2 2025").
const YEAR_WORDS = String.raw`${MONTH_WORDS}|[Tt]hrough|Q[1-4]|H[12]`;
const MONTH_NAME_ALONE = String.raw`(?<m7>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!,?\s\d)`;
const YEAR_NUMBER_ALONE = String.raw`(?<y6>(?:19|20)\d\d)\b(?![-–/]\d)`;
// A year after the Spanish, Portuguese, French, Italian and German date words ("del 2025", "em 2025", "nel 2025",
// "im Jahr 2025"), the word for "year" ("el año 2025", "l'année 2026", "mwaka 2026"), "para" ("de 2024 para
// 2025") and a season ("l'automne 2024", "spring 2025"): searched after the local dates, whose "3 de abril de 2026"
// ends the same way.
const LOCAL_YEAR_WORDS = String.raw`\b(?:[Dd]el?|[Ee][nm]|[Nn]el|[Ii]m Jahr|[Dd]epuis|[Dd]ès|[Dd]esde|[Hh]asta|[Aa]té|[Dd]al|[Ss]eit|[Bb]is|[Pp]ara|[Aa]ño|[Aa]no|[Aa]nno|[Aa]nnée|[Mm]waka|[Aa]utumn|[Ss]pring|[Ss]ummer|[Ww]inter|[Aa]utomne|[Pp]rintemps|[Éé]té|[Hh]iver|[Oo]toño|[Pp]rimavera|[Vv]erano|[Ii]nvierno|[Oo]utono|[Vv]erão|[Ii]nverno|[Hh]erbst|[Ff]rühjahr|[Ss]ommer)\s`;
// Searched from the year, its word checked behind it (the group `word`): searched from the word, the search tried
// it at every "de", "en" and "el" of a text. No word ends another's at a word's start: the same word is read.
// The year comes first, so that the search passes over everything but a "1" or "2" at once.
const LOCAL_YEAR = new RegExp(String.raw`(?<y6>(?:19|20)\d\d)(?<=(?<word>${LOCAL_YEAR_WORDS})\d{4})\b(?![-–/]\d)`, "g");
// A year before the word for "year" or a locative ending ("2020 года", "2021 року", "2020 roku", "2023'te",
// "2024 yılında"), and a Japanese era year ("令和6年", "令和6事務年度" is 2024).
// Hungarian case endings after a hyphen ("2025-ben", "2025-ös", "2025-től"), Estonian and Latvian words after a
// dot ("2025. aastal", "2025. gadā"), Lithuanian "m." ("2025 m.").
const YEAR_ENDINGS = String.raw`-(?:ben|ban|ös|os|es|as|től|tól|ig|re|ra|ről|ról|beli|i)|\.\s(?:aastal|aastaks|aastani|aasta|gadā|gada|gadam|gadu)|\sm\.`;
const YEAR_BEFORE_WORD = new RegExp(
  String.raw`(?<![\d.,])(?<y>(?:19|20)\d\d)(?:\s(?:года|году|год|г\.|року|році|рік|roku|yılında|yılı|yılının|yılına|yılda)|['’](?:te|ta|de|da|teki|deki|den|dan|ten|tan|e|a|ye|ya|in|ın|un|ün)|${YEAR_ENDINGS})(?![\p{L}])|(?<era>令和|平成)(?<n>\d{1,2})\s?(?:年|事務年度)`,
  "gu",
);
const ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988 };
const MONTH_ALONE = String.raw`\b(?:${MONTH_WORDS})\s${MONTH_NAME_ALONE}`;
const YEAR_ALONE = String.raw`\b(?:${YEAR_WORDS})\s${YEAR_NUMBER_ALONE}`;
const DATE_FORMS = [
  String.raw`\b(?<iy>20\d\d|19\d\d)-(?<im>\d\d)-(?<id>\d\d)\b`,
  // Day first, as most of the world writes it ("1/7/2025", "09.03.2026"); month first only when the day says so (US "12/25/2025").
  String.raw`(?<![\d/.])(?<na>\d{1,2})[/.](?<nb>\d{1,2})[/.](?<ny>(?:19|20)\d\d)(?![\d/])`,
  // "10 February", "the 10th of February 2025", "the 31st day of December 2025".
  String.raw`\b(?<d1>\d{1,2})(?:(?:st|nd|rd|th)(?:\sday)?\sof\s|(?:st|nd|rd|th)?\s)(?<m1>${MONTH})(?:,?\s(?<y1>(?:19|20)\d\d))?(?![\w])`,
  String.raw`\b(?<d9>\d{1,2})(?=\s?[–-]\s?\d{1,2}(?:st|nd|rd|th)?\s(?<m9>${MONTH})(?:,?\s(?<y9>(?:19|20)\d\d))?(?![\w]))`,
  String.raw`\b(?<m2>${MONTH})\s(?<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s(?<y2>(?:19|20)\d\d))?(?![\w])`,
  String.raw`\b(?<m3>${MONTH})(?:\sof)?\s(?<y3>(?:19|20)\d\d)\b`,
  String.raw`(?:(?<y4>\d{4})\s?[年년]\s?)?(?<m4>\d{1,2})\s?[月월](?:\s?(?<d4>\d{1,2})\s?[日일])?`,
  String.raw`(?<![\d월月])(?<d5>\d{1,2})[일日]`,
  // A year alone in CJK ("2025年度", "2018年の弱気相場"), after the full dates that start the same way.
  String.raw`(?<![\d])(?<y8>(?:19|20)\d\d)\s?[年년](?!\s?\d)`,
];
// The dates as written above, MONTH_ALONE and YEAR_ALONE last: for tests, which compare DATE with it.
const DATE_AS_WRITTEN = [...DATE_FORMS, MONTH_ALONE, YEAR_ALONE].join("|");
const DATE = new RegExp(DATE_AS_WRITTEN, "g");

/**
 * Every money amount, percentage and date in the text; `published` (ISO) supplies missing years and months.
 * Dates are YYYY-MM-DD, YYYY-MM, or YYYY when the text gives only a year ("since 2024"). `language` (the item's, when
 * known) says which crown "kroner" and "kr." are: without it they are no amount.
 */
export function extractFigures(text: string, published?: string | null, language?: string | null): Figure[] {
  // Every figure but a month named after a preposition has a digit: a text without one is searched for that alone.
  if (!DIGIT.test(text)) return monthsAlone(text, published);
  const figures: Figure[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  // `span`: how much of the text the figure covers, when its text is not copied from there (a range's first day).
  const add = (figure: Figure, start: number, span = figure.text.length) => {
    taken.push([start, start + span]);
    if (!figures.some((f) => f.kind === figure.kind && f.value === figure.value && f.currency === figure.currency)) {
      figures.push(figure);
    }
  };

  // The words after the text's numbers: a pattern of a number and a word that follows none is not searched.
  const after = afterNumbers(text);
  const runs = numberRuns(text);
  // An act's number first: "Resolution 5/2025" is neither a date nor an amount.
  const before = (index: number, re: RegExp) => index > 0 && re.test(text[index - 1]!);
  for (const m of matchAll(text, ACT_NUMBER)) if (!before(m.index, ACT_BEFORE)) add({ kind: "act", value: (m.groups!.id ?? m.groups!.bracketed)!, text: m[0] }, m.index);
  for (const m of mayHaveProvisionalMeasure(text) ? matchAll(text, PROVISIONAL_MEASURE) : []) {
    if (free(m.index, m.index + m[0].length)) add({ kind: "act", value: m.groups!.id!, text: m[0] }, m.index);
  }
  for (const m of numberedActMay(text, runs) ? matchAll(text, NUMBERED_ACT) : []) {
    const id = m.groups!.id ?? m.groups!.id2 ?? m.groups!.id3 ?? m.groups!.id4 ?? m.groups!.id5!;
    if (!before(m.index, ACT_BEFORE) && free(m.index, m.index + m[0].length)) add({ kind: "act", value: id, text: m[0] }, m.index);
  }
  for (const m of text.includes("Dz.") ? matchAll(text, POLISH_JOURNAL) : []) {
    if (free(m.index, m.index + m[0].length)) add({ kind: "act", value: m.groups!.id!, text: m[0] }, m.index);
  }
  // A vote's two numbers before a date or an amount could read them: "294-134" is no fiscal year.
  for (const m of matchesAt(text, VOTE_AT, voteStarts(text, runs))) {
    const value = voteValue(m.groups ?? {});
    const start = voteStart(text, m);
    if (value && free(start, m.index + m[0].length)) add({ kind: "vote", value, text: text.slice(start, m.index + m[0].length) }, start);
  }
  const localAmounts = localMoney(text, after, runs);
  const regionCoded = regionCodeBefore(text, runs) ? matchAll(text, REGION_CODE_MONEY) : [];
  for (const m of [...(localAmounts ? matchAll(text, localAmounts) : []), ...regionCoded]) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const g = m.groups ?? {};
    // "1.5 USD" is English: a local amount never starts inside another number.
    if (before(m.index, /[\d.,]/)) continue;
    const word = g.pre ?? g.cur ?? g.cur6 ?? g.cur9 ?? g.cur10 ?? g.curLow ?? "";
    // "10 ft" is ten feet: the forint's sign is "Ft" as written.
    if (word.toLowerCase() === "ft" && word !== "Ft") continue;
    let currency = g.iso ?? g.code7?.toUpperCase() ?? (g.dollar || g.scaledDollar ? "USD" : LOCAL_CURRENCY[word.toLowerCase()]);
    if (currency === CROWN) currency = CROWNS[tagLanguage(language) ?? ""];
    const scale = LOCAL_SCALE[(g.s1 ?? g.s2 ?? g.s3 ?? g.s5 ?? g.s6 ?? g.s7 ?? g.s10 ?? g.s11 ?? g.sLow ?? "").toLowerCase()] ?? 1;
    // Thai amounts are written the English way ("1.92 ล้าน"), the others with a decimal comma.
    const amount =
      g.big !== undefined
        ? Number(g.big) * 1e9 + Number(g.n9) * (LOCAL_SCALE[g.s9!.toLowerCase()] ?? 1)
        : (g.n6 !== undefined || g.n10 !== undefined ? toNumber(g.n6 ?? g.n10!) : localNumber(g.n1 ?? g.n2 ?? g.n3 ?? g.n4 ?? g.n5 ?? g.n7 ?? g.n8 ?? g.n11 ?? g.nLow ?? "")) * scale;
    // "USD 1,25 triliun", "NOK 2,1 millioner": the code was checked behind the number.
    const start = g.iso ? m.index - g.iso.length - 1 : m.index;
    const written = text.slice(start, m.index + m[0].length).trim();
    if (currency && Number.isFinite(amount) && amount > 0) add({ kind: "money", value: fifteenDigits(amount), currency, text: written }, start);
  }
  for (const m of matchesFromNumber(text, moneyFromNumber(text, after), MONEY, moneyStarts(text, runs))) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const g = m.groups;
    // A match that starts inside a number ("17,8 billion baht" read from its "8") is the tail of another: a decimal
    // comma before a scale word is read as the decimal point it is ("17.8 billion"); anything else is no amount.
    const head = g.n3 !== undefined ? numberHead(text, m.index) : undefined;
    if (head === null) continue;
    const figure = head ? decimalCommaMoney(head, g, text.slice(m.index - head.length, m.index + m[0].length).trim()) : money(g, m[0].trim(), language);
    if (!figure) continue;
    const at = head ? m.index - head.length : m.index + m[0].indexOf(figure.text);
    // "$5,000 AUD": the code after a bare dollar sign says which dollar.
    const code = g.sym === "$" ? DOLLAR_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 5)) : null;
    if (code) {
      figure.currency = code[1]!;
      figure.text += code[0];
    }
    add(figure, at);
  }
  for (const m of nairaStarts(text, runs).length ? matchesAt(text, NAIRA_AT, nairaStarts(text, runs)) : []) {
    const start = m.index - 1;
    const g = m.groups!;
    const amount = toNumber(g.n ?? g.n2!) * (SCALE[(g.s ?? g.s2 ?? "").trim().toLowerCase()] ?? 1);
    if (free(start, m.index + m[0].length)) add({ kind: "money", value: fifteenDigits(amount), currency: "NGN", text: text.slice(start, m.index + m[0].length) }, start);
  }
  for (const m of mayHavePercent(text, after) ? matchesAt(text, PERCENT_AT, percentStarts(text, runs)) : []) {
    if (!free(m.index, m.index + m[0].length)) continue;
    // "2.7pc" is a percentage as British and African papers write it; "10 PC" is a computer.
    if (/P[Cc]$|pC$/.test(m[0])) continue;
    const g = m.groups ?? {};
    // A negative rate keeps its minus ("från -0,25 till -0,35 procent"): written right before the number, not after a
    // digit or a letter, where it is a range's dash or a hyphen ("0.25-0.5%", "COVID-19").
    const minus = negativeAt(text, m.index) ? text[m.index - 1]! : "";
    const sign = minus ? -1 : 1;
    // A range's first number: its sign is the one written after the second.
    const low = g.low ?? g.low2;
    if (low !== undefined) add({ kind: "percent", value: sign * Number(low.replace(",", ".")), text: `${minus}${low}%` }, m.index - minus.length);
    else add({ kind: "percent", value: sign * (g.dec !== undefined ? Number(g.dec.replace(/[,・]/, ".")) : toNumber(g.n ?? "")), text: minus + m[0] }, m.index - minus.length);
  }
  for (const m of percentSignBefore(text, runs) ? matchAll(text, PERCENT_BEFORE) : []) {
    if (free(m.index, m.index + m[0].length)) add({ kind: "percent", value: Number(m.groups!.n!.replace(",", ".")), text: m[0] }, m.index);
  }
  for (const m of mayFollow(after, BASIS_POINT_WORDS) ? matchAll(text, BASIS_POINT) : []) {
    if (!before(m.index, MEASURE_BEFORE) && free(m.index, m.index + m[0].length)) add({ kind: "basis-points", value: basisPoints(m.groups!), text: m[0] }, m.index);
  }
  for (const m of mayFollow(after, RATE_POINT_WORDS) ? matchAll(text, RATE_POINT) : []) {
    if (!before(m.index, MEASURE_BEFORE) && free(m.index, m.index + m[0].length) && aboutRate(text, m.index, m.groups!.n!)) {
      add({ kind: "basis-points", value: basisPoints(m.groups!), text: m[0] }, m.index);
    }
  }
  const reference = parseReference(published);
  for (const m of matchAll(text, DATE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const g = m.groups ?? {};
    const value = dateValue(g, reference);
    // "26–28 June 2024": the first day takes the month and year written after the second.
    if (value && g.d9) add({ kind: "date", value, text: `${g.d9} ${g.m9}${g.y9 ? ` ${g.y9}` : ""}` }, m.index, g.d9.length);
    else if (value) add({ kind: "date", value, text: m[0].trim() }, m.index);
  }
  const local = [...matchesAt(text, LOCAL_DATE_AT, localDateStarts(text, runs)), ...(hasVietnameseDate(text) ? matchAll(text, VIETNAMESE_DATE) : []), ...(hasSwahiliDate(text) ? matchAll(text, SWAHILI_DATE) : []), ...matchAll(text, REGION_DATE)];
  for (const m of local) {
    const start = localDateStart(text, m);
    const end = m.index + m[0].length;
    if (!free(start, end)) continue;
    const value = localDateValue(m.groups ?? {}, reference);
    if (value) add({ kind: "date", value, text: text.slice(start, end).trim() }, start);
  }
  for (const m of localYears(text)) {
    if (free(m.index, m.index + m[0].length)) add({ kind: "date", value: m.groups.y6!, text: m[0] }, m.index);
  }
  for (const m of matchAll(text, YEAR_BEFORE_WORD)) {
    const g = m.groups!;
    const value = g.y ?? String(ERA_START[g.era!]! + Number(g.n));
    if (free(m.index, m.index + m[0].length)) add({ kind: "date", value, text: m[0] }, m.index);
  }
  for (const m of yearsApart(text, runs) ? matchAll(text, FISCAL_YEAR) : []) {
    // "2026-27" but not "2026-03" (a month) or "2025-26-01": the second part is the next year.
    if (Number(m.groups!.end) === (Number(m.groups!.y) + 1) % 100 && free(m.index, m.index + m[0].length)) add({ kind: "date", value: m.groups!.y!, text: m[0] }, m.index);
  }
  for (const m of mayFollow(after, PERIOD_WORDS) ? matchAll(text, PERIOD) : []) {
    // "10 giờ 35" is a time of day (10:35), not ten hours: neither number is a period.
    const minutes = clockMinutes(text, m);
    if (minutes) {
      taken.push([m.index, m.index + m[0].length + minutes]);
      continue;
    }
    const value = periodValue(m.groups!.n!, m.groups!.unit!);
    if (value && !before(m.index, MEASURE_BEFORE) && free(m.index, m.index + m[0].length)) add({ kind: "period", value, text: m[0] }, m.index);
  }
  // Last: a number that is already an amount, a date or a period is not also a count.
  for (const m of mayFollow(after, COUNT_WORDS) ? matchesAt(text, COUNT_AT, digitsBefore(text, runs, COUNT_WORDS)) : []) {
    if (before(m.index, COUNT_BEFORE) || !free(m.index, m.index + m[0].length)) continue;
    const value = countValue(m.groups!.n!, m.groups!.scale ?? m.groups!.letter);
    if (Number.isFinite(value) && value > 1) add({ kind: "count", value, text: m[0] }, m.index);
  }
  // A number scaled by millions or more with no currency or noun after it ("16,2 miliardi in meno", "reservas de
  // 9.085 millones", "a $2bn fund and a further 1.5 billion"): an amount whose unit the sentence gave before it, or
  // a quantity; summaries keep it as written. Last, so that an amount or a count read it first.
  for (const m of mayFollow(after, SCALED_WORDS) ? matchesAt(text, SCALED_AT, digitsBefore(text, runs, SCALED_WORDS)) : []) {
    // "N200 million times" (a route, a model): a number glued to a word is part of a name.
    if (before(m.index, /[\p{L}\d.,]/u) || !free(m.index, m.index + m[0].length)) continue;
    const g = m.groups!;
    const value = g.en !== undefined ? toNumber(g.en) * SCALE[g.enScale!.toLowerCase()]! : localNumber(g.local!) * LOCAL_SCALE[g.localScale!.toLowerCase()]!;
    if (Number.isFinite(value) && value > 0) add({ kind: "count", value: fifteenDigits(value), text: m[0] }, m.index);
  }
  return figures;
}

// The scale words of a million and more, in English and in the other languages (LOCAL_SCALE).
const BIG_SCALES = Object.keys(LOCAL_SCALE).filter((w) => LOCAL_SCALE[w]! >= 1e6);
export const SCALED = new RegExp(
  String.raw`(?<en>${NUM})\s?(?<enScale>million|billion|trillion|bn|mn|tn)(?![\p{L}\p{N}])|(?<local>${LOCAL_NUM})\s?(?<localScale>${alternation(BIG_SCALES)})(?![\p{L}\p{N}])`,
  "giu",
);
// Sticky: tried only at the digits of a number a scale word may follow (`digitsBefore`), not searched for.
export const SCALED_AT = new RegExp(SCALED.source, "iuy");
export const SCALED_WORDS = wordsAfterNumber(["million", "billion", "trillion", "bn", "mn", "tn", ...BIG_SCALES]);

const DIGIT = /\d/;
// Nigerian texts write the naira with a plain N: "N500 million", "N2 billion", "N50,000". Read only in a text that
// names Nigeria or the naira, and only with a scale word or groups of thousands: "N5 bus", "N95 masks" are not money.
const NAIRA_AT = new RegExp(String.raw`(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d,])(?<s>${SCALE_WORD})?|(?<n2>\d+(?:\.\d+)?)(?<s2>${SCALE_WORD})`, "iuy");
const NIGERIAN = /Nigeria|naira|₦|\bNGN\b|\bCBN\b|Lagos|Abuja/i;
/** The first digits of numbers written right after a capital N that starts a word, in a text that names Nigeria. */
function nairaStarts(text: string, runs: readonly number[]): number[] {
  const starts: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    if (text.charCodeAt(at - 1) === 0x4e && !/[\p{L}\p{N}]/u.test(text.charAt(at - 2))) starts.push(at);
  }
  return starts.length && NIGERIAN.test(text) ? starts : [];
}
// What follows the number of an act cited by its number (NUMBERED_ACT): a slash or dash before its year ("Nº
// 109/2024"), a colon before its number ("(2025:1378)"), "sayılı", or "évi". Where no number's run ends at one (and no
// number sign stands before one), the pattern is not searched.
const AFTER_ACT_NUMBER = /[-/:sé]/iuy;
// Or a number sign right before it, or before the one space before it ("N°21.521").
const isNumberSign = (code: number): boolean => code === 0xb0 || code === 0xba;
function numberedActMay(text: string, runs: readonly number[]): boolean {
  for (let r = 1; r < runs.length; r += 2) {
    AFTER_ACT_NUMBER.lastIndex = runs[r]!;
    if (AFTER_ACT_NUMBER.test(text)) return true;
    const start = runs[r - 1]!;
    if (isNumberSign(text.charCodeAt(start - 1)) || (text.charCodeAt(start - 1) === 0x20 && isNumberSign(text.charCodeAt(start - 2)))) return true;
  }
  return false;
}
const YEAR_APART = /[-–/]\d/y;
/** Whether a number's run ends with a dash or slash before a digit ("2026-27"): FISCAL_YEAR is searched only then. */
function yearsApart(text: string, runs: readonly number[]): boolean {
  for (let r = 1; r < runs.length; r += 2) {
    YEAR_APART.lastIndex = runs[r]!;
    if (YEAR_APART.test(text)) return true;
  }
  return false;
}
// DATE's one alternative without a digit, alone.
const MONTH_ALONE_ONLY = new RegExp(MONTH_ALONE, "g");

/** The figures of a text without a digit: what DATE finds there, which only its month alone can match. */
function monthsAlone(text: string, published: string | null | undefined): Figure[] {
  const reference = parseReference(published);
  const figures: Figure[] = [];
  for (const m of matchAll(text, MONTH_ALONE_ONLY)) {
    const value = dateValue(m.groups ?? {}, reference);
    if (value && !figures.some((f) => f.value === value)) figures.push({ kind: "date", value, text: m[0].trim() });
  }
  return figures;
}

/** LOCAL_MONEY's matches as the extraction searches them, or everywhere (`everywhere`): for tests. */
export const localMoneyMatches = (text: string, everywhere = false): Found[] => {
  const pattern = everywhere ? LOCAL_MONEY : localMoney(text, afterNumbers(text), numberRuns(text));
  return (pattern ? matchAll(text, pattern) : []).map((m) => ({ 0: m[0], index: m.index, groups: { ...m.groups } }));
};

/** PERCENT_BEFORE's, FISCAL_YEAR's and NUMBERED_ACT's matches where the extraction searches them, or everywhere: for tests. */
export const signFirstMatches = (text: string, everywhere = false): string[][] => {
  const runs = numberRuns(text);
  const shown = (ms: RegExpExecArray[]) => ms.map((m) => `${m.index}:${m[0]}`);
  return [
    shown(everywhere || percentSignBefore(text, runs) ? matchAll(text, PERCENT_BEFORE) : []),
    shown(everywhere || yearsApart(text, runs) ? matchAll(text, FISCAL_YEAR) : []),
    shown(everywhere || numberedActMay(text, runs) ? matchAll(text, NUMBERED_ACT) : []),
  ];
};

/** Whether "Rp" or "RM", and a code of the region, stand before a number, as read behind the numbers: for tests. */
export const signsBeforeNumbers = (text: string): [boolean, boolean] => {
  const runs = numberRuns(text);
  return [rpOrRmBefore(text, runs), regionCodeBefore(text, runs)];
};

/** Whether the sign-first local amounts are searched in `text` (a sign that makes one may be there): for tests. */
export const searchesLocalSigns = (text: string): boolean => hasLocalSign(text, numberRuns(text));

/** LOCAL_YEAR's matches, each from its word, as a search from the word finds them (`asWritten`, for tests). */
export function localYears(text: string, asWritten = false): Found[] {
  if (asWritten) return [...text.matchAll(new RegExp(LOCAL_YEAR_WORDS + YEAR_NUMBER_ALONE, "g"))].map((m) => ({ 0: m[0], index: m.index, groups: { ...m.groups } }));
  return matchAll(text, LOCAL_YEAR).map((m) => {
    const { word, ...groups } = m.groups!;
    const index = m.index - word!.length;
    return { 0: text.slice(index, m.index + m[0].length), index, groups };
  });
}

/** DATE's matches, or those of the patterns as written (`asWritten`), each with the groups it set: for tests. */
export const dateMatches = (text: string, asWritten = false): Array<[number, string, string[][]]> =>
  matchAll(text, asWritten ? new RegExp(DATE_AS_WRITTEN, "g") : DATE).map((m) => [
    m.index,
    m[0],
    Object.entries(m.groups ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  ]);

/** PERCENT's matches as the extraction searches them (only where one may be), or everywhere (`everywhere`): for tests. */
export const percentMatches = (text: string, everywhere = false): string[] =>
  (everywhere ? matchAll(text, PERCENT) : mayHavePercent(text, afterNumbers(text)) ? matchesAt(text, PERCENT_AT, percentStarts(text, numberRuns(text))) : []).map(
    (m) => `${m.index}:${m[0]}`,
  );

/** Every money match as MONEY finds it, by its own scan (`scan`) and from the numbers (as the extraction does): for tests. */
export const moneyMatches = (text: string, scan = false): Found[] =>
  scan
    ? [...text.matchAll(new RegExp(MONEY))].map((m) => ({ 0: m[0], index: m.index, groups: { ...m.groups } }))
    : matchesFromNumber(text, moneyFromNumber(text), MONEY, moneyStarts(text, numberRuns(text)));

export interface Found {
  /** What the pattern matched, from the symbol or code when there is one. */
  0: string;
  index: number;
  groups: Record<string, string | undefined>;
}

/**
 * The matches of `pattern`, found with `fromNumber` (the same alternatives, or those of them that can match the
 * text, but those that start with a symbol or code check it behind the number, in a group named `symPrefix` or
 * `codePrefix`; sticky, tried at `starts`, the digits where it may match): the same matches, starts and groups.
 * The first match of `pattern` from a position is the first of `fromNumber` from there, but for one case: the symbol
 * behind the number starts before that position (inside the previous match). Then `pattern` itself is asked.
 */
function matchesFromNumber(text: string, fromNumber: RegExp, pattern: RegExp, starts: readonly number[]): Found[] {
  const found: Found[] = [];
  let next = 0;
  for (let from = 0; from < text.length; ) {
    let m: RegExpExecArray | null = null;
    while (!m && next < starts.length) {
      const at = starts[next++]!;
      if (at < from) continue;
      fromNumber.lastIndex = at;
      m = fromNumber.exec(text);
    }
    if (!m) break;
    const g = m.groups ?? {};
    let index = m.index - (g.symPrefix ?? g.codePrefix ?? "").length;
    if (index < from) {
      pattern.lastIndex = from;
      m = pattern.exec(text);
      if (!m) break;
      index = m.index;
    }
    const end = m.index + m[0].length;
    found.push({ 0: text.slice(index, end), index, groups: m.groups ?? {} });
    from = Math.max(end, index + 1);
  }
  // Both are shared: whoever uses them next starts from the beginning.
  fromNumber.lastIndex = 0;
  pattern.lastIndex = 0;
  return found;
}

function money(g: Record<string, string | undefined>, text: string, language?: string | null): Figure | undefined {
  let currency: string | undefined;
  let amount: number;
  if (g.cjk !== undefined && g.cjkCur !== undefined) {
    currency = WORDS[g.cjkCur];
    amount = cjkAmount(g.cjk);
  } else if (g.cjkLow !== undefined && g.cjkLowCur !== undefined) {
    currency = WORDS[g.cjkLowCur];
    amount = cjkAmount(g.cjkLow);
  } else if (g.krw !== undefined) {
    currency = "KRW";
    amount = cjkAmount(g.krw);
  } else {
    const n = g.n1 ?? g.n2 ?? g.n3;
    if (n === undefined) return undefined;
    const scale = (g.s1 ?? g.s2 ?? g.s3 ?? "").trim().toLowerCase();
    if (g.sym !== undefined) currency = SYMBOLS[g.sym.toUpperCase()] ?? SYMBOLS[g.sym];
    else if (g.code !== undefined) currency = normaliseCode(g.code);
    else if (g.word !== undefined) {
      // "the 2024 bitcoin halving": a year before a coin's name is no amount of it.
      if (!g.s3 && /^(?:19|20)\d\d$/.test(n) && /^(?:bitcoins?|ether)$/i.test(g.word)) return undefined;
      currency = WORDS[g.word.toLowerCase()] ?? normaliseCode(g.word);
    }
    amount = (!scale && dotGroupsThousands(n, currency, language) ? Number(n.replaceAll(".", "")) : toNumber(n)) * (SCALE[scale] ?? 1);
  }
  if (!currency || !Number.isFinite(amount)) return undefined;
  return { kind: "money", value: fifteenDigits(amount), currency, text };
}

/**
 * "$100.031", "69.370 Bitcoin'i": a dot before groups of three digits, with no scale word after them. Money is never
 * written to a tenth of a cent, so for a currency the dot groups thousands in any language; a token's amount may have
 * three decimals ("0.125 BTC"), so there it groups thousands only in a language that writes a decimal comma, or when
 * there are several groups.
 */
function dotGroupsThousands(n: string, currency: string | undefined, language: string | null | undefined): boolean {
  if (!/^\d{1,3}(?:\.\d{3})+$/.test(n)) return false;
  if (currency === undefined || !TOKENS.has(currency) || n.indexOf(".") !== n.lastIndexOf(".")) return true;
  const primary = tagLanguage(language);
  return primary !== undefined && DECIMAL_COMMA.has(primary);
}

/**
 * Before a number-first amount that starts at `at`: "" when no number ends right before it, the integer part and
 * comma ("17,") when it is a decimal comma's tail, null when it is some other number's tail ("1.234" read from "234").
 */
function numberHead(text: string, at: number): string | null | "" {
  const sep = text.charCodeAt(at - 1);
  if ((sep !== 0x2c && sep !== 0x2e) || !DIGIT.test(text.charAt(at - 2))) return "";
  const head = /(?<![\d.,])\d{1,3},$/.exec(text.slice(Math.max(0, at - 5), at));
  return head ? head[0] : null;
}

/** An amount with a decimal comma before its scale word, "17,8 billion baht": only one or two digits after the comma. */
function decimalCommaMoney(head: string, g: Record<string, string | undefined>, written: string): Figure | undefined {
  const scale = SCALE[(g.s3 ?? "").trim().toLowerCase()];
  if (!scale || !/^\d{1,2}$/.test(g.n3!) || g.word === undefined) return undefined;
  const currency = WORDS[g.word.toLowerCase()] ?? normaliseCode(g.word);
  return { kind: "money", value: fifteenDigits(Number(`${head.slice(0, -1)}.${g.n3}`) * scale), currency, text: written };
}

const TOKENS = new Set(["BTC", "ETH", "SOL", "XRP", "USDT", "USDC"]);
// Languages whose numbers are written "1.234,5".
const DECIMAL_COMMA = new Set(["de", "fr", "it", "es", "pt", "nl", "pl", "ru", "uk", "tr", "id", "vi", "cs", "sk", "hu", "ro", "bg", "hr", "sl", "sv", "da", "no", "nb", "fi", "el", "et", "lv", "lt"]);

// East African shillings as their presses write them: "Ksh 13.7 billion", "TSh 500 million".
const CODE_ALIASES: Record<string, string> = { RMB: "CNY", RS: "INR", KSH: "KES", TSH: "TZS" };
const normaliseCode = (code: string): string => CODE_ALIASES[code.toUpperCase()] ?? code.toUpperCase();
const toNumber = (n: string): number => Number(n.includes(",") ? n.replaceAll(",", "") : n);

/**
 * 130조8000억 → 130.8e12; 2.5億 → 2.5e8; 50万 → 5e5; 27억3천만 → 2.73e9; 5만3천351 → 53,351. Thousands and plain numbers
 * before a ten-thousand, a hundred million or a trillion belong to it: "2천700억" is 2,700 × 10⁸, not 2,000 + 700 × 10⁸.
 */
function cjkAmount(text: string): number {
  let total = 0;
  let section = 0;
  for (const part of text.matchAll(/([\d,.]+)\s?([兆조億亿억萬万만千천]{0,2})/g)) {
    let thousands = 1;
    let big = 1;
    for (const unit of part[2] ?? "") {
      if (unit === "千" || unit === "천") thousands *= 1e3;
      else big *= SCALE[unit] ?? 1;
    }
    section += toNumber(part[1] ?? "0") * thousands;
    if (big > 1) {
      total += section * big;
      section = 0;
    }
  }
  return total + section;
}

/** "1.234.567,5" → 1234567.5; "0,21" → 0.21; "1,400" (Latin American grouping) → 1400; "2" → 2. */
function localNumber(n: string): number {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(n)) return Number(n.replaceAll(",", ""));
  if (/['’]/.test(n)) return Number(n.replace(/['’]/g, ""));
  if (/[\u00a0\u202f ]/.test(n)) return Number(n.replace(/[\u00a0\u202f ]/g, "").replace(",", "."));
  return Number(n.replace(/\.(?=\d{3}(?:\D|$))/g, "").replace(",", "."));
}

function dateValue(g: Record<string, string | undefined>, ref: Reference | undefined): string | undefined {
  if (g.iy) return `${g.iy}-${g.im}-${g.id}`;
  if (g.y6) return g.y6;
  if (g.y8) return g.y8;
  if (g.ny) {
    const [a, b] = [Number(g.na), Number(g.nb)];
    const [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b];
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return `${g.ny}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  const monthName = g.m1 ?? g.m2 ?? g.m3 ?? g.m7 ?? g.m9;
  let month = monthName ? MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1 : g.m4 ? Number(g.m4) : undefined;
  const dayText = g.d1 ?? g.d2 ?? g.d4 ?? g.d5 ?? g.d9;
  let yearText = g.y1 ?? g.y2 ?? g.y3 ?? g.y4 ?? g.y9;
  if (month === undefined) {
    // A bare day (Korean 4일) means the publication month.
    if (!ref?.month) return undefined;
    month = ref.month;
    yearText = String(ref.year);
  }
  return isoDate(yearText === undefined ? undefined : Number(yearText), month, dayText === undefined ? undefined : Number(dayText), ref);
}

