/**
 * Captures a page as the user's browser rendered it (handed over by the browser connector): the
 * rendered DOM goes through the same extraction, image storing and sanitizing as a fetched page.
 */
import type { CaptureProgress } from '@shared/model';
import { OffprintError } from '@shared/ipc/envelope';
import { completeCapture, type CaptureOptions, type CapturedArticle } from './capture-url';
import { DEFAULT_FETCH_LIMITS } from './fetch-resource';
import { NetworkAccess } from './network-access';
import { sessionImageSource } from './session-images';

export interface RenderedPageCapture {
  url: string;
  /** The tab's title, used when the page yields none. */
  title: string;
  /** document.documentElement.outerHTML after the page's scripts ran, lazy images resolved. */
  html: string;
  /** Pictures the site refused the app, fetched by the browser with the user's session (base64). */
  images?: { url: string; data: string }[];
}

/** The site refused the app some pictures; the extension should send them and save again. */
export class NeedsImagesError extends OffprintError {
  constructor(readonly urls: string[]) {
    super('needs-images', `The site refused ${urls.length} picture(s) to the app; the browser has to supply them.`);
  }
}

export async function captureRenderedPage(
  page: RenderedPageCapture,
  options: CaptureOptions,
): Promise<CapturedArticle> {
  const report = (progress: Omit<CaptureProgress, 'url'>) => options.onProgress?.({ url: page.url, ...progress });
  report({ stage: 'extracting' });
  // The user was reading this page: its pictures may come from where it lives, as for a page they asked for.
  const access = await NetworkAccess.forRequestedPage(new URL(page.url), options.network).catch(() =>
    NetworkAccess.publicOnly(options.network),
  );
  const supplied = new Map((page.images ?? []).map((image) => [image.url, Buffer.from(image.data, 'base64')]));
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const images = sessionImageSource(supplied, page.url, limits, access);
  const captured = await completeCapture(
    { url: page.url, kind: 'html', text: page.html },
    options,
    report,
    access,
    images,
  );
  // Asked once: when the extension has already answered, what it could not supply stays out.
  if (images.refused.size > 0 && page.images === undefined) throw new NeedsImagesError([...images.refused]);
  if (!captured.title && page.title) captured.title = page.title;
  return captured;
}
