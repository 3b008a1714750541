/**
 * Restores an Offprint JSON backup, losslessly: an article the library does not hold comes back
 * with the same id (so links, offprint:// addresses and highlight ids keep working), every field,
 * its highlights, progress, its place in the Trash, and its body and images when the backup has
 * them. The plain text that search and highlight positions read is derived from the body exactly
 * as a capture derives it.
 *
 * Through the import (`importBackup`), an article the library already holds (the same id, the same
 * normalised URL, or for a document without one the same title) is merged as every import merges:
 * it gains the tags and highlights that are new to it and nothing else. Into an empty library that
 * is a restore of the whole backup. The one field the import changes is the article's `importId`,
 * the mark undo reads: it names this import, so that undoing it takes the restored articles back.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ImportedHighlight } from '@shared/import/import-model';
import { startSummary, type ImportProgress, type ImportSummary } from '@shared/import/import-summary';
import { OffprintError } from '@shared/ipc/envelope';
import { tagKey } from '@shared/library/tag-key';
import type { ArticleMeta, Highlight } from '@shared/model';
import { htmlToText } from '../capture/sanitize-article';
import { folderFiles } from '../export/export-files';
import type { ExportArticle } from '../export/export-model';
import { readOffprintJson, type OffprintJsonLibrary } from '../export/formats/offprint-json-read';
import type { CaptureRequest } from '../import/capture-handoff';
import type { ImportDeps, ImportOptions } from '../import/merge/import-into-library';
import { withImportRecord } from '../import/merge/import-records';
import { highlightKey, highlightState, placeHighlight } from '../import/merge/imported-highlights';
import { libraryMatches, rememberArticle, titleKey, webUrl } from '../import/merge/library-matches';
import { undoImport } from '../import/merge/undo-import';
import type { BatchArticle, LibraryStore } from '../library/library-store';
import { newId } from '../library/new-id';
import { errorText, type Logger } from '../logger';

export interface RestoreOutcome {
  articles: number;
  highlights: number;
  /** Articles restored without their body (the backup was made without content). */
  withoutContent: number;
}

/** Restores a backup file into an empty library, exactly: nothing is marked, nothing queued. */
export async function restoreOffprintJson(store: LibraryStore, path: string): Promise<RestoreOutcome> {
  if (store.liveArticles().length > 0) {
    throw new OffprintError(
      'usage',
      'A backup is restored into an empty library only. Choose an empty library folder (--library DIR).',
    );
  }
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OffprintError('import-unreadable', `Could not read ${file}: ${(error as Error).message}`);
  }
  const backup = readOffprintJson(text, folderFiles(dirname(file)));
  const outcome: RestoreOutcome = { articles: 0, highlights: 0, withoutContent: 0 };
  for (const entry of backup.articles) {
    const files = await backupFiles(backup, entry.article.id);
    await store.restoreArticle(entry, files);
    outcome.articles += 1;
    outcome.highlights += entry.highlights.length;
    if (!files) outcome.withoutContent += 1;
  }
  return outcome;
}

interface RestoredFiles {
  content: string;
  text: string;
  images: ReadonlyMap<string, Uint8Array>;
}

async function backupFiles(backup: OffprintJsonLibrary, id: string): Promise<RestoredFiles | null> {
  const content = await backup.readContent(id);
  return content === null ? null : { content, text: htmlToText(content), images: await backup.readImages(id) };
}

/** Articles and highlights written per journal line, and the bodies and images held until they are. */
const BATCH_SIZE = 2_000;
const BATCH_BYTES = 32 * 1024 * 1024;
/** Articles between two progress reports. */
const PROGRESS_EVERY = 100;

/** An article already in the library that this import merges into: its working copy and highlights' keys. */
interface Target {
  article: ArticleMeta;
  text?: string | null;
  keys?: Map<string, Highlight>;
}

/**
 * Imports a backup into any library as one undoable change: restored where the library does not
 * hold the article, merged where it does. Should anything fail, what was written is taken back.
 */
export async function importBackup(
  deps: ImportDeps & { logger: Logger },
  backup: OffprintJsonLibrary,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { store } = deps;
  const importId = options.importId ?? newId();
  const capture = options.capture ?? true;
  const now = deps.now().toISOString();
  const { summary, count } = startSummary(importId, 'offprint-json', backup.articles.length);
  let done = 0;
  const report = (stage: ImportProgress['stage']) =>
    options.onProgress?.({ importId, stage, done, total: backup.articles.length });

  const matches = libraryMatches(store.liveArticles());
  const restored = new Set<string>();
  const targets = new Map<string, Target>();
  let created: BatchArticle[] = [];
  const createdIds = new Set<string>();
  let createdBytes = 0;
  const pendingHighlightIds = new Set<string>();
  let tagged = new Map<string, string[]>();
  let highlights: Highlight[] = [];
  let toCapture: CaptureRequest[] = [];
  let written = false;

  const flush = async () => {
    if (created.length > 0 || tagged.size > 0 || highlights.length > 0) {
      const updated: ArticleMeta[] = [];
      for (const [id, added] of tagged) {
        const current = store.peekArticle(id);
        if (!current) continue;
        const tags = [...current.tags, ...added.filter((tag) => !current.tags.some((t) => tagKey(t) === tagKey(tag)))];
        updated.push({ ...structuredClone(current), tags, updatedAt: now });
      }
      await store.commitBatch({
        created,
        updated,
        highlights,
        settings: (settings) =>
          withImportRecord(settings, {
            id: importId,
            at: now,
            format: 'offprint-json',
            // An article this import restored goes whole on undo: only the others need their tags recorded.
            addedTags: Object.fromEntries([...tagged].filter(([id]) => !restored.has(id))),
          }),
      });
      written = true;
    }
    if (capture && toCapture.length > 0) {
      await deps.captures.enqueueCapture(toCapture);
      summary.queued += toCapture.length;
    }
    created = [];
    createdIds.clear();
    createdBytes = 0;
    pendingHighlightIds.clear();
    tagged = new Map();
    highlights = [];
    toCapture = [];
    report('recording');
  };

  const findMatch = (article: ArticleMeta): Readonly<ArticleMeta> | undefined => {
    const same = store.peekArticle(article.id);
    if (same) return same;
    const url = article.url ? webUrl(article.url) : null;
    if (url) {
      const original = article.originalUrl ? webUrl(article.originalUrl) : null;
      return matches.byUrl.get(url) ?? (original ? matches.byUrl.get(original) : undefined);
    }
    return matches.byTitle.get(titleKey(article.title));
  };

  const merge = async (match: Readonly<ArticleMeta>, entry: ExportArticle) => {
    let target = targets.get(match.id);
    if (!target) targets.set(match.id, (target = { article: structuredClone(match) }));
    const newTags: string[] = [];
    for (const tag of entry.article.tags) {
      const key = tagKey(tag);
      if (target.article.tags.some((t) => tagKey(t) === key)) continue;
      if (!matches.spelling.has(key)) matches.spelling.set(key, tag);
      newTags.push(matches.spelling.get(key)!);
    }
    if (newTags.length > 0) {
      target.article.tags.push(...newTags);
      tagged.set(match.id, [...(tagged.get(match.id) ?? []), ...newTags]);
    }
    if (target.text === undefined) {
      target.text = target.article.awaitingCapture ? null : await store.readText(match.id).catch(() => null);
    }
    if (!target.keys) {
      target.keys = new Map();
      for (const h of await store.highlightsOf(match.id)) target.keys.set(highlightKey(h.quote.exact, h.note), h);
    }
    let added = 0;
    for (const h of entry.highlights) {
      const key = highlightKey(h.quote.exact, h.note);
      const existing = target.keys.get(key);
      if (existing) {
        count(highlightState(target.article, existing, target.text));
        continue;
      }
      const placed = placeHighlight(asImported(h), target.article, target.text, importId, now);
      target.keys.set(key, placed.highlight);
      highlights.push(placed.highlight);
      count(placed.state);
      added += 1;
    }
    summary.highlights.added += added;
    if (newTags.length > 0 || added > 0) summary.merged += 1;
    else summary.unchanged += 1;
  };

  const restore = async (entry: ExportArticle) => {
    const article: ArticleMeta = { ...entry.article, importId };
    let files: RestoredFiles | null = null;
    try {
      files = await backupFiles(backup, article.id);
    } catch (error) {
      summary.warnings.push({
        item: article.title || article.id,
        reason: `Its saved copy could not be read (${errorText(error)}); it was restored without it.`,
      });
    }
    // Highlight ids are the backup's unless the library already uses one (a hand-edited backup).
    const kept = entry.highlights.map((h) =>
      store.hasHighlight(h.id) || pendingHighlightIds.has(h.id) ? { ...h, id: newId() } : h,
    );
    for (const h of kept) pendingHighlightIds.add(h.id);
    created.push({
      article,
      ...(files ? { content: { html: files.content, text: files.text, images: files.images } } : {}),
    });
    createdIds.add(article.id);
    highlights.push(...kept);
    createdBytes += files ? files.content.length + files.text.length : 0;
    for (const bytes of files?.images.values() ?? []) createdBytes += bytes.byteLength;
    restored.add(article.id);
    rememberArticle(matches, article, article.url ? webUrl(article.url) : null);
    const text = files?.text ?? null;
    for (const h of kept) count(highlightState(article, h, text));
    summary.highlights.added += kept.length;
    summary.added += 1;
    if (article.awaitingCapture) {
      summary.awaitingCapture += 1;
      if (article.url) toCapture.push({ articleId: article.id, url: article.url });
    }
  };

  report('reading');
  try {
    for (const entry of backup.articles) {
      done += 1;
      let match = findMatch(entry.article);
      // The same article twice in one backup: the first must be in the library before the second merges into it.
      if (match && createdIds.has(match.id)) {
        await flush();
        match = findMatch(entry.article);
      }
      if (match) await merge(match, entry);
      else await restore(entry);
      if (created.length + tagged.size + highlights.length >= BATCH_SIZE || createdBytes >= BATCH_BYTES) await flush();
      else if (done % PROGRESS_EVERY === 0) report('recording');
    }
    await flush();
  } catch (error) {
    // A batch that fails writes nothing; the batches before it are taken back.
    if (written) {
      await undoImport(store, importId, now).catch((undoError: unknown) =>
        deps.logger.error('Could not take back a failed backup import', {
          importId,
          error: errorText(undoError),
        }),
      );
    }
    throw error;
  }
  if (!written) summary.importId = '';
  report('done');
  return summary;
}

function asImported(h: Highlight): ImportedHighlight {
  return {
    exact: h.quote.exact,
    prefix: h.quote.prefix,
    suffix: h.quote.suffix,
    position: { start: h.position.start, end: h.position.end },
    note: h.note,
    color: h.color,
    createdAt: h.createdAt,
    labels: h.labels ?? [],
    source: { item: h.articleId },
  };
}
