// Dates as the other languages of the tables write them: "14 de marzo de 2025", "30. Juni 2024", "1er juillet 2024",
// "2 Temmuz 2024", "1 июля 2027", "6 April 2025", "16 พฤศจิกายน 2568" (Thai years are Buddhist: 543 ahead),
// "ngày 14/6", "tháng 6/2025", "(10/11)" in a Brazilian lead, and a bare year after "em", "seit", "в … году".

import { digitsOfRuns, mayStartAt, wordsAfterNumber } from "./after-number.js";
import { alternation } from "./alternation.js";
import { isoDate, type Reference } from "./dates.js";

const MONTHS: Record<string, number> = {};
const add = (names: string, ...more: string[]) =>
  [names, ...more].forEach((list) => list.split(" ").forEach((name, i) => (MONTHS[name.toLowerCase()] = i + 1)));
const SWAHILI_MONTHS = ["Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti", "Septemba", "Oktoba", "Novemba", "Desemba"];
// One line per language, January to December.
add(
  "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
  "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
  "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  "januari februari maart april mei juni juli augustus september oktober november december",
  "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
  "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
  "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember",
  "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
  "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
  "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
  "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
  "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.",
  "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
  "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
  "Jänner",
  // Swahili
  SWAHILI_MONTHS.join(" "),
);
// The Nordic, Baltic, Central and South-East European months: searched apart (REGION_DATE), any word in the place of
// the month and looked up here, since a few hundred more names in LOCAL_DATE made it slow at every position.
const before = new Set(Object.keys(MONTHS));
add(
  // Norwegian, Danish, Swedish
  "januar februar mars april mai juni juli august september oktober november desember",
  "januar februar marts april maj juni juli august september oktober november december",
  "januari februari mars april maj juni juli augusti september oktober november december",
  // Finnish: the partitive after a day ("9. toukokuuta"), the nominative and the inessive ("toukokuussa 2022")
  "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
  "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu",
  "tammikuussa helmikuussa maaliskuussa huhtikuussa toukokuussa kesäkuussa heinäkuussa elokuussa syyskuussa lokakuussa marraskuussa joulukuussa",
  // Hungarian
  "január február március április május június július augusztus szeptember október november december",
  // Romanian
  "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
  // Czech (genitive after a day, nominative), Slovak (genitive)
  "ledna února března dubna května června července srpna září října listopadu prosince",
  "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec",
  "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
  // Bulgarian
  "януари февруари март април май юни юли август септември октомври ноември декември",
  // Croatian (genitive; its "listopada", October, is Polish November, and stays Polish)
  "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna - studenoga prosinca",
  // Slovene
  "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra",
  // Greek (genitive)
  "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου",
  // Estonian, and its adessive ("18. septembril"; "mail" is left out: it is an English word)
  "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember",
  "jaanuaril veebruaril märtsil aprillil - juunil juulil augustil septembril oktoobril novembril detsembril",
  // Latvian, and its locative ("18. septembrī")
  "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris decembris",
  "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī novembrī decembrī",
  // Lithuanian (genitive: "2018 m. rugsėjo 18 d.")
  "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
);
delete MONTHS["-"];
const REGION_MONTHS = new Set(Object.keys(MONTHS).filter((name) => !before.has(name)));
// Spanish abbreviations as wires write them ("27 ene", "13 nov"); "mar" and "may" are words too, so they are left out.
Object.assign(MONTHS, { ene: 1, feb: 2, abr: 4, jun: 6, jul: 7, ago: 8, sept: 9, oct: 10, nov: 11, dic: 12 });
MONTHS["setiembre"] = 9;
MONTHS["jänner"] = 1;
MONTHS["studenog"] = 11;
REGION_MONTHS.add("studenog");

const MONTH_NAMES = Object.keys(MONTHS).filter((name) => !REGION_MONTHS.has(name));
const MONTH = alternation(MONTH_NAMES);
// A Turkish suffix may follow a year or a month after an apostrophe: "Aralık 2025'teki".
const YEAR = String.raw`(?<y>(?:19|20|25)\d\d)(?!\d)`;

// Words that make a bare year a date in Swedish, Norwegian, Danish ("i 2025", "år 2025", "från 2025"), Finnish
// ("vuonna 2025"), Romanian ("în 2025"), Czech, Slovak, Croatian, Slovene ("v roce 2025", "od roku 2025", "u 2025.",
// "leta 2025"), Bulgarian ("през 2025"), Greek ("το 2025"), Estonian, Latvian and Lithuanian ("alates 2025", "līdz
// 2025", "nuo 2025").
const NORTH_AND_EAST_YEAR_WORDS =
  "i|år|från|fra|till|til|vuonna|vuoden|vuodesta|vuoteen|în|din|roce|roku|od|u|leta|през|το|alates|kuni|līdz|nuo|iki";

// What ends a day written after its month: a dot, a Hungarian case ending ("1-jén", "26-án", "10-ig"), Lithuanian "d.".
const DAY_END = String.raw`\.|-(?:án|én|jén|ján|ig|től|tól|a|e|i|ei|ai|jei|jai)|\s?d\.`;
const MONTH_BEFORE_DAY = new Set([
  "január február március április május június július augusztus szeptember október november december",
  "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
].join(" ").split(" "));

// Every branch starts at a digit (or a bracket), and what comes before the number is checked behind it: a regex
// that starts with a word alternation is tried at every position of every article.
export const LOCAL_DATE = new RegExp(
  [
    // 14 de marzo de 2025 · 30. Juni 2024 · 1er juillet · 2 Temmuz 2024 · 16 พฤศจิกายน 2568
    String.raw`(?<![\p{L}\p{N}])(?<d>\d{1,2})(?:er|º|\.)?\s?(?:de\s)?(?<m>${MONTH})(?![\p{L}])(?:,?\s(?:de\s|del\s|năm\s)?${YEAR})?`,
    // marzo de 2025 · Aralık 2025 · июля 2027: the year, with its month behind it
    String.raw`(?<y2>(?:19|20|25)\d\d)(?!\d)(?<=(?<![\p{L}\p{N}])(?<m2>${MONTH})\s(?:de\s|del\s)?\d{4})`,
    // "nesta segunda-feira (10/11)": a day and month in brackets, as Brazilian leads write them.
    String.raw`\((?<bd>\d{1,2})/(?<bm>\d{1,2})\)`,
    // A bare year after a word that makes it a date: "em 2024", "seit 2019", "в 2025 году", "لسنة 2025" (but "i 2011-12"
    // is a fiscal year, read as one below).
    String.raw`(?<by>(?:19|20)\d\d)(?!\d|[-–/]\d\d(?!\d))(?<=(?<![\p{L}])(?:em|desde|hasta|até|a partir de|fim de|final de|início de|finales de|fines de|depuis|à partir de|d'ici|seit|ab|bis|im|Herbst|Frühjahr|Sommer|Winter|nel|dal|entro|sejak|hingga|akhir|awal|pada tahun|tahun|năm|trước|từ|yılında|لسنة|سنة|عام|${NORTH_AND_EAST_YEAR_WORDS})\s\d{4})`,
    String.raw`(?<ry>(?:19|20)\d\d)(?<=(?<![\p{L}])(?:в|с|до|к)\s\d{4})(?=(?:\s|-)(?:год\p{L}*|г\.))`,
  ].join("|"),
  "giu",
);

// LOCAL_DATE tried at `localDateStarts` (by `matchesAt`): a search tried its months after every digit.
export const LOCAL_DATE_AT = new RegExp(LOCAL_DATE.source, "iuy");
// What may follow the day's number and the dot and space after it: "er", "de", a month ("º" is looked for as it is).
const AFTER_DAY = wordsAfterNumber([...MONTH_NAMES, "er", "de"]);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const SPACE = /\s/;
/**
 * Where LOCAL_DATE may match: at the digits of a number's run (`numberRuns`) that "º" or a word of AFTER_DAY may end,
 * at a year ("19", "20" or, Thai, "25", and two digits) after a space (a month or a word checked behind it), and at a bracket
 * before a number ("(10/11)").
 */
export function localDateStarts(text: string, runs: readonly number[]): number[] {
  const starts: number[] = [];
  for (let r = 0; r < runs.length; r += 2) {
    const [start, end] = [runs[r]!, runs[r + 1]!];
    if (text.charCodeAt(start - 1) === 0x28) starts.push(start - 1);
    const day = text.charCodeAt(end) === 0xba || mayStartAt(text, end, AFTER_DAY);
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c)) continue;
      const year =
        ((c === 0x31 && text.charCodeAt(i + 1) === 0x39) || (c === 0x32 && (text.charCodeAt(i + 1) === 0x30 || text.charCodeAt(i + 1) === 0x35))) &&
        isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && SPACE.test(text.charAt(i - 1));
      if (day || year) starts.push(i);
    }
  }
  return starts;
}

// Without the flag i: these languages write their months in lower case (Greek capitalises them, a sentence may begin
// with one), so an English "2026. The" or "1 January 2027" is passed over at once instead of read and dropped.
const bothCases = (names: string[]): string => alternation(names.flatMap((n) => [n, n[0]!.toUpperCase() + n.slice(1)]));
const LOWER_OR_GREEK = String.raw`(?:\p{Ll}|\p{Script=Greek})\p{L}*`;
// Dates with the months of REGION_MONTHS, any word read in the month's place (the caller looks it up), the year first
// where it comes first: "2025. augusztus 26." (hu), "2018. gada 18. septembrī" (lv), "2018 m. rugsėjo 18 d." (lt); the
// month before the day without a year ("július 1-én", "rugsėjo 18 d."); the day first ("9. toukokuuta 2022",
// "18 Σεπτεμβρίου 2018"); a month and year ("martie 2022"). Each from a digit; the year first before the day, the
// month before a day before the day first, so that a word that is no month does not take a date's number.
export const REGION_DATE = new RegExp(
  [
    String.raw`(?<fy>(?:19|20)\d\d)(?<![\p{L}\p{N}]\d{4})(?:\.\s?(?:gada\s)?|\sm\.\s)(?:(?<fd1>\d{1,2})\.\s)?(?<fm>\p{Ll}\p{L}*)(?:\s(?<fd>\d{1,2})(?:${DAY_END})?(?![\p{L}\p{N}]))?`,
    String.raw`(?<hd>\d{1,2})(?=(?:${DAY_END})(?![\p{L}\p{N}]))(?<=(?<![\p{L}])(?<hm>${bothCases([...MONTH_BEFORE_DAY])})\s\d{1,2})(?:${DAY_END})`,
    // The day first with a dot ("9. toukokuuta"), or without one before a year ("25 september 2024") or before a
    // Greek, Bulgarian or Romanian month ("8 Σεπτεμβρίου", "18 септември", "18 noiembrie"): "5 firms" is not read.
    String.raw`(?<![\p{L}\p{N}])(?<nd>\d{1,2})(?:\.\s(?<nm>${LOWER_OR_GREEK})(?:,?\s(?<ny>(?:19|20)\d\d)(?!\d))?|\s(?<nmy>${LOWER_OR_GREEK}),?\s(?<nyy>(?:19|20)\d\d)(?!\d)|\s(?<nmx>[\p{Script=Greek}\p{Script=Cyrillic}]\p{L}*|\p{Ll}+ie)(?![\p{L}]))`,
    // Behind a year, the month by name: any word there would make a match of every year after a word.
    String.raw`(?<ny2>(?:19|20)\d\d)(?!\d)(?<=(?<![\p{L}\p{N}])(?<nm2>${bothCases([...REGION_MONTHS])})\s\d{4})`,
  ].join("|"),
  "gu",
);

// Vietnamese numeric dates, tried only on text that has the words: ngày 14/6(/2025), ngày 19.1, tháng 6/2025, tháng 6 năm 2025.
// "ngày 19.1" writes the day and month with a dot, as the Vietnamese press often does.
export const VIETNAMESE_DATE = /ngày\s(?<vd>\d{1,2})(?<vs>[/.])(?<vm>\d{1,2})(?:\k<vs>(?<vy>\d{4}))?(?![\d/]|\.\d)|tháng\s(?<tm>\d{1,2})(?:\/|\snăm\s)(?<ty>\d{4})/giu;
// Each word's accented letter is looked for first: found at once where it is absent, as in most texts, where a
// search for "ngày" stopped at every "n".
export const hasVietnameseDate = (text: string): boolean =>
  (text.includes("à") && (text.includes("ngày") || text.includes("Ngày"))) || (text.includes("á") && text.includes("tháng"));

// Swahili presses write the month first, as English does: "Januari 7, 2025", "Aprili 4,2024". Searched only in a text
// where a Swahili month stands before a number (Indonesian shares most of the names, and writes the day first).
const swahiliMonth = SWAHILI_MONTHS.join("|");
export const SWAHILI_DATE = new RegExp(String.raw`(?<![\p{L}])(?<sm>${swahiliMonth})\s(?<sd>\d{1,2}),\s?(?<sy>(?:19|20)\d\d)(?!\d)`, "gu");
const SWAHILI_MONTH_BEFORE_NUMBER = new RegExp(String.raw`(?:${swahiliMonth})\s\d`, "u");
export const hasSwahiliDate = (text: string): boolean => SWAHILI_MONTH_BEFORE_NUMBER.test(text);

/** Where a LOCAL_DATE match's text starts: a year matched with its month or its preposition behind it starts there. */
export function localDateStart(text: string, m: RegExpMatchArray): number {
  const month = m.groups?.m2 ?? m.groups?.hm ?? m.groups?.nm2;
  if (month !== undefined) return text.lastIndexOf(month, m.index!);
  if (m.groups?.by === undefined && m.groups?.ry === undefined) return m.index!;
  // A bare year keeps the word that makes it a date, as "since 2024" does: "desde 2023", "в 2025".
  const word = /(?:(?:pada|à\spartir|a\spartir|fim|final|início|finales|fines)\s)?\S+\s$/iu.exec(text.slice(Math.max(0, m.index! - 16), m.index!));
  return m.index! - (word?.[0].length ?? 0);
}

/** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) of a LOCAL_DATE match; `ref` supplies a missing year. */
export function localDateValue(g: Record<string, string | undefined>, ref: Reference | undefined): string | undefined {
  const year = (text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const y = Number(text);
    return y > 2400 ? y - 543 : y;
  };
  const iso = (y: number | undefined, m: number, d?: number): string | undefined => isoDate(y, m, d, ref);
  if (g.m !== undefined) return iso(year(g.y), MONTHS[g.m.toLowerCase()] ?? 0, Number(g.d));
  if (g.m2 !== undefined) return iso(year(g.y2), MONTHS[g.m2.toLowerCase()] ?? 0);
  // REGION_DATE's word in the month's place: a date only where it is a month.
  const region = (word: string): number => (REGION_MONTHS.has(word.toLowerCase()) ? MONTHS[word.toLowerCase()]! : 0);
  if (g.fm !== undefined) {
    const day = g.fd1 ?? g.fd;
    return iso(year(g.fy), region(g.fm), day === undefined ? undefined : Number(day));
  }
  if (g.hm !== undefined) return MONTH_BEFORE_DAY.has(g.hm.toLowerCase()) ? iso(undefined, region(g.hm), Number(g.hd)) : undefined;
  if (g.nm !== undefined) return iso(year(g.ny), region(g.nm), Number(g.nd));
  if (g.nmy !== undefined) return iso(year(g.nyy), region(g.nmy), Number(g.nd));
  if (g.nmx !== undefined) return iso(undefined, region(g.nmx), Number(g.nd));
  if (g.nm2 !== undefined) return iso(year(g.ny2), region(g.nm2));
  if (g.sm !== undefined) return iso(year(g.sy), MONTHS[g.sm.toLowerCase()] ?? 0, Number(g.sd));
  if (g.vd !== undefined) return iso(year(g.vy), Number(g.vm), Number(g.vd));
  if (g.tm !== undefined) return iso(year(g.ty), Number(g.tm));
  if (g.bd !== undefined) return iso(undefined, Number(g.bm), Number(g.bd));
  const bare = g.by ?? g.ry;
  return bare === undefined ? undefined : bare;
}
