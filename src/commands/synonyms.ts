import { WEEKDAYS } from "./subscription-text.js";

// The everyday words people type for delivery settings, read the same in `/subscribe jp daily 9am JST` as in
// the named options (`delivery:daily hour:9am time_zone:JST`).

/** Time zone abbreviations people use, read as the IANA zone they mean (fixed ones only: no "ET" guesswork). */
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  utc: "UTC", gmt: "UTC", z: "UTC",
  jst: "Asia/Tokyo", kst: "Asia/Seoul", hkt: "Asia/Hong_Kong", sgt: "Asia/Singapore", cst8: "Asia/Shanghai",
  ist: "Asia/Kolkata", aest: "Australia/Sydney", cet: "Europe/Paris", cest: "Europe/Paris", bst: "Europe/London",
  est: "America/New_York", edt: "America/New_York", pst: "America/Los_Angeles", pdt: "America/Los_Angeles",
};

/** An IANA time zone in its canonical spelling ("asia/tokyo" → "Asia/Tokyo", "JST" → "Asia/Tokyo"), or undefined. */
export function canonicalTimeZone(name: string): string | undefined {
  const typed = name.trim();
  const abbreviation = ZONE_ABBREVIATIONS[typed.toLowerCase()];
  if (abbreviation) return abbreviation;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(typed)) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** "9", "09:00", "9h", "9am", "9 pm", "21時", "12am" → 0-23; undefined when it is not an hour. */
export function readHour(text: string): number | undefined {
  const typed = text.normalize("NFKC").trim().toLowerCase();
  const match = /^(\d{1,2})(?::00)?\s*(am|pm|h|時)?$/.exec(typed);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const suffix = match[2];
  if (suffix === "am" || suffix === "pm") {
    if (hour < 1 || hour > 12) return undefined;
    return (hour % 12) + (suffix === "pm" ? 12 : 0);
  }
  return hour <= 23 ? hour : undefined;
}

const JAPANESE_DAYS = ["日", "月", "火", "水", "木", "金", "土"];

/** "fri", "Friday", "金曜日" → "friday"; undefined when it is not a day. */
export function readWeekday(text: string): (typeof WEEKDAYS)[number] | undefined {
  const typed = text.normalize("NFKC").trim().toLowerCase();
  const japanese = /^([日月火水木金土])(?:曜日?)?$/.exec(typed);
  if (japanese) return WEEKDAYS[JAPANESE_DAYS.indexOf(japanese[1] as string)];
  if (typed.length < 3) return undefined;
  return WEEKDAYS.find((d) => d.startsWith(typed.replace(/s$/, "")) || d === typed);
}

const MODES: Readonly<Record<string, "instant" | "daily" | "weekly">> = {
  instant: "instant", instantly: "instant", realtime: "instant", immediately: "instant", 即時: "instant",
  daily: "daily", everyday: "daily", 毎日: "daily", 日次: "daily",
  weekly: "weekly", 毎週: "weekly", 週次: "weekly",
};

export const readMode = (text: string): "instant" | "daily" | "weekly" | undefined => MODES[text.normalize("NFKC").trim().toLowerCase()];

export interface DeliveryWords {
  delivery?: "instant" | "daily" | "weekly";
  hour?: string;
  time_zone?: string;
  weekday?: string;
}

/**
 * Takes the delivery words out of a `/subscribe` line ("jp daily 9am JST" → "jp" and daily, 9, Asia/Tokyo) so
 * the rest reads as jurisdictions and topics. Only whole, unambiguous tokens are taken.
 */
export function extractDeliveryWords(text: string): { rest: string; words: DeliveryWords } {
  const words: DeliveryWords = {};
  const kept: string[] = [];
  for (const token of text.split(/(\s+)/)) {
    const bare = token.replace(/^[,、]+|[,、]+$/g, "");
    if (bare.trim() === "") {
      kept.push(token);
      continue;
    }
    const mode = readMode(bare);
    if (mode && words.delivery === undefined) words.delivery = mode;
    else if (words.hour === undefined && /(?:am|pm|h|時|:00)$/i.test(bare) && readHour(bare) !== undefined) words.hour = bare;
    else if (words.time_zone === undefined && (ZONE_ABBREVIATIONS[bare.toLowerCase()] || bare.includes("/")) && canonicalTimeZone(bare)) words.time_zone = bare;
    else if (words.weekday === undefined && (bare.length >= 6 || bare.includes("曜")) && readWeekday(bare)) words.weekday = bare;
    else kept.push(token);
  }
  return { rest: kept.join("").replace(/\s+/g, " ").trim(), words };
}
