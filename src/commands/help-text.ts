import type { Command, ReplyMessage, Translate } from "../core/command.js";
import { describeOptions, usage } from "./describe.js";
import { tr } from "./localize.js";

/**
 * `/help <command>`: what it does, its usage, examples, and each option with its choices and other names. A
 * catalog may word the descriptions (`commands.<name>.description`, `commands.<name>.options.<option>`).
 */
export function commandHelp(command: Command, t: Translate = tr({})): ReplyMessage {
  const key = `commands.${command.name}`;
  const examples = command.examples?.length ? `\n${t("help.examples", { list: command.examples.join(" · ") })}` : "";
  return {
    title: `/${command.name}`,
    text: `${commandDescription(command, t)}\n${t("help.usage", { usage: usage(command) })}${examples}`,
    fields: describeOptions(command).map((o) => ({
      name: o.name,
      value: [
        t(`${key}.options.${o.name}`, { defaultValue: o.description }),
        o.required ? t("help.required") : t("help.optional"),
        o.choices ? t("help.oneOf", { list: o.choices.join(", ") }) : "",
        o.aliases.length > 0 ? t("help.also", { list: o.aliases.join(", ") }) : "",
      ]
        .filter(Boolean)
        .join("; "),
    })),
  };
}

/** The command's description in the catalog's words, else its own. */
export const commandDescription = (command: Command, t: Translate = tr({})): string => t(`commands.${command.name}.description`, { defaultValue: command.description });

/** Whether a lone argument asks for help rather than being a value: `/ieo-cap help`, `/ieo-cap ?`. */
export const asksForHelp = (value: string | undefined): boolean => value !== undefined && /^(?:help|\?|ヘルプ|使い方)$/i.test(value.normalize("NFKC").trim());
