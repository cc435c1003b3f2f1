import { z } from "zod";
import type { Jurisdiction, Knowledge, Regulator } from "../config/knowledge.js";
import { findJurisdiction, suggestJurisdiction } from "../src/analysis/knowledge.js";
import type { Command, ReplyMessage, Translate } from "../src/core/command.js";
import { tr } from "../src/commands/localize.js";
import { jurisdictionName, placeName } from "../src/commands/subscription-text.js";
import { UserError } from "../src/core/errors.js";
import { quote } from "../src/commands/interests.js";

/** Chat platforms cut long messages (Telegram at 4,096 characters, a Discord embed description at 4,096). */
export const MAX_REPLY_CHARS = 3500;
/**
 * Acronyms shown beside each jurisdiction in the overview, at most; fewer (and no flags) when that many would push
 * the last jurisdictions out of the reply. `/jurisdictions jp` shows them all.
 */
const ACRONYMS_IN_LIST = 3;

export const jurisdictionsOptions = z.object({
  jurisdiction: z.string().optional().describe("One jurisdiction to show with its regulators, e.g. jp"),
});

/** `🇯🇵 JP Japan: FSA, BOJ`, one line per jurisdiction, as the table orders them. */
export function jurisdictionList(knowledge: Knowledge, t: Translate = tr({})): ReplyMessage {
  const { jurisdictions } = knowledge;
  const listed = (count: number, flags: boolean): string[] => [
    ...jurisdictions.map((j) => {
      const acronyms = j.regulators.flatMap((r) => (r.acronym ? [r.acronym] : [])).slice(0, count);
      return `${flags ? `${j.flag} ` : ""}${j.code} ${placeName(j, t)}${acronyms.length > 0 ? `: ${acronyms.join(", ")}` : ""}`;
    }),
    "",
    t("jurisdictions.footer"),
  ];
  // Every jurisdiction listed matters more than a third acronym, and more than its flag: take the most acronyms
  // that let all fit, then drop the flags (with neither, `fit` cuts what it must). The code and the name stay:
  // they are what /subscribe takes.
  const attempts = [true, false].flatMap((flags) =>
    Array.from({ length: ACRONYMS_IN_LIST + 1 }, (_, i) => ({ count: ACRONYMS_IN_LIST - i, flags })),
  );
  let text = "";
  for (const { count, flags } of attempts) {
    const lines = listed(count, flags);
    text = fit(lines, t);
    if (text === lines.join("\n")) break;
  }
  return { title: t("jurisdictions.title", { count: jurisdictions.length }), text };
}

const kinds: Record<Regulator["kind"], string> = {
  regulator: "regulator", "central-bank": "central bank", ministry: "ministry", sro: "self-regulatory body", government: "government",
  legislature: "legislature", tax: "tax authority", law: "laws", court: "court", "standard-setter": "standard setter",
};

/** One jurisdiction: its regulators by acronym and English name, then the other bodies and laws regwatch recognises. */
export function jurisdictionDetail(knowledge: Knowledge, j: Jurisdiction, t: Translate = tr({})): ReplyMessage {
  const lines = j.regulators.map((r) => {
    // The first name that is more than the acronym again ("BoJ" for BOJ), so the line says what it stands for.
    const spelled = r.names.find((n) => n.toLowerCase() !== r.acronym?.toLowerCase()) ?? r.names[0];
    const names = r.acronym ? `${r.acronym}: ${spelled}` : r.names.slice(0, 3).join(", ");
    return `${names} (${t(`jurisdictions.kinds.${r.kind}`, { defaultValue: kinds[r.kind] })})`;
  });
  const also = [...new Set([j.name, ...j.names, ...j.aliases])].filter((n) => n !== j.code).slice(0, 8).join(", ");
  return {
    title: `${jurisdictionName(knowledge, j.code, t)} (${j.code})`,
    text: fit(lines.length > 0 ? lines : [t("jurisdictions.noRegulators")], t),
    fields: [
      { name: t("jurisdictions.also"), value: also },
      { name: t("jurisdictions.subscribe"), value: `/subscribe ${j.code.toLowerCase()}` },
    ],
  };
}

/** Keeps whole lines up to the limit, and says how many were left out. */
function fit(lines: readonly string[], t: Translate): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = t("jurisdictions.more", { count: lines.length - i });
    if (length + line.length + 1 + more.length > MAX_REPLY_CHARS) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join("\n");
}

export const jurisdictionsCommand: Command<typeof jurisdictionsOptions> = {
  name: "jurisdictions",
  description: "The jurisdictions regwatch follows, with flags and regulators: /jurisdictions jp",
  options: jurisdictionsOptions,
  positional: ["jurisdiction"],
  rest: "jurisdiction",
  examples: ["/jurisdictions", "/jurisdictions jp", "/jurisdictions Hong Kong"],
  async run(ctx, options, services) {
    const { knowledge } = services;
    const t = tr(ctx);
    const typed = options.jurisdiction?.trim() ?? "";
    const found = typed ? findJurisdiction(knowledge, typed) : "all";
    if (found === "all") {
      await ctx.reply(jurisdictionList(knowledge, t));
      return;
    }
    if (!found) {
      const near = suggestJurisdiction(knowledge, typed);
      throw new UserError(t("jurisdictions.unknown", { typed: quote(typed), suggestion: near ? t("errors.didYouMean", { options: `${near.code}, ${near.name}` }) : "" }));
    }
    await ctx.reply(jurisdictionDetail(knowledge, found, t));
  },
};
