import type Keyv from "keyv";
import { guarded } from "./guard.js";

const KEY = "service:heartbeat";

export interface Heartbeat {
  /** When the service last finished a poll, and how it ended. */
  at: string;
  ok: boolean;
  summary: string;
}

/** The service's last poll, so a health check in another process can tell a live service from a stuck one. */
export class KeyvHeartbeat {
  constructor(private readonly keyv: Keyv) {}

  async beat(heartbeat: Heartbeat): Promise<void> {
    await guarded("record the heartbeat", () => this.keyv.set(KEY, heartbeat));
  }

  async last(): Promise<Heartbeat | undefined> {
    return guarded("read the heartbeat", () => this.keyv.get<Heartbeat>(KEY));
  }
}
