// Figures that are neither money nor a date: a rate move in basis points ("150 basis points", "150 baz puan")
// and a period ("a 40-month loan", "5 năm", "3年間"), which summaries keep as written.

import { wordsAfterNumber } from "./after-number.js";

// Words of scripts written with spaces end a figure at a word boundary; Chinese, Japanese and Korean glue numbers to words.
const SPACED = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}`;

// What may not come right before a measure's number (checked by the caller: a lookbehind would run at every
// position): a word of a spaced script, a digit, or a decimal or date separator.
export const MEASURE_BEFORE = new RegExp(String.raw`[${SPACED}\p{N}.,/]`, "u");

const BASIS_POINTS = [
  "basis points?", "basis-points?", "bps", "bp", "puntos básicos", "puntos basicos", "punto básico", "pontos-base", "pontos base", "pontos básicos",
  "Basispunkte?n?", "points de base", "punti base", "базисн\\p{L}* пункт\\p{L}*", "б\\.п\\.", "baz puan\\p{L}*", "basis poin",
  "điểm cơ bản", "mata asas", "เบสิสพอยท์", "ベーシスポイント", "bp", "베이시스포인트", "bp", "个基点", "個基點", "基点", "基點",
  "نقطة أساس", "نقاط أساس", "आधार अंक", "puntos base", "punto base", "basispunten", "basispunt", "punktów bazowych", "punkty bazowe", "pkt bazowych",
  // sv no da fi hu ro cs sk bg el hr sl et lv lt ("peruspiste" and Slovak "percentuálny bod" are left out: the search
  // would open after every English "per")
  "baspunkt\\p{L}*", "basispunkt\\p{L}*", "basispoint\\p{L}*", "korkopiste\\p{L}*", "bázispont\\p{L}*",
  "puncte de bază", "puncte de baza", "puncte procentuale de bază", "bazick\\p{L}* bod\\p{L}*", "bázick\\p{L}* bod\\p{L}*",
  "базисн\\p{L}* точк\\p{L}*", "μονάδ\\p{L}* βάσης", "bazn\\p{L}* bod\\p{L}*", "bazičn\\p{L}* točk\\p{L}*", "baaspunkt\\p{L}*",
  "bāzes punkt\\p{L}*", "bazini\\p{L}* punkt\\p{L}*",
  // bn hy mk ka be az fa ne ur
  "বেসিস পয়েন্ট", "बेसिस पॉइंट[\\p{L}\\p{M}]*", "બેસિસ પોઈન્ટ[\\p{L}\\p{M}]*", "அடிப்படை புள்ளிக[\\p{L}\\p{M}]*", "బేసిస్ పాయింట్[\\p{L}\\p{M}]*", "բազիսային կետ\\p{L}*", "базични поени", "საბაზისო პუნქტ\\p{L}*", "базісн\\p{L}* пункт\\p{L}*", "bazis bənd\\p{L}*",
  "واحد پایه", "आधार बिन्दु", "بیسز پوائنٹس",
];
// A percentage point is 100 basis points: "0,5 ponto percentual" is a 50 bp move.
const PERCENTAGE_POINTS = [
  "percentage points?", "ponto percentual", "pontos percentuais", "punto porcentual", "puntos porcentuales", "Prozentpunkte?n?",
  "points? de pourcentage", "punti percentuali", "punto percentuale", "procentpunt(?:en)?", "punkt\\p{L}* procentow\\p{L}*", "p\\.\\s?p\\.",
  "процентн\\p{L}* пункт\\p{L}*", "п\\.п\\.", "điểm phần trăm", "poin persentase", "个百分点", "個百分點", "百分点", "百分點",
  // sv no da fi hu ro cs sk bg el hr sl et lv lt
  "procentenhet\\p{L}*", "prosentenhet\\p{L}*", "prosentpoeng\\p{L}*", "procentpoint\\p{L}*", "prosenttiyksik\\p{L}*",
  "százalékpont\\p{L}*", "puncte procentuale", "punct procentual", "punctul procentual", "procentní\\p{L}* bod\\p{L}*",
  "ποσοστιαί\\p{L}* μονάδ\\p{L}*", "postotn\\p{L}* bod\\p{L}*", "odstotn\\p{L}* točk\\p{L}*",
  "protsendipunkt\\p{L}*", "procentpunkt\\p{L}*", "procentin\\p{L}* punkt\\p{L}*",
  // is mn
  "prósentustig\\p{L}*", "нэгж хуви\\p{L}*",
  // hy sq mk kk az uz ka be fa ne
  "տոկոսային կետ\\p{L}*", "pikë përqindj\\p{L}*", "процентни поени", "пайыздық тармақ\\p{L}*", "faiz bənd\\p{L}*", "foiz band\\p{L}*",
  "პროცენტული პუნქტ\\p{L}*", "працэнтн\\p{L}* пункт\\p{L}*", "واحد درصد", "प्रतिशत बिन्दु",
];
/** The words that may follow a basis-point number: BASIS_POINT is searched only where one may. */
export const BASIS_POINT_WORDS = wordsAfterNumber([...BASIS_POINTS, ...PERCENTAGE_POINTS]);
export const BASIS_POINT = new RegExp(
  String.raw`(?<n>\d+(?:[.,]\d+)?)[\s-]?(?:(?<pp>${PERCENTAGE_POINTS.join("|")})|${BASIS_POINTS.join("|")})(?![${SPACED}])`,
  "giu",
);

// A rate moved by points, as Spanish and Portuguese write it without "porcentuales" or "percentual": "bajarla 0,50
// puntos", "aumentar a taxa de juros em 0,25 ponto". Percentage points, read only in a sentence about a rate
// (`aboutRate`): "12 puntos" is also a football score.
export const RATE_POINT_WORDS = wordsAfterNumber(["punto", "puntos", "ponto", "pontos"]);
export const RATE_POINT = new RegExp(
  String.raw`(?<![\d.,])(?<n>\d{1,2}(?:,\d{1,2})?)\s(?<pp>puntos?|pontos?)(?![${SPACED}])(?!\s(?:b[áa]sicos?|base|porcentua|percentua|de\s(?:base|porcentaje)))`,
  "giu",
);
// A rate's name ("tasa de interés", "taxa de juros", "tasa de política", "Selic"), or a verb that moves the rate named before it ("bajarla", "subi-la").
const RATE = new RegExp(
  String.raw`(?<![${SPACED}])(?:juros|inter[ée]s|Selic|tasas?\s(?:rectora|oficial|básica|de\s(?:política|referencia))|taxas?\s(?:básica|de\srefer[êe]ncia)|pol[íi]tica\smonet[áa]ria|(?:baj|recort|elev|aument|cort)arlas?|(?:sub|reduc)irlas?|(?:baix|elev|cort|aument)á-la|(?:reduz|sub)i-la)(?![${SPACED}])`,
  "iu",
);
const SENTENCE_END = /[.!?](?=\s)|\n/g;
/** Whether the sentence around `at` names a rate or a move of one, and the points (`n`, at most 10) can be a rate's. */
export function aboutRate(text: string, at: number, n: string): boolean {
  if (Number(n.replace(",", ".")) > 10) return false;
  let start = 0;
  let end = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (m.index < at) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  SENTENCE_END.lastIndex = 0;
  return RATE.test(text.slice(start, end));
}

/** A BASIS_POINT match's value in basis points. */
export const basisPoints = (groups: Record<string, string | undefined>): number =>
  Math.round(Number(groups.n!.replace(",", ".")) * (groups.pp ? 100 : 1) * 1e6) / 1e6;

// Unit → ISO 8601 designator.
const UNITS: Record<string, "Y" | "M" | "W" | "D" | "H"> = {
  // Hours: a cooling-off period, a deadline after a transfer ("72 saat", "24 giờ", "48 Stunden").
  hour: "H", hours: "H", horas: "H", hora: "H", stunden: "H", heures: "H", "часов": "H", "часа": "H", saat: "H",
  "giờ": "H", jam: "H", "ชั่วโมง": "H", "時間": "H", "시간": "H", "小时": "H", "小時": "H", "ساعة": "H", "घंटे": "H",
  year: "Y", years: "Y", yr: "Y", month: "M", months: "M", week: "W", weeks: "W", day: "D", days: "D",
  "año": "Y", "años": "Y", ano: "Y", anos: "Y", mes: "M", meses: "M", "días": "D", dias: "D", jahr: "Y", jahre: "Y", jahren: "Y",
  monat: "M", monate: "M", monaten: "M", tage: "D", tagen: "D", ans: "Y", mois: "M", jours: "D", anno: "Y", anni: "Y",
  mese: "M", mesi: "M", giorni: "D", "лет": "Y", "года": "Y", "год": "Y", "месяцев": "M", "месяца": "M", "дней": "D", "років": "Y",
  "місяців": "M", "yıl": "Y", "yıllık": "Y", ay: "M", "aylık": "M", "gün": "D", "năm": "Y", "tháng": "M", "ngày": "D", tahun: "Y",
  bulan: "M", hari: "D", "ปี": "Y", "เดือน": "M", "วัน": "D", "年間": "Y", "か月": "M", "ヶ月": "M", "カ月": "M", "日間": "D", "년간": "Y",
  "개월": "M", "일간": "D", "년 만에": "Y", "년 만의": "Y", "年ぶり": "Y", "年来": "Y", "年來": "Y", "个月": "M", "個月": "M", "年期": "Y", "سنوات": "Y", "أشهر": "M", "يوما": "D", "साल": "Y", "वर्ष": "Y", "महीने": "M", "दिन": "D",
};
const unitAlt = Object.keys(UNITS).sort((a, b) => b.length - a.length).join("|");
// "40-month", "five years" is left alone (a word, not a figure), "6 months", "3年間", "5 năm".
// A fiscal or budget year written as a range ("2026-27", "FY2025/26"): its number as written, the first year as value.
export const FISCAL_YEAR = /(?<![\p{L}\p{N}/-])(?:FY\s?)?(?<y>20\d\d)[-–/](?<end>\d\d)(?![\p{N}/-])/gu;

/** The units that may follow a period's number: PERIOD is searched only where one may. */
export const PERIOD_WORDS = wordsAfterNumber(Object.keys(UNITS));
export const PERIOD = new RegExp(
  String.raw`(?<n>\d{1,3}(?:[.,]\d)?)(?:-|\s)?(?<unit>${unitAlt})(?![${SPACED}])`,
  "giu",
);

/** "P40M" for 40 months, "P5Y" for 5 years. */
export function periodValue(n: string, unit: string): string | undefined {
  const designator = UNITS[unit.toLowerCase()] ?? UNITS[unit];
  if (!designator) return undefined;
  // Hours are a time, not a date, part: "PT24H".
  return designator === "H" ? `PT${n.replace(",", ".")}H` : `P${n.replace(",", ".")}${designator}`;
}

// Words for an hour that also tell the time of day: "10 giờ 35" is 10:35.
const CLOCK_HOURS = new Set(["giờ"]);
const MINUTES = /\s?\d{1,2}(?![\d.,:/])/y;
/**
 * The length of the minutes after a PERIOD match whose unit tells the time of day and which another number follows
 * ("10 giờ 35": a clock time, no period); 0 for a period.
 */
export function clockMinutes(text: string, m: RegExpMatchArray): number {
  if (!CLOCK_HOURS.has(m.groups!.unit!.toLowerCase())) return 0;
  MINUTES.lastIndex = m.index! + m[0].length;
  return MINUTES.test(text) ? MINUTES.lastIndex - m.index! - m[0].length : 0;
}
