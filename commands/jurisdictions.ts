import { z } from "zod";
import type { Jurisdiction, Regulator } from "../config/knowledge.js";
import { findJurisdiction, suggestJurisdiction } from "../src/analysis/knowledge.js";
import type { Command, ReplyMessage } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { quote } from "../src/commands/interests.js";

/** Chat platforms cut long messages (Telegram at 4,096 characters, a Discord embed description at 4,096). */
export const MAX_REPLY_CHARS = 3500;
/** Acronyms shown beside each jurisdiction in the overview; `/jurisdictions jp` shows them all. */
const ACRONYMS_IN_LIST = 3;

export const jurisdictionsOptions = z.object({
  jurisdiction: z.string().optional().describe("One jurisdiction to show with its regulators, e.g. jp"),
});

/** `🇯🇵 JP Japan: FSA, BOJ, JVCEA`, one line per jurisdiction, as the table orders them. */
export function jurisdictionList(jurisdictions: readonly Jurisdiction[]): ReplyMessage {
  const lines = jurisdictions.map((j) => {
    const acronyms = j.regulators.flatMap((r) => (r.acronym ? [r.acronym] : [])).slice(0, ACRONYMS_IN_LIST);
    return `${j.flag} ${j.code} ${j.name}${acronyms.length > 0 ? `: ${acronyms.join(", ")}` : ""}`;
  });
  const footer = "/subscribe takes codes or names (jp, Hong Kong, 日本); /jurisdictions jp lists one's regulators.";
  return { title: `Jurisdictions (${jurisdictions.length})`, text: fit([...lines, "", footer]) };
}

const kinds: Record<Regulator["kind"], string> = {
  regulator: "regulator", "central-bank": "central bank", ministry: "ministry", sro: "self-regulatory body", government: "government",
  legislature: "legislature", tax: "tax authority", law: "laws", court: "court", "standard-setter": "standard setter",
};

/** One jurisdiction: its regulators by acronym and English name, then the other bodies and laws regwatch recognises. */
export function jurisdictionDetail(j: Jurisdiction): ReplyMessage {
  const lines = j.regulators.map((r) => {
    // The first name that is more than the acronym again ("BoJ" for BOJ), so the line says what it stands for.
    const spelled = r.names.find((n) => n.toLowerCase() !== r.acronym?.toLowerCase()) ?? r.names[0];
    const names = r.acronym ? `${r.acronym}: ${spelled}` : r.names.slice(0, 3).join(", ");
    return `${names} (${kinds[r.kind]})`;
  });
  const also = [...new Set([j.name, ...j.names, ...j.aliases])].filter((n) => n !== j.code).slice(0, 8).join(", ");
  return {
    title: `${j.flag} ${j.name} (${j.code})`,
    text: fit(lines.length > 0 ? lines : ["No regulators listed yet: alerts come from articles that name the place."]),
    fields: [{ name: "Also known as", value: also }, { name: "Subscribe", value: `/subscribe ${j.code.toLowerCase()}` }],
  };
}

/** Keeps whole lines up to the limit, and says how many were left out. */
function fit(lines: readonly string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = `… and ${lines.length - i} more`;
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
    const typed = options.jurisdiction?.trim() ?? "";
    const found = typed ? findJurisdiction(knowledge, typed) : "all";
    if (found === "all") {
      await ctx.reply(jurisdictionList(knowledge.jurisdictions));
      return;
    }
    if (!found) {
      const near = suggestJurisdiction(knowledge, typed);
      throw new UserError(`${quote(typed)} is not a jurisdiction I know${near ? ` (did you mean ${near.code}, ${near.name}?)` : ""}. /jurisdictions lists them.`);
    }
    await ctx.reply(jurisdictionDetail(found));
  },
};
