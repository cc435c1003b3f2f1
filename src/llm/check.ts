import { z } from "zod";
import type { Alert, Figure } from "../core/article.js";
import { extractFigures, scriptOf, splitSentences } from "../analysis/index.js";
import type { FallbackReason } from "./stats.js";

/** What the model must answer: a title and a summary, or a refusal. */
const answerSchema = z.union([
  z.object({ title: z.string().trim().min(1).max(400), summary: z.string().trim().min(1).max(1_500) }),
  z.object({ refusal: z.string() }),
]);

export interface ModelText {
  title: string;
  summary: string;
}

export type Checked = { ok: true; text: ModelText } | { ok: false; reason: FallbackReason; detail: string };

const SUMMARY_SENTENCES = 2;

// A link in any form a chat would make clickable, and a mention on either platform: the answer is refused, since
// a model that writes either is not summarising the article.
const LINK = /\b(?:https?|ftp):\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|xyz|info|biz|app|site|online|ru|cn|me|co|ly|gg|to)\b|\]\(|\bt\.me\//i;
const MENTION = /[@＠][\p{L}\p{N}_]|<[@#][!&]?\d+>/u;
// Markup the renderers would otherwise show literally: dropped, the words kept.
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const MARKDOWN = /(\*\*|__|~~|\|\||`+|^#{1,6}\s+|^>\s+|^\s*[-*]\s+)/gm;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u061c\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The model's text without markup, controls or doubled spaces. */
export function plainModelText(text: string): string {
  return text.replace(HTML_TAG, "").replace(MARKDOWN, "").replace(CONTROLS, "").replace(/\s+/g, " ").trim();
}

/**
 * Checks a model's answer against its source and returns text safe to send, or why it is not: malformed
 * (not JSON, not the schema), refusal, unsafe (a link or a mention), invented-figure (an amount, percentage,
 * date or number the source does not give). The summary is cut to two sentences.
 */
export function checkAnswer(content: string | null | undefined, source: Pick<Alert, "title" | "text" | "published" | "figures">, language = "en"): Checked {
  let json: unknown;
  try {
    json = JSON.parse(stripFence(content ?? ""));
  } catch {
    return { ok: false, reason: "malformed", detail: "the answer is not JSON" };
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed", detail: `the answer is not {title, summary}: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  if ("refusal" in parsed.data) return { ok: false, reason: "refusal", detail: `the model declined: ${plainModelText(parsed.data.refusal).slice(0, 120)}` };
  const { title: rawTitle, summary: rawSummary } = parsed.data;
  for (const raw of [rawTitle, rawSummary]) {
    if (LINK.test(raw)) return { ok: false, reason: "unsafe", detail: "the answer carries a link" };
    if (MENTION.test(raw)) return { ok: false, reason: "unsafe", detail: "the answer carries a mention" };
  }
  const title = plainModelText(rawTitle);
  const summary = firstSentences(plainModelText(rawSummary), SUMMARY_SENTENCES);
  if (!title || !summary) return { ok: false, reason: "malformed", detail: "the answer is empty once markup is removed" };
  if (!inLanguage(summary, language)) return { ok: false, reason: "wrong-language", detail: `the summary is not in ${language}` };
  const invented = inventedFigure(`${title}\n${summary}`, source);
  if (invented) return { ok: false, reason: "invented-figure", detail: `the answer gives ${invented}, which the source does not` };
  return { ok: true, text: { title, summary } };
}

// The script a language is written in: a Japanese chat must not get an English "translation", nor the reverse.
const SCRIPTS: Record<string, RegExp> = {
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu,
  zh: /\p{Script=Han}/gu,
  ko: /\p{Script=Hangul}/gu,
};

/** Whether most letters of the text are in the language's script (Latin for languages without an entry). */
function inLanguage(text: string, language: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return false;
  const script = SCRIPTS[language.split("-")[0]!.toLowerCase()];
  const own = script ? (text.match(script)?.length ?? 0) : (text.match(/\p{Script=Latin}/gu)?.length ?? 0);
  return own / letters >= 0.5;
}

/** Some local servers wrap JSON mode's answer in a ```json fence. */
const stripFence = (text: string): string => text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");

function firstSentences(text: string, count: number): string {
  const sentences = splitSentences(text, scriptOf(null, text));
  if (sentences.length <= count) return text;
  const last = sentences[count - 1]!;
  return text.slice(0, last.start + last.text.length).trim();
}

/**
 * The first figure of the model's text that is not among the source's: amounts (same currency and value),
 * percentages, dates (a month or year of a source date is fine, a day it does not give is not), and any other
 * number, which must be written in the source.
 */
export function inventedFigure(text: string, source: Pick<Alert, "title" | "text" | "published" | "figures">): string | undefined {
  const sourceText = `${source.title}\n${source.text}`;
  const known = [...source.figures, ...extractFigures(sourceText, source.published)];
  const found = extractFigures(text, source.published);
  for (const figure of found) if (!known.some((k) => sameFigure(figure, k))) return figure.text;
  let rest = text;
  for (const figure of found) rest = rest.replace(figure.text, " ");
  const sourceNumbers = new Set(numbersIn(sourceText));
  for (const figure of known) if (typeof figure.value === "number") sourceNumbers.add(String(figure.value));
  return numbersIn(rest).find((n) => !sourceNumbers.has(n));
}

const numbersIn = (text: string): string[] => [...text.normalize("NFKC").matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,(?=\d{3}\b)/g, ""));

function sameFigure(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "date") return typeof a.value === "string" && typeof b.value === "string" && b.value.startsWith(a.value);
  if (a.kind === "money" && a.currency !== b.currency) return false;
  const x = Number(a.value);
  const y = Number(b.value);
  return Math.abs(x - y) <= Math.abs(y) * 1e-9;
}
