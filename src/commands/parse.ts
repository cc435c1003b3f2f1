import type { z } from "zod";
import type { Command } from "../core/command.js";
import { UserError } from "../core/errors.js";
import { describeOptions, usage } from "./describe.js";

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

/** Splits a chat line into a command name and its arguments; undefined for an empty line. */
export function parseCommandLine(text: string): ParsedLine | undefined {
  // NFKC: full-width spaces, colons and digits from Japanese keyboards read as their ASCII forms.
  const tokens = tokenize(text.normalize("NFKC").trim());
  const first = tokens.shift();
  if (first === undefined) return undefined;
  const name = normalizeName(first.replace(/^\//, "").replace(/@\w+$/, ""));

  const args: LineArgument[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const flag = /^--([a-z][\w-]*)(?:=([\s\S]*))?$/i.exec(token);
    const pair = flag ? null : KEY.exec(token);
    const key = flag?.[1] ?? pair?.[1];
    if (key === undefined) {
      args.push({ value: token });
      continue;
    }
    let value = flag ? flag[2] : pair?.[2];
    // `income: 8m` and `--income 8m`: the value is the next token.
    if (!value) value = tokens[++i];
    if (value === undefined) throw new UserError(`${key} has no value`);
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
  if (closing !== undefined) throw new UserError(`A quote is not closed: add ${closing}`);
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
      loose.push(arg.value);
      continue;
    }
    const key = optionKey(arg.key);
    const name = names.includes(key) ? key : aliases.get(key);
    if (name === undefined) {
      throw new UserError(`Unknown option ${arg.key} for /${command.name}. Options: ${names.join(", ")}.`);
    }
    if (bound[name] !== undefined) throw new UserError(`${name} is given twice`);
    bound[name] = arg.value;
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
      throw new UserError(`Too many values for /${command.name}. Usage: ${usage(command)}`);
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
    throw new UserError(`Missing ${key}${description ? ` (${lowerFirst(description)})` : ""}. Usage: ${usage(command)}`);
  }
  throw new UserError(typeof key === "string" ? `${key}: ${issue?.message}` : (issue?.message ?? "Invalid options"));
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
