/**
 * The core process started with child_process.fork, in the shape of Electron's UtilityProcess:
 * for tests, scripts and the CLI, where there is no Electron. Messages are structured clones
 * ('advanced' serialization), as they are over a utilityProcess's port.
 */
import { fork } from 'node:child_process';
import type { Logger } from '../logger';
import type { CoreProcess } from './core-client';
import type { FromHost } from './core-protocol';

export interface ForkOptions {
  /** Node flags for the child, e.g. ['--import', 'tsx'] to run the entry from source. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export function forkCoreProcess(entry: string, options: ForkOptions = {}): CoreProcess {
  const child = fork(entry, [], {
    execArgv: options.execArgv ?? [],
    env: options.env ?? process.env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A message sent as the child dies fails here; the exit that follows is what the client acts on.
  child.on('error', (error) =>
    options.logger?.warn('The library process could not be reached', { error: error.message }),
  );
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => void child.send(message),
    onMessage: (listener) => void child.on('message', (message) => listener(message as FromHost)),
    onExit: (listener) => void child.on('exit', (code, signal) => listener(code, signal)),
    kill: () => void child.kill('SIGKILL'),
  };
}
