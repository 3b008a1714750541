/**
 * Merges what an export holds into the library, without fetching anything. Entries already in the
 * library (by the normalised URL, or by title for a document without one) gain only the tags and
 * highlights that are new; other entries become articles: with the export's own content when it
 * has some, as a document holding its highlights when it has no URL, else as a placeholder that
 * waits for a capture. Articles are written in batches, each one journal line.
 */
import type { ImportedEntry, ImportedHighlight, ImportProblem, ImportResult } from '@shared/import/import-model';
import { startSummary, type ImportProgress, type ImportSummary } from '@shared/import/import-summary';
import { tagKey, tidyTag } from '@shared/library/tag-key';
import type { ArticleMeta, Highlight, TextDirection } from '@shared/model';
import { isFinished } from '@shared/reading/finished';
import type { BatchArticle, LibraryStore } from '../../library/library-store';
import { newId } from '../../library/new-id';
import type { CaptureHandoff, CaptureRequest } from '../capture-handoff';
import { contentFromExport, contentFromHighlights, type StoredContent } from './imported-content';
import { highlightKey, highlightState, placeHighlight, storedNote } from './imported-highlights';
import { withImportRecord, type ImportRecord } from './import-records';
import { libraryMatches, rememberArticle, titleKey, webUrl } from './library-matches';

export interface ImportDeps {
  store: LibraryStore;
  /** Where entries recorded without content go to be captured. */
  captures: CaptureHandoff;
  now: () => Date;
}

export interface ImportOptions {
  /** False: record entries (with the export's own content where it has some) and fetch nothing. */
  capture?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Names the import (for undo); a new one unless given. */
  importId?: string;
}

/** Entries recorded per journal line. */
const BATCH_SIZE = 2_000;
const MAX_TAG_LENGTH = 100;
const UNTITLED = 'Untitled document';

/** An article this import has seen: its working copy, its text (loaded when needed) and its highlights' keys. */
interface Known {
  article: ArticleMeta;
  created: boolean;
  text?: string | null;
  highlights?: Map<string, Highlight>;
}

const firstStrong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|([\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])/u;

/** A title that starts in a right-to-left script is laid out right to left until a capture says better. */
function titleDirection(title: string): TextDirection | null {
  const match = firstStrong.exec(title);
  if (!match) return null;
  return match[1] ? 'rtl' : 'ltr';
}

export async function importIntoLibrary(
  deps: ImportDeps,
  result: ImportResult,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { store } = deps;
  const importId = options.importId ?? newId();
  const capture = options.capture ?? true;
  const now = deps.now().toISOString();
  const { summary, count } = startSummary(importId, result.format, result.entries.length, result);

  const matches = libraryMatches(store.liveArticles());
  const { byUrl, byTitle, spelling } = matches;
  const known = new Map<string, Known>();
  const knownOf = (article: ArticleMeta): Known => {
    let entry = known.get(article.id);
    if (!entry) known.set(article.id, (entry = { article: structuredClone(article), created: false }));
    return entry;
  };

  let created: BatchArticle[] = [];
  const inBatch = new Set<string>();
  let highlights: Highlight[] = [];
  let toCapture: CaptureRequest[] = [];
  const addedTags = new Map<string, string[]>();
  const taggedNow = new Set<string>();
  let done = 0;
  let changed = false;
  const report = (stage: ImportProgress['stage']) =>
    options.onProgress?.({ importId, stage, done, total: result.entries.length });

  const cleanTags = (raw: readonly string[], source: ImportedEntry['source']): string[] => {
    const tags: string[] = [];
    for (const tag of raw) {
      const tidy = tidyTag(tag);
      if (!tidy) continue;
      if (tidy.length > MAX_TAG_LENGTH) {
        summary.warnings.push({ ...source, reason: `The tag “${tidy.slice(0, 40)}…” is too long and was left out.` });
        continue;
      }
      const key = tagKey(tidy);
      if (!spelling.has(key)) spelling.set(key, tidy);
      const spelled = spelling.get(key)!;
      if (!tags.some((t) => tagKey(t) === key)) tags.push(spelled);
    }
    return tags;
  };

  const flush = async () => {
    const updated: ArticleMeta[] = [];
    for (const id of taggedNow) {
      const current = store.peekArticle(id);
      if (!current) continue;
      const tags = [...current.tags];
      for (const tag of known.get(id)?.article.tags ?? [])
        if (!tags.some((t) => tagKey(t) === tagKey(tag))) tags.push(tag);
      updated.push({ ...structuredClone(current), tags, updatedAt: now });
    }
    if (created.length > 0 || updated.length > 0 || highlights.length > 0) {
      changed = true;
      const record: ImportRecord = { id: importId, at: now, format: result.format, addedTags: {} };
      for (const id of taggedNow) if (addedTags.has(id)) record.addedTags[id] = addedTags.get(id)!;
      await store.commitBatch({
        created,
        updated,
        highlights,
        settings: (settings) => withImportRecord(settings, record),
      });
    }
    if (capture && toCapture.length > 0) {
      await deps.captures.enqueueCapture(toCapture);
      summary.queued += toCapture.length;
    }
    created = [];
    inBatch.clear();
    highlights = [];
    toCapture = [];
    taggedNow.clear();
    report('recording');
  };

  const textOf = async (entry: Known): Promise<string | null> => {
    if (entry.text === undefined) {
      entry.text = entry.article.awaitingCapture ? null : await store.readText(entry.article.id).catch(() => null);
    }
    return entry.text;
  };

  const highlightsOf = async (entry: Known): Promise<Map<string, Highlight>> => {
    if (!entry.highlights) {
      const present = new Map<string, Highlight>();
      for (const h of await store.highlightsOf(entry.article.id)) present.set(highlightKey(h.quote.exact, h.note), h);
      entry.highlights ??= present;
    }
    return entry.highlights;
  };

  /** Adds the highlights not yet on the article; counts every one, new or already there, by its state. */
  const addHighlights = async (entry: Known, incoming: readonly ImportedHighlight[]): Promise<number> => {
    let added = 0;
    const present = await highlightsOf(entry);
    for (const imported of incoming) {
      const key = highlightKey(imported.exact, storedNote(imported));
      const existing = present.get(key);
      if (existing) {
        count(highlightState(entry.article, existing, await textOf(entry)));
        continue;
      }
      const placed = placeHighlight(imported, entry.article, await textOf(entry), importId, now);
      present.set(key, placed.highlight);
      highlights.push(placed.highlight);
      count(placed.state);
      added += 1;
    }
    summary.highlights.added += added;
    return added;
  };

  const entryHighlights = (entry: ImportedEntry): ImportedHighlight[] =>
    entry.note?.trim()
      ? [
          ...entry.highlights,
          { exact: '', note: entry.note.trim(), color: null, createdAt: null, labels: [], source: entry.source },
        ]
      : entry.highlights;

  report('reading');
  for (const entry of result.entries) {
    done += 1;
    const url = entry.url ? webUrl(entry.url) : null;
    const incoming = entryHighlights(entry);
    if (entry.url && !url && incoming.length === 0) {
      summary.skipped.push({ ...entry.source, reason: `“${entry.url}” is not a web address that can be saved.` });
      continue;
    }
    const title = entry.title?.trim() || (url ? (entry.url ?? url) : UNTITLED);
    const match = url ? byUrl.get(url) : byTitle.get(titleKey(title));
    if (match) {
      const target = knownOf(match);
      const tags = cleanTags(entry.tags, entry.source).filter(
        (tag) => !target.article.tags.some((t) => tagKey(t) === tagKey(tag)),
      );
      if (tags.length > 0) {
        target.article.tags.push(...tags);
        if (!target.created) addedTags.set(target.article.id, [...(addedTags.get(target.article.id) ?? []), ...tags]);
        // One created in this batch is written with its tags; any other is updated when the batch is.
        if (!inBatch.has(target.article.id)) taggedNow.add(target.article.id);
      }
      const added = await addHighlights(target, incoming);
      if (tags.length > 0 || added > 0) summary.merged += 1;
      else summary.unchanged += 1;
    } else {
      const content: StoredContent | null = entry.pdf
        ? null
        : entry.contentHtml
          ? contentFromExport(entry.contentHtml)
          : url
            ? null
            : contentFromHighlights(incoming);
      const awaiting = content === null && url !== null && !entry.pdf;
      const progress = entry.readingProgress ?? 0;
      const savedAt = entry.savedAt ?? now;
      const article: ArticleMeta = {
        id: newId(),
        url: url ?? '',
        originalUrl: entry.url ?? '',
        title,
        byline: entry.author,
        siteName: null,
        excerpt: entry.excerpt,
        lang: null,
        dir: titleDirection(title),
        publishedTime: entry.publishedAt,
        wordCount: content?.wordCount ?? 0,
        readingMinutes: content?.readingMinutes ?? 0,
        leadImage: null,
        extraction: 'readability',
        savedAt,
        updatedAt: now,
        archived: entry.archived,
        favourite: entry.favourite,
        tags: cleanTags(entry.tags, entry.source),
        progress,
        highlightCount: 0,
        ...(isFinished(progress) ? { readAt: savedAt } : {}),
        ...(awaiting ? { awaitingCapture: true } : {}),
        importId,
      };
      const target: Known = { article, created: true, text: content?.text ?? null, highlights: new Map() };
      known.set(article.id, target);
      rememberArticle(matches, article, url);
      inBatch.add(article.id);
      created.push({ article, ...(content ? { content: { html: content.html, text: content.text } } : {}) });
      await addHighlights(target, incoming);
      summary.added += 1;
      if (awaiting) {
        summary.awaitingCapture += 1;
        toCapture.push({ articleId: article.id, url: article.url });
      }
      if (entry.pdf && !entry.contentHtml) {
        // The reader says so already for most formats; make sure every PDF entry does.
        const said = summary.warnings.some((w) => sameSource(w, entry.source) && /pdf/i.test(w.reason));
        if (!said) summary.warnings.push({ ...entry.source, reason: 'This entry is a PDF, which cannot be read yet.' });
      }
    }
    if (created.length + highlights.length >= BATCH_SIZE) await flush();
  }
  await flush();
  report('done');
  return changed ? summary : { ...summary, importId: '' };
}

const sameSource = (a: ImportProblem, b: ImportedEntry['source']) =>
  a.file === b.file && a.line === b.line && a.item === b.item;
