import type { CommandContext, CommandServices, ReplyMessage } from "../../../src/core/command.js";

/** A private console-like chat that keeps what the bot replied. */
export function recordingContext(overrides: Partial<CommandContext> = {}): CommandContext & { replies: ReplyMessage[] } {
  const replies: ReplyMessage[] = [];
  return {
    user: { id: "u1", name: "tester" },
    chat: { platform: "console", id: "c1", type: "private" },
    canManage: true,
    locale: "en",
    async reply(message) {
      replies.push(message);
    },
    ...overrides,
    replies,
  };
}

export const services: CommandServices = {
  fx: { asOf: "2026-11-01", usdPerUnit: { USD: 1, JPY: 0.0065, EUR: 1.16, GBP: 1.32, THB: 0.031, MYR: 0.24 } },
};
