import type { Alert } from "../core/article.js";
import type { Target } from "../core/subscription.js";
import type { ModelWriter } from "./writer.js";

/**
 * An alert as a chat receives it: for a policy alert, the model's title and summary in the chat's language when
 * the model gave checked text in time, else the alert as analysed (extractive summary, source title).
 * Called at send time, so queuing never waits for the model, and the cache makes it one call per language.
 */
export function modelAlerts(writer: ModelWriter, languageOf: (target: Target) => Promise<string>): (alert: Alert, target: Target) => Promise<Alert> {
  return async (alert, target) => {
    if (!alert.policy) return alert;
    const written = await writer.write(alert, await languageOf(target));
    if (!written.ok) return alert;
    return { ...alert, title: written.text.title, summary: written.text.summary, summaryBy: "model" };
  };
}
