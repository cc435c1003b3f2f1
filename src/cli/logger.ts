import type { Logger } from "../core/ports.js";

/** One line per record on stderr, so stdout carries only results (alerts, JSON). */
export function stderrLogger(quiet = false): Logger {
  const write = (level: string) => (message: string) => {
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  };
  return { info: quiet ? () => {} : write("info "), warn: write("warn "), error: write("error") };
}
