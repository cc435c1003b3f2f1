import type { Alert } from "./article.js";
import type { Platform } from "./command.js";
import type { Target } from "./subscription.js";

/** The words around an alert, in the chat's language (English when absent). */
export interface AlertLabels {
  keyFigures: string;
  source: string;
  jurisdiction: string;
  topics: string;
  /** The mark on a model-written summary: "Summary by model". */
  modelSummary?: string;
  /** Place names (code → name) and topic labels (id → label) in that language, where they differ from the table's. */
  places?: Readonly<Record<string, string>>;
  topicLabels?: Readonly<Record<string, string>>;
  /** A digest's alert count, `{{n}}` filled in: "1 alert" / "3 alerts". */
  alertCount?: { one: string; other: string };
}

/**
 * What a platform is asked to send: one alert, or a digest of a period's alerts (the platform splits it to fit).
 * `mentionRoles`: Discord roles the chat's matching rules name, the only mentions the message may make.
 */
export type Outgoing = (
  | { kind: "alert"; alert: Alert; mentionRoles?: string[] }
  | { kind: "digest"; period: { from: string; to: string; label: string }; alerts: Alert[] }
) & { labels?: AlertLabels };

/**
 * What became of a send, as the delivery engine needs to know it. Platforms translate their own errors
 * into these and nothing else: the engine never sees an SDK's error types.
 */
export type SendResult =
  | { status: "sent" }
  /** Flood control: try again after this many seconds; the entry is kept. */
  | { status: "retry-after"; seconds: number; reason?: string }
  /** The chat will never accept messages again (blocked, kicked, deleted, no access). `movedTo`: a Telegram group became a supergroup. */
  | { status: "gone"; reason: string; movedTo?: string }
  /** Anything else: 5xx, network. Retried with backoff, then dead-lettered. */
  | { status: "failed"; reason: string };

/** "3 alerts", or the count in the labels' language. */
export function alertCount(count: number, labels?: AlertLabels): string {
  const words = labels?.alertCount ?? { one: "{{n}} alert", other: "{{n}} alerts" };
  return (count === 1 ? words.one : words.other).replace("{{n}}", String(count));
}

/** Names a digest for its chat (in its language); the English label comes with it. */
export type DigestLabeller = (target: Target, digest: { kind: "daily" | "weekly" | "flush"; at: Date; timeZone: string; english: string }) => Promise<string>;

/** The port every chat platform implements for delivery. */
export interface ChatPlatform {
  readonly name: Platform;
  send(target: Target, message: Outgoing): Promise<SendResult>;
}

/** A running chat platform as the composition root sees it: its sender for delivery, and its lifecycle. */
export interface ChatAdapter {
  readonly platform: ChatPlatform;
  /** Connects and starts answering commands; resolves once it is ready. */
  start(): Promise<void>;
  /** Stops taking commands and closes connections. */
  stop(): Promise<void>;
}
