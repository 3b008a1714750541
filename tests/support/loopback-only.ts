/**
 * Imported by tests that play with private addresses: any socket to an address other than
 * 127.0.0.1 or ::1 (or a name, which would need DNS) throws before a packet leaves, so even a
 * regression in the code under test cannot reach the LAN, link-local addresses or the web.
 */
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1']);
const originalConnect = net.Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.path ? '::1' : (options.host ?? 'localhost');
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return '::1'; // an IPC path
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host === undefined || !LOOPBACK.has(host.replace(/^\[|\]$/g, ''))) {
    throw new Error(`test network guard: refused to connect to ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
