// Articles analysed per second on one core (this process, one thread), over a few thousand synthetic
// articles of realistic length in English and the other languages of the tables, policy and not, with every
// language's terms loaded; and the time to load and validate the tables (startup).
import { performance } from "node:perf_hooks";
import { createAnalyzer, loadKnowledge, loadLanguageDetector, type AnalysisInput } from "../../src/analysis/index.js";
import { loadKnowledge as loadTables } from "../../config/knowledge.js";
import { compileTerms } from "../../src/analysis/terms.js";
import { configDataFile } from "../../config/paths.js";

const ARTICLES = 4000;
const ROUNDS = 3;

const subjects = [
  "Japan's Financial Services Agency", "The SEC", "Hong Kong's SFC", "The Monetary Authority of Singapore", "ESMA",
  "The UK Financial Conduct Authority", "Thailand's SEC", "The Reserve Bank of India", "Dubai's VARA", "BaFin",
  "A crypto startup", "Bitcoin", "An exchange in Seoul", "Traders", "The FATF",
];
const actions = [
  "issued new rules on stablecoin reserves", "fined an exchange $4.5 million for weak AML controls",
  "opened a consultation on staking services", "granted a licence to a trading platform",
  "rose 4.2% to $97,500 in early trading", "was hacked for ¥2.3 billion", "raised $30 million in a funding round",
  "warned investors about unlicensed platforms", "proposed a 20% tax on crypto gains from 1 January 2027",
  "launched a new derivatives product", "published guidance on the travel rule",
];
const filler = [
  "The decision follows months of talks with industry groups and consumer advocates.",
  "Analysts said the move could reshape the market for retail investors over the next year.",
  "The U.S. dollar was little changed, while Asian equities edged higher on Monday.",
  "Officials declined to comment on individual firms, citing ongoing reviews.",
  "Photo by Someone on Unsplash", "Read more: related coverage.",
];
// One item in each other language, written for the bench (no language tag: the analysis detects it).
const local: AnalysisInput[] = [
  { title: "La CNMV multa a una plataforma de criptomonedas con 2 millones de euros", text: "La Comisión Nacional del Mercado de Valores impuso una multa de 2 millones de euros por operar sin autorización. La sanción es firme desde el 3 de marzo de 2026." },
  { title: "CVM publica resolução sobre ativos virtuais", text: "A Comissão de Valores Mobiliários aprovou nova norma para prestadoras de serviços de ativos virtuais. As regras entram em vigor em 1º de julho de 2026." },
  { title: "BaFin warnt vor nicht zugelassenen Krypto-Plattformen", text: "Die Bundesanstalt für Finanzdienstleistungsaufsicht warnt Anleger vor Kryptowerte-Anbietern ohne Erlaubnis. Die Aufsicht prüft weitere Schritte." },
  { title: "L'AMF met en garde contre des sites de crypto-actifs non autorisés", text: "L'Autorité des marchés financiers publie une liste noire de 12 sites proposant des crypto-actifs sans enregistrement." },
  { title: "Consob oscura cinque siti di trading di criptovalute abusivi", text: "La Commissione Nazionale per le Società e la Borsa ha ordinato l'oscuramento di cinque siti che offrivano cripto-attività senza autorizzazione." },
  { title: "Банк России предложил ограничить вложения в криптовалюту", text: "Центробанк предложил правительству законопроект о цифровых валютах. Лимит для неквалифицированных инвесторов составит 300 тысяч рублей." },
  { title: "SPK kripto varlık hizmet sağlayıcılarına yönelik tebliğ yayımladı", text: "Sermaye Piyasası Kurulu, kripto varlık hizmet sağlayıcılarının faaliyet izni için yeni düzenleme yaptı. Asgari sermaye 50 milyon TL oldu." },
  { title: "المركزي الإماراتي يصدر لائحة جديدة للعملات المستقرة", text: "أصدر مصرف الإمارات العربية المتحدة المركزي إرشادات جديدة لترخيص مزودي خدمات الأصول الافتراضية ومكافحة غسل الأموال." },
  { title: "Ngân hàng Nhà nước ban hành quy định về tài sản mã hóa", text: "Chính phủ vừa ban hành nghị quyết thí điểm thị trường tài sản mã hóa trong 5 năm. Vốn tối thiểu là 10.000 tỷ đồng." },
  { title: "OJK terbitkan aturan baru perdagangan aset kripto", text: "Otoritas Jasa Keuangan menerbitkan peraturan pengawasan aset keuangan digital termasuk aset kripto. Aturan berlaku mulai 10 Januari 2026." },
  { title: "ก.ล.ต. กล่าวโทษผู้ให้บริการสินทรัพย์ดิจิทัลที่ไม่ได้รับอนุญาต", text: "สำนักงาน ก.ล.ต. ดำเนินคดีกับผู้ให้บริการซื้อขายสินทรัพย์ดิจิทัลโดยไม่ได้รับอนุญาต โทษปรับสูงสุด 500,000 บาท" },
  { title: "Bitcoin erreicht neues Rekordhoch", text: "Der Kurs von Bitcoin stieg am Montag auf über 120.000 Dollar. Analysten sehen weiteres Potenzial." },
];

const cjk = [
  { language: "ja", title: "金融庁、暗号資産交換業者に業務改善命令", text: "金融庁は3月4日、暗号資産交換業者に対し業務改善命令を出した。顧客資産の分別管理に不備があった。罰金は50万円。" },
  { language: "ko", title: "금융위원회, 스테이블코인 발행 규제안 발표", text: "금융위원회는 4일 스테이블코인 발행 요건을 담은 규제안을 발표했다. 자본금 50억원 이상을 요구한다." },
  { language: "zh", title: "中国人民银行发布通知 打击虚拟货币交易", text: "中国人民银行发布通知，要求打击虚拟货币交易炒作。罚款200万元。" },
];

function article(i: number): AnalysisInput {
  if (i % 10 === 9) return { ...cjk[i % cjk.length]!, published: "2026-03-05" };
  if (i % 10 === 8 || i % 10 === 7) return { ...local[(i * 3) % local.length]!, published: "2026-03-05" };
  const pick = <T>(list: readonly T[], salt: number): T => list[(i * 7 + salt * 13) % list.length]!;
  const subject = pick(subjects, 1);
  const action = pick(actions, 2);
  const body = [
    `<p>${subject} ${action} on Tuesday, according to a statement.</p>`,
    `<p>${pick(filler, 3)} ${pick(subjects, 4)} ${pick(actions, 5)} last year.</p>`,
    `<p>${pick(filler, 6)} ${pick(filler, 7)} Deadline: ${1 + (i % 28)} June 2026.</p>`,
    `<p>${pick(filler, 8)} The rules cover about ${i % 90}% of trading volume &amp; apply to firms with over $${i} million in assets.</p>`,
  ].join("");
  return { title: `${subject} ${action}`, text: body, feedJurisdiction: i % 3 === 0 ? "US" : null, published: "2026-05-01" };
}

export async function run(): Promise<void> {
  // Startup: read, parse and validate the tables, then compile them (a fresh read: the cache is bypassed).
  const files = { jurisdictions: configDataFile("jurisdictions.yaml"), topics: configDataFile("topics.yaml") };
  let loadMs = Infinity;
  let coldLoadMs = 0;
  let coldCompileMs = 0;
  let compileMs = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    const tables = loadTables(files);
    const t1 = performance.now();
    compileTerms(tables);
    compileMs = Math.min(compileMs, performance.now() - t1);
    loadMs = Math.min(loadMs, t1 - t0);
    if (round === 0) [coldLoadMs, coldCompileMs] = [t1 - t0, performance.now() - t1];
  }
  // Importing the analysis loads no model: the detector's is read here, once, as creating an analyzer would.
  const d0 = performance.now();
  await loadLanguageDetector();
  const detectorMs = performance.now() - d0;
  const analyzer = await createAnalyzer(loadKnowledge());
  const articles = Array.from({ length: ARTICLES }, (_, i) => article(i));
  for (const a of articles.slice(0, 200)) analyzer.analyze(a); // warm up the JIT

  let best = 0;
  let policy = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    policy = 0;
    for (const a of articles) if (analyzer.analyze(a).policy) policy++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, ARTICLES / seconds);
  }
  const chars = articles.reduce((n, a) => n + a.title.length + a.text.length, 0) / ARTICLES;
  console.log(`articles: ${ARTICLES} (mean ${Math.round(chars)} characters, ${policy} policy), best of ${ROUNDS} rounds`);
  console.log(`analysis: ${Math.round(best)} articles/second on one core`);
  console.log(
    `tables: loaded and validated in ${loadMs.toFixed(0)} ms (${coldLoadMs.toFixed(0)} ms cold, first in this process), ` +
      `matcher compiled in ${compileMs.toFixed(0)} ms (${coldCompileMs.toFixed(0)} ms cold)`,
  );
  console.log(`language detector: model loaded in ${detectorMs.toFixed(0)} ms, once, when the first analyzer is created`);
}
