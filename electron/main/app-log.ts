import { join } from 'node:path';
import { stderrLogger, teeLogger, type Logger } from '../core/logger';
import { createFileLogger } from '../core/logging/file-logger';

/** The log folder inside the app-data folder (Electron's `userData`). */
export const logsDirIn = (userDataDir: string): string => join(userDataDir, 'logs');

/**
 * The app's logger: everything from info up to the rotating file in the app-data folder, and
 * warnings and errors to stderr as well, for whoever started the app from a terminal. A log file
 * that cannot be opened (a read-only profile) leaves stderr alone to carry the log.
 */
export function createAppLogger(userDataDir: string): Logger {
  const stderr = stderrLogger(undefined, 'warn');
  try {
    return teeLogger(createFileLogger({ dir: logsDirIn(userDataDir) }), stderr);
  } catch (error) {
    stderr.error('Could not open the log file; logging to stderr only', { dir: logsDirIn(userDataDir), error });
    return stderr;
  }
}
