/**
 * Annotation formats list highlights, each naming its page; entries are made by grouping them.
 * A page that is not a web address (a PDF fingerprint, a file: URL) still gets a document,
 * without a URL, so that none of its highlights is lost.
 */
import { emptyEntry, type ImportedEntry, type ImportedHighlight, type ImportResult } from '@shared/import/import-model';
import { urlKey, webUrl } from './web-url';

export class EntriesBySource {
  private readonly bySource = new Map<string, ImportedEntry>();

  constructor(private readonly result: ImportResult) {}

  add(source: string, title: string | null, highlight: ImportedHighlight): ImportedEntry {
    const url = webUrl(source);
    const key = url ? urlKey(url) : `other:${source}`;
    let entry = this.bySource.get(key);
    if (!entry) {
      entry = emptyEntry(highlight.source, url);
      this.bySource.set(key, entry);
      this.result.entries.push(entry);
      if (!url) {
        this.result.warnings.push({
          ...highlight.source,
          reason: source
            ? `annotations on “${source.slice(0, 80)}”, which is not a web address: kept in a document without a URL`
            : 'annotations that name no page: kept in a document without a URL',
        });
      }
    }
    entry.title ??= title;
    if (highlight.createdAt && (!entry.savedAt || highlight.createdAt < entry.savedAt))
      entry.savedAt = highlight.createdAt;
    entry.highlights.push(highlight);
    return entry;
  }
}
