/**
 * The search field: the full query syntax, counts, marked snippets and the syntax hint, against the real index.
 * Each query is checked twice: against the core (same order, same count) and against a count known from how
 * the library was built: five planted articles, served from 127.0.0.1, among 300 generated ones.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendBody, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { generateLibrary, type GeneratedLibrary } from './support/generated-library';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let library: GeneratedLibrary;
let site: FixtureServer;
let app: AppHarness;

/**
 * Made-up words no generated article holds (generated words are common words and syllable pairs of
 * each language): they find the planted articles and only them.
 */
const FJORD = 'quokkafjord';
const BRUME = 'vexilbrume';
const TAG = 'Zyphrantag';

const ENGLISH_FILLER =
  'The morning was quiet and the boats rested along the old pier while gulls circled above the water. ' +
  'Fishermen mended their nets, talked about the weather and counted the crates stacked by the sheds. ' +
  'Later in the day the wind turned, clouds gathered over the hills and everyone hurried home for supper.';
const GERMAN_FILLER =
  'Der Morgen war ruhig, und die Boote lagen am alten Steg, während Möwen über dem Wasser kreisten. ' +
  'Die Fischer flickten ihre Netze, sprachen über das Wetter und zählten die Kisten vor den Schuppen. ' +
  'Später drehte der Wind, Wolken zogen über die Hügel, und alle eilten zum Abendessen nach Hause.';

interface Planted {
  path: string;
  title: string;
  lang: 'en' | 'de';
  /** The sentence that carries the made-up words. */
  marker: string;
  tagged?: boolean;
  favourite?: boolean;
  archived?: boolean;
  read?: boolean;
  highlighted?: boolean;
}

const PLANTED: Planted[] = [
  {
    path: '/harbour',
    title: 'Harbour notes',
    lang: 'en',
    marker: `We met ${FJORD} and ${BRUME} at dawn.`,
    tagged: true,
    favourite: true,
  },
  {
    path: '/ledger',
    title: 'Winter ledger',
    lang: 'en',
    marker: `Nobody saw ${FJORD} crimson in the snow.`,
    archived: true,
  },
  {
    path: '/lantern',
    title: 'Lantern survey',
    lang: 'en',
    marker: `The crimson ${FJORD} glowed all night.`,
    tagged: true,
    read: true,
  },
  { path: '/hafen', title: 'Der Hafen', lang: 'de', marker: `Dort lag ${FJORD} im Nebel.`, highlighted: true },
  { path: '/diary', title: 'Field diary', lang: 'en', marker: `A ${BRUME} drifted over the marsh.` },
];

/** Each query with the number of articles it must find, read off PLANTED above. */
const KNOWN: [query: string, total: number][] = [
  [FJORD, 4], // harbour, ledger, lantern, hafen
  [`${FJORD} ${BRUME}`, 1], // harbour
  [`"crimson ${FJORD}"`, 1], // lantern (the ledger has the words the other way round)
  [`${FJORD} -${BRUME}`, 3], // ledger, lantern, hafen
  [`tag:${TAG}`, 2], // harbour, lantern
  ['site:127.0.0.1', 5], // every planted article, no generated one (they live on example.com)
  [`${FJORD} is:archived`, 1], // ledger
  [`${BRUME} is:archived`, 0], // neither brume article is archived
  [`${FJORD} is:unread`, 3], // all but the lantern
  [`${BRUME} is:favourite`, 1], // harbour
  [`${FJORD} has:highlights`, 1], // hafen
  [`${FJORD} lang:de`, 1], // hafen
  [FJORD.slice(0, 5), 4], // the unfinished last word: as FJORD
];

function page({ title, lang, marker }: Planted): string {
  const filler = lang === 'de' ? GERMAN_FILLER : ENGLISH_FILLER;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>
<article><h1>${title}</h1><p>${filler}</p><p>${marker} ${filler}</p><p>${filler}</p><p>${filler}</p></article>
</body></html>`;
}

async function plant(core: AppHarness['core']): Promise<void> {
  for (const planted of PLANTED) {
    const { article } = await core.saveUrl(site.url(planted.path));
    if (planted.tagged) await core.addTag(article.id, TAG);
    if (planted.favourite) await core.setFavourite(article.id, true);
    if (planted.archived) await core.setArchived(article.id, true);
    if (planted.read) await core.setProgress(article.id, 1);
    if (planted.highlighted) {
      const text = await core.getArticleText(article.id);
      const start = text.indexOf('Fischer');
      const exact = text.slice(start, start + 'Fischer flickten'.length);
      await core.addHighlight({
        articleId: article.id,
        quote: {
          type: 'TextQuoteSelector',
          exact,
          prefix: text.slice(start - 20, start),
          suffix: text.slice(start + exact.length, start + exact.length + 20),
        },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
        color: 'yellow',
        note: '',
      });
    }
  }
}

beforeAll(async () => {
  site = await startFixtureServer(Object.fromEntries(PLANTED.map((p) => [p.path, sendBody(page(p))])));
  [kit, library] = await Promise.all([startBrowserKit(), generateLibrary(300, 11)]);
  app = await kit.openApp({ libraryDir: library.dir });
  await plant(app.core);
});

afterAll(async () => {
  await kit?.dispose();
  await library?.dispose();
  await site?.close();
});

test('search answers the full query syntax with counts and marked snippets', async () => {
  const { page, core } = app;
  await page.goto(APP_URL);
  await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
  const field = page.getByRole('searchbox', { name: 'Search articles' });

  await step('the empty field explains the syntax', async () => {
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search articles');
    const hint = page.locator('.search-syntax.shown');
    await hint.waitFor();
    expect(await hint.innerText()).toMatch(
      /tag:name[\s\S]*site:example\.com[\s\S]*is:unread[\s\S]*has:highlights[\s\S]*lang:de/,
    );
  });

  for (const [q, known] of KNOWN) {
    await step(`query ${q}`, async () => {
      const expected = await core.searchPage(q, { limit: 5 });
      expect(expected.total, 'the core agrees with the count known from the planted articles').toBe(known);
      await field.fill(q);
      await page.getByRole('heading', { name: `Results for “${q}”` }).waitFor();
      if (known === 0) {
        await page.getByRole('heading', { name: 'No matches' }).waitFor();
        return;
      }
      await expect
        .poll(() => page.locator('.list-heading .count').innerText())
        .toBe(`${known} ${known === 1 ? 'result' : 'results'}`);
      const titles = expected.hits.map((h) => h.article.title);
      await expect
        .poll(async () =>
          (await page.locator('.article-list .article-row-title').allInnerTexts()).slice(0, titles.length),
        )
        .toEqual(titles);
    });
  }

  await step('matched words are marked in the snippet', async () => {
    await field.fill(FJORD);
    await page.getByRole('heading', { name: `Results for “${FJORD}”` }).waitFor();
    const marks = page.locator('.article-row-snippet mark');
    await marks.first().waitFor();
    const marked = await marks.allInnerTexts();
    expect(marked.some((m) => m.toLowerCase().includes(FJORD))).toBe(true);
    await screenshot(page, 'library-search');
  });

  await step('Escape leaves the search and shows the view again', async () => {
    await field.press('Escape');
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
  });
  expect(app.problems).toEqual([]);
});
