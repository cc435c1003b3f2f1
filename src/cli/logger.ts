import pino from "pino";
import { localTime } from "../../adapters/console/time.js";
import type { LogFields, Logger } from "../core/ports.js";

/**
 * One line per record on stderr, so stdout carries only results (alerts, JSON). Times in the configured
 * `timezone`, labelled (`2026-11-26 18:30:05 GMT+9`); UTC until the configuration is read.
 */
export function stderrLogger(quiet = false, timeZone = "UTC"): Logger {
  const write = (level: string) => (message: string) => {
    process.stderr.write(`${localTime(new Date().toISOString(), timeZone, true)} ${level} ${message}\n`);
  };
  return { info: quiet ? () => {} : write("info "), warn: write("warn "), error: write("error") };
}

/**
 * One JSON object per line on stderr (pino): time, level, msg, the record's fields (feed, chat, platform)
 * and `context()`'s (the instance's role), for log collectors to filter on.
 */
export function jsonLogger(context: () => LogFields = () => ({})): Logger {
  const log = pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => context(),
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}

export function serviceLogger(format: "pretty" | "json", context: () => LogFields, timeZone = "UTC"): Logger {
  return format === "json" ? jsonLogger(context) : stderrLogger(false, timeZone);
}
