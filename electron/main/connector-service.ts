/**
 * The browser connector in the app: its endpoint on 127.0.0.1 runs in the core's process (which
 * logs and carries on without it when its port is taken); main shows the pairing code from the menu.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { DEFAULT_CONNECTOR_PORT } from '../core/connector/connector-port';
import type { PairingOffer } from '../core/process/core-protocol';

/** OFFPRINT_CONNECTOR_PORT picks another port (0: any free one), for tests and a second profile. */
export function connectorPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.OFFPRINT_CONNECTOR_PORT);
  return env.OFFPRINT_CONNECTOR_PORT && Number.isInteger(port) && port >= 0 && port < 65_536
    ? port
    : DEFAULT_CONNECTOR_PORT;
}

/** `offer` is null when the connector is not running (its port is used by another program or profile). */
export async function showPairingCode(
  offer: PairingOffer | null,
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: BrowserWindow | null,
): Promise<void> {
  const options = offer
    ? {
        type: 'info' as const,
        title: 'Pair Browser Extension',
        message: `Pairing code: ${offer.code}`,
        detail: `Type this code in the Offprint Connector's options within 10 minutes (port ${offer.port}).`,
      }
    : {
        type: 'warning' as const,
        title: 'Pair Browser Extension',
        message: 'The browser connector is not running.',
        detail: `Its port (${connectorPort()}) is used by another program or another Offprint.`,
      };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
