import type { z } from "zod";
import type { Command } from "../core/command.js";

/** One option as help, the command line and platform registration show it: all read from the zod schema. */
export interface OptionInfo {
  name: string;
  description: string;
  required: boolean;
  /** Allowed values, when the option is an enum (Discord choices, help text). */
  choices?: readonly string[];
  /** Other names accepted in a text line. */
  aliases: string[];
}

type AnySchema = z.core.$ZodType;

/** The first thing `pick` finds on the schema or on the wrappers below it (optional, default, pipe). */
function find<T>(schema: AnySchema, pick: (s: AnySchema) => T | undefined): T | undefined {
  const here = pick(schema);
  if (here !== undefined) return here;
  const def = schema._zod.def as { innerType?: AnySchema; out?: AnySchema };
  const inner = def.innerType ?? def.out;
  return inner ? find(inner, pick) : undefined;
}

export function describeOptions(command: Command): OptionInfo[] {
  const shape = command.options.shape as Record<string, AnySchema>;
  return Object.entries(shape).map(([name, schema]) => {
    const description = find(schema, (s) => (s as { description?: string }).description) ?? name;
    const choices = find(schema, (s) => (s._zod.def.type === "enum" ? (s as z.ZodEnum).options : undefined));
    const info: OptionInfo = {
      name,
      description,
      // Whatever accepts "nothing given" is optional, be it .optional() or .default().
      required: !(schema as z.ZodType).safeParse(undefined).success,
      aliases: Object.entries(command.aliases ?? {}).filter(([, target]) => target === name).map(([alias]) => alias),
    };
    if (choices) info.choices = choices.map(String);
    return info;
  });
}

/** `/ieo-cap <income> <net_assets> [amount] [already] [regime:…]` */
export function usage(command: Command): string {
  const options = describeOptions(command);
  const positional = command.positional ?? [];
  const parts = positional.map((name) => {
    const required = options.find((o) => o.name === name)?.required ?? false;
    const shown = name === command.rest ? `${name}…` : name;
    return required ? `<${shown}>` : `[${shown}]`;
  });
  for (const option of options) {
    if (positional.includes(option.name)) continue;
    parts.push(option.required ? `${option.name}:<value>` : `[${option.name}:…]`);
  }
  return [`/${command.name}`, ...parts].join(" ");
}
