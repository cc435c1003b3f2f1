import type { Figure } from "../core/article.js";
import { WEEKDAYS, type Segment } from "./terms.js";

// "The central bank cut its rate on Thursday": news of an act names the day by its weekday, and the item's
// publication date says which Thursday. Read against it, the weekday is a date a summary keeps
// ("18 September 2025"), as the act's own page would write it. The names are found with the tables' terms
// (weekday-names.ts), so reading them costs no pass of its own over the text.

// "Next Thursday", "el próximo jueves": a weekday still to come is not read; nor Santo Domingo, São Domingos.
const AHEAD = /(?:Santo|San|São|next|coming|upcoming|próximo|próxima|prochain|prochaine|nächsten|nächste|prossimo|prossima|volgende|przyszły|следующ\S*|наступн\S*|gelecek|来週|다음 주|下周|下週)\s*$/iu;
// Languages that put "next" after the day: Thai, Arabic, Indonesian and Malay.
const AHEAD_AFTER = /^\s*(?:หน้า|القادم|المقبل|depan)/u;
// "El viernes 21", "Thursday 20": the day's number right after the weekday.
const DAY_AFTER = /^,?\s(\d{1,2})(?![\d.,:/-]\d)/;
// "nesta terça-feira (4/3)": a date written right after the weekday is the one to keep.
const WRITTEN_AFTER = /^[\s,(]*\d/;

const DAY = 24 * 60 * 60 * 1000;
const DAY_OF: ReadonlyMap<string, number> = new Map(WEEKDAYS.map((name, i) => [name, i]));

/**
 * The dates of the weekdays the segments name, read against the publication date (YYYY-MM-DD): the last such
 * weekday on or before it, or, with a day number after the weekday, the day of that number within a week of it.
 * A weekday followed by a date the text writes out (`written`, the dates already extracted) is that date.
 */
export function weekdayFigures(segments: readonly Segment[], published: string | null | undefined, written: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  let base: number | undefined;
  for (const segment of segments) {
    for (const hit of segment.weekdays) {
      const ref = hit.refs.find((r) => r.t === "cue" && DAY_OF.has(r.cue));
      if (ref?.t !== "cue") continue;
      const day = DAY_OF.get(ref.cue)!;
      base ??= publicationDay(published);
      if (base === undefined) return out;
      const text = segment.text;
      const after = text.slice(hit.end, hit.end + 32);
      if (AHEAD.test(text.slice(Math.max(0, hit.start - 16), hit.start)) || AHEAD_AFTER.test(after)) continue;
      const number = DAY_AFTER.exec(after);
      if (!number && (WRITTEN_AFTER.test(after) || written.some((f) => f.kind === "date" && after.includes(f.text)))) continue;
      const when = number ? numbered(base, day, Number(number[1])) : lastOnOrBefore(base, day);
      if (when === undefined) continue;
      const value = new Date(when).toISOString().slice(0, 10);
      if (!out.some((f) => f.value === value) && !written.some((f) => f.kind === "date" && f.value === value)) {
        out.push({ kind: "date", value, text: text.slice(hit.start, number ? hit.end + number[0].length : hit.end) });
      }
    }
  }
  return out;
}

function publicationDay(published: string | null | undefined): number | undefined {
  const at = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? "");
  if (!at) return undefined;
  const time = Date.UTC(Number(at[1]), Number(at[2]) - 1, Number(at[3]));
  return Number.isFinite(time) ? time : undefined;
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
