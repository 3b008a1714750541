import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteIconCache } from '../../../electron/core/capture/site-icon-cache';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { startFixtureServer, sendBody, type FixtureServer } from '../../support/fixture-server';
import { makePng } from '../../support/images';

const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>A paragraph long enough for the reader to keep it as part of the article body, with more words after.</p>'.repeat(8)}</article></body></html>`;

let site: FixtureServer;
let dir: string;
let core: OffprintCore;

beforeEach(async () => {
  site = await startFixtureServer({
    '/one': sendBody(page('First piece')),
    '/two': sendBody(page('Second piece')),
    '/three': sendBody(page('Third piece')),
  });
  dir = await mkdtemp(join(tmpdir(), 'offprint-icons-'));
  core = await OffprintCore.open({ libraryDir: dir });
});
afterEach(async () => {
  await core.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

const iconRequests = () => site.requests.filter((r) => r.startsWith('/favicon.ico')).length;

describe('site icons', () => {
  it('are fetched once for several pages of one site, and each article still stores its own', async () => {
    site.route('/favicon.ico', sendBody(makePng(16, 16, [200, 40, 40]), 'image/png'));
    const first = await core.saveUrl(site.url('/one'));
    const second = await core.saveUrl(site.url('/two'));
    expect(iconRequests()).toBe(1);
    for (const { article } of [first, second]) {
      const assets = await readdir(join(dir, 'articles', article.id, 'assets'));
      expect(assets.filter((name) => name.endsWith('.png'))).toHaveLength(1);
    }
  });

  it('that are missing are asked for once, not once per page', async () => {
    await core.saveUrl(site.url('/one'));
    await core.saveUrl(site.url('/two'));
    await core.saveUrl(site.url('/three'));
    expect(iconRequests()).toBe(1);
  });
});

describe('SiteIconCache', () => {
  it('forgets an entry after its time, and the oldest past its size', () => {
    let now = 0;
    const cache = new SiteIconCache({ maxEntries: 2, ttlMs: 1000, now: () => now });
    cache.set('a', Buffer.from('a'));
    cache.set('b', null);
    expect(cache.get('b')).toBeNull();
    cache.set('c', Buffer.from('c'));
    expect(cache.get('a')).toBeUndefined();
    now = 1001;
    expect(cache.get('c')).toBeUndefined();
  });
});
