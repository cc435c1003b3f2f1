import type { Command } from "commander";

/** Every `regwatch <command>`, in the order --help lists them. Each module builds its own commander Command. */
export const cliCommands: Array<() => Command> = [];
