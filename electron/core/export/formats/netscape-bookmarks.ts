/**
 * The Netscape bookmark file every browser and bookmarking service imports: one <A> per
 * article with ADD_DATE and LAST_MODIFIED in unix seconds and TAGS as a comma-separated list.
 * Documents without a web address are not bookmarks and are left out.
 */
import type { ArticleMeta } from '@shared/model';
import { hasWebUrl, type ExportArticle, type SkippedArticle } from '../export-model';

export interface NetscapeResult {
  html: string;
  written: number;
  skipped: SkippedArticle[];
}

/** Text fit for HTML: the five special characters escaped, control characters dropped, one line. */
export function escapeHtml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

const seconds = (iso: string | null | undefined): string | null => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? String(Math.floor(ms / 1000)) : null;
};

/** Commas separate tags in the TAGS attribute, so a comma inside a tag becomes a space. */
const tagList = (tags: readonly string[]): string =>
  tags
    .map((t) => t.replace(/,/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(',');

function bookmark(article: ArticleMeta): string {
  const attributes = [`HREF="${escapeHtml(article.url)}"`];
  const added = seconds(article.savedAt);
  if (added) attributes.push(`ADD_DATE="${added}"`);
  const modified = seconds(article.updatedAt);
  if (modified) attributes.push(`LAST_MODIFIED="${modified}"`);
  if (article.tags.length) attributes.push(`TAGS="${escapeHtml(tagList(article.tags))}"`);
  const lines = [`    <DT><A ${attributes.join(' ')}>${escapeHtml(article.title) || escapeHtml(article.url)}</A>`];
  if (article.excerpt?.trim()) lines.push(`    <DD>${escapeHtml(article.excerpt)}`);
  return lines.join('\n');
}

export function writeNetscapeBookmarks(articles: readonly ExportArticle[], title = 'Offprint'): NetscapeResult {
  const skipped: SkippedArticle[] = [];
  const entries: string[] = [];
  for (const { article } of articles) {
    if (hasWebUrl(article)) entries.push(bookmark(article));
    else skipped.push({ id: article.id, reason: 'It has no web address to bookmark.' });
  }
  const html = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${escapeHtml(title)}</TITLE>`,
    `<H1>${escapeHtml(title)}</H1>`,
    '<DL><p>',
    ...entries,
    '</DL><p>',
    '',
  ].join('\n');
  return { html, written: entries.length, skipped };
}
