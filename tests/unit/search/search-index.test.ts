import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bm25Engine } from '../../../electron/core/search/bm25-engine';
import type { EngineIndex, SearchEngine } from '../../../electron/core/search/search-engine';
import { SearchIndex } from '../../../electron/core/search/search-index';
import { useTempLibrary } from '../../support/temp-library';
import { saveSample } from '../library/sample-article';

const library = useTempLibrary();

const titles = (hits: { article: { title: string } }[]) => hits.map((h) => h.article.title);

describe('SearchIndex', () => {
  it('finds articles in which every word occurs, in title, byline, site or body', async () => {
    await saveSample(library.store, {
      url: 'https://a.test/1',
      title: 'Bread at home',
      textContent: 'Flour, water and salt make sourdough.',
    });
    await saveSample(library.store, {
      url: 'https://a.test/2',
      title: 'Sourdough secrets',
      byline: 'Ana Flour',
      textContent: 'Starter care.',
    });
    await saveSample(library.store, {
      url: 'https://a.test/3',
      title: 'Rivers',
      siteName: 'Salt Gazette',
      textContent: 'Water everywhere.',
    });
    const search = new SearchIndex(library.store);

    expect(titles(await search.search('sourdough flour'))).toEqual(['Sourdough secrets', 'Bread at home']);
    expect(titles(await search.search('salt water'))).toEqual(expect.arrayContaining(['Bread at home', 'Rivers']));
    expect(await search.search('sourdough rivers')).toEqual([]);
    expect(await search.search('   ')).toEqual([]);
    expect(await search.search('')).toEqual([]);
  });

  it('ranks with the engine it is given, keeping its own filters', async () => {
    await saveSample(library.store, { url: 'https://a.test/1', title: 'Bread at home', textContent: 'sourdough' });
    const { article } = await saveSample(library.store, {
      url: 'https://a.test/2',
      title: 'Sourdough secrets',
      textContent: 'sourdough sourdough',
    });
    await library.store.updateArticle(article.id, () => ({ archived: true }));
    const asked: string[][][] = [];
    // BM25's matches, ranked the other way round: the order of the hits must follow it.
    const reversed = (index: EngineIndex): EngineIndex =>
      Object.assign(Object.create(index) as EngineIndex, {
        match: (query: Parameters<EngineIndex['match']>[0]) => {
          asked.push(query.groups);
          const matches = index.match(query);
          return { ...matches, titleWords: matches.titleWords.fill(0), scores: matches.scores.map((s) => -s) };
        },
      });
    const engine: SearchEngine = { create: () => reversed(bm25Engine.create()), read: () => null };
    const search = new SearchIndex(library.store, { engine });
    const plain = new SearchIndex(library.store);
    expect(titles(await plain.search('sourdough'))).toEqual(['Sourdough secrets', 'Bread at home']);
    expect(titles(await search.search('sourdough'))).toEqual(['Bread at home', 'Sourdough secrets']);
    expect(titles(await search.search('sourdough is:archived'))).toEqual(['Sourdough secrets']);
    expect(asked[0]).toEqual([['sourdough']]);
  });

  it('ignores case and diacritics on both sides', async () => {
    await saveSample(library.store, {
      url: 'https://a.test/1',
      title: 'Café culture',
      textContent: 'A NAÏVE take on crème brûlée in São Paulo.',
    });
    const search = new SearchIndex(library.store);
    expect(titles(await search.search('CAFE'))).toEqual(['Café culture']);
    expect(titles(await search.search('naive creme brulee sao paulo'))).toEqual(['Café culture']);
    expect(titles(await search.search('Crème'))).toEqual(['Café culture']);
  });

  it('ranks title matches first, then by number of matches', async () => {
    await saveSample(library.store, {
      url: 'https://a.test/1',
      title: 'Notes',
      textContent: 'otter otter otter otter otter',
    });
    await saveSample(library.store, { url: 'https://a.test/2', title: 'The otter', textContent: 'About rivers.' });
    await saveSample(library.store, {
      url: 'https://a.test/3',
      title: 'More notes',
      textContent: 'one otter, another otter',
    });
    const search = new SearchIndex(library.store);
    expect(titles(await search.search('otter'))).toEqual(['The otter', 'Notes', 'More notes']);
  });

  it('gives a snippet around the first body match, in the original spelling', async () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(20);
    await saveSample(library.store, {
      url: 'https://a.test/1',
      title: 'Long',
      textContent: `${filler}The Zürich meeting ended late. ${filler}`,
    });
    const [hit] = await new SearchIndex(library.store).search('zurich');
    expect(hit.snippet).toContain('The Zürich meeting ended late.');
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.length).toBeLessThan(200);
  });

  it('reads a text once, and follows saves and deletes it is told about', async () => {
    const { article } = await saveSample(library.store, {
      url: 'https://a.test/1',
      title: 'Alpha',
      textContent: 'kestrel',
    });
    const search = new SearchIndex(library.store);
    expect(titles(await search.search('kestrel'))).toEqual(['Alpha']);
    await rm(`${library.dir}/articles/${article.id}/text.txt`); // proves the text is not read again
    expect(titles(await search.search('kestrel'))).toEqual(['Alpha']);

    const second = await saveSample(library.store, {
      url: 'https://a.test/2',
      title: 'Beta',
      textContent: 'kestrel nest',
    });
    await search.update([second.article.id]);
    expect(titles(await search.search('kestrel nest'))).toEqual(['Beta']);

    await library.store.deleteArticle(second.article.id);
    search.remove(second.article.id);
    expect(titles(await search.search('nest'))).toEqual([]);
  });

  it('still finds an article whose text file is gone by its title', async () => {
    const { article } = await saveSample(library.store, {
      url: 'https://a.test/1',
      title: 'Lonely heron',
      textContent: 'x',
    });
    await rm(`${library.dir}/articles/${article.id}/text.txt`);
    const [hit] = await new SearchIndex(library.store).search('heron');
    expect(hit.article.id).toBe(article.id);
  });
});
