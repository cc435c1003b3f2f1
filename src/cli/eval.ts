import { readFileSync } from "node:fs";
import { Command } from "commander";
import type { Analysis } from "../core/article.js";
import { createAnalyzer, loadKnowledge, type Analyzer, type Knowledge } from "../analysis/index.js";
import { evaluateSplit, type EvalReport, type LabelledItem, type SplitReport } from "../analysis/evaluate.js";
import { UserError } from "../core/errors.js";

/**
 * `regwatch eval FILE`: how well the analysis matches a labelled set, and what it got wrong. Items fall into
 * folds by a hash of their id; one fold is held out. Misses are listed for the tuning part only (unless
 * --show-held-out), so the held-out figure stays an honest estimate of items never seen.
 */
export function evalCommand(): Command {
  return new Command("eval")
    .description("score the analysis against a labelled JSON file: whole set, tuning part and a held-out fold")
    .argument("<file>", "JSON array of labelled items: title, text, policy, jurisdictions, topics, referenceSummary")
    .option("--json", "print the report as JSON")
    .option("--folds <k>", "number of folds the set is split into by a hash of each id", "5")
    .option("--held-out <fold>", "the fold kept out of tuning (0..k-1)", "0")
    .option("--show-held-out", "also list the misses of the held-out fold (spoils it for tuning)")
    .option("--against <file>", "score a second labeller's labels of the same items (by id) instead of the analysis")
    .action(async (file: string, options: { json?: boolean; folds: string; heldOut: string; showHeldOut?: boolean; against?: string }) => {
      const folds = Number(options.folds);
      const heldOut = Number(options.heldOut);
      if (!Number.isInteger(folds) || folds < 2) throw new UserError(`--folds: expected a whole number of at least 2, got ${options.folds}`);
      if (!Number.isInteger(heldOut) || heldOut < 0 || heldOut >= folds) throw new UserError(`--held-out: expected 0 to ${folds - 1}, got ${options.heldOut}`);
      const knowledge = loadKnowledge();
      let items = readLabelled(file, knowledge);
      let scored: Analyzer;
      if (options.against) {
        const second = readSecondLabels(options.against, knowledge);
        items = items.filter((item) => item.id !== undefined && second.has(item.id));
        if (items.length === 0) throw new UserError(`${options.against}: no item shares an id with ${file}`);
        scored = labelsAsAnalyzer(items, second);
      } else scored = await createAnalyzer(knowledge);
      const report = evaluateSplit(scored, items, folds, heldOut);
      if (!options.showHeldOut) {
        report.heldOut.misses = [];
        report.perFold[heldOut]!.misses = [];
        report.whole.misses = report.tuning.misses;
      }
      if (options.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + "\n");
        return;
      }
      const note = options.against ? `${options.against} scored as if it were the analysis (figure recall is not labelled there)\n` : "";
      process.stdout.write(note + formatSplit(report, Boolean(options.showHeldOut)) + "\n");
    });
}

const ROWS: Array<[string, (r: EvalReport) => number]> = [
  ["policy accuracy", (r) => r.policyAccuracy],
  ["jurisdiction exact-set match", (r) => r.jurisdictionExactMatch],
  ["jurisdiction micro-F1", (r) => r.jurisdictionF1],
  ["topic micro-F1", (r) => r.topicF1],
  ["figure recall", (r) => r.figureRecall],
  ["policy recall", (r) => r.policyRecall],
  ["policy precision", (r) => r.policyPrecision],
  ["jurisdictions exact, alerted", (r) => r.jurisdictionExactWhenAlerted],
  ["topic micro-F1, alerted", (r) => r.topicF1WhenAlerted],
];

export function formatSplit(report: SplitReport, showHeldOut: boolean): string {
  const pct = (x: number) => x.toFixed(3).padStart(8);
  const folds = report.perFold.map((_, f) => `fold ${f}`.padStart(8)).join("");
  const lines = [
    `${report.folds} folds by a hash of each id; fold ${report.heldOutFold} is held out of tuning; "clear" leaves out the items marked ambiguous;`,
    `"alerted": on the items both the labels and the analysis call policy`,
    `${"".padEnd(30)}${"whole".padStart(8)}${"clear".padStart(8)}${"tuning".padStart(8)}${"held-out".padStart(9)}   ${folds}`,
    `${"items".padEnd(30)}${String(report.whole.items).padStart(8)}${String(report.clear.items).padStart(8)}${String(report.tuning.items).padStart(8)}${String(report.heldOut.items).padStart(9)}   ${report.perFold.map((r) => String(r.items).padStart(8)).join("")}`,
    ...ROWS.map(([name, get]) =>
      `${name.padEnd(30)}${pct(get(report.whole))}${pct(get(report.clear))}${pct(get(report.tuning))} ${pct(get(report.heldOut))}   ${report.perFold.map((r) => pct(get(r))).join("")}`),
    "",
  ];
  const misses = showHeldOut ? report.whole.misses : report.tuning.misses;
  lines.push(misses.length === 0 ? "no misses" : showHeldOut ? "misses (all items):" : "misses (tuning part; --show-held-out lists the held-out fold too):");
  lines.push(...misses.map((m) => `  ${m.id} ${m.what}: expected ${m.expected || "(none)"}; got ${m.got || "(none)"}`));
  return lines.join("\n");
}

/** A JSON file's array (a byte-order mark allowed), or a one-line error naming the file. */
function readArray(file: string, what: string): unknown[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UserError(`${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "not valid JSON"}`);
  }
  if (!Array.isArray(raw)) throw new UserError(`${file}: expected a JSON array of ${what}`);
  return raw;
}

function readLabelled(file: string, knowledge: Knowledge): LabelledItem[] {
  const raw = readArray(file, "labelled items");
  raw.forEach((item: unknown, i) => {
    const x = item as Partial<LabelledItem> | null;
    if (!x || typeof x.title !== "string" || typeof x.text !== "string" || typeof x.policy !== "boolean" ||
        !Array.isArray(x.jurisdictions) || !Array.isArray(x.topics)) {
      throw new UserError(`${file}: item ${i + 1} needs title, text, policy, jurisdictions and topics`);
    }
  });
  checkVocabulary(file, raw as LabelledItem[], knowledge);
  return raw as LabelledItem[];
}

/**
 * Labels the analysis can never give (a topic outside the list, "UK" for GB) would count as its misses: a
 * labeller's slip would pass for the analysis's shortfall. All such labels are named at once, in one line.
 */
function checkVocabulary(file: string, items: ReadonlyArray<Pick<LabelledItem, "id" | "jurisdictions" | "topics">>, knowledge: Knowledge): void {
  const topics = new Set(knowledge.topics.map((t) => t.id));
  const problems: string[] = [];
  items.forEach((item, i) => {
    const who = item.id ?? `item ${i + 1}`;
    for (const topic of item.topics) if (!topics.has(topic)) problems.push(`${who} topic "${topic}"`);
    for (const code of item.jurisdictions) if (!JURISDICTION_LABEL.test(code)) problems.push(`${who} jurisdiction "${code}"`);
  });
  if (problems.length === 0) return;
  const shown = problems.slice(0, 6).join(", ") + (problems.length > 6 ? ` and ${problems.length - 6} more` : "");
  throw new UserError(`${file}: ${problems.length} label${problems.length === 1 ? "" : "s"} outside the vocabulary (topics: ${[...topics].join(", ")}; ` +
    `jurisdictions: ISO 3166 alpha-2 in capitals, EU or INT, GB for the UK): ${shown}`);
}

/** A labelled jurisdiction: an ISO 3166-1 alpha-2 code (not the UK's informal "UK"), EU or INT. */
const JURISDICTION_LABEL = /^(?!UK$)(?:[A-Z]{2}|EU|INT)$/;

/** A second labeller's verdicts: id, policy, jurisdictions, topics. */
type SecondLabels = Map<string, Pick<LabelledItem, "policy" | "jurisdictions" | "topics">>;

function readSecondLabels(file: string, knowledge: Knowledge): SecondLabels {
  const labels: SecondLabels = new Map();
  const raw = readArray(file, "labels");
  raw.forEach((item: unknown, i) => {
    const x = item as Partial<LabelledItem> | null;
    if (!x || typeof x.id !== "string" || typeof x.policy !== "boolean" || !Array.isArray(x.jurisdictions) || !Array.isArray(x.topics)) {
      throw new UserError(`${file}: item ${i + 1} needs id, policy, jurisdictions and topics`);
    }
    labels.set(x.id, { policy: x.policy, jurisdictions: x.jurisdictions, topics: x.topics });
  });
  checkVocabulary(file, raw as LabelledItem[], knowledge);
  return labels;
}

/**
 * The second labeller's verdicts in the analysis's place, found by each item's title and text (the scorer passes
 * those, not the id): the same measures then say how far two people reading the same rules agree.
 */
function labelsAsAnalyzer(items: readonly LabelledItem[], second: SecondLabels): Analyzer {
  const byText = new Map(items.map((item) => [`${item.title}\n${item.text}`, second.get(item.id!)!]));
  const analyze = (input: { title?: string | null; text?: string | null }): Analysis => {
    const label = byText.get(`${input.title ?? ""}\n${input.text ?? ""}`);
    if (!label) throw new Error("an item the second labels lack");
    return { policy: label.policy, jurisdictions: label.policy ? label.jurisdictions : [], topics: label.policy ? label.topics : [], summary: "", figures: [] };
  };
  return { analyze, explain: () => { throw new Error("no explanation for a labeller's verdict"); } };
}
