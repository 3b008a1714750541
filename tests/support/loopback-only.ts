/**
 * Imported by tests that play with private addresses: any socket to an address other than
 * 127.0.0.1 or ::1 throws before a packet leaves, and so does a host name unless the caller gave
 * its own `lookup` (never the system's DNS), whose answers must then be loopback too. So even a
 * regression in the code under test cannot reach the LAN, link-local addresses or the web.
 */
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1']);
const originalConnect = net.Socket.prototype.connect;

type LookupCallback = (error: Error | null, address?: unknown, family?: number) => void;
type Lookup = (hostname: string, options: object, callback: LookupCallback) => void;

function refuse(what: string): Error {
  return new Error(`test network guard: refused to connect to ${what}`);
}

/** Wraps a caller's lookup so that its answers are checked before the socket uses them. */
function guardedLookup(lookup: Lookup): Lookup {
  return (hostname, options, callback) =>
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error);
      const answers = Array.isArray(address) ? address.map((a: { address: string }) => a.address) : [address];
      const outside = answers.find((a) => typeof a !== 'string' || !LOOPBACK.has(a));
      return outside === undefined ? callback(null, address, family) : callback(refuse(String(outside)));
    });
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string; lookup?: Lookup };
    if (!options.path) {
      const host = (options.host ?? 'localhost').replace(/^\[|\]$/g, '');
      if (net.isIP(host) ? !LOOPBACK.has(host) : typeof options.lookup !== 'function') throw refuse(host);
      if (options.lookup) options.lookup = guardedLookup(options.lookup);
    }
  } else if (typeof first === 'number' || (typeof first === 'string' && !Number.isNaN(Number(first)))) {
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    if (!LOOPBACK.has(host)) throw refuse(host);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
