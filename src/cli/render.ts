import type { Alert } from "../core/article.js";

// C0/C1 controls (an ESC in a title could drive the terminal) and bidi overrides (could reorder the line).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Feed text made safe for one terminal line. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, "").replace(/\s+/g, " ").trim();
}

/** `2026-11-26 09:30  [JP,HK] Title (Feed) https://…` — one alert per line. */
export function alertLine(alert: Alert): string {
  const date = alert.published ? alert.published.slice(0, 16).replace("T", " ") : "(undated)       ";
  const where = alert.jurisdictions.length > 0 ? `[${alert.jurisdictions.join(",")}] ` : "";
  const link = alert.url ? ` ${terminalSafe(alert.url)}` : "";
  return `${date}  ${where}${terminalSafe(alert.title)} (${terminalSafe(alert.feedName)})${link}`;
}

/** The alert with its summary under it, for the long-running console service. */
export function alertBlock(alert: Alert, label: string): string {
  const lines = [`${label} ${alertLine(alert)}`];
  if (alert.summary) lines.push(`    ${terminalSafe(alert.summary)}`);
  if (alert.topics.length > 0) lines.push(`    topics: ${alert.topics.join(", ")}`);
  return lines.join("\n");
}

/** The JSON shape of `poll --json`: the article and its analysis. */
export function alertJson(alert: Alert): Record<string, unknown> {
  return {
    id: alert.id,
    feedId: alert.feedId,
    title: alert.title,
    url: alert.url,
    published: alert.published,
    text: alert.text,
    policy: alert.policy,
    jurisdictions: alert.jurisdictions,
    topics: alert.topics,
    summary: alert.summary,
    figures: alert.figures,
  };
}
