import type { AlertLabels, DigestLabeller } from "../core/delivery.js";
import type { ChatSettingsStore, SubscriptionStore } from "../core/ports.js";
import type { Target } from "../core/subscription.js";
import type { Knowledge } from "../../config/knowledge.js";
import { catalogLanguage, DEFAULT_LANGUAGE, translator } from "./i18n.js";
import { placeName, topicName } from "./subscription-text.js";

/**
 * The alert labels for a chat: in the language it chose with /language, else the one it subscribed in; nothing
 * for English, which the renderers write themselves.
 */
/** The chat's language for alerts: its /language choice, else the language it subscribed in, else English. */
export async function chatLanguage(chatSettings: ChatSettingsStore, subscriptions: SubscriptionStore, target: Target): Promise<string> {
  const chosen = (await chatSettings.get(target)).language ?? (await subscriptions.get(target))?.language;
  return catalogLanguage(chosen) ?? DEFAULT_LANGUAGE;
}

/** Digest titles in the chat's language: "2026年11月26日のまとめ". English keeps the label the digest was given. */
export function digestLabels(chatSettings: ChatSettingsStore, subscriptions: SubscriptionStore): DigestLabeller {
  return async (target, digest) => {
    const language = await chatLanguage(chatSettings, subscriptions, target);
    if (language === DEFAULT_LANGUAGE) return digest.english;
    const date = new Intl.DateTimeFormat(language, { timeZone: digest.timeZone, year: "numeric", month: "long", day: "numeric" }).format(digest.at);
    return translator(language)(`digest.${digest.kind}`, { date });
  };
}

export function alertLabels(chatSettings: ChatSettingsStore, subscriptions: SubscriptionStore, knowledge: Knowledge): (target: Target) => Promise<AlertLabels | undefined> {
  const cache = new Map<string, AlertLabels>();
  return async (target) => {
    const language = await chatLanguage(chatSettings, subscriptions, target);
    if (language === DEFAULT_LANGUAGE) return undefined;
    const known = cache.get(language);
    if (known) return known;
    const t = translator(language);
    const labels: AlertLabels = {
      keyFigures: t("alert.keyFigures"),
      source: t("alert.source"),
      jurisdiction: t("alert.jurisdiction"),
      topics: t("alert.topics"),
      modelSummary: t("alert.modelSummary"),
      // Filled in by the renderer, which knows the count: the placeholder goes through as it is.
      alertCount: { one: t("alert.countOne", { n: "{{n}}" }), other: t("alert.countOther", { n: "{{n}}" }) },
      places: Object.fromEntries(knowledge.jurisdictions.map((j) => [j.code, placeName(j, t)])),
      topicLabels: Object.fromEntries(knowledge.topics.map((x) => [x.id, topicName(knowledge, x.id, t)])),
    };
    cache.set(language, labels);
    return labels;
  };
}
