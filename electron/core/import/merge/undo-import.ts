/**
 * Takes an import back: the articles it created go (files and all), and from the articles that
 * were there before it, the highlights and tags it added. What the user changed since stays.
 */
import type { UndoImportResult } from '@shared/import/import-summary';
import { OffprintError } from '@shared/ipc/envelope';
import { tagKey } from '@shared/library/tag-key';
import type { ArticleMeta } from '@shared/model';
import type { LibraryStore } from '../../library/library-store';
import { importRecords, withoutImportRecord } from './import-records';

export async function undoImport(store: LibraryStore, importId: string, now: string): Promise<UndoImportResult> {
  const record = importRecords(store.settings()).find((r) => r.id === importId);
  const created: string[] = [];
  const dropHighlights: string[] = [];
  let createdHighlights = 0;
  for (const article of store.liveArticles()) {
    if (article.importId === importId) {
      created.push(article.id);
      createdHighlights += article.highlightCount;
      continue;
    }
    if (!store.highlightSummary(article.id)?.imports?.includes(importId)) continue;
    for (const h of await store.highlightsOf(article.id)) if (h.importId === importId) dropHighlights.push(h.id);
  }
  if (!record && created.length === 0 && dropHighlights.length === 0) {
    throw new OffprintError('not-found', 'That import has already been undone, or is no longer known.');
  }
  const updated: ArticleMeta[] = [];
  for (const [id, tags] of Object.entries(record?.addedTags ?? {})) {
    const article = store.peekArticle(id);
    if (!article || article.importId === importId) continue;
    const remove = new Set(tags.map(tagKey));
    const kept = article.tags.filter((t) => !remove.has(tagKey(t)));
    if (kept.length !== article.tags.length) updated.push({ ...structuredClone(article), tags: kept, updatedAt: now });
  }
  await store.commitBatch({
    updated,
    dropHighlights,
    settings: (settings) => withoutImportRecord(settings, importId),
  });
  const removedArticles = await store.purgeArticles(created);
  return { removedArticles, removedHighlights: dropHighlights.length + createdHighlights, untagged: updated.length };
}
