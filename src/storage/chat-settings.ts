import type Keyv from "keyv";
import type { ChatSettings, ChatSettingsStore } from "../core/ports.js";
import { targetKey, type Target } from "../core/subscription.js";
import { guarded } from "./guard.js";

/** `chat:telegram:-1001234` → what a chat chose beyond its subscription (its language): kept with or without one. */
const PREFIX = "chat:";

export class KeyvChatSettingsStore implements ChatSettingsStore {
  constructor(private readonly keyv: Keyv) {}

  async get(target: Target): Promise<ChatSettings> {
    return guarded(`read the settings of ${targetKey(target)}`, async () => (await this.keyv.get<ChatSettings>(PREFIX + targetKey(target))) ?? {});
  }

  async set(target: Target, settings: ChatSettings): Promise<void> {
    await guarded(`record the settings of ${targetKey(target)}`, async () => {
      if (Object.values(settings).every((v) => v === undefined)) await this.keyv.delete(PREFIX + targetKey(target));
      else await this.keyv.set(PREFIX + targetKey(target), settings);
    });
  }
}
