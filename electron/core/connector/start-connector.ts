/** Starts the connector for one library: its paired tokens, a pairing code on demand, the endpoint. */
import { startConnectorServer, type ConnectorCore, type ConnectorServerOptions } from './connector-server';
import { Pairing, type PairingCode } from './pairing';
import { TokenStore } from './token-store';

export interface Connector {
  readonly port: number;
  /** A short code for the extension's options page (valid ten minutes; the previous one stops working). */
  newPairingCode(): PairingCode;
  close(): Promise<void>;
}

export async function startConnector(
  core: ConnectorCore & { libraryDir: string },
  options: Omit<ConnectorServerOptions, 'core' | 'tokens' | 'pairing'> = {},
): Promise<Connector> {
  const pairing = new Pairing();
  const tokens = await TokenStore.open(core.libraryDir);
  const server = await startConnectorServer({ ...options, core, tokens, pairing });
  return { port: server.port, newPairingCode: () => pairing.newCode(), close: () => server.close() };
}
