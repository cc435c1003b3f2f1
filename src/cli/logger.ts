import pino from "pino";
import type { LogFields, Logger } from "../core/ports.js";

/** One line per record on stderr, so stdout carries only results (alerts, JSON). */
export function stderrLogger(quiet = false): Logger {
  const write = (level: string) => (message: string) => {
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
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

export function serviceLogger(format: "pretty" | "json", context: () => LogFields): Logger {
  return format === "json" ? jsonLogger(context) : stderrLogger();
}
