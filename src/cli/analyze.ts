import { readFileSync } from "node:fs";
import { Command } from "commander";
import type { Analysis, Figure } from "../core/article.js";
import { UserError } from "../core/errors.js";
import { capText, capTitle } from "../core/text-limits.js";
import { createAnalyzer, loadKnowledge, plainText, type AnalysisInput, type Evidence, type EvidenceTerm, type ExplainedAnalysis } from "../analysis/index.js";

export { evalCommand } from "./eval.js";

/**
 * `regwatch analyze [FILE|-] [--json] [--all] [--explain]`: the poller's analysis, on items given by hand.
 * Every input item gets exactly one result, in input order: a full one when it is policy (or with --all), else a
 * one-line "not policy" note, so a batch's output lines up with its input.
 */
export function analyzeCommand(): Command {
  return new Command("analyze")
    .description("say whether items are policy, which jurisdictions and topics, with a summary and figures")
    .argument("[file]", "JSON item {title?, text?, url?, feedId?, language?} or an array of them; - or none for stdin")
    .option("--json", "print JSON: {policy, jurisdictions, topics, summary, figures} per item")
    .option("--all", "show the full analysis of items that are not policy too (they never become alerts)")
    .option("--explain", "show the terms and sentences that decided the verdict, each jurisdiction and each topic (implies --all)")
    .action(async (file: string | undefined, options: { json?: boolean; all?: boolean; explain?: boolean }) => {
      const source = !file || file === "-" ? "stdin" : file;
      const { items, single } = parseItems(readSource(file), source);
      const knowledge = loadKnowledge();
      const analyzer = await createAnalyzer(knowledge);
      const results = items.map((item) =>
        "error" in item ? item : { item, analysis: options.explain ? analyzer.explain(item) : analyzer.analyze(item) });
      const full = (a: Analysis) => options.all || options.explain || a.policy;
      // A bad item of a batch costs only its own result: the others are analysed, it gets its one-line error.
      const errors = results.flatMap((r) => ("error" in r ? [r.error] : []));
      for (const error of errors) process.stderr.write(`regwatch: ${error}\n`);
      if (errors.length > 0) process.exitCode = 2;
      if (options.json) {
        // Items that are not policy stay in place as {policy: false}, so the array lines up with the input.
        const out = results.map((r) => ("error" in r ? r : full(r.analysis) ? r.analysis : { policy: false }));
        process.stdout.write(JSON.stringify(single ? out[0] : out, null, 2) + "\n");
        return;
      }
      const flags = new Map(knowledge.jurisdictions.map((j) => [j.code, j.flag]));
      const blocks = results.map((r, i) => {
        const head = single ? "" : `#${i + 1} `;
        if ("error" in r) return `${head}error: ${r.error}\n`;
        if (!full(r.analysis)) return `${head}not policy · ${headline(r.item)}\n`;
        const block = render(r.item, r.analysis, flags, head);
        return "evidence" in r.analysis ? block + renderEvidence((r.analysis as ExplainedAnalysis).evidence) : block;
      });
      process.stdout.write(blocks.join(options.all || options.explain ? "\n" : ""));
    });
}

/** The item's title, or the start of its text when it has none. */
function headline(item: AnalysisInput): string {
  const text = (item.title.trim() || plainText(item.text).replace(/\s+/g, " ")).trim();
  return text.length > 100 ? text.slice(0, 99) + "…" : text;
}

function readSource(file: string | undefined): string {
  try {
    return readFileSync(!file || file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file ?? "stdin"}: ${code === "ENOENT" ? "file not found" : `cannot read (${code ?? "error"})`}`);
  }
}

/** An item of a batch that cannot be analysed, with the one-line reason naming it. */
export interface InvalidItem {
  error: string;
}

/**
 * One item or an array; every item needs a title or text (strings when given). A single bad item is a
 * UserError; in an array, a bad item becomes an InvalidItem in its place and the others go on.
 */
export function parseItems(source: string, name: string): { items: Array<AnalysisInput | InvalidItem>; single: boolean } {
  let raw: unknown;
  try {
    // A byte-order mark is invisible in an editor and not JSON: skip it.
    raw = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch {
    throw new UserError(`${name}: not valid JSON`);
  }
  const single = !Array.isArray(raw);
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const items = list.map((value, i): AnalysisInput | InvalidItem => {
    try {
      return parseItem(value, single ? name : `${name}: item ${i + 1}`);
    } catch (error) {
      if (single || !(error instanceof UserError)) throw error;
      return { error: error.message };
    }
  });
  return { items, single };
}

function parseItem(value: unknown, where: string): AnalysisInput {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UserError(`${where}: expected an object with a title or text`);
  const x = value as Record<string, unknown>;
  for (const key of ["title", "text"]) {
    if (x[key] !== undefined && x[key] !== null && typeof x[key] !== "string") throw new UserError(`${where}: ${key} must be a string`);
  }
  // Capped as the poller caps feed items, so a 10 MB title costs what a feed's would.
  const title = capTitle(typeof x.title === "string" ? x.title : "");
  const text = capText(typeof x.text === "string" ? x.text : "");
  // A headline is optional (feeds and posts often have none); an item with neither words nor headline is not.
  if (!plainText(title).trim() && !plainText(text).trim()) throw new UserError(`${where}: empty item (no title and no text)`);
  const optional = (key: string) => (typeof x[key] === "string" ? (x[key] as string) : null);
  return {
    title,
    text,
    url: optional("url"),
    ...(typeof x.feedId === "string" ? { feedId: x.feedId } : {}),
    feedJurisdiction: optional("feedJurisdiction"),
    language: optional("language"),
    published: optional("published"),
  };
}

function render(item: AnalysisInput, a: Analysis, flags: ReadonlyMap<string, string>, head: string): string {
  const where = a.jurisdictions.map((c) => `${flags.get(c) ?? ""} ${c}`.trim()).join(", ") || "no jurisdiction";
  const lines = [
    `${head}${a.policy ? "POLICY" : "not policy"} · ${where} · ${a.topics.join(", ") || "no topic"}`,
    `  ${headline(item)}`,
    `  ${a.summary}`,
  ];
  if (a.figures.length > 0) lines.push(`  figures: ${a.figures.map(describeFigure).join("; ")}`);
  return lines.join("\n") + "\n";
}

function describeFigure(f: Figure): string {
  if (f.kind === "money") return `${f.text} = ${f.currency} ${f.value}`;
  if (f.kind === "percent") return `${f.text} = ${f.value}%`;
  if (f.kind === "basis-points") return `${f.text} = ${f.value} bp`;
  if (f.kind === "act") return `${f.text} = act no. ${f.value}`;
  if (f.kind === "vote") return `${f.text} = vote ${f.value}`;
  if (f.kind === "count") return `${f.text} = count ${f.value}`;
  return `${f.text} = ${f.value}`;
}

/** Why: the verdict's reason and cues, then each jurisdiction and topic with the words and sentences behind it. */
function renderEvidence(e: Evidence): string {
  const term = (t: EvidenceTerm) => `    "${t.term}" ${t.as}${t.where ? ` (${t.where}${t.sentence ? `: ${t.sentence}` : ""})` : ""}`;
  const lines = [`  why ${e.policy.verdict ? "policy" : "not policy"}: ${e.policy.reason}`, ...e.policy.terms.map(term)];
  for (const j of e.jurisdictions) lines.push(`  why ${j.code}:`, ...j.terms.map(term));
  for (const t of e.topics) lines.push(`  why ${t.id}:`, ...t.terms.map(term));
  return lines.join("\n") + "\n";
}
