/**
 * The core process's entry (built as out/main/core-host.js). The app starts it as an Electron
 * utilityProcess, which talks over `process.parentPort`; tests and scripts start it with
 * child_process.fork, which talks over the IPC channel (`process.send`).
 */
import { serveCore, type HostChannel } from './core-host';
import type { ToHost } from './core-protocol';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentChannel(): { channel: HostChannel; onGone(listener: () => void): void } | null {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      channel: {
        send: (message) => port.postMessage(message),
        onMessage: (listener) => port.on('message', (event) => listener(event.data as ToHost)),
      },
      // Electron ends a utility process with the app.
      onGone: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) return null;
  return {
    channel: {
      send: (message) => {
        // Once the parent is gone, the host's log lines fall back to stderr.
        if (!process.connected) throw new Error('The app is gone.');
        send(message);
      },
      onMessage: (listener) => process.on('message', (message) => listener(message as ToHost)),
    },
    onGone: (listener) => process.once('disconnect', listener),
  };
}

const parent = parentChannel();
if (!parent) {
  process.stderr.write('offprint: the core process must be started by the app (utilityProcess or fork).\n');
  process.exit(2);
}
const host = serveCore(parent.channel, (code) => process.exit(code));
parent.onGone(() => void host.close());
