/**
 * A page from the web must not make capture reach this computer or the local network: not through
 * its pictures, its icon, its og:image, nor a redirect. Names are resolved by a fake DNS and every
 * socket goes to the 127.0.0.1 fixture server, so no packet leaves for a private address.
 */
import '../../support/loopback-only';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureUrl, closeExtractionPool } from '../../../electron/core/capture/capture-url';
import { addressKind, directConnector } from '../../../electron/core/capture/network-access';
import { captureFailure, captureOptionsUnder } from '../../support/capture-options';
import { fakeNetwork } from '../../support/fake-network';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { makePng } from '../../support/images';

const PUBLIC = '93.184.216.34';
const PARAGRAPH =
  '<p>The night ferry kept running through the storm, its crew trading shifts every two hours while the harbour lights went out one by one.</p>';
const article = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night ferry</title>${head}</head><body><article><h1>Night ferry</h1>${PARAGRAPH.repeat(6)}${body}</article></body></html>`;

let root: string;
let server: FixtureServer;
const options = captureOptionsUnder(() => join(root, 'assets'));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'offprint-private-addresses-'));
  server = await startFixtureServer();
  server.route('/pic.png', sendBody(makePng(30, 20, [1, 200, 3]), 'image/png'));
});
afterAll(async () => {
  await server.close();
  await closeExtractionPool();
  await rm(root, { recursive: true, force: true });
});

describe('addressKind', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['2606:4700::1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:7f00:1::', 'loopback'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['ff02::1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['not an address', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe('capture from a page on the public web', () => {
  it('stores public pictures but never connects for loopback, private or link-local ones', async () => {
    server.route(
      '/story',
      sendBody(
        article(
          `<meta property="og:image" content="http://192.168.1.1/cover.png">
           <link rel="icon" href="http://[fe80::1]/favicon.png">`,
          `<img src="http://cdn.test/pic.png" alt="Public">
           <img src="http://127.0.0.1:${server.port}/pic.png" alt="Loopback">
           <img src="http://[::1]:${server.port}/pic.png" alt="Loopback v6">
           <img src="http://[::ffff:7f00:1]:${server.port}/pic.png" alt="Mapped">
           <img src="http://169.254.169.254/latest/meta-data/pic.png" alt="Metadata">
           <img src="http://intranet.test/pic.png" alt="Name for a LAN address">
           <img src="http://split.test/pic.png" alt="Name with a public and a private address">
           <img src="http://[::]/pic.png" alt="Unspecified">`,
        ),
      ),
    );
    const network = fakeNetwork(
      {
        'news.test': [PUBLIC],
        'cdn.test': ['2606:4700::1'],
        'intranet.test': ['10.0.0.7'],
        'split.test': [PUBLIC, '127.0.0.1'],
      },
      () => server.port,
    );
    const skipped: unknown[] = [];
    const logger = { info: (_m: string, context?: object) => void skipped.push(context), warn() {}, error() {} };
    const captured = await captureUrl('http://news.test/story', options({ network, logger }));
    expect(captured.assets).toHaveLength(1);
    // Each refused picture is logged (at info: a page's broken image is routine), with its address.
    expect(skipped).toContainEqual(
      expect.objectContaining({ url: 'http://169.254.169.254/latest/meta-data/pic.png', error: expect.any(String) }),
    );
    expect(captured.leadImage).not.toBeNull();
    expect(captured.siteIcon).toBeNull();
    expect(network.connections.map((c) => [c.hostname, c.addresses[0].address])).toEqual([
      ['news.test', PUBLIC],
      ['cdn.test', '2606:4700::1'],
    ]);
    expect(server.requests.filter((r) => r === '/pic.png')).toHaveLength(1);
  });

  it('refuses a redirect to this computer before connecting', async () => {
    server.route('/moved', (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${server.port}/secret` }).end();
    });
    server.route('/secret', sendBody(article('', '')));
    const network = fakeNetwork({ 'news.test': [PUBLIC] }, () => server.port);
    const failure = await captureFailure(captureUrl('http://news.test/moved', options({ network })));
    expect(failure.code).toBe('blocked-address');
    expect(failure.message).toMatch(/this computer/);
    expect(network.connections).toHaveLength(1);
    expect(server.requests).not.toContain('/secret');
  });

  it('refuses a redirect to a name that resolves to the local network', async () => {
    server.route('/to-router', (_req, res) => {
      res.writeHead(301, { location: 'http://router.test/admin' }).end();
    });
    const network = fakeNetwork({ 'news.test': [PUBLIC], 'router.test': ['192.168.0.1'] }, () => server.port);
    const failure = await captureFailure(captureUrl('http://news.test/to-router', options({ network })));
    expect(failure.code).toBe('blocked-address');
    expect(network.connections).toHaveLength(1);
  });

  it('checks every answer and connects to the address it checked (DNS rebinding)', async () => {
    let answers = 0;
    server.route('/rebind', sendBody(article('', '<img src="http://flip.test/pic.png" alt="Same host">')));
    const network = fakeNetwork({ 'flip.test': () => (answers++ === 0 ? [PUBLIC] : ['127.0.0.1']) }, () => server.port);
    const captured = await captureUrl('http://flip.test/rebind', options({ network }));
    expect(captured.assets).toEqual([]);
    expect(network.lookups.filter((name) => name === 'flip.test').length).toBeGreaterThanOrEqual(2);
    expect(network.connections.map((c) => c.addresses[0].address)).toEqual([PUBLIC]);
  });
});

describe('capture from a page the user asked for on their own machine', () => {
  it('loads loopback pictures like the page, but not link-local or LAN ones', async () => {
    server.route(
      '/own',
      sendBody(
        article(
          '',
          `<img src="${server.url('/pic.png')}" alt="Same kind">
           <img src="http://169.254.169.254/pic.png" alt="Metadata">
           <img src="http://nas.test/pic.png" alt="LAN">`,
        ),
      ),
    );
    const network = fakeNetwork({ 'nas.test': ['192.168.1.20'] }, () => server.port);
    const captured = await captureUrl(server.url('/own'), options({ network }));
    expect(captured.assets).toHaveLength(1);
    expect(network.connections.length).toBeGreaterThanOrEqual(2);
    expect(new Set(network.connections.map((c) => c.addresses[0].address))).toEqual(new Set(['127.0.0.1']));
  });
});

describe('capture from a page the user asked for at [::1]', () => {
  it('fetches it over IPv6 loopback, with its loopback pictures', async (context) => {
    const png = makePng(30, 20, [9, 90, 200]);
    const v6 = createServer((req, res) => {
      if (req.url === '/pic.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else res.writeHead(200, { 'content-type': 'text/html' }).end(article('', '<img src="/pic.png" alt="v6">'));
    });
    const listening = await new Promise<boolean>((resolve) => {
      v6.once('error', () => resolve(false));
      v6.listen(0, '::1', () => resolve(true));
    });
    if (!listening) {
      console.log('skipped: this machine has no IPv6 loopback (::1)');
      return context.skip();
    }
    try {
      const { port } = v6.address() as AddressInfo;
      const captured = await captureUrl(`http://[::1]:${port}/story`, options());
      expect(captured.assets).toHaveLength(1);
    } finally {
      v6.closeAllConnections();
      await new Promise((resolve) => v6.close(resolve));
    }
  });
});

describe('directConnector', () => {
  it('connects to the vetted address, never resolving the name again', async () => {
    server.route('/pinned', sendBody('pinned'));
    const socket = directConnector({
      addresses: [{ address: '127.0.0.1', family: 4 }],
      port: server.port,
      hostname: 'no-such-host.invalid',
      tls: false,
    });
    const reply = await new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('connect', () =>
        socket.end('GET /pinned HTTP/1.1\r\nHost: no-such-host.invalid\r\nConnection: close\r\n\r\n'),
      );
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toMatch(/\r\npinned\r\n/);
  });
});
