/**
 * Pages that need JavaScript: the core renders them when the page as fetched holds no article,
 * here with Chromium through playwright-core standing in for the app's hidden window.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OffprintCore } from '../../electron/core/offprint-core';
import { renderingPageSource } from '../../electron/core/saving/rendering-page-source';
import { chromiumPageRenderer } from '../support/chromium-page-renderer';
import type { FixtureServer } from '../support/fixture-server';
import { SPA_PARAGRAPHS, SPA_TITLE, startScriptBuiltSite } from '../support/script-built-pages';
import { launchBrowser } from './support/launch-app';

let browser: Browser;
let site: FixtureServer;
let libraryDir: string;
let core: OffprintCore;
let renderer: ReturnType<typeof chromiumPageRenderer>;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startScriptBuiltSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'offprint-render-'));
  renderer = chromiumPageRenderer(browser);
  core = await OffprintCore.open({ libraryDir, pageSource: renderingPageSource(renderer) });
});
afterEach(async () => {
  await core.close();
  await rm(libraryDir, { recursive: true, force: true });
});

describe('the rendered-page fallback', () => {
  it.each([
    ['an app shell', '/shell'],
    ['a <noscript> "enable JavaScript" page', '/noscript'],
    ['a "Loading…" body filled in by a slow request (network idle is awaited)', '/loading'],
  ])('reads %s from the DOM its scripts build, pictures included', async (_name, path) => {
    const { article } = await core.saveUrl(site.url(path));
    expect(renderer.calls).toEqual([site.url(path)]);
    expect(article.title).toBe(SPA_TITLE);
    const text = await core.getArticleText(article.id);
    for (const paragraph of SPA_PARAGRAPHS) expect(text).toContain(paragraph);
    const stored = await core.getArticle(article.id);
    expect(stored.content).toMatch(/<img [^>]*src="offprint-asset:/);
  });

  it('leaves a page that holds its article as fetched alone', async () => {
    const { article } = await core.saveUrl(site.url('/static'));
    expect(renderer.calls).toEqual([]);
    expect(await core.getArticleText(article.id)).toContain(SPA_PARAGRAPHS[0]);
  });

  it('without a renderer, an app shell is read as fetched and refused (as before)', async () => {
    const plain = await OffprintCore.open({ libraryDir: await mkdtemp(join(tmpdir(), 'offprint-plain-')) });
    try {
      await expect(plain.saveUrl(site.url('/shell'))).rejects.toThrow(/no readable text/);
    } finally {
      await plain.close();
      await rm(plain.libraryDir, { recursive: true, force: true });
    }
  });

  it('stops waiting for a page that never goes quiet at the budget, with what it built', async () => {
    const started = Date.now();
    const rendered = await renderer.render(site.url('/restless'), { budgetMs: 2_500 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2_400);
    expect(took).toBeLessThan(6_000);
    expect(rendered.html).toContain(SPA_PARAGRAPHS[0]);
  });
});
