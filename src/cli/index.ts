import type { Command } from "commander";
import { analyzeCommand, evalCommand } from "./analyze.js";
import { chatCliCommand } from "./chat.js";
import { deliveriesCommand } from "./deliveries.js";
import { feedsCommand } from "./feeds.js";
import { healthCommand } from "./health.js";
import { ieoCapCliCommand } from "./ieo-cap.js";
import { llmCommand } from "./llm.js";
import { pollCommand } from "./poll.js";
import { registerCommandsCliCommand } from "./register-commands.js";
import { runCommand } from "./run.js";
import { subscriptionsCliCommand } from "./subscriptions.js";

/** Every `regwatch <command>`, in the order --help lists them. Each module builds its own commander Command. */
export const cliCommands: Array<() => Command> = [runCommand, pollCommand, feedsCommand, deliveriesCommand, healthCommand, subscriptionsCliCommand, ieoCapCliCommand, chatCliCommand, registerCommandsCliCommand, analyzeCommand, evalCommand, llmCommand];
