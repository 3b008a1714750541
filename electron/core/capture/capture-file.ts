/**
 * Saves an .html/.htm file from disk as an article, such as a browser's "Web page, complete"
 * save: the page, plus its <name>_files/ folder, whose pictures are used instead of the web's.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CaptureProgress } from '@shared/model';
import { OffprintError } from '@shared/ipc/envelope';
import { completeCapture, type CaptureOptions, type CapturedArticle } from './capture-url';
import { describeBinary } from './content-kind';
import { decodeHtml, readAttributes } from './decode-html';
import { DEFAULT_FETCH_LIMITS, formatBytes } from './fetch-resource';
import { localImageSource } from './local-images';
import { NetworkAccess } from './network-access';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const HEAD_CHARS = 64 * 1024;

/** The address a saved page declares for itself (<link rel=canonical>, else og:url), when it is a web address. */
export function declaredPageUrl(html: string): string | null {
  const head = html.slice(0, HEAD_CHARS);
  const candidates: string[] = [];
  for (const m of head.matchAll(/<link\s[^>]*>/gi)) {
    const attrs = readAttributes(m[0].slice(5));
    if (/(^|\s)canonical(\s|$)/i.test(attrs.get('rel') ?? '')) candidates.push(attrs.get('href') ?? '');
  }
  for (const m of head.matchAll(/<meta\s[^>]*>/gi)) {
    const attrs = readAttributes(m[0].slice(5));
    if ((attrs.get('property') ?? attrs.get('name'))?.toLowerCase() === 'og:url')
      candidates.push(attrs.get('content') ?? '');
  }
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not an absolute address: try the next one.
    }
  }
  return null;
}

export async function captureFile(path: string, options: CaptureOptions): Promise<CapturedArticle> {
  const absolute = resolve(path);
  const fileUrl = pathToFileURL(absolute).href;
  const report = (progress: Omit<CaptureProgress, 'url'>) => options.onProgress?.({ url: fileUrl, ...progress });
  if (!HTML_EXTENSIONS.has(extname(absolute).toLowerCase())) {
    throw new OffprintError(
      'unsupported-type',
      `Only web pages saved as .html or .htm files can be added, not “${extname(absolute) || 'a file without an extension'}” files.`,
    );
  }
  report({ stage: 'fetching' });
  const maxBytes = options.limits?.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new OffprintError('not-found', `“${path}” is not a file.`);
    if (info.size > maxBytes)
      throw new OffprintError('too-large', `The file is larger than ${formatBytes(maxBytes)}, too large to save.`);
    bytes = await readFile(absolute);
  } catch (error) {
    if (error instanceof OffprintError) throw error;
    throw new OffprintError(
      'not-found',
      `Could not read “${path}”: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
  if (bytes.length === 0) throw new OffprintError('empty', 'The file is empty.');
  const binary = describeBinary(bytes);
  if (binary) throw new OffprintError('unsupported-type', `The file is named like a web page, but it holds ${binary}.`);
  const { text } = decodeHtml(bytes);
  if (!text.trim()) throw new OffprintError('empty', 'The file holds only blank space.');
  const pageUrl = declaredPageUrl(text) ?? fileUrl;
  // A file can come from anywhere, so its remote pictures may come from the public web only.
  const access = NetworkAccess.publicOnly(options.network);
  return completeCapture(
    { url: pageUrl, kind: 'html', text },
    options,
    report,
    access,
    localImageSource(absolute, pageUrl),
  );
}
