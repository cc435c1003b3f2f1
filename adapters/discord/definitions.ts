import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord.js";
import type { z } from "zod";
import type { Command } from "../../src/core/command.js";
import { describeOptions } from "../../src/commands/describe.js";
import { languages, translator, type Translate } from "../../src/commands/i18n.js";

/** A slash command option as sent to Discord (one flat shape: discord-api-types' unions add nothing here). */
export interface OptionJson {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string }>;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: ChannelType[];
  description_localizations?: Record<string, string>;
}

export interface ApplicationCommandJson {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: OptionJson[];
  /** Bit set as a decimal string; null lets everyone see the command. */
  default_member_permissions: string | null;
  contexts: InteractionContextType[];
  description_localizations?: Record<string, string>;
}

type AnySchema = z.core.$ZodType;
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
}

/** What Discord needs to know about a command that its neutral definition does not say. */
export interface DiscordTraits {
  /** Changes what a channel receives: needs Manage Channels, hidden from others, takes a `channel` option, guild only. */
  manages?: boolean;
  /** The bot will post in the target channel afterwards: check it may view, send and embed there first. */
  sendsThere?: boolean;
  /** Answers only the invoker (their own figures): every reply is ephemeral. */
  personal?: boolean;
  /** Takes a file (an OPML import) through a Discord-only attachment option of this name. */
  file?: string;
}

export const defaultTraits: Readonly<Record<string, DiscordTraits>> = {
  subscribe: { manages: true, sendsThere: true },
  unsubscribe: { manages: true },
  pause: { manages: true },
  resume: { manages: true },
  language: { manages: true },
  settings: { manages: true },
  "ieo-cap": { personal: true },
  feed: { file: "file" },
};

/** Options whose values come from the jurisdiction and topic tables: far more than 25, so autocomplete. */
export const completions: Readonly<Record<string, "jurisdictions" | "topics" | "both">> = {
  jurisdiction: "jurisdictions",
  jurisdictions: "jurisdictions",
  topic: "topics",
  topics: "topics",
  what: "both",
};

/** Options that name a role: Discord offers the guild's roles and sends the role's id. */
export const ROLE_OPTIONS: ReadonlySet<string> = new Set(["mention"]);

/** The Discord-only option through which a managing command targets another channel than the current one. */
export const CHANNEL_OPTION = "channel";

const NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;

/** Discord counts UTF-16 code units; cut with an ellipsis rather than be refused. */
export const fit = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Converts a neutral command into its slash command: the zod schema decides types, limits and choices. */
export function toApplicationCommand(command: Command, traits: DiscordTraits = defaultTraits[command.name] ?? {}): ApplicationCommandJson {
  const shape = command.options.shape as Record<string, AnySchema>;
  const options: OptionJson[] = describeOptions(command).map((info) => {
    const schema = shape[info.name] as AnySchema;
    const option = optionFor(info.name, fit(info.description, 100), info.required, schema, info.choices);
    const localized = localizations((t) => t(`commands.${command.name}.options.${info.name}`, { defaultValue: "" }));
    return localized ? { ...option, description_localizations: localized } : option;
  });
  if (traits.manages && !options.some((o) => o.name === CHANNEL_OPTION)) {
    options.push({
      type: ApplicationCommandOptionType.Channel,
      name: CHANNEL_OPTION,
      description: "The channel to change (default: this one)",
      required: false,
      channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
    });
  }
  if (traits.file && !options.some((o) => o.name === traits.file)) {
    options.push({ type: ApplicationCommandOptionType.Attachment, name: traits.file, description: "A file the command reads (for /feed import: an OPML file)", required: false });
  }
  // Discord refuses a required option after an optional one; the order is otherwise the schema's.
  options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));

  const json: ApplicationCommandJson = {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: fit(command.description, 100),
    options,
    default_member_permissions: traits.manages ? String(PermissionFlagsBits.ManageChannels) : null,
    contexts: traits.manages ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
  const described = localizations((t) => t(`commands.${command.name}.description`, { defaultValue: "" }));
  if (described) json.description_localizations = described;
  const problems = checkDefinition(json);
  if (problems.length > 0) throw new Error(`/${command.name} cannot be a Discord command: ${problems.join("; ")}`);
  return json;
}

/** Discord's locale for a catalog language, where they differ. */
const DISCORD_LOCALES: Readonly<Record<string, string>> = { zh: "zh-CN", pt: "pt-BR", es: "es-ES", sv: "sv-SE" };

/** A description in every catalog language that words it (English is the definition's own), cut to Discord's 100. */
function localizations(pick: (t: Translate) => string): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (const language of languages()) {
    if (language === "en") continue;
    const text = pick(translator(language));
    if (text) found[DISCORD_LOCALES[language] ?? language] = fit(text, 100);
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

export const toApplicationCommands = (commands: readonly Command[], traits: Readonly<Record<string, DiscordTraits>> = defaultTraits): ApplicationCommandJson[] =>
  commands.map((c) => toApplicationCommand(c, traits[c.name] ?? {}));

function optionFor(name: string, description: string, required: boolean, schema: AnySchema, choices?: readonly string[]): OptionJson {
  if (ROLE_OPTIONS.has(name)) return { type: ApplicationCommandOptionType.Role, name, description, required };
  if (name === CHANNEL_OPTION) {
    return { type: ApplicationCommandOptionType.Channel, name, description, required, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] };
  }
  const core = valueSchema(schema);
  const def = core._zod.def as { type: string; checks?: AnySchema[] };
  const limits = (def.checks ?? []).map((c) => c._zod.def as unknown as CheckDef);
  if (def.type === "boolean") return { type: ApplicationCommandOptionType.Boolean, name, description, required };
  if (def.type === "number" || def.type === "bigint") {
    const integer = (core as { isInt?: boolean }).isInt === true || limits.some((l) => l.format === "safeint" || l.format === "int32");
    const type = integer ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
    const option: OptionJson = { type, name, description, required };
    for (const l of limits) {
      // Discord's bounds are inclusive; an exclusive integer bound moves by one, a fractional one is left to zod.
      const step = l.inclusive === false && integer ? 1 : 0;
      if (l.check === "greater_than" && typeof l.value === "number") option.min_value = l.value + step;
      if (l.check === "less_than" && typeof l.value === "number") option.max_value = l.value - step;
    }
    return option;
  }
  const option: OptionJson = { type: ApplicationCommandOptionType.String, name, description, required };
  for (const l of limits) {
    if (l.check === "min_length" && typeof l.minimum === "number") option.min_length = Math.max(0, Math.min(6000, l.minimum));
    if (l.check === "max_length" && typeof l.maximum === "number") option.max_length = Math.max(1, Math.min(6000, l.maximum));
  }
  if (completions[name]) option.autocomplete = true;
  else if (choices && choices.length <= MAX_CHOICES) option.choices = choices.map((c) => ({ name: fit(c, 100), value: c }));
  else if (choices) option.autocomplete = true;
  return option;
}

/**
 * The schema that says what a value is, below optional/default wrappers and preprocessing: `z.preprocess(f,
 * z.enum(...))` is the enum, `z.stringbool()` the boolean it produces, `z.string().transform(...)` the string.
 */
export function valueSchema(schema: AnySchema): AnySchema {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
  if (def.innerType) return valueSchema(def.innerType);
  if (def.type === "pipe" && def.in && def.out) {
    const out = def.out._zod.def.type;
    return valueSchema(out === "transform" ? def.in : def.out);
  }
  return schema;
}

/** Every rule Discord would refuse the command for, so a bad schema fails in tests rather than at registration. */
export function checkDefinition(json: ApplicationCommandJson): string[] {
  const problems: string[] = [];
  if (!NAME.test(json.name)) problems.push(`name ${JSON.stringify(json.name)} must be 1-32 lower-case letters, digits, - or _`);
  if (json.description.length < 1 || json.description.length > 100) problems.push("description must be 1-100 characters");
  const options = json.options;
  if (options.length > MAX_OPTIONS) problems.push(`${options.length} options; at most ${MAX_OPTIONS}`);
  const names = new Set<string>();
  let optionalSeen = false;
  for (const o of options) {
    if (!NAME.test(o.name)) problems.push(`option name ${JSON.stringify(o.name)} must be 1-32 lower-case letters, digits, - or _`);
    if (names.has(o.name)) problems.push(`option ${o.name} appears twice`);
    names.add(o.name);
    if (o.description.length < 1 || o.description.length > 100) problems.push(`option ${o.name}: description must be 1-100 characters`);
    const required = o.required === true;
    if (required && optionalSeen) problems.push(`option ${o.name}: required options must come first`);
    if (!required) optionalSeen = true;
    const choices = o.choices ?? [];
    if (choices.length > MAX_CHOICES) problems.push(`option ${o.name}: ${choices.length} choices; at most ${MAX_CHOICES}`);
    if (choices.length > 0 && o.autocomplete) problems.push(`option ${o.name}: choices and autocomplete exclude each other`);
  }
  return problems;
}
