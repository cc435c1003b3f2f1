import type { CommandContext, ReplyMessage } from "../../src/core/command.js";
import { renderReply } from "./render.js";

export interface ConsoleContextOptions {
  /** Where rendered replies go, one reply per call. */
  write: (text: string) => void;
  userName?: string;
  locale?: string;
}

/**
 * The local console as a private chat with its operator: whoever runs it manages it, as the owner of a
 * private chat does on the other platforms.
 */
export function consoleContext(options: ConsoleContextOptions): CommandContext {
  const name = options.userName ?? "operator";
  return {
    user: { id: `console:${name}`, name },
    chat: { platform: "console", id: "console", type: "private" },
    canManage: true,
    locale: options.locale ?? "en",
    async reply(message: ReplyMessage) {
      options.write(`${renderReply(message)}\n`);
    },
  };
}
