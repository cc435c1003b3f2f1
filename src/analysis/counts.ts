// Figures that count who or what an act reaches ("130 jurisdictions", "73 corporations", "1.2 million users",
// "26社", "거래소 5곳") and how a legislature voted ("by 308 votes to 122", "voted 294-134", "68 votos a favor").
// Only counts of the things regulation is about: a number before any noun would flood an alert's key figures.

import { digitsOfRuns, wordsAfterNumber } from "./after-number.js";
import { alternation } from "./alternation.js";
import { fifteenDigits } from "./precision.js";

// Plural nouns of spaced scripts (matched case-insensitively, whole words). Turkish, Indonesian, Malay, Thai and
// Vietnamese count with the singular.
const NOUNS = [
  // en
  "jurisdictions", "countries", "economies", "nations", "member states", "states", "firms", "companies", "corporations",
  "entities", "businesses", "exchanges", "platforms", "apps", "applications", "websites", "web sites", "sites", "domains",
  "accounts", "users", "customers", "clients", "investors", "victims", "people", "individuals", "persons", "residents",
  "licences", "licenses", "tokens", "coins", "banks", "institutions", "VASPs", "CASPs", "providers", "operators", "issuers",
  "members", "cases", "transactions", "wallets", "addresses", "defendants", "suspects", "brokers", "funds", "projects",
  "applicants", "complaints", "arrests", "stablecoins", "creditors", "account holders", "holders", "entries", "locations",
  "cryptocurrencies", "digital currency exchanges", "crypto exchanges", "traders",
  "trades",
  // what a regulator's year or a crackdown counts: "90 fines", "252 investigations", "20 lawsuits", "446 deals"
  "fines", "penalties", "sanctions", "lawsuits", "investigations", "orders", "notices", "convictions", "deals", "listings", "scams",
  // a central bank's or a body's numbered meeting: "its 299th meeting"
  "meeting", "meetings", "session", "sessions", "plenary",
  // es, pt
  "jurisdicciones", "países", "paises", "empresas", "entidades", "plataformas", "sitios web", "páginas web", "cuentas", "usuarios",
  "clientes", "inversores", "inversionistas", "víctimas", "personas", "licencias", "bancos", "proveedores", "casos", "operaciones",
  "jurisdições", "contas", "usuários", "utilizadores", "investidores", "vítimas", "pessoas", "licenças", "prestadoras", "corretoras",
  "sanciones", "multas", "monedas", "demandas", "sanções", "sanciones económicas",
  // de, fr, it, nl
  "Länder", "Staaten", "Unternehmen", "Firmen", "Plattformen", "Webseiten", "Konten", "Nutzer", "Kunden", "Anleger", "Personen",
  "Lizenzen", "Banken", "Anbieter", "Fälle", "Standorten", "Standorte", "Gläubiger", "pays", "juridictions", "entreprises", "sociétés", "entités", "plateformes",
  "comptes", "utilisateurs", "investisseurs", "victimes", "personnes", "banques", "prestataires", "paesi", "giurisdizioni",
  "società", "imprese", "piattaforme", "siti", "conti", "utenti", "investitori", "vittime", "persone", "licenze", "banche",
  "landen", "bedrijven", "platforms", "rekeningen", "gebruikers", "beleggers",
  // ru, uk
  "стран", "страны", "компаний", "компании", "организаций", "платформ", "сайтов", "аккаунтов", "счетов", "пользователей",
  "клиентов", "инвесторов", "человек", "лицензий", "банков", "бирж", "криптобирж", "дел", "країн", "компаній", "користувачів",
  // tr, id, ms, vi
  "ülke", "şirket", "kuruluş", "platform", "internet sitesi", "site", "hesap", "kullanıcı", "müşteri", "yatırımcı", "kişi",
  "lisans", "banka", "borsa", "negara", "perusahaan", "syarikat", "entitas", "situs", "akun", "akaun", "pengguna", "nasabah",
  "investor", "pelabur", "orang", "izin", "bank", "quốc gia", "công ty", "doanh nghiệp", "tổ chức", "sàn", "nền tảng",
  "trang web", "tài khoản", "người dùng", "nhà đầu tư", "người", "giấy phép", "ngân hàng",
  // ar, hi
  "دولة", "دول", "شركة", "شركات", "منصة", "منصات", "حساب", "مستخدم", "देशों", "कंपनियों", "प्लेटफॉर्म", "खातों", "निवेशकों",
];
// Counters of scripts without spaces, glued to the number: 26社, 3万人, 5곳, 130个国家, 20 ราย.
const COUNTERS = [
  "か国", "カ国", "ヶ国", "ケ国", "社", "業者", "件", "人", "名", "口座", "法人", "団体",
  "개국", "개사", "곳", "명", "건", "개 거래소", "개 기업", "개 계좌", "개 가상자산사업자", "개 가상자산거래업자", "개 사업자",
  "个国家", "個國家", "个司法管辖区", "個司法管轄區", "家", "名", "人", "起", "个账户", "個帳戶", "个平台", "個平台",
  "ประเทศ", "บริษัท", "ราย", "แห่ง", "บัญชี", "คน",
  // coins and tokens counted: 964 枚比特币
  "枚",
  // traders, users and investors counted: 16.3万交易者
  "交易者", "用户", "用戶", "投资者", "投資者",
];


// "7.502,37 monedas": thousands grouped with dots and a decimal comma come first.
// "25 000 personnes": thousands grouped with a space, as French and the Nordic languages write them; never from
// inside a number ("In 2019 300 firms" is no 19,300).
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?:[,.]\d{3})+|(?<!\d)\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?`;
// "1.2 million users", "3万人", "2 juta pengguna".
const SCALE = String.raw`million|billion|thousand|mn|millones|milhões|mil|Millionen|millions|milioni|миллион\p{L}*|млн|тысяч\p{L}*|тыс\.|milyon|bin|ألف|juta|ribu|triệu|nghìn|ngàn|ล้าน|พัน|万|萬|億|亿|만|천|억`;
/** Every word that may follow a count's number (its scale, noun or counter): COUNT is searched only where one may. */
// What may stand between a count and its noun: "200K verified users", "5 million active accounts".
const QUALIFIERS = ["verified", "active", "registered", "unique", "monthly active", "daily active"];
export const COUNT_WORDS = wordsAfterNumber([...SCALE.split("|"), ...NOUNS, ...COUNTERS, ...QUALIFIERS, "st", "nd", "rd", "th"], "km");
// "200K users", "1.5M trades": a scale's letter glued to the number.
export const COUNT = new RegExp(
  String.raw`(?<n>${NUMBER})(?:st|nd|rd|th)?(?:\s?(?<scale>${SCALE})|(?<letter>[KM])(?![\p{L}\p{N}]))?(?:\s(?:(?:${alternation(QUALIFIERS)})\s)?(?<noun>${alternation(NOUNS)})(?![\p{L}\p{N}])|\s?(?<counter>${alternation(COUNTERS)}))`,
  "giu",
);
/**
 * COUNT tried at the digits where it may match (`matchesAt` at `digitsBefore(text, runs, COUNT_WORDS)`): every
 * alternative starts with the number, and a search tried its words after every digit.
 */
export const COUNT_AT = new RegExp(COUNT.source, "iuy");
/**
 * A count's number starts a word of a spaced script ("B2 firms" is no count); Chinese, Japanese and Korean glue it
 * to the word before. Checked by the caller: a lookbehind would run at every position.
 */
export const COUNT_BEFORE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}.,/\-]/u;

const SCALES: Record<string, number> = {
  thousand: 1e3, mil: 1e3, bin: 1e3, "ألف": 1e3, "тыс.": 1e3, ribu: 1e3, "nghìn": 1e3, "ngàn": 1e3, "พัน": 1e3, 千: 1e3, 천: 1e3,
  万: 1e4, 萬: 1e4, 만: 1e4, k: 1e3, m: 1e6, million: 1e6, mn: 1e6, millones: 1e6, "milhões": 1e6, millionen: 1e6, millions: 1e6, milioni: 1e6,
  "млн": 1e6, milyon: 1e6, juta: 1e6, "triệu": 1e6, "ล้าน": 1e6, billion: 1e9, 億: 1e8, 亿: 1e8, 억: 1e8,
};

/** The count's number: "1.2 million" → 1,200,000; "3万" → 30,000. */
export function countValue(n: string, scale: string | undefined): number {
  // "2.617 entitas" groups thousands with a dot, as most languages do; "2.6 million" is a decimal before a scale.
  const grouped = /^\d{1,3}(?:[,\u00a0\u202f ]\d{3})+$/.test(n) || (!scale && /^\d{1,3}(?:\.\d{3})+$/.test(n));
  const local = /^\d{1,3}(?:\.\d{3})+,\d{1,2}$/.test(n);
  const base = local ? Number(n.replace(/\./g, "").replace(",", ".")) : grouped ? Number(n.replace(/[.,\u00a0\u202f ]/g, "")) : Number(n.replace(",", "."));
  if (!scale) return base;
  const lower = scale.toLowerCase();
  const factor = SCALES[lower] ?? (lower.startsWith("миллион") ? 1e6 : lower.startsWith("тысяч") ? 1e3 : 1);
  return fifteenDigits(base * factor);
}

// A legislature's vote, as the press writes it; the value is "for-against".
const VOTE_PATTERNS = [
  // "by 308 votes to 122", "68 votes to 30", "308 votes in favour and 122 against"
  String.raw`(?<f1>\d{1,4})\svotes?\s(?:to|against)\s(?<a1>\d{1,4})`,
  String.raw`(?<f2>\d{1,4})\svotes?\s(?:in\sfavou?r|for)(?:\s(?:and|to|with|,))+\s(?<a2>\d{1,4})\s(?:votes?\s)?against`,
  // "voted 294-134", "passed 68-30", "by a vote of 294 to 134": from the digits, the verb checked behind them
  // (a branch that starts with a word is tried at every position of every article).
  String.raw`(?<f3>\d{1,4})\s?(?:[-–—]|\sto\s)\s?(?<a3>\d{1,4})(?![\d/.])(?<=(?:voted|passed|approved|adopted|cleared|vote\sof|margin\sof)\s\d{1,4}\s?(?:[-–—]|\sto\s)\s?\d{1,4})`,
  String.raw`(?<f4>\d{1,4})[-–—](?<a4>\d{1,4})\s(?:vote|tally|margin)`,
  // es/pt/it/fr/de: "68 votos a favor y 30 en contra", "por 308 votos a 122", "par 308 voix contre 122", "mit 308 zu 122 Stimmen"
  String.raw`(?<f5>\d{1,4})\s(?:votos|voti|voix|Stimmen)(?:\sa\sfavor|\sfavoráveis|\sfavorevoli|\spour|\sdafür)?(?:[\s,]+(?:y|e|et|und|contra|contre|a|,)\s?)+(?<a5>\d{1,4})(?:\s(?:en\scontra|contra|contrários|contrari|contre|dagegen))?`,
  String.raw`(?<f6>\d{1,4})\szu\s(?<a6>\d{1,4})\sStimmen`,
  // ja/ko/zh: "賛成308、反対122", "찬성 308표, 반대 122표", "308票赞成、122票反对"
  String.raw`(?<f7>\d{1,4})(?<=(?:賛成|찬성)\s?\d{1,4})\s?[票표명]?[、,，\s]+(?:(?:反対|반대)\s?)(?<a7>\d{1,4})`,
  String.raw`(?<f8>\d{1,4})\s?[票]\s?(?:赞成|贊成)[、,，\s]+(?<a8>\d{1,4})\s?[票]\s?(?:反对|反對)`,
];
export const VOTE = new RegExp(VOTE_PATTERNS.join("|"), "giu");
// What may come first after a vote's first number and the spaces and commas after it: "votes", "votos", "voti", "voix",
// "Stimmen", "zu", "to", a dash, a counter or comma of Chinese, Japanese and Korean, "反対", "반대".
const VOTE_NEXT = /[vtzs\-–—票표명、，反반]/iuy;
/** VOTE tried at `voteStarts` (by `matchesAt`): every alternative starts with the number, and most numbers are no vote. */
export const VOTE_AT = new RegExp(VOTE.source, "iuy");
/** The digits where VOTE may match: those of a number's run (`numberRuns`) that one of VOTE_NEXT's characters ends. */
export const voteStarts = (text: string, runs: readonly number[]): number[] =>
  digitsOfRuns(text, runs, (end) => {
    VOTE_NEXT.lastIndex = end;
    return VOTE_NEXT.test(text);
  });

/** "308-122" from whichever pattern matched. */
export function voteValue(groups: Record<string, string | undefined>): string | undefined {
  for (let i = 1; i <= 8; i++) {
    const f = groups[`f${i}`];
    const a = groups[`a${i}`];
    if (f !== undefined && a !== undefined) return `${f}-${a}`;
  }
  return undefined;
}

/** Where a vote's text starts: the verb or "賛成" checked behind the digits belongs to it ("voted 294-134"). */
export function voteStart(text: string, m: RegExpMatchArray): number {
  if (m.groups?.f3 === undefined && m.groups?.f7 === undefined) return m.index!;
  const word = /(?:voted|passed|approved|adopted|cleared|vote\sof|margin\sof|賛成|찬성)\s?$/.exec(text.slice(Math.max(0, m.index! - 12), m.index!));
  return m.index! - (word?.[0].length ?? 0);
}
