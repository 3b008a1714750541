/** Checks that a library on disk and its index agree; returns what is wrong (empty when all is well). */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FirstPage } from '../../../electron/core/library/first-page';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { pageOf, selectArticles } from '../../../electron/core/library/list-articles';

export async function consistencyProblems(dir: string, store: LibraryStore): Promise<string[]> {
  const problems: string[] = [];
  const articles = store.articles();
  const ids = new Set(articles.map((a) => a.id));
  const folders = (await readdir(join(dir, 'articles')).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
  for (const folder of folders) if (!ids.has(folder)) problems.push(`folder ${folder} is not in the index`);
  for (const article of articles) {
    const folder = join(dir, 'articles', article.id);
    for (const file of ['content.html', 'text.txt', 'meta.json']) {
      if (!existsSync(join(folder, file))) problems.push(`${article.id} has no ${file}`);
    }
    const highlights = await store.highlightsOf(article.id);
    if (highlights.length !== article.highlightCount)
      problems.push(`${article.id} counts ${article.highlightCount} highlights, has ${highlights.length}`);
    const record = JSON.parse(await readFile(join(folder, 'meta.json'), 'utf8').catch(() => '{}'));
    if (record.article?.id !== article.id) problems.push(`${article.id}: meta.json names ${record.article?.id}`);
    else if (
      JSON.stringify(record.article.tags) !== JSON.stringify(article.tags) ||
      record.highlights.length !== highlights.length
    ) {
      problems.push(`${article.id}: meta.json disagrees with the index`);
    }
  }
  const index = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
  for (const h of index.highlights) if (!ids.has(h.articleId)) problems.push(`highlight ${h.id} dangles`);
  if (existsSync(join(dir, '.staging')) && (await readdir(join(dir, '.staging'))).length > 0)
    problems.push('.staging is not empty');
  return problems;
}

/** Where first-page.json differs from the first page of the library as opened: the rows, their order, the totals. */
export function firstPageProblems(file: FirstPage, store: LibraryStore): string[] {
  const problems: string[] = [];
  for (const entry of file.pages) {
    const page = pageOf(selectArticles(store.liveArticles(), entry.query), { offset: 0, limit: entry.items.length });
    const name = JSON.stringify(entry.query);
    if (page.total !== entry.total) problems.push(`${name}: total ${entry.total}, the library has ${page.total}`);
    const shown = entry.items.map((a) => `${a.id}:${a.archived}:${a.tags.join('|')}:${a.deletedAt ?? ''}`);
    const actual = page.items.map((a) => `${a.id}:${a.archived}:${a.tags.join('|')}:${a.deletedAt ?? ''}`);
    if (JSON.stringify(shown) !== JSON.stringify(actual)) problems.push(`${name}: the rows differ`);
  }
  if (JSON.stringify(file.settings) !== JSON.stringify(store.settings())) problems.push('the settings differ');
  return problems;
}
