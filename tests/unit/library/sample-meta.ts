import type { ArticleMeta } from '@shared/model';

/** An article's metadata as the list holds it, without a library behind it. */
export const sampleMeta = (id: string, fields: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id,
  url: `https://example.com/${id}`,
  originalUrl: `https://example.com/${id}`,
  title: id,
  byline: null,
  siteName: null,
  excerpt: null,
  lang: null,
  dir: null,
  publishedTime: null,
  wordCount: 0,
  readingMinutes: 0,
  leadImage: null,
  extraction: 'readability',
  savedAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  archived: false,
  favourite: false,
  tags: [],
  progress: 0,
  highlightCount: 0,
  ...fields,
});
