import type { Figure } from "../core/article.js";
import { alternation } from "./alternation.js";

// "The central bank cut its rate on Thursday": news of an act names the day by its weekday, and the item's
// publication date says which Thursday. Read against it, the weekday is a date a summary keeps
// ("18 September 2025"), as the act's own page would write it.

/** Weekday names, Monday first, in the languages of the tables (forms after a preposition included). */
const NAMES: readonly (readonly string[])[] = [
  ["Monday", "lunes", "segunda-feira", "lundi", "Montag", "lunedì", "maandag", "poniedziałek", "понедельник", "понеділок", "Pazartesi", "الاثنين", "الإثنين", "Senin", "Isnin", "วันจันทร์", "月曜日", "월요일", "星期一", "周一", "週一", "सोमवार", "pondělí", "pondelok", "hétfőn", "hétfő", "понеделник", "ponedjeljak", "ponedeljek", "måndag", "mandag", "maanantaina", "Δευτέρα", "esmaspäeval", "pirmdien", "pirmadienį"],
  ["Tuesday", "martes", "terça-feira", "mardi", "Dienstag", "martedì", "dinsdag", "wtorek", "вторник", "вівторок", "Salı", "الثلاثاء", "Selasa", "วันอังคาร", "火曜日", "화요일", "星期二", "周二", "週二", "मंगलवार", "úterý", "utorok", "kedden", "kedd", "marți", "вторник", "utorak", "torek", "tisdag", "tirsdag", "tiistaina", "Τρίτη", "teisipäeval", "otrdien", "antradienį"],
  ["Wednesday", "miércoles", "quarta-feira", "mercredi", "Mittwoch", "mercoledì", "woensdag", "środa", "środę", "среду", "середа", "середу", "Çarşamba", "الأربعاء", "الاربعاء", "Rabu", "วันพุธ", "水曜日", "수요일", "星期三", "周三", "週三", "बुधवार", "středa", "středu", "streda", "stredu", "szerdán", "szerda", "miercuri", "сряда", "srijeda", "sreda", "onsdag", "keskiviikkona", "Τετάρτη", "kolmapäeval", "trešdien", "trečiadienį"],
  ["Thursday", "jueves", "quinta-feira", "jeudi", "Donnerstag", "giovedì", "donderdag", "czwartek", "четверг", "четвер", "Perşembe", "الخميس", "Kamis", "Khamis", "วันพฤหัสบดี", "วันพฤหัส", "木曜日", "목요일", "星期四", "周四", "週四", "गुरुवार", "čtvrtek", "štvrtok", "csütörtökön", "csütörtök", "joi", "четвъртък", "četvrtak", "četrtek", "torsdag", "torstaina", "Πέμπτη", "neljapäeval", "ceturtdien", "ketvirtadienį"],
  ["Friday", "viernes", "sexta-feira", "vendredi", "Freitag", "venerdì", "vrijdag", "piątek", "пятница", "пятницу", "п'ятниця", "п'ятницю", "п’ятницю", "Cuma", "الجمعة", "Jumat", "Jumaat", "วันศุกร์", "金曜日", "금요일", "星期五", "周五", "週五", "शुक्रवार", "pátek", "piatok", "pénteken", "péntek", "vineri", "петък", "petak", "petek", "fredag", "perjantaina", "Παρασκευή", "reedel", "piektdien", "penktadienį"],
  ["Saturday", "sábado", "samedi", "Samstag", "sabato", "zaterdag", "sobota", "sobotę", "суббота", "субботу", "субота", "суботу", "Cumartesi", "السبت", "Sabtu", "วันเสาร์", "土曜日", "토요일", "星期六", "周六", "週六", "शनिवार", "sobotu", "szombaton", "szombat", "sâmbătă", "събота", "subota", "lördag", "lørdag", "lauantaina", "Σάββατο", "laupäeval", "sestdien", "šeštadienį"],
  ["Sunday", "domingo", "dimanche", "Sonntag", "domenica", "zondag", "niedziela", "niedzielę", "воскресенье", "неділя", "неділю", "Pazar günü", "الأحد", "Ahad", "Chủ nhật", "วันอาทิตย์", "日曜日", "일요일", "星期日", "星期天", "周日", "週日", "रविवार", "neděle", "neděli", "nedeľa", "nedeľu", "vasárnap", "duminică", "nedjelja", "nedelja", "söndag", "søndag", "sunnuntaina", "Κυριακή", "pühapäeval", "svētdien", "sekmadienį"],
];

const WEEKDAY = new Map<string, number>();
NAMES.forEach((names, i) => {
  for (const name of names) WEEKDAY.set(name.toLowerCase(), i);
});

// A weekday is a word of its own where its script has words, and may touch its neighbours where it has none
// (木曜日に, 星期四宣布, วันพฤหัสบดีที่). A day number after it is that day's date ("el jueves 21", "Thursday 20").
const PATTERN = new RegExp(
  String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{M}])(?<name>${alternation(NAMES.flat())})(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}])(?:,?\s(?<day>\d{1,2})(?![\d.,:/-]\d))?`,
  "giu",
);

// "Next Thursday", "el próximo jueves": a weekday still to come is not read; nor Santo Domingo, São Domingos.
const AHEAD = /(?:Santo|San|São|next|coming|upcoming|this coming|próximo|próxima|prochain|prochaine|nächsten|nächste|prossimo|prossima|volgende|przyszły|следующ\S*|наступн\S*|gelecek|القادم|المقبل|depan|tới|หน้า|来週|다음 주|下周|下週)\s*$/iu;
// Languages that put "next" after the day: Thai, Arabic, Indonesian and Malay.
const AHEAD_AFTER = /^\s*(?:หน้า|القادم|المقبل|depan)/u;

const WRITTEN_AFTER = /^[\s,(]*\d/;

const DAY = 24 * 60 * 60 * 1000;

/**
 * The dates of the weekdays a text names, read against its publication date (YYYY-MM-DD): the last such weekday on or
 * before it, or, with a day number after the weekday, the day of that number within a week of it. `free` says whether
 * a stretch of the text is still unclaimed by another figure (a weekday inside a full date is that date already).
 */
export function weekdayDates(text: string, published: string | null | undefined, free: (start: number, end: number) => boolean = () => true): Figure[] {
  const at = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? "");
  if (!at) return [];
  const base = Date.UTC(Number(at[1]), Number(at[2]) - 1, Number(at[3]));
  if (!Number.isFinite(base)) return [];
  const out: Figure[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const end = m.index + m[0].length;
    if (!free(m.index, end)) continue;
    if (AHEAD.test(text.slice(Math.max(0, m.index - 16), m.index)) || AHEAD_AFTER.test(text.slice(end, end + 8))) continue;
    const weekday = WEEKDAY.get(m.groups!.name!.toLowerCase());
    if (weekday === undefined) continue;
    const day = m.groups!.day === undefined ? undefined : Number(m.groups!.day);
    // "nesta terça-feira (4/3)": the date written right after the weekday is the one to keep.
    if (day === undefined && WRITTEN_AFTER.test(text.slice(end, end + 4))) continue;
    const when = day === undefined ? lastOnOrBefore(base, weekday) : numbered(base, weekday, day);
    if (when === undefined) continue;
    const value = new Date(when).toISOString().slice(0, 10);
    if (!out.some((f) => f.value === value)) out.push({ kind: "date", value, text: m[0] });
  }
  return out;
}

/** Monday 0 … Sunday 6 of a UTC time. */
const weekdayOf = (time: number): number => (new Date(time).getUTCDay() + 6) % 7;

function lastOnOrBefore(base: number, weekday: number): number {
  return base - ((weekdayOf(base) - weekday + 7) % 7) * DAY;
}

/** "El viernes 21": the day within a week either side of the publication that is both that weekday and that day. */
function numbered(base: number, weekday: number, day: number): number | undefined {
  for (let d = -7; d <= 7; d++) {
    const time = base + d * DAY;
    if (weekdayOf(time) === weekday && new Date(time).getUTCDate() === day) return time;
  }
  return undefined;
}
