/**
 * The world a local Discord server knows: guilds with channels, roles and members, described compactly by
 * tests and expanded into the JSON shapes the gateway and REST API send. Permission numbers follow
 * Discord's rules (base from roles, Administrator is everything, then channel overwrites), so discord.js
 * computes the same permissions the server puts into interaction payloads.
 */

export const Perm = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
} as const;

const ALL = (1n << 53n) - 1n;

/** What ordinary members of a fresh server may do. */
export const MEMBER_DEFAULT = Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks | Perm.ReadMessageHistory | Perm.UseApplicationCommands;

export interface RoleSpec {
  id: string;
  name?: string;
  permissions: bigint;
}

export interface OverwriteSpec {
  /** Role or user id. */
  id: string;
  type: "role" | "member";
  allow?: bigint;
  deny?: bigint;
}

export interface ChannelSpec {
  id: string;
  name?: string;
  /** 0 text (default), 5 announcement, 2 voice. */
  type?: number;
  overwrites?: OverwriteSpec[];
}

export interface MemberSpec {
  id: string;
  name?: string;
  roles?: string[];
  bot?: boolean;
}

export interface GuildSpec {
  id: string;
  name?: string;
  ownerId?: string;
  /** Permissions of @everyone (the role whose id is the guild's); MEMBER_DEFAULT unless given. */
  everyone?: bigint;
  roles?: RoleSpec[];
  channels: ChannelSpec[];
  /** The bot's own member is added by the server with `botRoles`. */
  members?: MemberSpec[];
  botRoles?: string[];
  /** The guild's language (`preferred_locale`, and `guild_locale` in its interactions); en-US unless given. */
  locale?: string;
}

// Milliseconds since the Discord epoch in 2026, so ids have the 19 digits real ones have.
let next = 350_000_000_000n;
/** A unique snowflake; `snowflakeOnShard(shard, of)` when a test needs a guild owned by a given shard. */
export const snowflake = (): string => String((next++ << 22n) | 1n);
export function snowflakeOnShard(shard: number, of: number): string {
  for (;;) {
    const id = next++;
    if (id % BigInt(of) === BigInt(shard)) return String((id << 22n) | 1n);
  }
}

/** Discord's rule: the shard that owns a guild. */
export const shardOf = (guildId: string, shards: number): number => Number((BigInt(guildId) >> 22n) % BigInt(shards));

export function user(member: MemberSpec) {
  return { id: member.id, username: member.name ?? `user${member.id}`, discriminator: "0", global_name: null, avatar: null, bot: member.bot ?? false };
}

export function memberJson(member: MemberSpec) {
  return {
    user: user(member),
    nick: null,
    avatar: null,
    roles: member.roles ?? [],
    joined_at: "2026-01-01T00:00:00.000Z",
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelJson(guild: GuildSpec, channel: ChannelSpec, position = 0) {
  return {
    id: channel.id,
    guild_id: guild.id,
    type: channel.type ?? 0,
    name: channel.name ?? `channel-${channel.id.slice(-4)}`,
    position,
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    permission_overwrites: (channel.overwrites ?? []).map((o) => ({
      id: o.id,
      type: o.type === "role" ? 0 : 1,
      allow: String(o.allow ?? 0n),
      deny: String(o.deny ?? 0n),
    })),
  };
}

export function rolesOf(guild: GuildSpec): RoleSpec[] {
  return [{ id: guild.id, name: "@everyone", permissions: guild.everyone ?? MEMBER_DEFAULT }, ...(guild.roles ?? [])];
}

export function guildJson(guild: GuildSpec, bot: MemberSpec) {
  const members = [...(guild.members ?? []), bot];
  return {
    id: guild.id,
    name: guild.name ?? `guild ${guild.id}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId ?? "1",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    preferred_locale: guild.locale ?? "en-US",
    features: [],
    emojis: [],
    stickers: [],
    roles: rolesOf(guild).map((r, position) => ({
      id: r.id,
      name: r.name ?? `role ${r.id}`,
      permissions: String(r.permissions),
      position,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      icon: null,
      unicode_emoji: null,
      flags: 0,
    })),
    channels: guild.channels.map((c, i) => channelJson(guild, c, i)),
    members: members.map(memberJson),
    member_count: members.length,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    large: false,
    unavailable: false,
    joined_at: "2026-01-01T00:00:00.000Z",
  };
}

/** A member's permissions in a channel, as Discord computes them. */
export function permissionsIn(guild: GuildSpec, channel: ChannelSpec, member: MemberSpec): bigint {
  if (guild.ownerId === member.id) return ALL;
  const roles = rolesOf(guild);
  const mine = new Set([guild.id, ...(member.roles ?? [])]);
  let base = 0n;
  for (const role of roles) if (mine.has(role.id)) base |= role.permissions;
  if (base & Perm.Administrator) return ALL;
  const overwrites = channel.overwrites ?? [];
  const apply = (o: OverwriteSpec | undefined) => {
    if (o) base = (base & ~(o.deny ?? 0n)) | (o.allow ?? 0n);
  };
  apply(overwrites.find((o) => o.type === "role" && o.id === guild.id));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === "role" && o.id !== guild.id && mine.has(o.id)) {
      allow |= o.allow ?? 0n;
      deny |= o.deny ?? 0n;
    }
  }
  base = (base & ~deny) | allow;
  apply(overwrites.find((o) => o.type === "member" && o.id === member.id));
  return base;
}
