import type { z } from "zod";
// Type only: the jurisdiction and topic tables are data that core describes nowhere else; nothing is loaded.
import type { Knowledge } from "../../config/knowledge.js";
import type { AlertLog, ChatSettingsStore, SubscriptionStore } from "./ports.js";
import type { UserFeedServices } from "./user-feed.js";

/** A message from the catalog in the chat's language, with `{{name}}` values filled in. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The neutral command vocabulary: adapters turn a platform event into a CommandContext, commands answer
 * through `reply` with a ReplyMessage, and never see which SDK carried them.
 */
export type Platform = "console" | "telegram" | "discord";

export type ChatType = "private" | "group" | "channel";

/** Where a command was invoked; `platform` + `id` names the chat that a subscription would target. */
export interface ChatRef {
  platform: Platform;
  /** Telegram chat id, Discord channel id, "console" for the local chat. */
  id: string;
  type: ChatType;
  /** The Discord guild (server) the channel belongs to. */
  guildId?: string;
}

export interface Invoker {
  id: string;
  /** Display name, for replies and logs. */
  name: string;
}

export interface ReplyField {
  name: string;
  value: string;
}

export interface ReplyLink {
  url: string;
  label?: string;
}

/** What a command says, before any platform's formatting: adapters map it to an embed, HTML or plain text. */
export interface ReplyMessage {
  title?: string;
  text: string;
  fields?: ReplyField[];
  link?: ReplyLink;
  /** The fields are details under the answer: platforms that can fold them away do (Telegram's expandable quote). */
  details?: boolean;
  /** The last line, after fields and link (a disclaimer): Discord's embed footer. */
  footer?: string;
  /** Only the invoker should see it (Discord ephemeral replies); platforms without that send it normally. */
  ephemeral?: boolean;
  /** A file sent with the reply (a Telegram document, a Discord attachment). */
  attachment?: ReplyAttachment;
}

export interface ReplyAttachment {
  name: string;
  mimeType: string;
  content: string;
}

/** A file the user sent with the command (a Telegram document captioned with it, a Discord attachment option). */
export interface CommandAttachment {
  name: string;
  /** The file's text, refused (UserError) when over `maxBytes`. */
  read(maxBytes: number): Promise<string>;
}

export interface CommandContext {
  user: Invoker;
  chat: ChatRef;
  /** Whether the invoker may manage this chat's subscriptions: a group admin, a guild member with Manage Channels, anyone in a private chat. */
  canManage: boolean;
  /** BCP 47 tag of the invoker's language as the platform reports it ("ja", "en-GB"); on Discord the guild's. */
  locale: string;
  /** The chat's language and its messages: set by the command runner (the chat's choice, else `locale`). */
  language?: string;
  t?: Translate;
  reply(message: ReplyMessage): Promise<void>;
  /** The file sent with the command, if any. */
  attachment?: CommandAttachment;
}

/** Approximate exchange rates from the configuration, printed with their date. */
export interface FxRates {
  asOf: string;
  /** US dollars per unit of each ISO 4217 currency. */
  usdPerUnit: Readonly<Record<string, number>>;
}

/**
 * What commands may use besides their context, given by the composition root. Add members as commands
 * need them; keep each a port from src/core (or, for `knowledge`, the data tables every layer reads).
 */
export interface CommandServices {
  fx: FxRates;
  subscriptions: SubscriptionStore;
  alerts: AlertLog;
  /** Jurisdictions (codes, names, flags, regulators) and topics: what `/subscribe` accepts and replies show. */
  knowledge: Knowledge;
  /** The clock, so tests can fix it. */
  now(): Date;
  /** Feeds added from chats (`/feed`); absent where no store backs them. */
  userFeeds?: UserFeedServices;
  /** Per-chat choices such as the language; absent where nothing is kept (some tests). */
  chatSettings?: ChatSettingsStore;
  /** Jurisdiction codes to offer first: those with feeds, the most subscribed first. */
  featuredJurisdictions?(): Promise<readonly string[]>;
}

/**
 * A chat command. The zod object is the one source of truth for its options: text parsing, validation,
 * the command line and platform registration all read it. Keys are snake_case (Discord option names
 * must be lower case); each option carries a description through `.describe()` on its outermost schema.
 * Values arrive as text, so non-text options coerce (`z.coerce.number()`, `z.stringbool()`).
 */
export interface Command<Schema extends z.ZodObject = z.ZodObject> {
  /** Lower case with dashes ("ieo-cap"); platforms that forbid dashes use underscores, and both are accepted. */
  name: string;
  description: string;
  options: Schema;
  /** Option names filled, in order, by values given without a name. */
  positional?: ReadonlyArray<keyof z.input<Schema> & string>;
  /**
   * A text option that also takes every value left over, joined by spaces: `/subscribe jp hk stablecoin`
   * fills one `what` option, as Discord (which has no variadic options) sends it.
   */
  rest?: keyof z.input<Schema> & string;
  /** Lines `/help <command>` shows as examples. */
  examples?: readonly string[];
  /** Other names people use for an option: `{ assets: "net_assets" }`. */
  aliases?: Readonly<Record<string, keyof z.input<Schema> & string>>;
  run(ctx: CommandContext, options: z.output<Schema>, services: CommandServices): Promise<void>;
}
