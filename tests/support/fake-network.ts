/**
 * A stand-in for DNS and the network, so capture tests can play "a page on the public web"
 * without sending a packet anywhere but 127.0.0.1: names resolve from a table (never through
 * real DNS), and every socket goes to the local fixture server, whatever address was vetted.
 * Each connection is recorded, so a test can assert that a refused address was never connected to.
 */
import net from 'node:net';
import type { ConnectTarget, Network, ResolvedAddress } from '../../electron/core/capture/network-access';

export interface FakeNetwork extends Network {
  /** Every connection opened, in order. */
  connections: ConnectTarget[];
  /** Every name looked up, in order. */
  lookups: string[];
}

/**
 * `names`: host name → the addresses it resolves to (a function for answers that change).
 * Every connection is made to 127.0.0.1:`fixturePort`.
 */
export function fakeNetwork(
  names: Record<string, string[] | (() => string[])>,
  fixturePort: () => number,
): FakeNetwork {
  const connections: ConnectTarget[] = [];
  const lookups: string[] = [];
  return {
    connections,
    lookups,
    async resolve(hostname): Promise<ResolvedAddress[]> {
      lookups.push(hostname);
      const entry = names[hostname];
      const addresses = typeof entry === 'function' ? entry() : (entry ?? []);
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    connect(target) {
      connections.push(target);
      return net.connect({ host: '127.0.0.1', port: fixturePort() });
    },
  };
}
