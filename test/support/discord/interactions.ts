import { randomBytes } from "node:crypto";
import { memberJson, permissionsIn, snowflake, type GuildSpec, type MemberSpec } from "./fixtures.js";

/** An option as a user filled it in Discord's form; `focused` marks the one being typed (autocomplete). */
export interface OptionValue {
  name: string;
  /** 3 string, 4 integer, 5 boolean, 7 channel, 10 number; inferred from the value when left out. */
  type?: number;
  value: string | number | boolean;
  focused?: boolean;
}

export interface Invocation {
  guildId: string;
  channelId: string;
  userId: string;
  name: string;
  options?: OptionValue[] | Record<string, string | number | boolean>;
  locale?: string;
}

const typeOf = (value: string | number | boolean): number =>
  typeof value === "boolean" ? 5 : typeof value === "number" ? (Number.isInteger(value) ? 4 : 10) : 3;

export const interactionToken = (): string => `interaction-token-${randomBytes(12).toString("hex")}`;

/**
 * An INTERACTION_CREATE payload as Discord sends it for a slash command (type 2) or an autocomplete
 * request (type 4): the member with the permissions Discord computed for this channel, the bot's own
 * permissions as `app_permissions`, resolved channels for channel options, and `entitlements: []`.
 */
export function interactionPayload(
  world: { applicationId: string; bot: MemberSpec; guild: GuildSpec },
  invocation: Invocation,
  kind: "command" | "autocomplete",
) {
  const { guild } = world;
  const channel = guild.channels.find((c) => c.id === invocation.channelId);
  if (!channel) throw new Error(`channel ${invocation.channelId} is not in guild ${guild.id}`);
  const member = (guild.members ?? []).find((m) => m.id === invocation.userId);
  if (!member) throw new Error(`user ${invocation.userId} is not a member of guild ${guild.id}`);
  const bot = { ...world.bot, roles: guild.botRoles ?? [] };

  const list: OptionValue[] = Array.isArray(invocation.options)
    ? invocation.options
    : Object.entries(invocation.options ?? {}).map(([name, value]) => ({ name, value }));
  const options = list.map((o) => ({ name: o.name, type: o.type ?? typeOf(o.value), value: o.value, ...(o.focused ? { focused: true } : {}) }));

  const resolvedChannels: Record<string, unknown> = {};
  for (const o of options) {
    if (o.type !== 7) continue;
    const named = guild.channels.find((c) => c.id === String(o.value));
    if (!named) continue;
    resolvedChannels[named.id] = {
      id: named.id,
      name: named.name ?? `channel-${named.id.slice(-4)}`,
      type: named.type ?? 0,
      permissions: String(permissionsIn(guild, named, member)),
    };
  }

  return {
    id: snowflake(),
    application_id: world.applicationId,
    type: kind === "command" ? 2 : 4,
    token: interactionToken(),
    version: 1,
    guild_id: guild.id,
    channel_id: channel.id,
    channel: { id: channel.id, guild_id: guild.id, type: channel.type ?? 0, name: channel.name ?? `channel-${channel.id.slice(-4)}` },
    member: { ...memberJson(member), permissions: String(permissionsIn(guild, channel, member)) },
    app_permissions: String(permissionsIn(guild, channel, bot)),
    locale: invocation.locale ?? "en-US",
    guild_locale: guild.locale ?? "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    data: {
      id: snowflake(),
      name: invocation.name,
      type: 1,
      guild_id: guild.id,
      options,
      ...(Object.keys(resolvedChannels).length > 0 ? { resolved: { channels: resolvedChannels } } : {}),
    },
  };
}
