/**
 * The core's own process in the app: an Electron utilityProcess running the built core host
 * (out/main/core-host.js). Messages go over its MessagePort (`postMessage` here, `process.parentPort`
 * there), so a long index rebuild, a large import or a slow query never holds up main.
 */
import { utilityProcess } from 'electron';
import type { CoreProcess } from '../core/process/core-client';
import type { FromHost } from '../core/process/core-protocol';

export function utilityCoreProcess(modulePath: string): CoreProcess {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Offprint library', stdio: 'inherit' });
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', (message: unknown) => listener(message as FromHost)),
    onExit: (listener) => void child.on('exit', (code: number) => listener(code, null)),
    kill: () => void child.kill(),
  };
}
