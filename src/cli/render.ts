import type { Alert } from "../core/article.js";

export { alertBlock, alertLine, terminalSafe } from "../../adapters/console/index.js";

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
