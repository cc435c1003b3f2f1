import type { Alert } from "../../src/core/article.js";
import { terminalSafe } from "./render.js";

/** `2026-11-26 09:30  [JP,HK] Title (Feed) https://…` — one alert per line. */
export function alertLine(alert: Alert): string {
  const date = alert.published ? alert.published.slice(0, 16).replace("T", " ") : "(undated)       ";
  const where = alert.jurisdictions.length > 0 ? `[${alert.jurisdictions.join(",")}] ` : "";
  const link = alert.url ? ` ${terminalSafe(alert.url)}` : "";
  return `${date}  ${where}${terminalSafe(alert.title)} (${terminalSafe(alert.feedName)})${link}`;
}

/** The alert with its summary and topics under it, for the long-running console service. */
export function alertBlock(alert: Alert, label: string): string {
  const lines = [`${label} ${alertLine(alert)}`];
  if (alert.summary) lines.push(`    ${terminalSafe(alert.summary)}`);
  if (alert.topics.length > 0) lines.push(`    topics: ${alert.topics.join(", ")}`);
  return lines.join("\n");
}
