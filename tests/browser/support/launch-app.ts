/**
 * Runs the real renderer in real Chromium against a real OffprintCore on a temp library:
 * the built renderer is served on a fake app origin, `offprint-asset:` URLs are answered
 * from the library folder, and every other request is aborted and counted.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { INVOKE_METHODS, type InvokeApi } from '@shared/ipc/contract';
import { dispatch } from '@shared/ipc/dispatch';
import { OffprintError } from '@shared/ipc/envelope';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { ASSET_SCHEME, resolveAssetPath } from '../../../electron/core/library/asset-path';
import { exportHighlights } from '../../../electron/core/transfer/export-highlights';

export const APP_ORIGIN = 'http://offprint.test';
export const APP_URL = `${APP_ORIGIN}/index.html`;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The app's real origin (offprint-app:) is a secure context; the stand-in origin must be too (clipboard).
  `--unsafely-treat-insecure-origin-as-secure=${'http://offprint.test'}`,
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};
const contentType = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

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
}

export async function launchApp(options: LaunchOptions): Promise<AppHarness> {
  const { browser, rendererDir, preloadScript, libraryDir } = options;
  const core = await OffprintCore.open({ libraryDir });
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
  const bridgeApi = bindApi(core, async (url) => {
    if (!/^(https?|mailto):/i.test(url)) throw new OffprintError('bad-url', `Offprint only opens web and mail links: ${url}`);
    openedExternally.push(url);
  });
  bridgeApi.exportHighlights = (scope) => exportHighlights(core, async () => exportFolder.path, scope);
  await page.exposeBinding('__offprintInvoke', (_source, method: unknown, args: unknown) => dispatch(bridgeApi, method, args));
  await page.addInitScript({ content: preloadScript });
  const stopProgress = core.onCaptureProgress((payload) => {
    page.evaluate(([event, p]) => window.__offprintEmit(event, p), ['captureProgress', payload] as const).catch(() => {});
  });

  await page.route(
    () => true,
    (route) => serve(route, { rendererDir, libraryDir, blockedRequests }),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
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
      await context.close();
      await core.close();
    },
  };
}

/** The core's methods bound to it (they use private fields), plus the shell's openExternal. */
function bindApi(core: OffprintCore, openExternal: (url: string) => Promise<void>): InvokeApi {
  const api: Record<string, unknown> = { openExternal };
  for (const method of INVOKE_METHODS) {
    if (method === 'openExternal' || method === 'exportHighlights') continue;
    const fn = (core as unknown as Record<string, unknown>)[method];
    // A contract method the core does not answer yet fails like any other call, with a message.
    api[method] =
      typeof fn === 'function'
        ? fn.bind(core)
        : async () => {
            throw new OffprintError('not-implemented', `The library cannot do "${method}" yet.`);
          };
  }
  return api as unknown as InvokeApi;
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
      return route.fulfill({ status: 200, body, contentType: contentType(file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  }
  if (url.startsWith(`${ASSET_SCHEME}:`)) {
    const file = resolveAssetPath(libraryDir, url);
    if (!file) return route.fulfill({ status: 404 });
    try {
      return await route.fulfill({ status: 200, body: await readFile(file), contentType: contentType(file) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  }
  blockedRequests.push(url);
  return route.abort('blockedbyclient');
}
