/**
 * Feed dates → ISO 8601 UTC, or null. Handles ISO 8601 / RFC 3339, RFC 822 with English,
 * Portuguese, Spanish, French, German and Italian day and month names
 * (`Seg, 24 Set 2018 19:42:40 -0300`), and the "First published: DD/MM/YYYY" line UK FCA
 * feeds put in the description instead of a pubDate.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  // Written without diacritics: names are compared after stripping them.
  ["jan", "january", "janeiro", "ene", "enero", "janv", "janvier", "januar", "janner", "gen", "gennaio"],
  ["feb", "february", "fev", "fevereiro", "febrero", "fevr", "fevrier", "februar", "febbraio"],
  ["mar", "march", "marco", "marzo", "mars", "marz", "mrz"],
  ["apr", "april", "abr", "abril", "avr", "avril", "aprile"],
  ["may", "mai", "maio", "mayo", "mag", "maggio"],
  ["jun", "june", "junho", "junio", "juin", "juni", "giu", "giugno"],
  ["jul", "july", "julho", "julio", "juil", "juillet", "juli", "lug", "luglio"],
  ["aug", "august", "ago", "agosto", "aout"],
  ["sep", "sept", "september", "set", "setembro", "septiembre", "setiembre", "septembre", "settembre"],
  ["oct", "october", "out", "outubro", "octubre", "octobre", "okt", "oktober", "ott", "ottobre"],
  ["nov", "november", "novembro", "noviembre", "novembre"],
  ["dec", "december", "dez", "dezembro", "dic", "diciembre", "decembre", "dezember", "dicembre"],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

/** Offsets in minutes for the zone names RFC 822 allows, plus a few feeds use anyway. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180,
  brt: -180, jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660,
};

const foldName = (name: string): string =>
  name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\.$/, "");

function twoDigitYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Minutes east of UTC, or undefined when the zone cannot be read. Empty means UTC. */
function zoneOffset(zone: string): number | undefined {
  const cleaned = zone.trim().replace(/^\(|\)$/g, "");
  if (cleaned === "") return 0;
  const numeric = /^(?:gmt|utc|ut)?\s*([+-])(\d{2}):?(\d{2})?$/i.exec(cleaned);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  // "GMT (Coordinated Universal Time)" and similar: the first word decides.
  return ZONES[cleaned.toLowerCase().split(/\s+/)[0] ?? ""];
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || second > 60) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000;
  // Reject 31 February and the like: Date.UTC rolls them over silently.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** `24 Set 2018 19:42:40 -0300`, after an optional day name; also `24 September 2018`. */
const RFC822 =
  /^(?:[^\d\s,]+\.?,?\s+)?(\d{1,2})[\s-]+([^\d\s.,-]+)\.?,?[\s-]+(\d{4}|\d{2})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/u;

/**
 * Dates already read, by their text: a feed lists the same dates at every poll, and many feeds publish at the same
 * minutes. Only answers that do not depend on the machine's time zone are kept; bounded, emptied when full.
 */
const known = new Map<string, string | null>();
const KNOWN_MAX = 4096;

/** ISO 8601 UTC for a date as feeds write it, or null. */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (typeof value !== "string" || value === "") return null;
  const cached = known.get(value);
  if (cached !== undefined) return cached;
  const text = value.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const fixed = fixedDate(text);
  if (fixed !== undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(value, fixed);
    return fixed;
  }
  return platformDate(text);
}

/** The date of a text in the forms read here, null when such a form holds no valid date; undefined for other forms. */
function fixedDate(text: string): string | null | undefined {
  const iso = ISO.exec(text);
  if (iso) {
    const offset = iso[7] ? zoneOffset(iso[7]) : 0;
    if (offset === undefined) return null;
    return build(
      Number(iso[1]), Number(iso[2]), Number(iso[3]),
      Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), offset,
    );
  }

  const rfc = RFC822.exec(text);
  if (rfc) {
    const month = MONTHS[foldName(rfc[2]!)];
    const offset = zoneOffset(rfc[7] ?? "");
    if (month !== undefined && offset !== undefined) {
      return build(
        twoDigitYear(Number(rfc[3]), rfc[3]!.length), month, Number(rfc[1]),
        Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0), offset,
      );
    }
  }

  return undefined;
}

function platformDate(text: string): string | null {
  // Other English forms ("September 24, 2018 7:42 PM GMT"): the platform's parser, only
  // for ASCII text with a four-digit year, where it is reliable (and zone-less text read in the local zone).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]+$/.test(text) && /\b(19|20|21)\d{2}\b/.test(text) && /[a-z]{3}/i.test(text)) {
    const time = Date.parse(text);
    if (Number.isFinite(time)) return new Date(time).toISOString();
  }
  return null;
}

/** The date in a "First published: DD/MM/YYYY" (or "First published: 24 September 2018") line. */
export function firstPublishedDate(text: string): string | null {
  const match = /first published:?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/i.exec(text);
  if (match) return build(Number(match[3]), Number(match[2]), Number(match[1]), 0, 0, 0, 0);
  const spelled = /first published:?\s*(\d{1,2}\s+\p{L}+\.?\s+\d{4})/iu.exec(text);
  return spelled ? parseFeedDate(spelled[1]) : null;
}
