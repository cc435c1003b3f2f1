// The article's language, for priors only (a Thai or Turkish article is most likely about its own country):
// the feed's tag when it has one; a script used by one language of ours decides alone; otherwise (Latin and
// Cyrillic) a maintained n-gram detector guesses from the opening. Its model takes a tenth of a second to
// load, so it is loaded once, when an analyzer is created, and never merely by importing the analysis.

import { loadScorer } from "./language-scores.js";

/** The languages regwatch's tables carry terms in. */
export const LANGUAGES = [
  "en", "pt", "es", "de", "fr", "it", "nl", "pl", "ru", "uk", "tr", "ar", "hi", "vi", "id", "ms", "th", "ja", "ko", "zh",
  "cs", "sk", "hu", "ro", "bg", "hr", "sl", "sv", "da", "no", "fi", "el", "et", "lv", "lt",
] as const;

const SAMPLE = 200;

/** ISO 639-1 code of the text's language (the feed's tag wins), or "und" when nothing tells. */
export type LanguageDetector = (tag: string | null | undefined, text: string) => string;

let loading: Promise<LanguageDetector> | undefined;

/** The detector, its n-gram model loaded on the first call only; later calls share it. */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= Promise.all([import("eld/extrasmall"), loadScorer(LANGUAGES)]).then(([{ eld }, scorer]) => {
    eld.setLanguageSubset([...LANGUAGES]);
    // eld's answer, scored for our languages only (see language-scores.ts); eld itself if its tables moved.
    const detect = scorer ?? ((text: string) => eld.detect(text).language);
    return (tag, text) => tagLanguage(tag) ?? languageOfScript(text.slice(0, SAMPLE)) ?? (detect(text.slice(0, SAMPLE)) || "und");
  });
  return loading;
}

/** The primary language subtag of a BCP 47 tag ("pt-BR", "pt_BR" → "pt"), or undefined for none. */
export function tagLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * Scripts that only one of our languages uses: kana, Hangul, Han, Thai, Arabic, Devanagari, Hebrew, Bengali, Georgian,
 * Armenian, Ethiopic (Amharic; Tigrinya shares it, and Ethiopia's with it), Sinhala, and the scripts of India's languages.
 * Persian and Urdu are told from Arabic by the letters Arabic lacks, Nepali from Hindi by its everyday words.
 */
function languageOfScript(sample: string): string | undefined {
  let kana = 0, hangul = 0, han = 0, thai = 0, arabic = 0, devanagari = 0, hebrew = 0, bengali = 0, georgian = 0, other = 0;
  let otherLanguage: string | undefined;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x530) continue;
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0x0e00 && c <= 0x0e7f) thai++;
    else if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if (c >= 0x05d0 && c <= 0x05ea) hebrew++;
    else if (c >= 0x0900 && c <= 0x097f) devanagari++;
    else if (c >= 0x0980 && c <= 0x09ff) bengali++;
    else if (c >= 0x10d0 && c <= 0x10ff) georgian++;
    else {
      const language = SCRIPT_LANGUAGES.find(([from, to]) => c >= from && c <= to)?.[2];
      if (language && (otherLanguage === undefined || otherLanguage === language)) {
        otherLanguage = language;
        other++;
      }
    }
  }
  if (hangul > 10 && hangul >= kana) return "ko";
  if (kana > 5) return "ja";
  if (han > 10) return "zh";
  if (thai > 10) return "th";
  if (arabic > 10) return persoArabic(sample) ?? "ar";
  if (devanagari > 10) return nepali(sample) ? "ne" : "hi";
  if (hebrew > 10) return "he";
  if (bengali > 10) return "bn";
  if (georgian > 10) return "ka";
  if (other > 10) return otherLanguage;
  return undefined;
}

// One language per script: Armenian, Ethiopic, Sinhala, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam.
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [number, number, string]> = [
  [0x0531, 0x058f, "hy"], [0x1200, 0x137f, "am"], [0x0d80, 0x0dff, "si"], [0x0a00, 0x0a7f, "pa"], [0x0a80, 0x0aff, "gu"],
  [0x0b00, 0x0b7f, "or"], [0x0b80, 0x0bff, "ta"], [0x0c00, 0x0c7f, "te"], [0x0c80, 0x0cff, "kn"], [0x0d00, 0x0d7f, "ml"],
];

// Letters of the Arabic script that Arabic itself does not use: Urdu's retroflex letters, nun ghunna and bari ye; the
// Persian (and Urdu) pe, che, zhe and gaf.
const URDU_LETTERS = /[\u0679\u0688\u0691\u06ba\u06d2]/g;
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af]/g;
// Persian's kaf and yeh, which Arabic typed on a Persian keyboard has too: evidence only beside the letters above.
const PERSIAN_KAF_YEH = /[\u06a9\u06cc]/g;

/** Urdu or Persian, when a text in the Arabic script has their own letters. */
function persoArabic(sample: string): string | undefined {
  if ((sample.match(URDU_LETTERS)?.length ?? 0) >= 3) return "ur";
  const persian = sample.match(PERSIAN_LETTERS)?.length ?? 0;
  if (persian >= 3 || (persian >= 1 && (sample.match(PERSIAN_KAF_YEH)?.length ?? 0) >= 3)) return "fa";
  return undefined;
}

// Nepali's "is" (छ), its past participles (भएको, गरेको, रहेको, दिएको) and ergative ले, which Hindi does not use; Hindi's "is" (है, हैं).
const NEPALI_WORDS = /(?:^|[\s,])(?:छ|छन्|भएको|गरेको|रहेको|दिएको|\S+ले)(?=[\s।,]|$)/gu;
const HINDI_IS = /(?:^|\s)(?:है|हैं)(?=[\s।,]|$)/u;

/** Whether a Devanagari text is Nepali rather than Hindi. */
function nepali(sample: string): boolean {
  return !HINDI_IS.test(sample) && (sample.match(NEPALI_WORDS)?.length ?? 0) >= 2;
}
