import type { Alert } from "../../src/core/article.js";
import { terminalSafe } from "./render.js";
import { localTime } from "./time.js";

/** `2026-11-26 18:30 GMT+9  [JP,HK] Title (Feed) https://…` — one alert per line, in the operator's time zone. */
export function alertLine(alert: Alert, timeZone = "UTC"): string {
  const date = alert.published ? localTime(alert.published, timeZone) : "(undated)           ";
  const where = alert.jurisdictions.length > 0 ? `[${alert.jurisdictions.join(",")}] ` : "";
  const link = alert.url ? ` ${terminalSafe(alert.url)}` : "";
  return `${date}  ${where}${terminalSafe(alert.title)} (${terminalSafe(alert.feedName)})${link}`;
}

/** The alert with its summary and topics under it, for the long-running console service. */
export function alertBlock(alert: Alert, label: string, timeZone = "UTC"): string {
  const lines = [`${label} ${alertLine(alert, timeZone)}`];
  if (alert.summary) lines.push(`    ${terminalSafe(alert.summary)}${alert.summaryBy === "model" ? " (summary by model)" : ""}`);
  if (alert.topics.length > 0) lines.push(`    topics: ${alert.topics.join(", ")}`);
  return lines.join("\n");
}
