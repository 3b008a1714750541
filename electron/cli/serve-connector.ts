/** `offprint serve`: the browser connector's endpoint without the app, for headless use and tests. */
import { OffprintError } from '@shared/ipc/envelope';
import type { OffprintCore } from '../core/offprint-core';
import { startConnector } from '../core/connector/start-connector';
import { DEFAULT_CONNECTOR_PORT } from '../core/connector/connector-server';

export interface ServeIo {
  out(text: string): void;
  /** Resolves when the server should stop (Ctrl-C, SIGTERM). */
  untilStopped(): Promise<void>;
}

export async function serveConnector(core: OffprintCore, portOption: string | undefined, io: ServeIo): Promise<void> {
  const port = portOption === undefined ? DEFAULT_CONNECTOR_PORT : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new OffprintError('usage', `--port is a port number (0 to 65535, 0 for any free one), not "${portOption}".`);
  }
  const connector = await startConnector(core, { port });
  try {
    const { code } = connector.newPairingCode();
    io.out(`Offprint connector listening on http://127.0.0.1:${connector.port}`);
    io.out(`port\t${connector.port}`);
    io.out(`Pairing code: ${code} (enter it in the extension's options within 10 minutes)`);
    await io.untilStopped();
  } finally {
    await connector.close();
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
