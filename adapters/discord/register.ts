import { Routes, type REST } from "discord.js";
import type { ApplicationCommandJson } from "./definitions.js";

export interface RegisterOptions {
  rest: REST;
  applicationId: string;
  /** Registers in one guild (instant, for trying things out); globally when left out. */
  guildId?: string;
  commands: readonly ApplicationCommandJson[];
}

export interface RegisterResult {
  scope: string;
  changed: boolean;
  count: number;
}

/**
 * Publishes the slash commands only when they differ from what Discord has: registration is rate-limited
 * (200 creations a day per guild), so an unchanged set costs one GET and no write.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const scope = options.guildId ? `guild ${options.guildId}` : "global";
  const current = (await options.rest.get(route)) as unknown[];
  if (sameCommands(current, options.commands)) return { scope, changed: false, count: options.commands.length };
  await options.rest.put(route, { body: options.commands });
  return { scope, changed: true, count: options.commands.length };
}

export function sameCommands(registered: readonly unknown[], wanted: readonly unknown[]): boolean {
  return JSON.stringify(normaliseCommands(registered)) === JSON.stringify(normaliseCommands(wanted));
}

type Json = Record<string, unknown>;

/**
 * The parts of a command we set, in one canonical form: Discord answers with ids, versions and defaults
 * (`required` left out when false, `contexts: null`), which must not read as a change.
 */
export function normaliseCommands(commands: readonly unknown[]): Json[] {
  return (commands as Json[])
    .map((c) => ({
      type: c.type ?? 1,
      name: c.name,
      description: c.description ?? "",
      default_member_permissions: c.default_member_permissions ?? null,
      contexts: Array.isArray(c.contexts) ? [...(c.contexts as number[])].sort() : null,
      nsfw: c.nsfw ?? false,
      options: normaliseOptions(c.options),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

function normaliseOptions(options: unknown): Json[] {
  if (!Array.isArray(options)) return [];
  return (options as Json[]).map((o) => ({
    type: o.type,
    name: o.name,
    description: o.description ?? "",
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    choices: Array.isArray(o.choices) ? (o.choices as Json[]).map((c) => ({ name: c.name, value: c.value })) : [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    channel_types: Array.isArray(o.channel_types) ? [...(o.channel_types as number[])].sort() : [],
    options: normaliseOptions(o.options),
  }));
}
