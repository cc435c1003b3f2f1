import Keyv from "keyv";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import type { Alert } from "../../../src/core/article.js";
import type { CommandContext, CommandServices, ReplyMessage } from "../../../src/core/command.js";
import { KeyvAlertLog } from "../../../src/storage/alert-log.js";
import type { Stores } from "../../../src/storage/index.js";
import { KeyvSubscriptionStore } from "../../../src/storage/subscriptions.js";

/** A private console-like chat that keeps what the bot replied. */
export function recordingContext(overrides: Partial<CommandContext> = {}): CommandContext & { replies: ReplyMessage[] } {
  const replies: ReplyMessage[] = [];
  return {
    user: { id: "u1", name: "tester" },
    chat: { platform: "console", id: "c1", type: "private" },
    canManage: true,
    locale: "en",
    async reply(message) {
      replies.push(message);
    },
    ...overrides,
    replies,
  };
}

export const fx: CommandServices["fx"] = { asOf: "2026-11-01", usdPerUnit: { USD: 1, JPY: 0.0065, EUR: 1.16, GBP: 1.32, THB: 0.031, MYR: 0.24 } };

export const fixedNow = (): Date => new Date("2026-11-20T09:00:00.000Z");

/** Services over stores that live in memory: enough for commands that do not touch them. */
export const services: CommandServices = {
  fx,
  subscriptions: new KeyvSubscriptionStore(new Keyv()),
  alerts: new KeyvAlertLog(new Keyv()),
  knowledge: loadKnowledge(),
  now: fixedNow,
};

/** Services over opened stores (an SQLite file in the command tests). */
export const servicesOver = (stores: Stores): CommandServices => ({
  fx,
  subscriptions: stores.subscriptions,
  chatSettings: stores.chatSettings,
  alerts: stores.alerts,
  knowledge: loadKnowledge(),
  now: fixedNow,
});

/** An alert as the log keeps it: only what the replies read is varied. */
export const alert = (id: string, published: string, jurisdictions: string[], topics: string[] = []): Alert => ({
  id,
  feedId: "fsa",
  feedName: "FSA news",
  url: `https://www.fsa.example/${id}`,
  title: `Notice ${id}`,
  text: "",
  published,
  categories: [],
  language: "en",
  policy: true,
  jurisdictions,
  topics,
  summary: "",
  figures: [],
});
