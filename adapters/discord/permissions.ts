import { PermissionFlagsBits, PermissionsBitField, type ChatInputCommandInteraction, type GuildBasedChannel } from "discord.js";

/** What the bot needs in a channel it posts alerts to, with the names Discord's settings show. */
export const SEND_PERMISSIONS: ReadonlyArray<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
];

export const missingFrom = (permissions: Readonly<PermissionsBitField> | null | undefined): string[] =>
  SEND_PERMISSIONS.filter(([bit]) => !permissions?.has(bit)).map(([, name]) => name);

/** The channel a command targets: the one named in its `channel` option, or where it was typed. */
export function targetChannel(interaction: ChatInputCommandInteraction, option: string): { id: string; type: number | undefined } {
  const named = interaction.options.get(option)?.channel;
  if (named) return { id: named.id, type: named.type };
  return { id: interaction.channelId, type: interaction.channel?.type };
}

async function guildChannel(interaction: ChatInputCommandInteraction, channelId: string): Promise<GuildBasedChannel | null> {
  const guild = interaction.guild;
  if (!guild) return null;
  return guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(() => null));
}

/**
 * Whether the invoker has Manage Channels where the command acts. Discord hides the command from others
 * through its default member permissions, but server admins can override that per role or channel, so it
 * is checked again here, in the target channel.
 */
export async function invokerCanManage(interaction: ChatInputCommandInteraction, channelId: string): Promise<boolean> {
  if (!interaction.inGuild()) return true;
  if (channelId === interaction.channelId) return interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  // Discord computed the invoker's permissions in a named channel and sent them with the resolved channel.
  const resolved = interaction.options.get("channel")?.channel as { permissions?: unknown } | undefined;
  if (resolved && typeof resolved.permissions === "string") return new PermissionsBitField(BigInt(resolved.permissions)).has(PermissionFlagsBits.ManageChannels);
  const channel = await guildChannel(interaction, channelId);
  const member = interaction.member && "roles" in interaction.member && !Array.isArray(interaction.member.roles) ? interaction.member : null;
  if (!channel || !member) return false;
  return channel.permissionsFor(member as Parameters<typeof channel.permissionsFor>[0])?.has(PermissionFlagsBits.ManageChannels) ?? false;
}

/**
 * The bot's own permissions in the target channel: as Discord sent them for the current channel, computed
 * from the cached roles and overwrites (fetched when missing) for another one.
 */
export async function botPermissionsIn(interaction: ChatInputCommandInteraction, channelId: string): Promise<Readonly<PermissionsBitField> | null> {
  if (channelId === interaction.channelId) return interaction.appPermissions;
  const guild = interaction.guild;
  const channel = await guildChannel(interaction, channelId);
  if (!guild || !channel) return null;
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  return me ? channel.permissionsFor(me) : null;
}
