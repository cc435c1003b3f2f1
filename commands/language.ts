import { z } from "zod";
import type { Command } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { catalogLanguage, languages, translator } from "../src/commands/i18n.js";
import { quote, requireManager, targetOf } from "../src/commands/interests.js";
import { localized, tr } from "../src/commands/localize.js";

export const languageOptions = z.object({
  language: z.string().optional().describe("A language code such as ja or en, or auto to follow each user's app"),
});

/** Names people type for a language, besides its code. */
const NAMES: Readonly<Record<string, string>> = { japanese: "ja", 日本語: "ja", nihongo: "ja", english: "en", 英語: "en" };

export const languageCommand: Command<typeof languageOptions> = {
  name: "language",
  description: "The language regwatch replies in here: /language ja, /language en, /language auto",
  options: languageOptions,
  positional: ["language"],
  examples: ["/language", "/language ja", "/language auto"],
  async run(ctx, options, services) {
    const t = tr(ctx);
    const list = languages().join(", ");
    const typed = options.language?.normalize("NFKC").trim();
    if (!typed) {
      await ctx.reply({ text: t("language.current", { name: t("language.name"), list }) });
      return;
    }
    requireManager(ctx);
    if (!services.chatSettings) throw new UserError(t("language.unknown", { typed: quote(typed), list }));
    const target = targetOf(ctx);
    if (/^(?:auto|default|reset)$/i.test(typed)) {
      await services.chatSettings.set(target, { ...(await services.chatSettings.get(target)), language: undefined });
      const now = await localized({ ...ctx, t: undefined }, services);
      await ctx.reply({ text: now.t("language.auto", { name: now.t("language.name") }) });
      return;
    }
    const chosen = catalogLanguage(NAMES[typed.toLowerCase()] ?? typed);
    if (!chosen) throw new UserError(t("language.unknown", { typed: quote(typed), list }));
    await services.chatSettings.set(target, { ...(await services.chatSettings.get(target)), language: chosen });
    await ctx.reply({ text: translator(chosen)("language.set") });
  },
};
