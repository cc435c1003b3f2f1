import { localTime } from "../../adapters/console/time.js";
import type { Logger } from "../core/ports.js";

/** One line per record on stderr, so stdout carries only results (alerts, JSON). */
/** Times in the configured `timezone`, labelled (`2026-11-26 18:30:05 GMT+9`); UTC until the configuration is read. */
export function stderrLogger(quiet = false, timeZone = "UTC"): Logger {
  const write = (level: string) => (message: string) => {
    process.stderr.write(`${localTime(new Date().toISOString(), timeZone, true)} ${level} ${message}\n`);
  };
  return { info: quiet ? () => {} : write("info "), warn: write("warn "), error: write("error") };
}
