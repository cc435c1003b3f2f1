import { AttachmentBuilder, ChannelType, MessageFlags, type Attachment, type ChatInputCommandInteraction, type Interaction, type InteractionReplyOptions } from "discord.js";
import type { ChatType, Command, CommandAttachment, CommandContext, CommandServices, ReplyMessage } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";
import type { Logger } from "../../src/core/ports.js";
import { normalizeName } from "../../src/commands/parse.js";
import { describeChain } from "../../src/commands/run.js";
import { suggest } from "./autocomplete.js";
import { CHANNEL_OPTION, defaultTraits, type DiscordTraits } from "./definitions.js";
import { botPermissionsIn, invokerCanManage, missingFrom, targetChannel } from "./permissions.js";
import { replyEmbed } from "./render.js";
import { localized } from "../../src/commands/localize.js";
import { runCommandWithOptions } from "./run.js";

export interface InteractionOptions {
  commands: readonly Command[];
  services: CommandServices;
  logger: Logger;
  traits?: Readonly<Record<string, DiscordTraits>>;
  /** Discord wants an answer within 3 s: a command still working after this long is deferred. */
  deferAfterMs?: number;
  newErrorId?: () => string;
}

const DEFER_AFTER_MS = 2000;

/** Answers one interaction: slash commands through the neutral command layer, autocomplete from the knowledge tables. */
export async function handleInteraction(interaction: Interaction, options: InteractionOptions): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      let choices: ReturnType<typeof suggest> = [];
      try {
        const focused = interaction.options.getFocused(true);
        const command = findCommand(options.commands, interaction.commandName);
        if (command) choices = suggest(command, focused.name, String(focused.value), options.services.knowledge);
      } catch (error) {
        // An empty list still answers Discord, so the user's form does not hang on "loading options".
        options.logger.error(`discord autocomplete ${interaction.commandName} failed: ${describeChain(error)}`);
      }
      await interaction.respond(choices);
    } else if (interaction.isChatInputCommand()) {
      await handleCommand(interaction, options);
    }
  } catch (error) {
    // A reply that cannot reach Discord (expired token, network) has no one left to tell: log it.
    options.logger.error(`discord interaction ${interaction.id} failed: ${describeChain(error)}`);
  }
}

const findCommand = (commands: readonly Command[], name: string): Command | undefined =>
  commands.find((c) => normalizeName(c.name) === normalizeName(name));

async function handleCommand(interaction: ChatInputCommandInteraction, options: InteractionOptions): Promise<void> {
  const command = findCommand(options.commands, interaction.commandName);
  const traits = (options.traits ?? defaultTraits)[command?.name ?? ""] ?? {};
  const responder = new Responder(interaction, traits.personal === true);
  const timer = setTimeout(() => void responder.defer().catch((e) => options.logger.error(`defer failed: ${describeChain(e)}`)), options.deferAfterMs ?? DEFER_AFTER_MS);
  try {
    const target = traits.manages ? targetChannel(interaction, CHANNEL_OPTION) : { id: interaction.channelId, type: interaction.channel?.type };
    const ctx: CommandContext = {
      user: { id: interaction.user.id, name: interaction.user.username },
      chat: { platform: "discord", id: target.id, type: chatType(interaction, target.type), ...(interaction.guildId ? { guildId: interaction.guildId } : {}) },
      canManage: false,
      // The guild's language is the channel's; a DM has only the user's.
      locale: interaction.guildLocale ?? interaction.locale,
      reply: (message) => responder.send(message),
    };
    const file = traits.file ? interaction.options.getAttachment(traits.file) : null;
    if (file) ctx.attachment = attachmentOf(file);
    // Refusals below speak the channel's language too.
    const { t } = await localized(ctx, options.services);
    if (!command) {
      await responder.send({ text: t("errors.unknownCommand", { name: interaction.commandName }), ephemeral: true });
      return;
    }
    let canManage = !interaction.inGuild();
    if (traits.manages) {
      if (!interaction.inGuild()) {
        await responder.send({ text: t("discord.serverOnly", { name: command.name }), ephemeral: true });
        return;
      }
      canManage = await invokerCanManage(interaction, target.id);
      if (!canManage) {
        await responder.send({ text: t("discord.needManage", { channel: `<#${target.id}>` }), ephemeral: true });
        return;
      }
    } else if (interaction.inGuild()) {
      canManage = (await invokerCanManage(interaction, target.id)) === true;
    }
    if (traits.sendsThere) {
      const missing = missingFrom(await botPermissionsIn(interaction, target.id));
      if (missing.length > 0) {
        await responder.send({
          text: t(missing.length === 1 ? "discord.botMissingOne" : "discord.botMissingMany", { channel: `<#${target.id}>`, missing: missing.join(", ") }),
          ephemeral: true,
        });
        return;
      }
    }

    await runCommandWithOptions(command, optionValues(interaction, command), { ...ctx, canManage }, options.services, {
      logger: options.logger,
      ...(options.newErrorId ? { newErrorId: options.newErrorId } : {}),
    });
    if (!responder.answered) await responder.send({ text: t("discord.done"), ephemeral: true });
  } finally {
    clearTimeout(timer);
  }
}

/** A file attached to the command, read from Discord's CDN when the command asks for it. */
function attachmentOf(file: Attachment): CommandAttachment {
  return {
    name: file.name,
    async read(maxBytes) {
      if (file.size > maxBytes) throw new UserError(`${file.name} is over ${Math.round(maxBytes / 1024)} KB`);
      const response = await fetch(file.url, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`discord: downloading an attachment answered HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw new UserError(`${file.name} is over ${Math.round(maxBytes / 1024)} KB`);
      return new TextDecoder().decode(bytes);
    },
  };
}

/** The typed options by name; the Discord-only channel option stays out unless the command's schema has it. */
function optionValues(interaction: ChatInputCommandInteraction, command: Command): Record<string, string | number | boolean> {
  const known = Object.keys(command.options.shape);
  const values: Record<string, string | number | boolean> = {};
  for (const option of interaction.options.data) {
    if (!known.includes(option.name)) continue;
    const value = option.channel?.id ?? option.value;
    if (value !== undefined && value !== null) values[option.name] = value;
  }
  return values;
}

function chatType(interaction: ChatInputCommandInteraction, channelType: number | undefined): ChatType {
  if (!interaction.inGuild()) return "private";
  return channelType === ChannelType.GuildAnnouncement ? "channel" : "group";
}

/**
 * The one answer Discord expects, then follow-ups. Calls are serialised so a deferral and a reply never
 * race. A deferral is public unless the command is personal; an ephemeral answer after a public deferral
 * replaces the "thinking" placeholder with an ephemeral follow-up.
 */
class Responder {
  answered = false;
  private deferred: "public" | "ephemeral" | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly interaction: ChatInputCommandInteraction,
    private readonly personal: boolean,
  ) {}

  defer(): Promise<void> {
    return this.serial(async () => {
      if (this.answered || this.deferred) return;
      await this.interaction.deferReply(this.personal ? { flags: MessageFlags.Ephemeral } : {});
      this.deferred = this.personal ? "ephemeral" : "public";
    });
  }

  send(message: ReplyMessage): Promise<void> {
    return this.serial(async () => {
      const ephemeral = this.personal || message.ephemeral === true;
      // A reply's file (an OPML export) goes as an attachment of the same message.
      const files = message.attachment ? [new AttachmentBuilder(Buffer.from(message.attachment.content, "utf8"), { name: message.attachment.name })] : [];
      const body: InteractionReplyOptions = { embeds: [replyEmbed(message)], allowedMentions: { parse: [] }, ...(files.length > 0 ? { files } : {}) };
      if (this.answered) {
        await this.interaction.followUp({ ...body, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
      } else if (this.deferred === "public" && ephemeral) {
        await this.interaction.deleteReply();
        await this.interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
      } else if (this.deferred) {
        await this.interaction.editReply({ embeds: body.embeds ?? [], allowedMentions: { parse: [] }, ...(files.length > 0 ? { files } : {}) });
      } else {
        await this.interaction.reply({ ...body, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
      }
      this.answered = true;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
