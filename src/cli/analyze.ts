import { readFileSync } from "node:fs";
import { Command } from "commander";
import type { Analysis, Figure } from "../core/article.js";
import { UserError } from "../core/errors.js";
import { capText, capTitle } from "../core/text-limits.js";
import { createAnalyzer, loadKnowledge, type AnalysisInput } from "../analysis/index.js";

export { evalCommand } from "./eval.js";

/** `regwatch analyze [FILE|-] [--json] [--all]`: the poller's analysis, on items given by hand. */
export function analyzeCommand(): Command {
  return new Command("analyze")
    .description("say whether items are policy, which jurisdictions and topics, with a summary and figures")
    .argument("[file]", "JSON item {title, text, url?, feedId?, language?} or an array of them; - or none for stdin")
    .option("--json", "print JSON: {policy, jurisdictions, topics, summary, figures} per item")
    .option("--all", "also show items that are not policy (they never become alerts)")
    .action((file: string | undefined, options: { json?: boolean; all?: boolean }) => {
      const source = !file || file === "-" ? "stdin" : file;
      const { items, single } = parseItems(readSource(file), source);
      const knowledge = loadKnowledge();
      const analyzer = createAnalyzer(knowledge);
      const results = items.map((item) => ({ item, analysis: analyzer.analyze(item) }));
      const shown = results.filter((r) => options.all || r.analysis.policy);
      const hidden = results.length - shown.length;
      if (options.json) {
        const out = shown.map((r) => r.analysis);
        if (!single || out.length > 0) process.stdout.write(JSON.stringify(single ? out[0] : out, null, 2) + "\n");
      } else {
        const flags = new Map(knowledge.jurisdictions.map((j) => [j.code, j.flag]));
        process.stdout.write(shown.map((r) => render(r.item, r.analysis, flags)).join("\n"));
      }
      if (hidden > 0) {
        process.stderr.write(`regwatch: ${hidden} item${hidden === 1 ? " is" : "s are"} not policy (--all shows ${hidden === 1 ? "it" : "them"})\n`);
      }
    });
}

function readSource(file: string | undefined): string {
  try {
    return readFileSync(!file || file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file ?? "stdin"}: ${code === "ENOENT" ? "file not found" : `cannot read (${code ?? "error"})`}`);
  }
}

/** One item or an array; every item needs a title, and text when given must be a string. */
export function parseItems(source: string, name: string): { items: AnalysisInput[]; single: boolean } {
  let raw: unknown;
  try {
    // A byte-order mark is invisible in an editor and not JSON: skip it.
    raw = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch {
    throw new UserError(`${name}: not valid JSON`);
  }
  const single = !Array.isArray(raw);
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const items = list.map((value, i): AnalysisInput => {
    const where = single ? name : `${name}: item ${i + 1}`;
    if (typeof value !== "object" || value === null) throw new UserError(`${where}: expected an object with a title`);
    const x = value as Record<string, unknown>;
    if (typeof x.title !== "string" || !x.title.trim()) throw new UserError(`${where}: missing title`);
    if (x.text !== undefined && typeof x.text !== "string") throw new UserError(`${where}: text must be a string`);
    const optional = (key: string) => (typeof x[key] === "string" ? (x[key] as string) : null);
    return {
      // Capped as the poller caps feed items, so a 10 MB title costs what a feed's would.
      title: capTitle(x.title),
      text: capText((x.text as string | undefined) ?? ""),
      url: optional("url"),
      ...(typeof x.feedId === "string" ? { feedId: x.feedId } : {}),
      feedJurisdiction: optional("feedJurisdiction"),
      language: optional("language"),
      published: optional("published"),
    };
  });
  return { items, single };
}

function render(item: AnalysisInput, a: Analysis, flags: ReadonlyMap<string, string>): string {
  const where = a.jurisdictions.map((c) => `${flags.get(c) ?? ""} ${c}`.trim()).join(", ") || "no jurisdiction";
  const lines = [
    `${a.policy ? "POLICY" : "not policy"} · ${where} · ${a.topics.join(", ") || "no topic"}`,
    `  ${item.title}`,
    `  ${a.summary}`,
  ];
  if (a.figures.length > 0) lines.push(`  figures: ${a.figures.map(describeFigure).join("; ")}`);
  return lines.join("\n") + "\n";
}

const describeFigure = (f: Figure): string =>
  f.kind === "money" ? `${f.text} = ${f.currency} ${f.value}` : f.kind === "percent" ? `${f.text} = ${f.value}%` : `${f.text} = ${f.value}`;
