import type { Platform } from "../../src/core/command.js";
import type { ChatPlatform, Outgoing, SendResult } from "../../src/core/delivery.js";
import type { Target } from "../../src/core/subscription.js";

/** A ChatPlatform that records what it is asked to send; per chat, scripted results come first, then "sent". */
export class RecordingPlatform implements ChatPlatform {
  readonly sent: Array<{ chatId: string; outgoing: Outgoing; at: number }> = [];
  readonly attempts: Array<{ chatId: string; result: SendResult }> = [];
  private readonly scripts = new Map<string, SendResult[]>();

  constructor(
    readonly name: Platform = "telegram",
    private readonly delayMs = 0,
  ) {}

  /** The next sends to this chat answer these, in order. */
  script(chatId: string, ...results: SendResult[]): void {
    this.scripts.set(chatId, [...(this.scripts.get(chatId) ?? []), ...results]);
  }

  async send(target: Target, outgoing: Outgoing): Promise<SendResult> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const result = this.scripts.get(target.chatId)?.shift() ?? { status: "sent" };
    this.attempts.push({ chatId: target.chatId, result });
    if (result.status === "sent") this.sent.push({ chatId: target.chatId, outgoing, at: Date.now() });
    return result;
  }

  /** Alert ids each chat received, in order. */
  received(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => (s.outgoing.kind === "alert" ? s.outgoing.alert.id : `digest(${s.outgoing.alerts.map((a) => a.id).join(",")})`));
  }
}
