/**
 * Saves a web page as an article: fetch, decode, extract, store images, sanitize.
 * The caller stores the result and reports 'saving' and 'done'.
 */
import type { CaptureProgress, ExtractionKind, TextDirection } from '@shared/model';
import { extractPage, type ExtractedPage } from './extract-article';
import { fetchPage } from './fetch-page';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch-resource';
import { parseHttpUrl } from './normalize-url';
import { textStats } from './reading-time';
import { finalizeArticleHtml, htmlToText, imageSources } from './sanitize-article';
import { storeImages } from './store-images';
import { textToArticle } from './text-article';

export type { FetchLimits } from './fetch-resource';

export interface CaptureOptions {
  /** Folder to write images into; created if missing. */
  assetsDir: string;
  /** How stored HTML refers to a stored file, e.g. n => `offprint-asset://<id>/${n}`. */
  assetUrl: (fileName: string) => string;
  onProgress?: (p: CaptureProgress) => void;
  limits?: Partial<FetchLimits>;
}

export interface CapturedArticle {
  /** After redirects (or the page's same-site <link rel=canonical>). */
  finalUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: TextDirection | null;
  /** ISO 8601. */
  publishedTime: string | null;
  wordCount: number;
  readingMinutes: number;
  extraction: ExtractionKind;
  /** Sanitized HTML; every <img> points at assetUrl(...) — nothing remote but plain links. */
  content: string;
  /** Plain text of content. */
  textContent: string;
  /** assetUrl of the stored og:image cover (or, without one, of the first article image). */
  leadImage: string | null;
  /** File names written into assetsDir. */
  assets: string[];
}

const withoutWww = (host: string) => host.replace(/^www\./i, '').toLowerCase();

/** A canonical link is trusted only on the same site, so a page cannot pass itself off as another. */
function chooseFinalUrl(pageUrl: string, canonicalUrl: string | null): string {
  if (!canonicalUrl) return pageUrl;
  const page = new URL(pageUrl);
  const canonical = new URL(canonicalUrl);
  return withoutWww(page.hostname) === withoutWww(canonical.hostname) && canonical.protocol.startsWith('http')
    ? canonical.href
    : pageUrl;
}

export async function captureUrl(url: string, options: CaptureOptions): Promise<CapturedArticle> {
  const target = parseHttpUrl(url);
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const report = (progress: Omit<CaptureProgress, 'url'>) => options.onProgress?.({ url, ...progress });

  report({ stage: 'fetching' });
  const page = await fetchPage(target.href, limits);

  report({ stage: 'extracting' });
  const { article, canonicalUrl }: ExtractedPage =
    page.kind === 'html' ? extractPage(page.text, page.url) : { article: textToArticle(page.text, page.url), canonicalUrl: null };

  const articleImages = imageSources(article.content);
  const lead = article.leadImageUrl;
  const stored = await storeImages(lead ? [...articleImages, lead] : articleImages, {
    assetsDir: options.assetsDir,
    referer: page.url,
    limits,
    onProgress: (done, total) => report({ stage: 'images', done, total }),
  });

  const assetUrls = new Map([...stored].map(([remote, file]) => [remote, options.assetUrl(file)]));
  const content = finalizeArticleHtml(article.content, assetUrls);
  const textContent = htmlToText(content);
  const leadRemote = lead && stored.has(lead) ? lead : articleImages.find((src) => stored.has(src));

  return {
    finalUrl: chooseFinalUrl(page.url, canonicalUrl),
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    excerpt: article.excerpt,
    lang: article.lang,
    dir: article.dir,
    publishedTime: article.publishedTime,
    ...textStats(textContent),
    extraction: article.extraction,
    content,
    textContent,
    leadImage: leadRemote ? (assetUrls.get(leadRemote) ?? null) : null,
    assets: [...new Set(stored.values())],
  };
}
