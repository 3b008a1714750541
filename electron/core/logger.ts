/**
 * Where the core reports what it does not throw: a failed cleanup, a search index that could not
 * be written. The default writes one line to stderr; the app can plug in a file logger.
 */
export type LogContext = Record<string, unknown>;

export interface Logger {
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

export function stderrLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log =
    (level: string) =>
    (message: string, context?: LogContext): void => {
      const detail = context && Object.keys(context).length > 0 ? ` ${JSON.stringify(context)}` : '';
      write(`offprint ${level}: ${message}${detail}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** The reason an error gives, for a log line's context. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
