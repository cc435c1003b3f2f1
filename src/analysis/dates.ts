// The publication date as a reference for dates written without a year, and the ISO form of a date read from
// text: shared by the English patterns (figures.ts) and the other languages' (local-dates.ts).

export interface Reference {
  year: number;
  month: number | undefined;
}

export function parseReference(published: string | null | undefined): Reference | undefined {
  const m = published?.match(/^(\d{4})(?:-(\d{2}))?/);
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined };
}

/**
 * YYYY-MM-DD, or YYYY-MM without a day; undefined for an impossible month or day, or a missing year with no
 * publication date to take it from.
 */
export function isoDate(year: number | undefined, month: number, day: number | undefined, ref: Reference | undefined): string | undefined {
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  let y = year;
  if (y === undefined) {
    if (!ref) return undefined;
    y = ref.year;
    // "Back in December" read in January is last December; "by February" read in November is next year's.
    if (ref.month !== undefined && month - ref.month > 6) y -= 1;
    if (ref.month !== undefined && ref.month - month > 6) y += 1;
  }
  const mm = String(month).padStart(2, "0");
  return day === undefined ? `${y}-${mm}` : `${y}-${mm}-${String(day).padStart(2, "0")}`;
}
