import { UserError } from "../core/errors.js";
import { major, maxOf, minOf, percentOf, type Currency } from "./currency.js";
import { defineRegime, type CapRule, type Regime, type StepWords } from "./regime.js";

/** `min(ceiling, max(floor, pct% × g))`, with a step for each part and a word when a bound bites. */
function clampedPercent(pct: bigint, g: bigint, floor: bigint | undefined, ceiling: bigint | undefined, money: (m: bigint) => string, say: StepWords) {
  const raw = percentOf(pct, g);
  const steps = [`${pct}% × ${money(g)} = ${money(raw)}`];
  let cap = raw;
  if (floor !== undefined) {
    const applies = raw < floor;
    steps.push(say(applies ? "floorApplies" : "floor", { bound: money(floor) }, `floor ${money(floor)}${applies ? " applies" : ""}`));
    cap = maxOf(floor, cap);
  }
  if (ceiling !== undefined) {
    const applies = cap > ceiling;
    steps.push(say(applies ? "ceilingApplies" : "ceiling", { bound: money(ceiling) }, `ceiling ${money(ceiling)}${applies ? " applies" : ""}`));
    cap = minOf(ceiling, cap);
  }
  return { cap, steps };
}

/** "greater of income ¥8,000,000 and net assets ¥30,000,000 = ¥30,000,000"; `assets` names the second figure. */
const greaterOf = (assets: "netAssets" | "netWorth"): CapRule => ({ income, netAssets }, money, say) => {
  const g = maxOf(income, netAssets);
  const values = { income: money(income), assets: money(netAssets), result: money(g) };
  const assetsWord = assets === "netAssets" ? "net assets" : "net worth";
  return { cap: g, steps: [say(`greaterOf.${assets}`, values, `greater of income ${values.income} and ${assetsWord} ${values.assets} = ${values.result}`)] };
};

/** The Japanese formula shared by the IEO proposal and equity crowdfunding. */
function japanese(): Pick<Regime, "currency" | "kind" | "formula" | "floor" | "ceiling" | "comparison"> & { rule: CapRule } {
  const floor = 500_000n;
  const ceiling = 2_000_000n;
  return {
    currency: "JPY",
    kind: "cap",
    formula: "min(¥2,000,000, max(¥500,000, 5% × greater of annual income and net assets)), rounded down to the yen",
    floor,
    ceiling,
    comparison: "at-most",
    rule: (figures, money, say) => {
      const g = greaterOf("netAssets")(figures, money, say);
      const part = clampedPercent(5n, g.cap, floor, ceiling, money, say);
      return { cap: part.cap, steps: [...g.steps, ...part.steps] };
    },
  };
}

/** NW = I + A, as Regulation (EU) 2020/1503 adds net income and liquid assets net of commitments. */
const euNetWorth = (pct: bigint, floor: bigint): CapRule => ({ income, netAssets }, money, say) => {
  const nw = income + netAssets;
  const part = clampedPercent(pct, nw, floor, undefined, money, say);
  const sum = `${money(income)} ${netAssets < 0n ? "−" : "+"} ${money(netAssets < 0n ? -netAssets : netAssets)}`;
  return { cap: part.cap, steps: [say("netWorth", { sum, result: money(nw) }, `net worth = ${sum} = ${money(nw)}`), ...part.steps] };
};

const euNotes = [
  "Here income is net annual income, and net assets are liquid assets minus annual financial commitments.",
];

/** A cap that is one figure for everyone; `per` keys the step's words ("per ICO project"). */
const fixed = (currency: Currency, amount: number, per: "project" | "issuer", what: string): Pick<Regime, "floor" | "ceiling"> & { rule: CapRule } => {
  const cap = major(amount, currency);
  return { floor: cap, ceiling: cap, rule: (_figures, money, say) => ({ cap, steps: [say(`fixed.${per}`, { cap: money(cap) }, `fixed ${money(cap)} ${what}`)] }) };
};

export const regimes: readonly Regime[] = [
  defineRegime({
    id: "jp-ieo",
    title: "Japan: IEO purchase limit (FSA proposal)",
    ...japanese(),
    status:
      "Proposal, not law: put forward at the FSA crypto-asset working group on 7 Nov 2025 and in its report of 10 Dec 2025; bills are planned for 2026, rules possibly from 2027.",
    source: "https://www.fsa.go.jp/singi/singi_kinyu/angoshisanseido_wg/",
    notes: [
      "Reads \"5% of annual income or net assets\" as 5% of the greater of the two, as Japan's equity-crowdfunding rule is described: an interpretation of a proposal.",
    ],
  }),
  defineRegime({
    id: "jp-ecf",
    title: "Japan: equity crowdfunding, general investors",
    ...japanese(),
    status: "In force: per issuer per year for general investors; specified (professional) investors are exempt.",
    source: "https://market.jsda.or.jp/shijyo/kabucrowdfunding/seido/gaiyou/index.html",
    notes: [],
  }),
  defineRegime({
    id: "us-regcf",
    kind: "cap",
    currency: "USD",
    title: "US: Regulation Crowdfunding investment limit",
    formula:
      "if income or net worth is below $124,000: max($2,500, 5% × the greater); otherwise 10% × the greater; at most $124,000",
    status:
      "In force: 17 CFR 227.100(a)(2), figures as adjusted in 2022; the limit runs across all Reg CF offerings over 12 months. Accredited investors are exempt.",
    source: "https://www.ecfr.gov/current/title-17/section-227.100",
    notes: [],
    comparison: "at-most",
    // Below the threshold the floor is explicit; above it 10% of at least $124,000 is more than $2,500 anyway.
    floor: major(2_500, "USD"),
    ceiling: major(124_000, "USD"),
    rule: (figures, money, say) => {
      const threshold = major(124_000, "USD");
      const g = greaterOf("netWorth")(figures, money, say);
      const low = figures.income < threshold || figures.netAssets < threshold;
      const why = low
        ? say("regcfLow", { threshold: money(threshold), floor: money(major(2_500, "USD")) }, `income or net worth is below ${money(threshold)}, so 5% with a ${money(major(2_500, "USD"))} floor`)
        : say("regcfHigh", { threshold: money(threshold) }, `income and net worth are both at least ${money(threshold)}, so 10%`);
      const part = low
        ? clampedPercent(5n, g.cap, major(2_500, "USD"), threshold, money, say)
        : clampedPercent(10n, g.cap, undefined, threshold, money, say);
      return { cap: part.cap, steps: [...g.steps, why, ...part.steps] };
    },
  }),
  defineRegime({
    id: "us-rega-t2",
    kind: "cap",
    currency: "USD",
    title: "US: Regulation A Tier 2 investment limit",
    formula: "10% × the greater of annual income and net worth (no floor, no ceiling)",
    status:
      "In force: 17 CFR 230.251(d)(2)(i)(C), per offering. Accredited investors and offerings listed on an exchange are exempt.",
    source: "https://www.ecfr.gov/current/title-17/section-230.251",
    notes: [],
    comparison: "at-most",
    rule: (figures, money, say) => {
      const g = greaterOf("netWorth")(figures, money, say);
      const part = clampedPercent(10n, g.cap, undefined, undefined, money, say);
      return { cap: part.cap, steps: [...g.steps, ...part.steps] };
    },
  }),
  defineRegime({
    id: "eu-ecsp",
    kind: "threshold",
    currency: "EUR",
    title: "EU: crowdfunding (ECSP) warning threshold",
    formula: "max(€1,000, 5% × net worth), net worth = net annual income + liquid assets − annual financial commitments",
    status: "In force: Regulation (EU) 2020/1503 Art. 21(7), non-sophisticated investors.",
    source: "https://eur-lex.europa.eu/eli/reg/2020/1503/oj",
    notes: [
      "Above the threshold the investment is not banned: the platform must give a risk warning and get your explicit consent and proof that you understand the risk.",
      ...euNotes,
    ],
    comparison: "at-most",
    floor: major(1_000, "EUR"),
    rule: euNetWorth(5n, major(1_000, "EUR")),
  }),
  defineRegime({
    id: "eu-ecsp-loss",
    kind: "loss",
    currency: "EUR",
    title: "EU: crowdfunding (ECSP) ability to bear loss",
    formula: "max(€0, 10% × net worth), net worth = net annual income + liquid assets − annual financial commitments",
    status: "In force: Regulation (EU) 2020/1503 Art. 21(5): the loss a non-sophisticated investor must simulate.",
    source: "https://eur-lex.europa.eu/eli/reg/2020/1503/oj",
    notes: ["This is a figure to simulate before investing, not a yes/no limit.", ...euNotes],
    floor: 0n,
    rule: euNetWorth(10n, 0n),
  }),
  defineRegime({
    id: "uk-restricted",
    kind: "cap",
    currency: "GBP",
    title: "UK: restricted investor (less than 10% of net assets)",
    formula: "max(£0, 10% × net assets); an amount must be strictly less than this",
    status:
      "In force: FCA restricted-investor statement (COBS 4.12A), covering qualifying cryptoassets since 8 Oct 2023.",
    source: "https://www.handbook.fca.org.uk/handbook/COBS/4/12A.html",
    notes: ["Exactly 10% is not \"less than 10%\". Income plays no part."],
    comparison: "below",
    uses: ["netAssets"],
    floor: 0n,
    rule: ({ netAssets }, money, say) => clampedPercent(10n, netAssets, 0n, undefined, money, say),
  }),
  defineRegime({
    id: "th-ico",
    kind: "cap",
    currency: "THB",
    title: "Thailand: ICO limit per retail investor",
    formula: "฿300,000 per ICO project",
    status: "In force: Thai SEC rules on ICOs (2018), for each retail investor in each ICO project.",
    source: "https://www.sec.or.th/EN/Pages/News_Detail.aspx?SECID=8286",
    notes: ["Income and assets play no part."],
    comparison: "at-most",
    uses: [],
    ...fixed("THB", 300_000, "project", "per ICO project"),
  }),
  defineRegime({
    id: "my-ieo",
    kind: "cap",
    currency: "MYR",
    title: "Malaysia: IEO limit per retail investor",
    formula: "RM2,000 per issuer (and RM20,000 across all issuers in 12 months)",
    status: "In force: Securities Commission Malaysia, Guidelines on Digital Assets (IEO), retail investors.",
    source: "https://www.sc.com.my/regulation/guidelines/digital-assets",
    notes: ["Checks the per-issuer limit only: keep the RM20,000 across issuers in 12 months in mind. Income and assets play no part."],
    comparison: "at-most",
    uses: [],
    ...fixed("MYR", 2_000, "issuer", "per issuer"),
  }),
];

export const regimeIds = regimes.map((r) => r.id) as [string, ...string[]];

export const defaultRegimeId = "jp-ieo";

export function findRegime(id: string): Regime {
  const regime = regimes.find((r) => r.id === id.trim().toLowerCase());
  if (!regime) throw new UserError(`Unknown regime "${id}". Choose one of: ${regimeIds.join(", ")}.`);
  return regime;
}
