/**
 * Which addresses a capture may connect to. A page from the web must not make Offprint reach
 * into the user's machine or network (routers, cloud metadata at 169.254.169.254, local
 * services): every host is resolved before connecting, every address it resolves to is checked,
 * and the connection goes to the address that was checked, so a second DNS answer cannot swap it.
 * A page the user asked for on their own network may load resources from that same kind of address.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import ipaddr from 'ipaddr.js';
import { OffprintError } from '@shared/ipc/envelope';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface ConnectTarget {
  /** The vetted addresses, the only ones the socket may go to (tried in turn, as Node does for a name). */
  addresses: ResolvedAddress[];
  port: number;
  /** The URL's host name, for the Host header's socket and TLS (SNI and the certificate check). */
  hostname: string;
  tls: boolean;
}

/** Opens the socket for one request. */
export type Connector = (target: ConnectTarget) => net.Socket;

/** How a capture reaches the network; tests give their own resolver and connector. */
export interface Network {
  resolve: Resolver;
  connect: Connector;
}

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** A `lookup` for node:net that answers with the vetted addresses only: the name is never resolved again. */
export function pinnedLookup(addresses: ResolvedAddress[]): net.LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  }) as net.LookupFunction;
}

export const directConnector: Connector = ({ addresses, port, hostname, tls: secure }) => {
  // The name with a pinned lookup, so Node still tries each address (IPv6 and IPv4) in turn.
  const options = { host: hostname, port, lookup: pinnedLookup(addresses), autoSelectFamily: true };
  return secure
    ? tls.connect({ ...options, servername: net.isIP(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'] })
    : net.connect(options);
};

export const SYSTEM_NETWORK: Network = { resolve: systemResolver, connect: directConnector };

function kindOfV4(address: ipaddr.IPv4): AddressKind {
  switch (address.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
      return 'loopback';
    case 'private':
    case 'carrierGradeNat':
      return 'private';
    case 'linkLocal':
      return 'link-local';
    default:
      return 'reserved';
  }
}

/** The kind of an IP address (v4 or v6, IPv4-mapped and NAT64/6to4 forms by the IPv4 address inside). */
export function addressKind(address: string): AddressKind {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'reserved';
  }
  if (parsed.kind() === 'ipv4') return kindOfV4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  switch (v6.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
      return 'loopback';
    case 'uniqueLocal':
      return 'private';
    case 'linkLocal':
      return 'link-local';
    case 'ipv4Mapped':
    case 'rfc6052':
      return kindOfV4(new ipaddr.IPv4(bytes.slice(12, 16)));
    case '6to4':
      return kindOfV4(new ipaddr.IPv4(bytes.slice(2, 6)));
    default:
      return 'reserved';
  }
}

const hostnameOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function refusal(url: URL, kind: AddressKind): OffprintError {
  const where =
    kind === 'loopback'
      ? 'this computer'
      : kind === 'reserved'
        ? 'a reserved address'
        : kind === 'link-local'
          ? 'a link-local address'
          : 'your local network';
  return new OffprintError('blocked-address', `Offprint does not let a web page reach ${where} (${url.host}).`);
}

/** Resolves and checks hosts for one capture; `allowed` is the set of address kinds it may reach. */
export class NetworkAccess {
  /** The requested page's answer, used for its first request so the name is not resolved twice. */
  #firstAnswer: { host: string; addresses: ResolvedAddress[] } | null;

  private constructor(
    private readonly network: Network,
    private readonly allowed: ReadonlySet<AddressKind>,
    firstAnswer: { host: string; addresses: ResolvedAddress[] } | null = null,
  ) {
    this.#firstAnswer = firstAnswer;
  }

  /** For a page the user asked for: besides the public web, the kind of address it lives at. */
  static async forRequestedPage(url: URL, network: Network = SYSTEM_NETWORK): Promise<NetworkAccess> {
    const addresses = await resolveHost(url, network);
    const kinds = new Set<AddressKind>(['public', ...addresses.map((a) => addressKind(a.address))]);
    kinds.delete('reserved');
    return new NetworkAccess(network, kinds, { host: hostnameOf(url), addresses });
  }

  /** For content that did not come from an address the user chose (a dropped file): the public web only. */
  static publicOnly(network: Network = SYSTEM_NETWORK): NetworkAccess {
    return new NetworkAccess(network, new Set(['public']));
  }

  /** The addresses to connect to for `url`, after checking every address its host resolves to. */
  async vet(url: URL): Promise<ResolvedAddress[]> {
    const first = this.#firstAnswer;
    this.#firstAnswer = null;
    const addresses = first?.host === hostnameOf(url) ? first.addresses : await resolveHost(url, this.network);
    for (const { address } of addresses) {
      const kind = addressKind(address);
      if (!this.allowed.has(kind)) throw refusal(url, kind);
    }
    return addresses;
  }

  connect(target: ConnectTarget): net.Socket {
    return this.network.connect(target);
  }
}

async function resolveHost(url: URL, network: Network): Promise<ResolvedAddress[]> {
  const host = hostnameOf(url);
  if (ipaddr.isValid(host)) {
    // Only canonical literals: the URL parser already turned 0x7f.1 and the like into dotted quads.
    return [{ address: host, family: host.includes(':') ? 6 : 4 }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await network.resolve(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) {
    throw new OffprintError(
      'unreachable',
      `The host name “${host}” could not be found. Check the address or your connection.`,
    );
  }
  return addresses;
}
