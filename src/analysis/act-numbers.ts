// The number of a law, bill, rule or letter ("Interpretive Letter 1183", "Resolution 5/2025/NQ-CP", "PMK 50/2025",
// "Section 509", "H.R. 4763"): a summary keeps it as written, and it is never an amount or a date.

const ACT_WORDS = [
  // English
  "Interpretive Letter", "Letter", "Staff Accounting Bulletin", "Bulletin", "Resolution", "Recommendation", "Section", "Article",
  "Bill", "Act", "Rule", "Regulation", "Decree", "Circular", "Notice", "Order", "Directive", "Law", "Ordinance", "Release",
  "Proclamation", "Executive Order", "Guideline", "Guidelines", "Policy Statement", "Consultation Paper", "Discussion Paper",
  "H\\.R\\.", "SB", "HB", "CP", "PS", "DP", "SAB", "Information Sheet", "INFO", "Regulatory Guide", "RG", "U\\.S\\.C\\. §", "§",
  // US state bills: "House File 3642 (HF3642)", "Senate Bill 21", "Assembly Bill 1052" ("SF" alone is also San Francisco).
  "House File", "Senate File", "House Bill", "Senate Bill", "Assembly Bill", "HF",
  // Other languages, as acts are numbered there
  "Resolução", "Resolución", "Resolução CVM", "Resolución General", "Instrução", "Lei", "Ley", "Decreto", "Real Decreto",
  "Circular", "Comunicación", "Comunicado", "Gesetz", "Rundschreiben", "Verordnung", "Loi", "Décret", "Ordonnance", "Legge",
  "Delibera", "Circolare", "Regolamento", "Ustawa", "Закон", "Указ", "Постановление", "Федеральный закон", "Kanun", "Tebliğ",
  "Genelge", "Yönetmelik", "Nghị quyết", "Nghị định", "Thông tư", "Luật", "Quyết định", "Peraturan", "POJK", "PMK", "PBI",
  "SEOJK", "UU", "Peraturan Menteri Keuangan \\(PMK\\)", "Peraturan Menteri Keuangan", "Perpres", "Akta", "พ\\.ร\\.บ\\.", "ประกาศ",
  // An article or a bill cited in running text, lower case: "l'article 113", "proyecto de ley 247", "قانون رقم 39".
  "article", "artículo", "artigo", "articolo", "Artikel", "статьи", "статья", "статье", "proyecto de ley", "projeto de lei",
  "projet de loi", "disegno di legge", "ley", "lei", "loi", "رقم",
  // As the Nordic, Central and South-East European countries cite their acts and bills: "HE 31/2024 vp",
  // "prop. 2024/25:43", "SFS 2025:1377", "Prop. 55 LS (2024–2025)", "lov nr. 1234", "zákon č. 253/2008 Sb.",
  // "ν. 4706/2020", "Legea nr. 129/2019", "(NN 12/2024)".
  "HE", "prop\\.", "Prop\\.", "SFS", "lov", "Lov", "lagen", "zákon", "zákona", "zákonem", "ν\\.", "Ν\\.", "νόμος", "νόμου", "νόμο",
  "Legea", "Legii", "Ordonanța de urgență", "OUG", "Hotărârea", "Regulamentul", "NN", "Zakon", "Uredba",
];
const NUMBER_WORD = String.raw`(?:No\.?|Nos\.?|Number|nº|n\.º|n°|N°|Nr\.?|nr\.?|núm\.?|n\.|số|Nomor|Bil\.|№|Sayılı|č\.|br\.)`;
// 1183; 5/2025/NQ-CP; 50/2025; 2025-12; 39-3; 10(b); C-2
// "Nomor 50 Tahun 2025", "No. 5 of 2024", "Ley 27.739 de 2024": the year belongs to the number.
// "2024/25:43", "2025:1377": a Swedish bill or statute, its year then its number after a colon.
const IDENT = String.raw`(?:(?:19|20)\d\d(?:/\d\d)?:\d+(?![\p{N}])|(?:[A-Z]-)?\d+(?:[./-]\d+)*(?:/[A-ZĐ][A-ZĐ0-9-]*)*(?:\([a-z0-9]+\))*(?:\s(?:Tahun|tahun|of|de|del|năm)\s(?:19|20)\d\d)?)`;
// What follows a number in these countries' citations: the Czech and Slovak collection ("Sb.", "Z. z."), the
// Finnish parliamentary session ("vp"), the Norwegian bill's kind and session ("LS (2024–2025)").
const ACT_TAIL = String.raw`(?:\s(?:Sb\.|Z\.\s?z\.|vp\b|(?:L|LS|S)\s\((?:19|20)\d\d[–-](?:19|20)\d\d\)))?`;

// Starts with the act word itself (a lookbehind here would run at every position of every article): the
// caller checks that no letter or digit comes right before it (ACT_BEFORE).
export const ACT_BEFORE = /[\p{L}\p{N}]/u;
export const ACT_NUMBER = new RegExp(
  // "Law No. (56) of 1996": Gulf texts put the number in brackets, after the number sign.
  String.raw`(?:${ACT_WORDS.sort((a, b) => b.length - a.length).join("|")})\s?(?:${NUMBER_WORD}\s?\((?<bracketed>\d{1,5})\)|(?:${NUMBER_WORD}\s?)?(?<id>${IDENT})${ACT_TAIL})(?![\p{N}])`,
  "gu",
);

// An act cited by its number alone: "Edital Nº 109/2024", "No. 5/2025" (a number with its year after a number
// sign is an act's), and Turkish "7518 sayılı Kanun" (the number comes first).
export const NUMBERED_ACT = new RegExp(
  [
    String.raw`(?:nº|n\.º|n°|No\.|Nr\.|№)\s?(?<id>\d+[/-](?:19|20)\d\d)(?![\p{N}/])|(?<id2>\d{3,5})\ssayılı`,
    // "Ley Fintec N°21.521": a number sign before thousands grouped with a dot, as Chile numbers its laws.
    String.raw`(?<![\p{L}])(?:nº|n°)\s?(?<id4>\d{1,3}\.\d{3})(?![\p{N}]|[.,/]\p{N})`,
    // A Swedish statute by its number in brackets, "lagen (2025:1378)"; a Hungarian act by its year and roman
    // number, "2024. évi VII. törvény".
    String.raw`\((?<id3>(?:19|20)\d\d:\d{1,4})\)`,
    String.raw`(?<id5>(?:19|20)\d\d\.\sévi\s[IVXLCDM]+\.)\störvény`,
  ].join("|"),
  "giu",
);

// The Polish journal, "Dz.U. 2024 poz. 123": searched only in a text with "Dz." (a pattern that starts with a letter is
// tried at every position).
export const POLISH_JOURNAL = /Dz\.\s?U\.\s?(?:z\s)?(?<id>(?:19|20)\d\d\s?(?:r\.\s)?poz\.\s?\d+)/gu;

// A Brazilian provisional measure, "Medida Provisória nº 1.303", "MP 1.303/2025": "MP" only before such a number (an MP
// is also a member of parliament). Searched only in a text with "MP" or "Provisória" (`mayHaveProvisionalMeasure`):
// in ACT_NUMBER, words that start with an "m" made its search slower at every position.
export const PROVISIONAL_MEASURE = /(?<![\p{L}\p{N}])(?:Medida Provisória|medida provisória|MP)\s(?:n[º°]\s?|n\.º\s?)?(?<id>\d\.\d{3}(?:\/(?:19|20)\d\d)?)(?![\p{N}]|[.,]\p{N})/gu;
export const mayHaveProvisionalMeasure = (text: string): boolean => text.includes("MP ") || text.includes("rovisória");
