import { z } from "zod";
import type { Knowledge } from "../config/knowledge.js";
import type { Command, ReplyMessage, Translate } from "../src/core/command.js";
import { tr } from "../src/commands/localize.js";
import { topicName } from "../src/commands/subscription-text.js";

export const topicsOptions = z.object({});

/** Terms shown beside each topic: enough to tell what it covers, not the whole tagging list. */
const TERMS_SHOWN = 4;

/** `stablecoin — Stablecoins: stablecoin, stable coin, e-money token…`, one line per topic, as the table orders them. */
export function topicList(knowledge: Knowledge, t: Translate): ReplyMessage {
  const lines = knowledge.topics.map((topic) => {
    const terms = topic.terms.filter((term) => /^[\x20-\x7e]+$/.test(term) && term.toLowerCase() !== topic.id).slice(0, TERMS_SHOWN);
    return `${topic.id} — ${topicName(knowledge, topic.id, t)}${terms.length > 0 ? `: ${terms.join(", ")}…` : ""}`;
  });
  return { title: t("topics.title", { count: knowledge.topics.length }), text: [...lines, "", t("topics.footer")].join("\n") };
}

export const topicsCommand: Command<typeof topicsOptions> = {
  name: "topics",
  description: "The topics alerts are tagged with, for /subscribe and /latest: /subscribe stablecoin",
  options: topicsOptions,
  examples: ["/topics", "/subscribe stablecoin", "/latest tax"],
  async run(ctx, _options, services) {
    await ctx.reply(topicList(services.knowledge, tr(ctx)));
  },
};
