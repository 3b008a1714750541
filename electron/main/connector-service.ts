/** The browser connector in the app: its endpoint on 127.0.0.1, and the pairing code shown from the menu. */
import type { BrowserWindow, Dialog } from 'electron';
import { DEFAULT_CONNECTOR_PORT } from '../core/connector/connector-server';
import { startConnector, type Connector } from '../core/connector/start-connector';
import type { OffprintCore } from '../core/offprint-core';

/** OFFPRINT_CONNECTOR_PORT picks another port (0: any free one), for tests and a second profile. */
export function connectorPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.OFFPRINT_CONNECTOR_PORT);
  return env.OFFPRINT_CONNECTOR_PORT && Number.isInteger(port) && port >= 0 && port < 65_536
    ? port
    : DEFAULT_CONNECTOR_PORT;
}

/** Null when the port is taken (another Offprint profile serves it): the app works on without it. */
export async function startAppConnector(core: OffprintCore): Promise<Connector | null> {
  try {
    return await startConnector(core, { port: connectorPort() });
  } catch (error) {
    console.warn(`Offprint: the browser connector is off: ${(error as Error).message}`);
    return null;
  }
}

export async function showPairingCode(
  connector: Connector | null,
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: BrowserWindow | null,
): Promise<void> {
  const options = connector
    ? {
        type: 'info' as const,
        title: 'Pair Browser Extension',
        message: `Pairing code: ${connector.newPairingCode().code}`,
        detail: `Type this code in the Offprint Connector's options within 10 minutes (port ${connector.port}).`,
      }
    : {
        type: 'warning' as const,
        title: 'Pair Browser Extension',
        message: 'The browser connector is not running.',
        detail: `Its port (${connectorPort()}) is used by another program or another Offprint.`,
      };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
