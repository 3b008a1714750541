/**
 * Captures a page as the browser extension saw it: the rendered DOM goes through the same
 * extraction, image storing and sanitizing as a fetched page or a page saved on disk.
 */
import type { CaptureProgress } from '@shared/model';
import { OffprintError } from '@shared/ipc/envelope';
import { completeCapture, type CaptureOptions, type CapturedArticle } from '../capture/capture-url';
import { DEFAULT_FETCH_LIMITS } from '../capture/fetch-resource';
import type { RenderedPage } from './rendered-page';
import { sessionImageSource } from './session-images';

/** The site refused the app some pictures; the extension should send them and save again. */
export class NeedsImagesError extends OffprintError {
  constructor(readonly urls: string[]) {
    super('needs-images', `The site refused ${urls.length} picture(s) to the app; the browser has to supply them.`);
  }
}

export async function captureRenderedPage(page: RenderedPage, options: CaptureOptions): Promise<CapturedArticle> {
  const report = (progress: Omit<CaptureProgress, 'url'>) => options.onProgress?.({ url: page.url, ...progress });
  const supplied = new Map((page.images ?? []).map((image) => [image.url, Buffer.from(image.data, 'base64')]));
  const images = sessionImageSource(supplied, page.url, { ...DEFAULT_FETCH_LIMITS, ...options.limits });
  const captured = await completeCapture({ url: page.url, kind: 'html', text: page.html }, options, report, images);
  // Ask once: when the extension has already answered, what it could not supply stays out.
  if (images.refused.size > 0 && page.images === undefined) throw new NeedsImagesError([...images.refused]);
  if (!captured.title && page.title) captured.title = page.title;
  return captured;
}
