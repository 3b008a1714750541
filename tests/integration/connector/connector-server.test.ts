/**
 * The connector endpoint, for real: a real core on a temp library, the real server on
 * 127.0.0.1, and a fixture site with a login whose article is a teaser to strangers.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConnector, type Connector } from '../../../electron/core/connector/start-connector';
import { CONNECTOR_FILE } from '../../../electron/core/connector/token-store';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { tempLibraryDir } from '../../unit/library/sample-article';
import { EXTENSION_ORIGIN, connectorRequest, extensionCall } from '../../support/connector-client';
import {
  MEMBERS_IMAGE,
  MEMBERS_SENTENCE,
  SELECTED_PASSAGE,
  TEASER_SENTENCE,
  startMembersSite,
  type MembersSite,
} from '../../support/members-site';

let site: MembersSite;
let memberHtml: string;
let libraryDir: string;
let core: OffprintCore;
let connector: Connector;

async function pair(): Promise<string> {
  const { code } = connector.newPairingCode();
  const answer = await extensionCall(connector.port, 'POST', '/v1/pair', null, { code });
  expect(answer.status).toBe(200);
  return answer.json().token as string;
}

beforeAll(async () => {
  site = await startMembersSite();
  const res = await fetch(site.articleUrl, { headers: { cookie: 'offprint_fixture_session=member' } });
  // As the extension sends it: the lazy picture resolved to its real source.
  memberHtml = (await res.text()).replace(/src="data:[^"]*" data-src="([^"]+)"/, 'src="$1"');
});
afterAll(() => site.close());

beforeEach(async () => {
  libraryDir = await tempLibraryDir();
  core = await OffprintCore.open({ libraryDir });
  connector = await startConnector(core, { port: 0 });
});
afterEach(async () => {
  await connector.close();
  await core.close();
  await rm(libraryDir, { recursive: true, force: true });
});

describe('pairing', () => {
  it('trades the shown code, once, for a token kept (hashed) in the library', async () => {
    const { code } = connector.newPairingCode();
    expect(code).toMatch(/^[2-9A-Z]{6}$/);
    const wrong = await extensionCall(connector.port, 'POST', '/v1/pair', null, { code: 'AAAAAA' });
    expect(wrong.status).toBe(403);
    const right = await extensionCall(connector.port, 'POST', '/v1/pair', null, { code: code.toLowerCase() });
    expect(right.status).toBe(200);
    const token = right.json().token as string;
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect((await extensionCall(connector.port, 'POST', '/v1/pair', null, { code })).status).toBe(403);
    const stored = await readFile(join(libraryDir, CONNECTOR_FILE), 'utf8');
    expect(stored).not.toContain(token);
    expect(stored).toContain(EXTENSION_ORIGIN);
    expect((await extensionCall(connector.port, 'GET', '/v1/status', token)).json()).toEqual({ paired: true });
  });

  it('forgets a code after five wrong guesses', async () => {
    const { code } = connector.newPairingCode();
    for (let i = 0; i < 5; i++) await extensionCall(connector.port, 'POST', '/v1/pair', null, { code: 'ZZZZZZ' });
    const late = await extensionCall(connector.port, 'POST', '/v1/pair', null, { code });
    expect([403, 429]).toContain(late.status);
    expect(late.json().token).toBeUndefined();
  });

  it('keeps the pairing across restarts of the app', async () => {
    const token = await pair();
    await connector.close();
    connector = await startConnector(core, { port: 0 });
    expect((await extensionCall(connector.port, 'GET', '/v1/status', token)).status).toBe(200);
  });
});

describe('refusals', () => {
  let token: string;
  beforeEach(async () => {
    token = await pair();
  });

  const save = { url: 'https://example.com/a', title: 'A', html: '<p>hello</p>' };

  it('refuses without a valid token, and a token from another extension', async () => {
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const t of [null, 'x'.repeat(43), altered]) {
      const answer = await extensionCall(connector.port, 'POST', '/v1/save', t, save);
      expect(answer.status).toBe(401);
      expect(answer.json().status).toBe('unpaired');
    }
    const other = 'moz-extension://0b7b0d5e-3f1a-4c7a-9d55-2f1b9a3c8e11';
    expect((await extensionCall(connector.port, 'GET', '/v1/status', token, undefined, other)).status).toBe(401);
    expect(await core.listArticles({ view: 'all' })).toEqual([]);
  });

  it('refuses web-page origins, no origin and preflights alike, with no CORS header', async () => {
    const attempts: { method: string; headers: Record<string, string> }[] = [
      { method: 'POST', headers: { origin: 'http://127.0.0.1:9999', authorization: `Bearer ${token}` } },
      { method: 'POST', headers: { origin: 'null', authorization: `Bearer ${token}` } },
      { method: 'POST', headers: { authorization: `Bearer ${token}` } },
      { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } },
      { method: 'OPTIONS', headers: { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'POST' } },
    ];
    for (const attempt of attempts) {
      const answer = await connectorRequest(connector.port, {
        path: '/v1/save',
        method: attempt.method,
        headers: { ...attempt.headers, 'content-type': 'application/json' },
        body: attempt.method === 'POST' ? JSON.stringify(save) : undefined,
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toBe('{"status":"refused"}');
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
    }
  });

  it('refuses a Host that is not 127.0.0.1 or localhost on its own port (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${connector.port}`,
      '127.0.0.1:1',
      `localhost.evil:${connector.port}`,
    ]) {
      const answer = await connectorRequest(connector.port, {
        path: '/v1/status',
        headers: { host, origin: EXTENSION_ORIGIN, authorization: `Bearer ${token}` },
      });
      expect(answer.status, host).toBe(403);
    }
    const local = await connectorRequest(connector.port, {
      path: '/v1/status',
      headers: { host: `localhost:${connector.port}`, origin: EXTENSION_ORIGIN, authorization: `Bearer ${token}` },
    });
    expect(local.status).toBe(200);
  });

  it('refuses a form post even from the extension origin: only JSON is read', async () => {
    const answer = await connectorRequest(connector.port, {
      method: 'POST',
      path: '/v1/save',
      headers: {
        origin: EXTENSION_ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'url=https://example.com/&html=x',
    });
    expect(answer.status).toBe(415);
  });

  it('caps the body at 50 MB, by its declared length and as it streams', async () => {
    const declared = await connectorRequest(connector.port, {
      method: 'POST',
      path: '/v1/save',
      headers: {
        origin: EXTENSION_ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': 50 * 1024 * 1024 + 1,
      },
    }).catch((error: Error) => ({ status: -1, error }));
    expect(declared.status).toBe(413);
    const huge = JSON.stringify({ ...save, html: 'x'.repeat(50 * 1024 * 1024) });
    const streamed = await connectorRequest(connector.port, {
      method: 'POST',
      path: '/v1/save',
      headers: {
        origin: EXTENSION_ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: huge,
    });
    expect(streamed.status, streamed.body).toBe(413);
  });
});

describe('rate limit', () => {
  it('answers 429 once the burst is spent', async () => {
    await connector.close();
    connector = await startConnector(core, { port: 0, rateLimit: { burst: 3, perMinute: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await extensionCall(connector.port, 'GET', '/v1/hello', null)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('saving a rendered page', () => {
  it('asks for the pictures the site refused it, stores everything, and highlights the selection', async () => {
    const token = await pair();
    const selection = { type: 'TextQuoteSelector', exact: SELECTED_PASSAGE, prefix: 'at dawn, and ', suffix: '.' };
    const page = { url: site.articleUrl, title: 'From the tab', html: memberHtml, selection };
    const first = (await extensionCall(connector.port, 'POST', '/v1/save', token, page)).json();
    expect(first).toEqual({ status: 'needs-images', urls: [`${site.origin}/members/img/logbook.png`] });
    expect(await core.listArticles({ view: 'all' })).toEqual([]);

    const images = [{ url: `${site.origin}/members/img/logbook.png`, data: MEMBERS_IMAGE.toString('base64') }];
    const second = (await extensionCall(connector.port, 'POST', '/v1/save', token, { ...page, images })).json();
    expect(second).toMatchObject({ status: 'saved', highlighted: true });
    const article = await core.getArticle(second.id as string);
    const text = await core.getArticleText(article.id);
    expect(text).toContain(MEMBERS_SENTENCE);
    expect(text).not.toContain(TEASER_SENTENCE);
    expect(article.content.match(/<img /g), article.content).toHaveLength(3);
    expect(article.content).not.toMatch(/<img [^>]*src="(?!offprint-asset:)/);
    expect(article.highlights).toHaveLength(1);
    expect(article.highlights[0].quote.exact).toBe(SELECTED_PASSAGE);

    const again = (await extensionCall(connector.port, 'POST', '/v1/save', token, { ...page, images })).json();
    expect(again).toEqual({ status: 'already-saved', id: article.id, title: article.title, highlighted: true });
    expect((await core.getArticle(article.id)).highlights).toHaveLength(1);
  });

  it('gives the stranger’s teaser when the app fetches the same address itself', async () => {
    const { article } = await core.saveUrl(site.articleUrl);
    const text = await core.getArticleText(article.id);
    expect(text).toContain(TEASER_SENTENCE);
    expect(text).not.toContain(MEMBERS_SENTENCE);
  });

  it('saves a link by fetching it, and reports a failure with its reason', async () => {
    const token = await pair();
    const saved = (
      await extensionCall(connector.port, 'POST', '/v1/save-link', token, { url: site.articleUrl })
    ).json();
    expect(saved).toMatchObject({ status: 'saved', highlighted: false });
    const failed = (
      await extensionCall(connector.port, 'POST', '/v1/save-link', token, { url: `${site.origin}/gone` })
    ).json();
    expect(failed.status).toBe('failed');
    expect(failed.reason).toMatch(/404/);
    const malformed = await extensionCall(connector.port, 'POST', '/v1/save', token, { url: 'javascript:alert(1)' });
    expect(malformed.status).toBe(400);
  });
});
