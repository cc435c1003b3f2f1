import { readFileSync } from "node:fs";
import { parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { ConfigError } from "../src/core/errors.js";

/**
 * Reads a YAML file and validates it with a zod schema. Every problem comes back at once as a
 * ConfigError: a missing file, YAML syntax errors with their line, numbers not written in decimal, or
 * schema issues with their path.
 */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const { value, notDecimal } = readDocument(file, readSource(file));
  return validate(file, value, schema, notDecimal);
}

/** The file's text; a missing or unreadable file is a ConfigError. */
export function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`]);
  }
}

/** The YAML document as plain data; syntax errors and numbers not in decimal come back with their line. */
export function parseYaml(file: string, source: string): unknown {
  const { value, notDecimal } = readDocument(file, source);
  if (notDecimal.length > 0) throw new ConfigError(file, notDecimal);
  return value;
}

function readDocument(file: string, source: string): { value: unknown; notDecimal: string[] } {
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`));
  }
  try {
    // An alias bomb ("Excessive alias count") or a document too deep to build ends here, as a problem in the file.
    return { value: doc.toJS({ maxAliasCount: 100 }) ?? {}, notDecimal: numbersNotInDecimal(doc, source) };
  } catch (error) {
    throw new ConfigError(file, [`cannot be read: ${(error as Error).message.split("\n")[0]?.slice(0, 120)}`]);
  }
}

/** Checks data against a schema; `earlier` problems (numbers not in decimal) are listed first, and not named twice. */
export function validate<S extends z.ZodType>(file: string, data: unknown, schema: S, earlier: string[] = []): z.output<S> {
  const result = schema.safeParse(data);
  if (earlier.length > 0 || !result.success) {
    const issues = result.success ? [] : result.error.issues.filter((issue) => !(earlier.length > 0 && /Infinity|NaN/.test(issue.message)));
    throw new ConfigError(file, [...earlier, ...formatIssues(issues)]);
  }
  return result.data;
}

/**
 * Numbers written other than in decimal: YAML reads `0x10` as 16, `0o7` as 7 and `1e400` as Infinity, which
 * nobody means in a timeout or a count. Quoted values are strings and left to the schema.
 */
function numbersNotInDecimal(doc: Document, source: string): string[] {
  const problems: string[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "number" || node.type !== "PLAIN") return;
      const written = (node as { source?: string }).source ?? String(node.value);
      if (/^[-+]?\d+(?:\.\d+)?$/.test(written) && Number.isFinite(node.value)) return;
      const line = node.range ? source.slice(0, node.range[0]).split("\n").length : "?";
      problems.push(`line ${line}: ${written.slice(0, 24)} is not a decimal number`);
    },
  });
  return problems;
}

/** `feeds[3].url: Invalid URL`, one line per issue. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      "",
    );
    return `${path || "(top level)"}: ${issue.message}`;
  });
}
