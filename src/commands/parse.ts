import { z } from "zod";
import type { Command } from "../core/command.js";
import { UserError } from "../core/errors.js";
import { describeOptions, usage } from "./describe.js";
import { schemaText } from "./i18n.js";

/** A value as typed: with its option name (`income:8m`, `income=8m`, `--income 8m`) or by position. */
export interface LineArgument {
  key?: string;
  value: string;
}

export interface ParsedLine {
  /** Lower case, `_` read as `-`, any `@botname` suffix dropped: `/IEO_CAP@regwatch_bot` → `ieo-cap`. */
  name: string;
  args: LineArgument[];
}

const KEY = /^([a-z][\w-]*)[:=]([\s\S]*)$/i;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "「": "」" };

/**
 * Characters that show nothing but change what a line matches: C0 and C1 controls (line breaks and tabs stay),
 * bidi controls (`\u202ejp` must read as `jp`), zero-width spaces and joiners, soft hyphens and byte-order marks.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` without invisible characters; what every command line and option value goes through first. */
export const stripInvisible = (text: string): string => text.replace(INVISIBLE, "");

/** At most `max` characters of something a user typed, on one line, for an error message to name it. */
export function brief(text: string, max = 32): string {
  const clean = stripInvisible(text).replace(/\s+/g, " ").trim();
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : clean;
}

/**
 * A whole number from `min` to `max`, typed in decimal digits only: `0x10`, `1e1`, `+8`, `8.0` and an empty
 * or blank value are refused (JavaScript's Number() would read them as 16, 10, 8, 8 and 0). Numbers a
 * platform already typed (Discord's integer options) pass as they are.
 */
export function wholeNumber(min: number, max: number, message: NumberMessage, overMax: NumberMessage = message) {
  // A message may be a function, so a localized one is read in the chat's language when the issue is raised.
  const error = (m: NumberMessage) => ({ error: typeof m === "string" ? m : m.error });
  return z.preprocess(
    (value) => (typeof value === "string" ? (/^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value) : value),
    z.number(error(message)).int(error(message)).min(min, error(message)).max(max, error(overMax)),
  );
}

/** An error message for wholeNumber: plain text, or read when raised (`schemaError(…)`). */
export type NumberMessage = string | { error: () => string };

/** Splits a chat line into a command name and its arguments; undefined for an empty line. */
export function parseCommandLine(text: string): ParsedLine | undefined {
  // NFKC: full-width spaces, colons and digits from Japanese keyboards read as their ASCII forms.
  const tokens = tokenize(stripInvisible(text).normalize("NFKC").trim());
  const first = tokens.shift();
  if (first === undefined) return undefined;
  const name = normalizeName(first.replace(/^\//, "").replace(/@\w+$/, ""));

  const args: LineArgument[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const flag = /^--([a-z][\w-]*)(?:=([\s\S]*))?$/i.exec(token);
    // A URL (`https://…`, `file:///…`) is a value whose scheme only looks like an option's name.
    const pair = flag || /^[a-z][a-z0-9+.-]*:\/\//i.test(token) ? null : KEY.exec(token);
    const key = flag?.[1] ?? pair?.[1];
    if (key === undefined) {
      args.push({ value: token });
      continue;
    }
    let value = flag ? flag[2] : pair?.[2];
    // `income: 8m` and `--income 8m`: the value is the next token.
    if (!value) value = tokens[++i];
    if (value === undefined) throw new UserError(schemaText("noValue", "{{key}} has no value", { key: brief(key) }));
    args.push({ key, value });
  }
  return { name, args };
}

export const normalizeName = (name: string): string => name.trim().toLowerCase().replaceAll("_", "-");
const optionKey = (name: string): string => name.trim().toLowerCase().replaceAll("-", "_");

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let started = false;
  let closing: string | undefined;
  for (const ch of text) {
    if (closing !== undefined) {
      if (ch === closing) closing = undefined;
      else current += ch;
    } else if (QUOTES[ch] !== undefined && (current === "" || /[:=]$/.test(current))) {
      closing = QUOTES[ch];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) tokens.push(current);
      current = "";
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (closing !== undefined) throw new UserError(schemaText("unclosedQuote", "A quote is not closed: add {{closing}}", { closing }));
  if (started) tokens.push(current);
  return tokens;
}

/** Names each argument after the command's options: aliases resolved, positions filled in order. */
export function bindArguments(command: Command, args: readonly LineArgument[]): Record<string, string> {
  const names = Object.keys(command.options.shape);
  const aliases = new Map(Object.entries(command.aliases ?? {}).map(([alias, target]) => [optionKey(alias), target]));
  const bound: Record<string, string> = {};
  const loose: string[] = [];

  for (const arg of args) {
    if (arg.key === undefined) {
      loose.push(stripInvisible(arg.value));
      continue;
    }
    const key = optionKey(arg.key);
    const name = names.includes(key) ? key : aliases.get(key);
    if (name === undefined) {
      throw new UserError(schemaText("unknownOption", "Unknown option {{key}} for /{{command}}. Options: {{options}}.", { key: brief(arg.key), command: command.name, options: names.join(", ") }));
    }
    if (bound[name] !== undefined) throw new UserError(schemaText("givenTwice", "{{key}} is given twice", { key: name }));
    bound[name] = stripInvisible(arg.value);
  }

  // Values without a name fill the positional options not already named, in order; from the rest option on
  // (or once the positions run out) the rest option takes every value left, joined by spaces.
  const open = (command.positional ?? []).filter((name) => bound[name] === undefined);
  const rest = command.rest;
  let slot = 0;
  for (const value of loose) {
    const name = open[slot];
    if (name !== undefined && name !== rest) {
      bound[name] = value;
      slot++;
    } else if (rest !== undefined) {
      bound[rest] = bound[rest] === undefined ? value : `${bound[rest]} ${value}`;
    } else {
      throw new UserError(schemaText("tooMany", "Too many values for /{{command}}. Usage: {{usage}}", { command: command.name, usage: usage(command) }));
    }
  }
  return bound;
}

/** Checks bound text against the command's schema; the first problem becomes a one-line UserError. */
export function validateOptions<Schema extends z.ZodObject>(
  command: Command<Schema>,
  raw: Record<string, unknown>,
): z.output<Schema> {
  const result = command.options.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path[0];
  if (typeof key === "string" && raw[key] === undefined) {
    const description = describeOptions(command).find((o) => o.name === key)?.description;
    throw new UserError(schemaText("missing", "Missing {{key}}{{about}}. Usage: {{usage}}", { key, about: description ? ` (${lowerFirst(description)})` : "", usage: usage(command) }));
  }
  throw new UserError(typeof key === "string" ? `${key}: ${issue?.message}` : (issue?.message ?? "Invalid options"));
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
