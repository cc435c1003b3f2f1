import type { Command } from "../src/core/command.js";
import { helpCommand } from "./help.js";
import { ieoCapCommand } from "./ieo-cap.js";

/** Every chat command, in the order /help lists them. */
export const commands: readonly Command[] = [ieoCapCommand, helpCommand(() => commands)];
