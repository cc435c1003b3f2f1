import type { Command, ReplyMessage } from "../core/command.js";
import { describeOptions, usage } from "./describe.js";

/** `/help <command>`: what it does, its usage, examples, and each option with its choices and other names. */
export function commandHelp(command: Command): ReplyMessage {
  const examples = command.examples?.length ? `\nExamples: ${command.examples.join(" · ")}` : "";
  return {
    title: `/${command.name}`,
    text: `${command.description}\nUsage: ${usage(command)}${examples}`,
    fields: describeOptions(command).map((o) => ({
      name: o.name,
      value: [
        o.description,
        o.required ? "required" : "optional",
        o.choices ? `one of ${o.choices.join(", ")}` : "",
        o.aliases.length > 0 ? `also ${o.aliases.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    })),
  };
}

/** Whether a lone argument asks for help rather than being a value: `/ieo-cap help`, `/ieo-cap ?`. */
export const asksForHelp = (value: string | undefined): boolean => value !== undefined && /^(?:help|\?|ヘルプ|使い方)$/i.test(value.normalize("NFKC").trim());
