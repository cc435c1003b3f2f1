// Articles analysed per second on one core (this process, one thread), over a few thousand synthetic
// articles of realistic length in English, Japanese, Korean and Chinese, policy and not.
import { createAnalyzer, loadKnowledge, type AnalysisInput } from "../../src/analysis/index.js";

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
const cjk = [
  { language: "ja", title: "金融庁、暗号資産交換業者に業務改善命令", text: "金融庁は3月4日、暗号資産交換業者に対し業務改善命令を出した。顧客資産の分別管理に不備があった。罰金は50万円。" },
  { language: "ko", title: "금융위원회, 스테이블코인 발행 규제안 발표", text: "금융위원회는 4일 스테이블코인 발행 요건을 담은 규제안을 발표했다. 자본금 50억원 이상을 요구한다." },
  { language: "zh", title: "中国人民银行发布通知 打击虚拟货币交易", text: "中国人民银行发布通知，要求打击虚拟货币交易炒作。罚款200万元。" },
];

function article(i: number): AnalysisInput {
  if (i % 10 === 9) return { ...cjk[i % cjk.length]!, published: "2026-03-05" };
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
  const analyzer = createAnalyzer(loadKnowledge());
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
}
