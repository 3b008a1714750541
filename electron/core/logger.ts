/**
 * Where the core reports what it does not throw: a failed cleanup, a search index that could not
 * be written. The default writes one line to stderr; the app plugs in a file logger
 * (logging/file-logger.ts). Every implementation redacts its context (logging/redact.ts).
 */
import { redactContext, redactText } from './logging/redact';

export type LogContext = Record<string, unknown>;

export interface Logger {
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

export type LogLevel = keyof Logger;

const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

/** True when a line at `level` passes a logger set to `threshold`. */
export const passes = (level: LogLevel, threshold: LogLevel): boolean => RANK[level] >= RANK[threshold];

export function stderrLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
  threshold: LogLevel = 'info',
): Logger {
  const log =
    (level: LogLevel) =>
    (message: string, context?: LogContext): void => {
      if (!passes(level, threshold)) return;
      const detail = context && Object.keys(context).length > 0 ? ` ${JSON.stringify(redactContext(context))}` : '';
      write(`offprint ${level}: ${redactText(message)}${detail}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** One logger that writes to several (the log file and stderr, say). */
export function teeLogger(...loggers: Logger[]): Logger {
  const log =
    (level: LogLevel) =>
    (message: string, context?: LogContext): void => {
      for (const logger of loggers) logger[level](message, context);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** The reason an error gives, for a log line's context. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
