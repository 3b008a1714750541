/** What every browser test needs: Chromium, and the renderer and bridge preload built once per run (global-setup.ts). */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchApp, launchBrowser, type AppHarness } from './launch-app';

export interface BrowserKit {
  browser: Browser;
  /** A fresh app on a fresh, empty library folder (or on `libraryDir`, which is then left in place). */
  openApp(options?: { colorScheme?: 'light' | 'dark'; libraryDir?: string }): Promise<AppHarness>;
  dispose(): Promise<void>;
}

export async function startBrowserKit(): Promise<BrowserKit> {
  const rendererDir = inject('rendererDir');
  const preloadScript = inject('bridgePreload');
  const browser = await launchBrowser();
  const cleanups: (() => Promise<void>)[] = [];
  return {
    browser,
    async openApp(options = {}) {
      const given = options.libraryDir;
      const libraryDir = given ?? (await mkdtemp(join(tmpdir(), 'offprint-library-')));
      const app = await launchApp({ browser, rendererDir, preloadScript, ...options, libraryDir });
      cleanups.push(async () => {
        await app.close().catch(() => {});
        if (!given) await rm(libraryDir, { recursive: true, force: true });
      });
      return app;
    },
    async dispose() {
      for (const cleanup of cleanups.reverse()) await cleanup();
      await browser.close();
    },
  };
}

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** Waits for transitions and fades (a theme switch, a view change) to finish: what a reader settles on, not a frame of the change. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Runs one step of a walk, naming the step in any failure. */
export async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const err = error as Error;
    err.message = `Step "${name}" failed: ${err.message}`;
    throw err;
  }
}
