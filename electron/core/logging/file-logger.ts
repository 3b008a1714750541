import { join } from 'node:path';
import pino from 'pino';
import { redactContext, redactText } from './redact';
import type { LogLevel, Logger, LogContext } from '../logger';
import { RotatingFile, type RotationOptions } from './rotating-file';

export const LOG_FILE_NAME = 'offprint.log';

export interface FileLoggerOptions extends Partial<RotationOptions> {
  /** The folder the log lives in (the app-data folder's `logs`). */
  dir: string;
  level?: LogLevel;
}

export interface FileLogger extends Logger {
  readonly path: string;
  close(): void;
}

/** A logger writing JSON lines (pino's format) to a size-rotated file in `dir`. */
export function createFileLogger({
  dir,
  level = 'info',
  maxBytes = 1024 * 1024,
  keep = 5,
}: FileLoggerOptions): FileLogger {
  const file = new RotatingFile(join(dir, LOG_FILE_NAME), { maxBytes, keep });
  const log = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, file);
  const at =
    (level: LogLevel) =>
    (message: string, context?: LogContext): void => {
      try {
        log[level](context ? redactContext(context) : {}, redactText(message));
      } catch (error) {
        // A log that cannot be written (a full disk) must not break what was being logged.
        process.stderr.write(`offprint: could not write the log: ${String(error)}\n`);
      }
    };
  return { path: file.path, info: at('info'), warn: at('warn'), error: at('error'), close: () => file.close() };
}
