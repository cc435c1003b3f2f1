import { z } from "zod";
import type { Topic } from "../config/knowledge.js";
import type { Command, ReplyMessage } from "../src/core/command.js";

export const topicsOptions = z.object({});

/** Terms shown beside each topic: enough to tell what it covers, not the whole tagging list. */
const TERMS_SHOWN = 4;

/** `stablecoin — Stablecoins: stablecoin, stable coin, e-money token…`, one line per topic, as the table orders them. */
export function topicList(topics: readonly Topic[]): ReplyMessage {
  const lines = topics.map((t) => {
    const terms = t.terms.filter((term) => /^[\x20-\x7e]+$/.test(term) && term.toLowerCase() !== t.id).slice(0, TERMS_SHOWN);
    return `${t.id} — ${t.label}${terms.length > 0 ? `: ${terms.join(", ")}…` : ""}`;
  });
  return {
    title: `Topics (${topics.length})`,
    text: [
      ...lines,
      "",
      "/subscribe stablecoin adds stablecoins from every jurisdiction; /subscribe jp stablecoin from Japan only. Names and terms in any listed language work too (ステーブルコイン).",
    ].join("\n"),
  };
}

export const topicsCommand: Command<typeof topicsOptions> = {
  name: "topics",
  description: "The topics alerts are tagged with, for /subscribe and /latest: /subscribe stablecoin",
  options: topicsOptions,
  examples: ["/topics", "/subscribe stablecoin", "/latest tax"],
  async run(ctx, _options, services) {
    await ctx.reply(topicList(services.knowledge.topics));
  },
};
