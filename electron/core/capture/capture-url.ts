/**
 * Saves a web page as an article: fetch, decode, extract (in a worker), store images, sanitize.
 * The caller stores the result and reports 'saving' and 'done'.
 */
import type { ArticleDescription, CaptureProgress } from '@shared/model';
import type { Logger } from '../logger';
import type { ExtractedPage } from './extract-article';
import { sharedExtractionPool } from './extraction-pool';
import { fetchPage } from './fetch-page';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch-resource';
import { NetworkAccess, type Network } from './network-access';
import { parseHttpUrl } from './normalize-url';
import { textStats } from './reading-time';
import type { LocalImageSource } from './local-images';
import type { PageRenderer } from './page-renderer';
import { withRenderedFallback } from './render-fallback';
import { finalizeArticleHtml, htmlToText, imageSources } from './sanitize-article';
import { storeImages } from './store-images';
import { textToArticle } from './text-article';

export type { FetchLimits } from './fetch-resource';
export {
  closeExtractionPool,
  createExtractionPool,
  type ExtractionPool,
  type ExtractionPoolOptions,
} from './extraction-pool';

export interface CaptureOptions {
  /** Folder to write images into; created if missing. */
  assetsDir: string;
  /** How stored HTML refers to a stored file, e.g. n => `offprint-asset://<id>/${n}`. */
  assetUrl: (fileName: string) => string;
  onProgress?: (p: CaptureProgress) => void;
  limits?: Partial<FetchLimits>;
  /** How hosts are resolved and connected to; the system's by default (tests give their own). */
  network?: Network;
  /** Where skipped images are reported. */
  logger?: Logger;
  /** Runs a page's scripts when the page as fetched holds no article (see render-fallback.ts). */
  renderer?: PageRenderer;
}

export interface CapturedArticle extends ArticleDescription {
  /** After redirects (or the page's same-site <link rel=canonical>). */
  finalUrl: string;
  /** The page's <link rel=canonical> when it is on the same site, else null: the key for spotting duplicates. */
  canonicalUrl: string | null;
  /** Sanitized HTML; every <img> points at assetUrl(...) — nothing remote but plain links. */
  content: string;
  /** Plain text of content. */
  textContent: string;
  /** assetUrl of the stored og:image cover (or, without one, of the first article image). */
  leadImage: string | null;
  /** assetUrl of the stored site icon (apple-touch-icon, rel=icon or /favicon.ico), or null. */
  siteIcon: string | null;
  /** File names written into assetsDir. */
  assets: string[];
}

const withoutWww = (host: string) => host.replace(/^www\./i, '').toLowerCase();

/** A canonical link is trusted only on the same site, so a page cannot pass itself off as another. */
export function sameSiteCanonical(pageUrl: string, canonicalUrl: string | null): string | null {
  if (!canonicalUrl || !/^https?:/.test(pageUrl)) return null;
  const page = new URL(pageUrl);
  const canonical = new URL(canonicalUrl);
  return withoutWww(page.hostname) === withoutWww(canonical.hostname) && canonical.protocol.startsWith('http')
    ? canonical.href
    : null;
}

export interface PageText {
  /** What the page's URLs resolve against. */
  url: string;
  kind: 'html' | 'text';
  text: string;
}

/** Extract (off the main thread), store images, sanitize: everything after the bytes are text. */
export async function completeCapture(
  page: PageText,
  options: CaptureOptions,
  report: (progress: Omit<CaptureProgress, 'url'>) => void,
  access: NetworkAccess,
  local?: LocalImageSource,
): Promise<CapturedArticle> {
  report({ stage: 'extracting' });
  const { article, canonicalUrl }: ExtractedPage =
    page.kind === 'html'
      ? await sharedExtractionPool().extractPage(page.text, page.url)
      : { article: textToArticle(page.text, page.url), canonicalUrl: null };
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };

  const articleImages = imageSources(article.content);
  const extras = [article.leadImageUrl, article.siteIconUrl].filter((u): u is string => !!u);
  const stored = await storeImages([...extras, ...articleImages], {
    assetsDir: options.assetsDir,
    referer: page.url,
    limits,
    access,
    local,
    logger: options.logger,
    onProgress: (done, total) => report({ stage: 'images', done, total }),
  });

  const assetUrls = new Map([...stored].map(([remote, file]) => [remote, options.assetUrl(file)]));
  const content = finalizeArticleHtml(article.content, assetUrls);
  const textContent = htmlToText(content);
  const lead = article.leadImageUrl;
  const leadRemote = lead && stored.has(lead) ? lead : articleImages.find((src) => stored.has(src));
  const canonical = sameSiteCanonical(page.url, canonicalUrl);
  const icon = article.siteIconUrl;

  return {
    finalUrl: canonical ?? page.url,
    canonicalUrl: canonical,
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
    siteIcon: icon ? (assetUrls.get(icon) ?? null) : null,
    assets: [...new Set(stored.values())],
  };
}

export async function captureUrl(url: string, options: CaptureOptions): Promise<CapturedArticle> {
  const target = parseHttpUrl(url);
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const report = (progress: Omit<CaptureProgress, 'url'>) => options.onProgress?.({ url, ...progress });
  report({ stage: 'fetching' });
  const access = await NetworkAccess.forRequestedPage(target, options.network);
  const page = await fetchPage(target.href, limits, access);
  return completeCapture(await withRenderedFallback(page, options.renderer), options, report, access);
}
