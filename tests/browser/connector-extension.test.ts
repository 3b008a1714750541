// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the extension API types are a global declaration file, not a module
/// <reference path="../../extension/src/chrome.d.ts" />
/**
 * The acceptance walk of the browser connector: the built extension loaded into Chromium
 * (new headless mode), a fixture site with a login, the real core behind the real endpoint,
 * and the real reader. Native context menus cannot be clicked from a test, so menu clicks
 * and the retry alarm call the extension's own handlers on its service worker
 * (`globalThis.offprint`, the same functions the menu and the alarm listeners call).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resolveAssetPath } from '../../electron/core/library/asset-path';
import { startConnector, type Connector } from '../../electron/core/connector/start-connector';
import { OffprintCore } from '../../electron/core/offprint-core';
import { buildExtension } from '../../scripts/build-extension';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import {
  MEMBERS_SENTENCE,
  MEMBERS_TITLE,
  NOTES_SENTENCE,
  SELECTED_PASSAGE,
  TEASER_SENTENCE,
  startMembersSite,
  type MembersSite,
} from '../support/members-site';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { APP_URL, type AppHarness } from './support/launch-app';
import { HOSTILE_PROBE_PAGE, runHostileProbes, type ProbeResults } from './support/hostile-probes';

let extensionRoot: string;
const chromiumFlags = (extensionDir: string) => [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
];

let kit: BrowserKit;
let app: AppHarness;
let site: MembersSite;
let hostile: FixtureServer;
let connector: Connector;
let userDataDir: string;
let context: BrowserContext;
let worker: Worker;
let tab: Page;

beforeAll(async () => {
  extensionRoot = await mkdtemp(join(tmpdir(), 'offprint-extension-'));
  await buildExtension(['chromium'], extensionRoot);
  [kit, site, hostile] = await Promise.all([
    startBrowserKit(),
    startMembersSite(),
    startFixtureServer({
      '/probe': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(HOSTILE_PROBE_PAGE),
    }),
  ]);
  app = await kit.openApp();
  connector = await startConnector(app.core, { port: 0 });
  userDataDir = await mkdtemp(join(tmpdir(), 'offprint-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    // The new headless mode is the one that runs extensions; Playwright's own headless flag would pick the old one.
    headless: false,
    args: chromiumFlags(join(extensionRoot, 'chromium')),
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  tab = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await connector?.close();
  await Promise.all([kit?.dispose(), site?.close(), hostile?.close()]);
  for (const dir of [userDataDir, extensionRoot]) if (dir) await rm(dir, { recursive: true, force: true });
});

const extensionId = () => new URL(worker.url()).host;

/** What the extension last told the user (badge and message). */
async function lastFeedback(): Promise<{ badge: string; title: string; message: string }> {
  return worker.evaluate(async () => {
    const { lastMessage } = (await chrome.storage.local.get('lastMessage')) as {
      lastMessage: { title: string; message: string };
    };
    return { badge: await chrome.action.getBadgeText({}), title: lastMessage.title, message: lastMessage.message };
  });
}

/** Runs one of the extension's handlers on the tab showing `url`. */
function onTab<T>(url: string, handler: 'saveTab' | 'selection'): Promise<T> {
  return worker.evaluate(
    async ([pageUrl, which]) => {
      const [target] = await chrome.tabs.query({ url: pageUrl });
      const api = (globalThis as unknown as { offprint: OffprintHandlers }).offprint;
      if (which === 'saveTab') return api.saveTab(target) as Promise<T>;
      const selectionText = (
        await chrome.scripting.executeScript({ target: { tabId: target.id! }, func: () => String(getSelection()) })
      )[0].result;
      return api.onMenuClick({ menuItemId: api.MENU.selection, selectionText, pageUrl }, target) as Promise<T>;
    },
    [url, handler] as const,
  );
}

interface OffprintHandlers {
  saveTab(tab: unknown): Promise<unknown>;
  onMenuClick(info: unknown, tab: unknown): Promise<unknown>;
  deliverPending(): Promise<number>;
  MENU: { selection: string; link: string };
}

test('the extension saves what the user sees, highlights a selection, keeps items while the app is away, and pages cannot reach the endpoint', async () => {
  let before: ProbeResults;
  await step('a page on another origin learns nothing and changes nothing (before pairing)', async () => {
    before = await runHostileProbes(tab, hostile.url('/probe'), connector.port);
    for (const [probe, seen] of Object.entries(before.observations)) {
      if (probe.startsWith('fetch no-cors')) expect(seen, probe).toBe('read opaque 0 ');
      else if (probe.startsWith('fetch')) expect(seen, probe).toBe('error TypeError');
      else if (probe.startsWith('img')) expect(seen, probe).toBe('error');
      else expect(seen, probe).toBe('unreadable');
    }
    // A refused preflight costs the same whatever it asks for: the library is never looked at.
    const medians = Object.values(before.preflightMs);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(15);
    expect(await app.core.listArticles({ view: 'all' })).toEqual([]);
  });

  await step('pair in the options page with the code the app shows', async () => {
    const { code } = connector.newPairingCode();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId()}/options.html`);
    await options.getByLabel('Pairing code').fill(code);
    await options.getByLabel('Port').fill(String(connector.port));
    await options.getByRole('button', { name: 'Pair' }).click();
    await options.getByText(`Paired with Offprint on port ${connector.port}.`).waitFor();
    await options.close();
  });

  let articleId = '';
  await step('log in and save the members-only article from the toolbar: full text and every picture', async () => {
    await tab.goto(site.loginUrl);
    await tab.getByRole('button', { name: 'Log in' }).click();
    await tab.getByText('Welcome back, member.').waitFor();
    await tab.goto(site.articleUrl);
    await app.page.goto(APP_URL);
    // The window is up (an empty library greets) before the save, so the list must refresh to show it.
    await app.page.getByRole('heading', { name: 'Welcome to Offprint' }).waitFor();
    const answer = await onTab<{ status: string; id: string }>(site.articleUrl, 'saveTab');
    expect(answer).toMatchObject({ status: 'saved' });
    articleId = answer.id;
    const article = await app.core.getArticle(articleId);
    expect(article.title).toBe(MEMBERS_TITLE);
    const text = await app.core.getArticleText(articleId);
    expect(text).toContain(MEMBERS_SENTENCE);
    expect(text).not.toContain(TEASER_SENTENCE);
    const images = [...article.content.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(images).toHaveLength(3);
    for (const src of images) expect((await stat(resolveAssetPath(app.libraryDir, src)!)).size).toBeGreaterThan(0);
    // The tab showed it (with the session), the app was refused it (no session), the extension supplied it.
    const logbook = site.requests.filter((r) => r.path === '/members/img/logbook.png');
    expect(logbook.map((r) => r.member)).toEqual([true, false, true]);
    expect(await lastFeedback()).toMatchObject({ badge: '✓', title: 'Saved to Offprint' });
    // The open window lists it without being reloaded.
    await app.page.getByText(MEMBERS_TITLE).first().waitFor();
  });

  await step('pasting the same address into the app gives only the teaser', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'offprint-library-'));
    const other = await OffprintCore.open({ libraryDir: otherDir });
    try {
      const { article } = await other.saveUrl(site.articleUrl);
      const text = await other.getArticleText(article.id);
      expect(text).toContain(TEASER_SENTENCE);
      expect(text).not.toContain(MEMBERS_SENTENCE);
    } finally {
      await other.close();
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  await step('“Highlight selection in Offprint” makes the selection a highlight shown in the reader', async () => {
    await tab.evaluate((passage) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(passage);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + passage.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('passage not on the page');
    }, SELECTED_PASSAGE);
    const answer = await onTab(site.articleUrl, 'selection');
    expect(answer).toMatchObject({ status: 'already-saved', id: articleId, highlighted: true });
    expect(await lastFeedback()).toMatchObject({ title: 'Already in Offprint' });
    await app.page.goto(`${APP_URL}#/read/${articleId}`);
    const mark = app.page.locator('.article-body mark[data-highlight-id]');
    await expect.poll(() => mark.allTextContents()).toEqual([SELECTED_PASSAGE]);
  });

  await step('“Save link to Offprint” has the app fetch the link, and a failure says why', async () => {
    const answer = await worker.evaluate(
      ([pageUrl, linkUrl]) => {
        const api = (globalThis as unknown as { offprint: OffprintHandlers }).offprint;
        return api.onMenuClick({ menuItemId: api.MENU.link, linkUrl, pageUrl }, undefined);
      },
      [site.articleUrl, `${site.origin}/stories/no-such-story`] as const,
    );
    expect(answer).toMatchObject({ status: 'failed', reason: expect.stringMatching(/404/) });
    expect(await lastFeedback()).toMatchObject({ badge: '!', title: 'Offprint could not save this' });
  });

  await step('a page on another origin still learns nothing (paired, with articles)', async () => {
    const after = await runHostileProbes(tab, hostile.url('/probe'), connector.port);
    expect(after.observations).toEqual(before.observations);
    expect((await app.core.listArticles({ view: 'all' })).map((a) => a.id)).toEqual([articleId]);
    expect((await app.core.getArticle(articleId)).highlights).toHaveLength(1);
  });

  await step(
    'with the app down the extension says so and keeps the page; it is delivered once the app is back',
    async () => {
      const port = connector.port;
      await connector.close();
      await tab.goto(site.notesUrl);
      expect(await onTab(site.notesUrl, 'saveTab')).toBe('kept');
      const told = await lastFeedback();
      expect(told).toMatchObject({ badge: '…', title: 'Offprint is not running' });
      expect(told.message).toMatch(/kept .*saved when Offprint is back/);
      expect(await app.core.listArticles({ view: 'all' })).toHaveLength(1);

      connector = await startConnector(app.core, { port });
      // What the retry alarm runs (every minute); called at once rather than waiting a minute.
      const delivered = await worker.evaluate(() =>
        (globalThis as unknown as { offprint: OffprintHandlers }).offprint.deliverPending(),
      );
      expect(delivered).toBe(1);
      const saved = (await app.core.listArticles({ view: 'all' })).find((a) => a.url.includes('harbour-notes'));
      expect(await app.core.getArticleText(saved!.id)).toContain(NOTES_SENTENCE);
      expect(await lastFeedback()).toMatchObject({ badge: '✓', title: 'Saved to Offprint' });
    },
  );
});
