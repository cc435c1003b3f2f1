// The number of a law, bill, rule or letter ("Interpretive Letter 1183", "Resolution 5/2025/NQ-CP", "PMK 50/2025",
// "Section 509", "H.R. 4763"): a summary keeps it as written, and it is never an amount or a date.

const ACT_WORDS = [
  // English
  "Interpretive Letter", "Letter", "Staff Accounting Bulletin", "Bulletin", "Resolution", "Recommendation", "Section", "Article",
  "Bill", "Act", "Rule", "Regulation", "Decree", "Circular", "Notice", "Order", "Directive", "Law", "Ordinance", "Release",
  "Proclamation", "Executive Order", "Guideline", "Guidelines", "Policy Statement", "Consultation Paper", "Discussion Paper",
  "H\\.R\\.", "SB", "HB", "CP", "PS", "DP", "SAB", "Information Sheet", "INFO", "Regulatory Guide", "RG", "U\\.S\\.C\\. §", "§",
  // Other languages, as acts are numbered there
  "Resolução", "Resolución", "Resolução CVM", "Resolución General", "Instrução", "Lei", "Ley", "Decreto", "Real Decreto",
  "Circular", "Comunicación", "Comunicado", "Gesetz", "Rundschreiben", "Verordnung", "Loi", "Décret", "Ordonnance", "Legge",
  "Delibera", "Circolare", "Regolamento", "Ustawa", "Закон", "Указ", "Постановление", "Федеральный закон", "Kanun", "Tebliğ",
  "Genelge", "Yönetmelik", "Nghị quyết", "Nghị định", "Thông tư", "Luật", "Quyết định", "Peraturan", "POJK", "PMK", "PBI",
  "SEOJK", "UU", "Peraturan Menteri Keuangan \\(PMK\\)", "Peraturan Menteri Keuangan", "Perpres", "Akta", "พ\\.ร\\.บ\\.", "ประกาศ",
  // An article or a bill cited in running text, lower case: "l'article 113", "proyecto de ley 247", "قانون رقم 39".
  "article", "artículo", "artigo", "articolo", "Artikel", "статьи", "статья", "статье", "proyecto de ley", "projeto de lei",
  "projet de loi", "disegno di legge", "ley", "lei", "loi", "رقم",
];
const NUMBER_WORD = String.raw`(?:No\.?|Nos\.?|Number|nº|n\.º|n°|N°|Nr\.?|núm\.?|n\.|số|Nomor|Bil\.|№|Sayılı)`;
// 1183; 5/2025/NQ-CP; 50/2025; 2025-12; 39-3; 10(b); C-2
// "Nomor 50 Tahun 2025", "No. 5 of 2024", "Ley 27.739 de 2024": the year belongs to the number.
const IDENT = String.raw`(?:[A-Z]-)?\d+(?:[./-]\d+)*(?:/[A-ZĐ][A-ZĐ0-9-]*)*(?:\([a-z0-9]+\))*(?:\s(?:Tahun|tahun|of|de|del|năm)\s(?:19|20)\d\d)?`;

// Starts with the act word itself (a lookbehind here would run at every position of every article): the
// caller checks that no letter or digit comes right before it (ACT_BEFORE).
export const ACT_BEFORE = /[\p{L}\p{N}]/u;
export const ACT_NUMBER = new RegExp(
  String.raw`(?:${ACT_WORDS.sort((a, b) => b.length - a.length).join("|")})\s?(?:${NUMBER_WORD}\s?)?(?<id>${IDENT})(?![\p{N}])`,
  "gu",
);

// An act cited by its number alone: "Edital Nº 109/2024", "No. 5/2025" (a number with its year after a number
// sign is an act's), and Turkish "7518 sayılı Kanun" (the number comes first).
export const NUMBERED_ACT = new RegExp(
  String.raw`(?:nº|n\.º|n°|No\.|Nr\.|№)\s?(?<id>\d+[/-](?:19|20)\d\d)(?![\p{N}/])|(?<id2>\d{3,5})\ssayılı`,
  "giu",
);
