/**
 * Where a page comes from: the web (fetched and extracted) or a file on disk. The core asks its
 * PageSource (given in CoreOptions) to capture a location, so another source — a rendered page,
 * say — plugs in without touching the save and update flow.
 */
import { captureFile } from '../capture/capture-file';
import { captureUrl, type CaptureOptions, type CapturedArticle } from '../capture/capture-url';

export type PageLocation = { kind: 'web'; url: string } | { kind: 'file'; path: string };

export interface PageSource {
  capture(location: PageLocation, options: CaptureOptions): Promise<CapturedArticle>;
}

/** Fetches web pages over HTTP and reads files as they are: what Offprint does by default. */
export const fetchedPageSource: PageSource = {
  capture: (location, options) =>
    location.kind === 'web' ? captureUrl(location.url, options) : captureFile(location.path, options),
};
