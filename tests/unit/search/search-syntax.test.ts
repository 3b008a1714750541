import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bm25Engine } from '../../../electron/core/search/bm25-engine';
import { InvertedIndex } from '../../../electron/core/search/inverted-index';
import { parseQuery } from '../../../electron/core/search/parse-query';
import type { SearchEngine } from '../../../electron/core/search/search-engine';
import { SearchIndex } from '../../../electron/core/search/search-index';
import { tokenize } from '../../../electron/core/search/tokenize';
import { useTempLibrary } from '../../support/temp-library';
import { saveSample } from '../library/sample-article';

const library = useTempLibrary();

const titles = (page: { hits: { article: { title: string } }[] }) => page.hits.map((h) => h.article.title);

function sizeOnDisk(path: string): number | undefined {
  const index = InvertedIndex.open(path);
  index?.close();
  return index?.size;
}

async function sampleLibrary() {
  const a = await saveSample(library.store, {
    url: 'https://www.birds.example/kestrel',
    title: 'The kestrel hovers',
    siteName: 'Bird Notes',
    lang: 'en',
    textContent: 'A small falcon that hovers over open country. Kestrels hunt voles.',
  });
  const b = await saveSample(library.store, {
    url: 'https://news.example.org/falcons',
    title: 'Falcons of the city',
    lang: 'en',
    textContent: 'Peregrine falcons nest on towers; country kestrel numbers fall.',
  });
  const c = await saveSample(library.store, {
    url: 'https://zeitung.example.de/falke',
    title: 'Der Turmfalke',
    lang: 'de-AT',
    textContent: 'Der Turmfalke jagt über offenem Gelände. Grüße aus Österreich.',
  });
  const d = await saveSample(library.store, {
    url: 'https://tokyo.example.jp/bird',
    title: '東京の鳥',
    lang: 'ja',
    textContent: '東京大学の研究によると、チョウゲンボウは都市でも繁殖する。',
  });
  await library.store.updateArticle(a.article.id, () => ({ tags: ['Birds'], archived: true, favourite: true }));
  await library.store.updateArticle(b.article.id, () => ({
    tags: ['birds', 'City'],
    readAt: '2024-01-01T00:00:00.000Z',
  }));
  await library.store.addHighlight({
    articleId: c.article.id,
    quote: { type: 'TextQuoteSelector', exact: 'Der Turmfalke', prefix: '', suffix: ' jagt' },
    position: { type: 'TextPositionSelector', start: 0, end: 13 },
    color: 'yellow',
    note: 'remember the windhover',
  });
  return { a: a.article, b: b.article, c: c.article, d: d.article };
}

describe('query parsing', () => {
  it('splits words, phrases, exclusions, filters and the word being typed', () => {
    expect(
      parseQuery(
        'Café "open country" -voles tag:"Bird Notes" site:Example.com is:unread -is:archived has:highlights lang:DE kes',
      ),
    ).toEqual({
      terms: ['cafe'],
      prefix: 'kes',
      phrases: [{ tokens: ['open', 'country'], text: 'open country' }],
      excluded: ['voles'],
      filters: [
        { key: 'tag', value: 'Bird Notes', negated: false },
        { key: 'site', value: 'example.com', negated: false },
        { key: 'is', value: 'unread', negated: false },
        { key: 'is', value: 'archived', negated: true },
        { key: 'has', value: 'highlights', negated: false },
        { key: 'lang', value: 'de', negated: false },
      ],
    });
    expect(parseQuery('kestrel ').prefix).toBeNull(); // a finished word is matched exactly
  });

  it('cuts CJK text into character pairs, and folds case and accents elsewhere', () => {
    expect(tokenize('東京大学')).toEqual(['東京', '京大', '大学']);
    expect(tokenize('Ünïcode ÉTÉ Straße')).toEqual(['unicode', 'ete', 'strasse']);
    expect(tokenize('iPhone用アプリ')).toEqual(['iphone', '用ア', 'アプ', 'プリ']);
  });
});

describe('search with the query syntax', () => {
  it('requires every word, excludes -words, and matches the last word as a prefix', async () => {
    await sampleLibrary();
    const search = new SearchIndex(library.store);
    expect(titles(await search.searchPage('country kestrel '))).toEqual(['The kestrel hovers', 'Falcons of the city']);
    expect(titles(await search.searchPage('country -voles'))).toEqual(['Falcons of the city']);
    expect(titles(await search.searchPage('falc'))).toEqual(['Falcons of the city', 'The kestrel hovers']);
    expect(titles(await search.searchPage('falc '))).toEqual([]);
  });

  it('matches "phrases" only with the words side by side, in order', async () => {
    await sampleLibrary();
    const search = new SearchIndex(library.store);
    expect(titles(await search.searchPage('"open country"'))).toEqual(['The kestrel hovers']);
    expect(titles(await search.searchPage('"country open"'))).toEqual([]);
    expect(titles(await search.searchPage('"offenem gelande"'))).toEqual(['Der Turmfalke']);
    // In a highlight's note only, and across the end of the text into the first highlight.
    expect(titles(await search.searchPage('"the windhover"'))).toEqual(['Der Turmfalke']);
    expect(titles(await search.searchPage('"windhover the"'))).toEqual([]);
    expect(titles(await search.searchPage('"osterreich der turmfalke"'))).toEqual(['Der Turmfalke']);
  });

  it('filters by tag, site, state, highlights and language', async () => {
    await sampleLibrary();
    const search = new SearchIndex(library.store);
    expect(titles(await search.searchPage('tag:BIRDS'))).toEqual(['Falcons of the city', 'The kestrel hovers']);
    expect(titles(await search.searchPage('site:birds.example'))).toEqual(['The kestrel hovers']);
    expect(titles(await search.searchPage('site:example.org falcons'))).toEqual(['Falcons of the city']);
    expect(titles(await search.searchPage('is:archived'))).toEqual(['The kestrel hovers']);
    expect(titles(await search.searchPage('is:favourite kestrel'))).toEqual(['The kestrel hovers']);
    expect(titles(await search.searchPage('is:unread lang:en'))).toEqual(['The kestrel hovers']);
    expect(titles(await search.searchPage('-is:archived tag:birds'))).toEqual(['Falcons of the city']);
    expect(titles(await search.searchPage('has:highlights'))).toEqual(['Der Turmfalke']);
    expect(titles(await search.searchPage('lang:de'))).toEqual(['Der Turmfalke']);
  });

  it('has:notes finds articles with a highlight carrying a note, not those whose highlights have none', async () => {
    const { a, c } = await sampleLibrary();
    await library.store.addHighlight({
      articleId: a.id,
      quote: { type: 'TextQuoteSelector', exact: 'A small falcon', prefix: '', suffix: ' that' },
      position: { type: 'TextPositionSelector', start: 0, end: 14 },
      color: 'yellow',
      note: '  ',
    });
    const search = new SearchIndex(library.store);
    expect(titles(await search.searchPage('has:highlights')).sort()).toEqual(['Der Turmfalke', 'The kestrel hovers']);
    expect(titles(await search.searchPage('has:notes'))).toEqual(['Der Turmfalke']);
    expect(titles(await search.searchPage('has:note'))).toEqual(['Der Turmfalke']);
    expect(titles(await search.searchPage('-has:notes'))).not.toContain('Der Turmfalke');
    const [highlight] = await library.store.highlightsOf(c.id);
    await library.store.updateHighlight(highlight.id, { note: '' });
    expect(titles(await search.searchPage('has:notes'))).toEqual([]);
  });

  it('reports an unknown is: or has: value instead of matching everything', async () => {
    await sampleLibrary();
    const search = new SearchIndex(library.store);
    await expect(search.searchPage('is:arcived')).rejects.toMatchObject({
      code: 'bad-query',
      message: expect.stringMatching(/Unknown search filter is:arcived\. is: takes archived, unread/),
    });
    await expect(search.searchPage('kestrel has:comments')).rejects.toMatchObject({
      code: 'bad-query',
      message: expect.stringMatching(/has:comments.*highlights, notes/),
    });
    expect(() => parseQuery('-is:nope')).toThrow(/is:nope/);
    expect(parseQuery('is:starred is:trashed').filters.map((f) => f.value)).toEqual(['favourite', 'deleted']);
  });

  it('finds words of highlights and notes, CJK text, and marks the matches in the snippet', async () => {
    await sampleLibrary();
    const search = new SearchIndex(library.store);
    expect(titles(await search.searchPage('windhover'))).toEqual(['Der Turmfalke']);
    expect(titles(await search.searchPage('東京大学'))).toEqual(['東京の鳥']);
    expect(titles(await search.searchPage('チョウゲンボウ'))).toEqual(['東京の鳥']);
    const page = await search.searchPage('grusse osterreich');
    const [hit] = page.hits;
    expect(hit.snippet).toContain('Grüße aus Österreich');
    expect(hit.matches!.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['Grüße', 'Österreich']);
  });

  it('pages through results and leaves out the Trash unless asked for', async () => {
    const { a } = await sampleLibrary();
    const search = new SearchIndex(library.store);
    const all = await search.searchPage('falc', { limit: 1 });
    expect(all.total).toBe(2);
    expect(all.hits).toHaveLength(1);
    expect((await search.searchPage('falc', { offset: 1, limit: 1 })).hits[0].article.title).toBe('The kestrel hovers');
    await library.store.updateArticle(a.id, () => ({ deletedAt: new Date().toISOString() }));
    expect(titles(await search.searchPage('kestrel hovers'))).toEqual([]);
    expect(titles(await search.searchPage('kestrel hovers is:deleted'))).toEqual(['The kestrel hovers']);
  });
});

describe('search index on disk', () => {
  it('is written beside the library, loaded instead of rebuilt, and caught up with changes made meanwhile', async () => {
    const { a, b } = await sampleLibrary();
    const path = join(library.dir, 'search-index.bin');
    const first = new SearchIndex(library.store, { path });
    await first.ready();
    expect(existsSync(path)).toBe(true);

    // Changes while no index is watching: a new article, a removed one, a renamed one.
    await saveSample(library.store, {
      url: 'https://a.test/new',
      title: 'Merlin',
      textContent: 'A merlin on the moor.',
    });
    await library.store.purgeArticles([b.id]);
    await library.store.updateArticle(a.id, () => ({ archived: false }));
    const second = new SearchIndex(library.store, { path });
    expect(titles(await second.searchPage('merlin'))).toEqual(['Merlin']);
    expect(titles(await second.searchPage('peregrine'))).toEqual([]);
    expect(titles(await second.searchPage('kestrel'))).toEqual(['The kestrel hovers']);
  });

  it('sees on load an article text that an update from the web replaced while no index was watching', async () => {
    const { a } = await sampleLibrary();
    const path = join(library.dir, 'search-index.bin');
    await new SearchIndex(library.store, { path }).ready();

    const text = 'Updated: the kestrel now shares the moor with a gyrfalcon.';
    await library.store.replaceArticle(a.id, await library.store.beginStaging(), (article, highlights) => ({
      article: { ...article, wordCount: text.split(' ').length },
      highlights,
      content: `<p>${text}</p>`,
      textContent: text,
    }));
    const reopened = new SearchIndex(library.store, { path });
    expect(titles(await reopened.searchPage('gyrfalcon'))).toEqual(['The kestrel hovers']);
    expect(titles(await reopened.searchPage('voles'))).toEqual([]);
  });

  it('is built a part at a time when large, each part written to the file, with the answers of one built whole', async () => {
    await sampleLibrary();
    const words = ['merlin', 'hobby', 'harrier', 'osprey', 'buzzard', 'goshawk'];
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { article } = await saveSample(library.store, {
        url: `https://a.test/${i}`,
        title: `Raptor ${i} ${words[i % words.length]}`,
        textContent: `The ${words[(i * 7) % words.length]} over the moor number${i} ${words[(i + 1) % words.length]} hunts`,
      });
      ids.push(article.id);
    }
    const path = join(library.dir, 'search-index.bin');
    let adopted = 0;
    const counting: SearchEngine = {
      ...bm25Engine,
      create: () => {
        const index = bm25Engine.create();
        const adopt = index.adopt!.bind(index);
        return Object.assign(index, { adopt: (file: string) => ((adopted += 1), adopt(file)) });
      },
    };
    const inParts = new SearchIndex(library.store, { path, engine: counting, maxUnsavedPostings: 40 });
    const whole = new SearchIndex(library.store);
    const queries = [
      'merlin',
      'moor hunts',
      '"over the moor"',
      'number1',
      'falcon',
      'goshawk -harrier',
      'raptor is:unread',
    ];
    const answers = async (search: SearchIndex) =>
      Promise.all(
        queries.map(async (q) => {
          const page = await search.searchPage(q, { limit: 50 });
          return { q, total: page.total, titles: titles(page).sort() };
        }),
      );
    expect(await answers(inParts)).toEqual(await answers(whole));
    expect(adopted).toBeGreaterThan(2);
    expect(sizeOnDisk(path)).toBe(34);

    // Removed and changed, then written again: the file it reads from now answers as the index in memory.
    await library.store.purgeArticles(ids.slice(0, 10));
    await inParts.update(ids.slice(0, 10));
    await whole.update(ids.slice(0, 10));
    await inParts.persist({ force: true });
    expect(await answers(inParts)).toEqual(await answers(whole));
    expect((await answers(inParts))[0].total).toBeGreaterThan(0);
    expect(sizeOnDisk(path)).toBe(24);
  });

  it('rebuilds an index file that is damaged or from another format', async () => {
    await sampleLibrary();
    const path = join(library.dir, 'search-index.bin');
    await writeFile(path, 'not an index');
    const search = new SearchIndex(library.store, { path });
    expect(titles(await search.searchPage('turmfalke'))).toEqual(['Der Turmfalke']);
    expect(InvertedIndex.deserialize(await readFile(path))).not.toBeNull();
  });

  it('follows saves, edits of highlights and deletes incrementally', async () => {
    const { c } = await sampleLibrary();
    const search = new SearchIndex(library.store);
    await search.ready();
    const [highlight] = await library.store.highlightsOf(c.id);
    await library.store.updateHighlight(highlight.id, { note: 'hobby' });
    await search.update([c.id]);
    expect(titles(await search.searchPage('windhover'))).toEqual([]);
    expect(titles(await search.searchPage('hobby'))).toEqual(['Der Turmfalke']);
    search.remove(c.id);
    expect(titles(await search.searchPage('hobby'))).toEqual([]);
  });
});
