/**
 * npm run screenshot:corpus -- [--corpus DIR] [--out DIR] [--shots N] [ID...]
 * Saves WCXB pages (default: a forum thread, a documentation page and a product page) from local
 * files into a temp library, opens each in the real reader (the browser tests' harness: the built
 * renderer in Chromium, the real core behind the test bridge) and screenshots it, N viewports from
 * the top, as <out>/<id>-<type>-<n>.png, then the first code block, table and list further down
 * (<id>-<type>-code.png, …). Prints one JSON line per page with what the reader shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Network } from '../electron/core/capture/network-access';
import { fetchedPageSource, type PageSource } from '../electron/core/saving/page-source';
import { buildBridgePreload } from '../tests/browser/bridge/build-bridge-preload';
import { buildRenderer } from '../tests/browser/support/build-renderer';
import { APP_URL, launchApp, launchBrowser } from '../tests/browser/support/launch-app';

const FEATURES = [
  ['code', 'pre'],
  ['table', 'table'],
  ['list', 'ul,ol'],
] as const;
const DEFAULT_IDS = ['0535', '0667', '0591'];
const ROOT = resolve(import.meta.dirname, '..');

/** Corpus pages name their images on the web: none is fetched, and no name is even looked up. */
const OFFLINE: Network = {
  resolve: (hostname) => Promise.reject(new Error(`${hostname} not looked up: corpus screenshots stay offline`)),
  connect: () => {
    throw new Error('No connection: corpus screenshots stay offline');
  },
};
const offlinePages: PageSource = {
  capture: (location, options) => fetchedPageSource.capture(location, { ...options, network: OFFLINE }),
};

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const OPTIONS_WITH_VALUES = new Set(['--corpus', '--out', '--shots']);
const givenIds = process.argv
  .slice(2)
  .filter((arg, i, all) => !arg.startsWith('--') && !OPTIONS_WITH_VALUES.has(all[i - 1]));

const OUTLINE = {
  headings: 'h1,h2,h3,h4,h5,h6',
  paragraphs: 'p',
  codeBlocks: 'pre',
  lists: 'ul,ol',
  tables: 'table',
  separators: 'hr',
  quotes: 'blockquote',
  images: 'img',
  links: 'a',
};

/** What a reader would look for on the page, counted in the article body. */
async function bodyOutline(page: Page): Promise<Record<string, number>> {
  // No functions declared inside: tsx would wrap them in a helper the page does not have.
  const counts = await page
    .locator('.article-body')
    .evaluate(
      (body, selectors) =>
        Object.entries(selectors).map(([name, selector]) => [name, body.querySelectorAll(selector).length]),
      OUTLINE,
    );
  return Object.fromEntries(counts);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

async function main(): Promise<void> {
  const corpus = resolve(argument('corpus') ?? join(ROOT, '..', 'shared', 'corpora', 'wcxb-dev'));
  if (!existsSync(join(corpus, 'ground-truth'))) {
    console.error(`No WCXB corpus at ${corpus} (ground-truth/ and html/): nothing to screenshot.`);
    process.exit(2);
  }
  const out = resolve(argument('out') ?? join(tmpdir(), 'offprint-corpus-shots'));
  const shots = Math.max(1, Number(argument('shots') ?? 4));
  const ids = givenIds.length > 0 ? givenIds : DEFAULT_IDS;
  await mkdir(out, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'offprint-corpus-shots-'));
  const [rendererDir, preloadScript, browser] = await Promise.all([
    buildRenderer(),
    buildBridgePreload(),
    launchBrowser(),
  ]);
  const app = await launchApp({
    browser,
    rendererDir,
    preloadScript,
    libraryDir: join(work, 'library'),
    pageSource: offlinePages,
  });
  try {
    for (const id of ids) {
      const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth', `${id}.json`), 'utf8'));
      const type: string = truth._internal?.page_type?.primary ?? 'unknown';
      const file = join(work, `${id}.html`);
      await writeFile(file, gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`))));
      const { article } = await app.core.saveFile(file);
      const { page } = app;
      await page.goto(`${APP_URL}#/read/${article.id}`);
      await page.locator('.article-body').first().waitFor();
      await settle(page);
      const written: string[] = [];
      const main = page.locator('.reader-main');
      const { scrollHeight, clientHeight } = await main.evaluate((el) => ({
        scrollHeight: el.scrollHeight,
        clientHeight: el.clientHeight,
      }));
      for (let n = 0; n < shots && n * clientHeight < scrollHeight; n++) {
        await main.evaluate((el, top) => el.scrollTo({ top, behavior: 'instant' }), n * clientHeight);
        await settle(page);
        const path = join(out, `${id}-${type}-${n + 1}.png`);
        await page.screenshot({ path });
        written.push(path);
      }
      // Then the first code block, table and list below those, scrolled to the top: what a reader checks next.
      for (const [name, selector] of FEATURES) {
        const top = await main.evaluate((el, css) => {
          const found = [...el.querySelectorAll(css)].find((node) => node.closest('.article-body'));
          return found ? found.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 60 : null;
        }, selector);
        if (top === null || top < shots * clientHeight) continue;
        await main.evaluate((el, y) => el.scrollTo({ top: y, behavior: 'instant' }), top);
        await settle(page);
        const path = join(out, `${id}-${type}-${name}.png`);
        await page.screenshot({ path });
        written.push(path);
      }
      const viewports = Math.round((10 * scrollHeight) / clientHeight) / 10;
      const text = await app.core.getArticleText(article.id);
      console.log(
        JSON.stringify({
          id,
          type,
          url: truth.url,
          title: article.title,
          expectedTitle: truth.ground_truth?.title,
          byline: article.byline,
          extraction: article.extraction,
          textChars: text.length,
          expectedChars: (truth.ground_truth?.main_content ?? '').length,
          viewports,
          outline: await bodyOutline(page),
          shots: written,
        }),
      );
    }
    if (app.problems.length > 0) console.error(`Page problems: ${app.problems.join('; ')}`);
  } finally {
    await app.close();
    await browser.close();
    await rm(work, { recursive: true, force: true });
    await rm(rendererDir, { recursive: true, force: true });
  }
}

await main();
