import type { AlertLabels } from "../core/delivery.js";
import type { ChatSettingsStore, SubscriptionStore } from "../core/ports.js";
import type { Target } from "../core/subscription.js";
import type { Knowledge } from "../../config/knowledge.js";
import { catalogLanguage, DEFAULT_LANGUAGE, translator } from "./i18n.js";
import { placeName, topicName } from "./subscription-text.js";

/**
 * The alert labels for a chat: in the language it chose with /language, else the one it subscribed in; nothing
 * for English, which the renderers write themselves.
 */
export function alertLabels(chatSettings: ChatSettingsStore, subscriptions: SubscriptionStore, knowledge: Knowledge): (target: Target) => Promise<AlertLabels | undefined> {
  const cache = new Map<string, AlertLabels>();
  return async (target) => {
    const chosen = (await chatSettings.get(target)).language ?? (await subscriptions.get(target))?.language;
    const language = catalogLanguage(chosen) ?? DEFAULT_LANGUAGE;
    if (language === DEFAULT_LANGUAGE) return undefined;
    const known = cache.get(language);
    if (known) return known;
    const t = translator(language);
    const labels: AlertLabels = {
      keyFigures: t("alert.keyFigures"),
      source: t("alert.source"),
      jurisdiction: t("alert.jurisdiction"),
      topics: t("alert.topics"),
      places: Object.fromEntries(knowledge.jurisdictions.map((j) => [j.code, placeName(j, t)])),
      topicLabels: Object.fromEntries(knowledge.topics.map((x) => [x.id, topicName(knowledge, x.id, t)])),
    };
    cache.set(language, labels);
    return labels;
  };
}
