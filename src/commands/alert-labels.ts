import type { AlertLabels } from "../core/delivery.js";
import type { ChatSettingsStore, SubscriptionStore } from "../core/ports.js";
import type { Target } from "../core/subscription.js";
import { catalogLanguage, DEFAULT_LANGUAGE, translator } from "./i18n.js";

/**
 * The alert labels for a chat: in the language it chose with /language, else the one it subscribed in; nothing
 * for English, which the renderers write themselves.
 */
export function alertLabels(chatSettings: ChatSettingsStore, subscriptions: SubscriptionStore): (target: Target) => Promise<AlertLabels | undefined> {
  return async (target) => {
    const chosen = (await chatSettings.get(target)).language ?? (await subscriptions.get(target))?.language;
    const language = catalogLanguage(chosen) ?? DEFAULT_LANGUAGE;
    if (language === DEFAULT_LANGUAGE) return undefined;
    const t = translator(language);
    return { keyFigures: t("alert.keyFigures"), source: t("alert.source"), jurisdiction: t("alert.jurisdiction"), topics: t("alert.topics") };
  };
}
