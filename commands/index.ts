import type { Command } from "../src/core/command.js";
import { feedCommand } from "./feed.js";
import { helpCommand } from "./help.js";
import { ieoCapCommand } from "./ieo-cap.js";
import { jurisdictionsCommand } from "./jurisdictions.js";
import { latestCommand } from "./latest.js";
import { subscribeCommand } from "./subscribe.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { languageCommand } from "./language.js";
import { pauseCommand, resumeCommand } from "./pause.js";
import { topicsCommand } from "./topics.js";
import { unsubscribeCommand } from "./unsubscribe.js";

/** Every chat command, in the order /help lists them. */
export const commands: readonly Command[] = [
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  pauseCommand,
  resumeCommand,
  latestCommand,
  feedCommand,
  jurisdictionsCommand,
  topicsCommand,
  ieoCapCommand,
  languageCommand,
  helpCommand(() => commands),
];
