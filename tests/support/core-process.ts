/**
 * The core process from source, as tests and scripts run it: child_process.fork of the host
 * entry under tsx (the app runs the built entry as an Electron utilityProcess).
 */
import { join, resolve } from 'node:path';
import { CoreClient, type CoreClientOptions } from '../../electron/core/process/core-client';
import { forkCoreProcess } from '../../electron/core/process/fork-core-process';
import type { CoreProcess } from '../../electron/core/process/core-client';
import type { Logger } from '../../electron/core/logger';

const ROOT = resolve(import.meta.dirname, '../..');
export const CORE_HOST_SOURCE = join(ROOT, 'electron/core/process/core-host-entry.ts');

export function forkCoreFromSource(logger?: Logger): CoreProcess {
  return forkCoreProcess(CORE_HOST_SOURCE, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
    logger,
  });
}

/** A logger that keeps its lines, for tests that check what the child logged. */
export function recordingLogger(): Logger & { lines: { level: string; message: string; context?: unknown }[] } {
  const lines: { level: string; message: string; context?: unknown }[] = [];
  const at = (level: string) => (message: string, context?: unknown) => void lines.push({ level, message, context });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** The library opened in a forked core process. */
export function startForkedCore(options: Omit<CoreClientOptions, 'spawn'>): Promise<CoreClient> {
  return CoreClient.start({ spawn: () => forkCoreFromSource(options.logger), ...options });
}
