import type { ChatPlatform, Outgoing, SendResult } from "../../src/core/delivery.js";
import type { Target } from "../../src/core/subscription.js";
import { alertBlock } from "./alert.js";

/**
 * The console as a delivery target (the chat `regwatch chat` subscribes). With `write`, what it receives
 * is printed; without, it is only acknowledged, for when the service already prints every alert.
 * Either way its queue drains instead of growing.
 */
export function createConsolePlatform(write?: (text: string) => void, timeZone = "UTC"): ChatPlatform {
  return {
    name: "console",
    async send(_target: Target, message: Outgoing): Promise<SendResult> {
      if (write) {
        const alerts = message.kind === "alert" ? [message.alert] : message.alerts;
        if (message.kind === "digest") write(message.period.label);
        for (const alert of alerts) write(alertBlock(alert, "console:", timeZone));
      }
      return { status: "sent" };
    },
  };
}
