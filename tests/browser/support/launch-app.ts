/**
 * Runs the real renderer in real Chromium against a real OffprintCore on a temp library:
 * the built renderer is served on a fake app origin, `offprint-asset:` URLs are answered
 * from the library folder, and every other request is aborted and counted.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { dispatch } from '@shared/ipc/dispatch';
import { suggestedExportName } from '@shared/transfer/article-export';
import { OffprintCore } from '../../../electron/core/offprint-core';
import type { PageSource } from '../../../electron/core/saving/page-source';
import { noCapture } from '../../../electron/core/import/capture-handoff';
import { ASSET_SCHEME, resolveAssetPath } from '../../../electron/core/library/asset-path';
import { exportArticlesTo } from '../../../electron/core/export/export-articles';
import { exportHighlights } from '../../../electron/core/export/export-highlights';
import { combineApi } from '../../../electron/main/combine-api';
import { contentTypeFor } from '../../../electron/main/policy/content-type';
import { DropTokens } from '../../../electron/main/policy/drop-tokens';
import { withLocalPageCheck } from '../../../electron/main/policy/local-page-path';
import { createShellApi } from '../../../electron/main/shell-api';

export const APP_ORIGIN = 'http://offprint.test';
export const APP_URL = `${APP_ORIGIN}/index.html`;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The app's real origin (offprint://app) is a secure context; the stand-in origin must be too (clipboard).
  '--unsafely-treat-insecure-origin-as-secure=http://offprint.test',
];

export interface AppHarness {
  page: Page;
  core: OffprintCore;
  libraryDir: string;
  /** Requests to anywhere but the app origin and offprint-asset:, all aborted. */
  blockedRequests: string[];
  /** URLs the app asked the shell to open in the system browser. */
  openedExternally: string[];
  /** Content-Security-Policy violations and uncaught page errors. */
  problems: string[];
  /** The folder the bridge "chooses" when the app asks where to export highlights; null (the default) cancels. */
  exportFolder: { path: string | null };
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface LaunchOptions {
  browser: Browser;
  rendererDir: string;
  preloadScript: string;
  libraryDir: string;
  colorScheme?: 'light' | 'dark';
  /** Where the core's pages come from (the web and files, by default). */
  pageSource?: PageSource;
}

export async function launchApp(options: LaunchOptions): Promise<AppHarness> {
  const { browser, rendererDir, preloadScript, libraryDir } = options;
  // Imports record entries without content and queue nothing here: a test never reaches the web.
  const core = await OffprintCore.open({
    libraryDir,
    startCaptureQueue: true,
    importCaptures: noCapture,
    pageSource: options.pageSource,
  });
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const blockedRequests: string[] = [];
  const openedExternally: string[] = [];
  const problems: string[] = [];

  const exportFolder: { path: string | null } = { path: null };
  // The app's own (Electron-free) API assembly, with the system browser and the folder dialog stood in for.
  const drops = new DropTokens();
  const bridgeApi = withLocalPageCheck(
    combineApi(
      core,
      createShellApi(
        async (url) => void openedExternally.push(url),
        (scope) => exportHighlights(core, async () => exportFolder.path, scope),
        (request) =>
          exportArticlesTo(
            core,
            async () => (exportFolder.path ? join(exportFolder.path, suggestedExportName(request)) : null),
            request,
          ),
      ),
    ),
    drops,
  );
  await page.exposeBinding('__offprintDropToken', (_source, path: unknown) => drops.register(path));
  await page.exposeBinding('__offprintInvoke', (_source, method: unknown, args: unknown) =>
    dispatch(bridgeApi, method, args),
  );
  await page.addInitScript({ content: preloadScript });
  const stopProgress = core.onCaptureProgress((payload) => {
    page
      .evaluate(([event, p]) => window.__offprintEmit(event, p), ['captureProgress', payload] as const)
      .catch(() => {});
  });
  const stopQueue = core.onCaptureQueueChange((payload) => {
    page.evaluate(([event, p]) => window.__offprintEmit(event, p), ['captureQueue', payload] as const).catch(() => {});
  });

  const stopImportProgress = core.onImportProgress((payload) => {
    page
      .evaluate(([event, p]) => window.__offprintEmit(event, p), ['importProgress', payload] as const)
      .catch(() => {});
  });

  await page.route(
    () => true,
    (route) => serve(route, { rendererDir, libraryDir, blockedRequests }),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  return {
    page,
    core,
    libraryDir,
    blockedRequests,
    openedExternally,
    problems,
    exportFolder,
    async close() {
      stopProgress();
      stopImportProgress();
      stopQueue();
      await context.close();
      await core.close();
    },
  };
}

async function serve(
  route: Route,
  { rendererDir, libraryDir, blockedRequests }: { rendererDir: string; libraryDir: string; blockedRequests: string[] },
): Promise<void> {
  const url = route.request().url();
  if (url.startsWith(`${APP_ORIGIN}/`)) {
    const path = new URL(url).pathname;
    const file = normalize(join(rendererDir, decodeURIComponent(path === '/' ? '/index.html' : path)));
    if (!file.startsWith(rendererDir + sep)) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, body, contentType: contentTypeFor(file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  }
  if (url.startsWith(`${ASSET_SCHEME}:`)) {
    const file = resolveAssetPath(libraryDir, url);
    if (!file) return route.fulfill({ status: 404 });
    try {
      return await route.fulfill({ status: 200, body: await readFile(file), contentType: contentTypeFor(file) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  }
  blockedRequests.push(url);
  return route.abort('blockedbyclient');
}
