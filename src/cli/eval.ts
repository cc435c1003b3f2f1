import { readFileSync } from "node:fs";
import { Command } from "commander";
import { createAnalyzer } from "../analysis/index.js";
import { evaluate, type LabelledItem } from "../analysis/evaluate.js";
import { UserError } from "../core/errors.js";

/** `regwatch eval FILE`: how well the analysis matches a labelled set, and what it got wrong. */
export function evalCommand(): Command {
  return new Command("eval")
    .description("score the analysis against a labelled JSON file (policy, jurisdictions, topics, figures)")
    .argument("<file>", "JSON array of labelled items: title, text, policy, jurisdictions, topics, referenceSummary")
    .option("--json", "print the report as JSON")
    .action((file: string, options: { json?: boolean }) => {
      const items = readLabelled(file);
      const report = evaluate(createAnalyzer(), items);
      if (options.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + "\n");
        return;
      }
      const pct = (x: number) => x.toFixed(3);
      const lines = [
        `items                         ${report.items}`,
        `policy accuracy               ${pct(report.policyAccuracy)}`,
        `jurisdiction exact-set match  ${pct(report.jurisdictionExactMatch)}`,
        `jurisdiction micro-F1         ${pct(report.jurisdictionF1)}`,
        `topic micro-F1                ${pct(report.topicF1)}`,
        `figure recall                 ${pct(report.figureRecall)}`,
        "",
        report.misses.length === 0 ? "no misses" : "misses:",
        ...report.misses.map((m) => `  ${m.id} ${m.what}: expected ${m.expected || "(none)"}; got ${m.got || "(none)"}`),
      ];
      process.stdout.write(lines.join("\n") + "\n");
    });
}

function readLabelled(file: string): LabelledItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UserError(`${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "not valid JSON"}`);
  }
  if (!Array.isArray(raw)) throw new UserError(`${file}: expected a JSON array of labelled items`);
  raw.forEach((item: unknown, i) => {
    const x = item as Partial<LabelledItem> | null;
    if (!x || typeof x.title !== "string" || typeof x.text !== "string" || typeof x.policy !== "boolean" ||
        !Array.isArray(x.jurisdictions) || !Array.isArray(x.topics)) {
      throw new UserError(`${file}: item ${i + 1} needs title, text, policy, jurisdictions and topics`);
    }
  });
  return raw as LabelledItem[];
}

