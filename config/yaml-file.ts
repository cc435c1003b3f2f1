import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ConfigError } from "../src/core/errors.js";

/**
 * Reads a YAML file and validates it with a zod schema. Every problem comes back at once as a
 * ConfigError: a missing file, YAML syntax errors with their line, or schema issues with their path.
 */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  return validate(file, parseYaml(file, readSource(file)), schema);
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

/** The YAML document as plain data; syntax errors come back with their line. */
export function parseYaml(file: string, source: string): unknown {
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`));
  }
  return doc.toJS() ?? {};
}

export function validate<S extends z.ZodType>(file: string, data: unknown, schema: S): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ConfigError(file, formatIssues(result.error.issues));
  return result.data;
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
