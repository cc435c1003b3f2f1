import { InputFile, type Api } from "grammy";
import type { Document } from "grammy/types";
import type { CommandAttachment, ReplyAttachment } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";

/** A document sent with a command, read through getFile and the Bot API's file download path. */
export function documentAttachment(api: Api, apiRoot: string, token: string, document: Document): CommandAttachment {
  const name = document.file_name ?? "file";
  return {
    name,
    async read(maxBytes) {
      if (document.file_size !== undefined && document.file_size > maxBytes) throw new UserError(`${name} is over ${Math.round(maxBytes / 1024)} KB`);
      const file = await api.getFile(document.file_id);
      if (!file.file_path) throw new UserError(`Telegram did not hand over ${name}`);
      // The token is part of the download path: never put this URL in a message or a log line.
      const response = await fetch(`${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${file.file_path}`, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`telegram: downloading a document answered HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw new UserError(`${name} is over ${Math.round(maxBytes / 1024)} KB`);
      return new TextDecoder().decode(bytes);
    },
  };
}

/** Sends a reply's file as a document in the same chat (and thread). */
export async function sendAttachment(api: Api, chatId: number | string, attachment: ReplyAttachment, threadId?: number): Promise<void> {
  await api.sendDocument(chatId, new InputFile(new TextEncoder().encode(attachment.content), attachment.name), threadId ? { message_thread_id: threadId } : {});
}
