/**
 * Downloads an article's images into its assets folder, named by content hash so that
 * the same picture is stored once. A failed image is skipped, never fatal.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { errorText, type Logger } from '../logger';
import { fetchResource, type FetchLimits } from './fetch-resource';
import { detectImage } from './image-type';
import type { LocalImageSource } from './local-images';
import type { NetworkAccess } from './network-access';

export const MAX_IMAGES = 100;
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_ARTICLE_IMAGE_BYTES = 100 * 1024 * 1024;
const CONCURRENCY = 6;
const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8,*/*;q=0.5';

export interface StoreImagesOptions {
  assetsDir: string;
  referer: string;
  limits: FetchLimits;
  /** Which hosts the images may come from. */
  access: NetworkAccess;
  onProgress?: (done: number, total: number) => void;
  /** For a page saved on disk: its own image files, tried before the network. */
  local?: LocalImageSource;
  /** Where an image that could not be stored is reported (info: a page's broken image is routine). */
  logger?: Logger;
}

/** Remote URL → stored file name, for the images that could be stored. */
export type StoredImages = Map<string, string>;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function download(url: string, options: StoreImagesOptions, signal: AbortSignal): Promise<Buffer | null> {
  const local = await options.local?.load(url);
  if (local) return local;
  if (!/^https?:/i.test(url)) return null;
  const resource = await fetchResource(url, {
    accept: IMAGE_ACCEPT,
    referer: options.referer,
    access: options.access,
    signal,
    limits: {
      ...options.limits,
      maxBytes: Math.min(MAX_IMAGE_BYTES, options.limits.maxBytes),
      maxDecodedBytes: MAX_IMAGE_BYTES,
    },
  });
  return resource.body;
}

async function storeOne(
  url: string,
  options: StoreImagesOptions,
  signal: AbortSignal,
  budget: { bytes: number },
): Promise<string | null> {
  try {
    const body = await download(url, options, signal);
    if (!body) return null;
    // Formats are read from the bytes: SVG (which can carry script) and anything unknown are refused.
    const info = detectImage(body);
    // Anything 2×2 or smaller is a beacon, whatever its markup said.
    if (!info || (info.width !== null && info.height !== null && info.width * info.height <= 4)) return null;
    if (budget.bytes + body.length > MAX_ARTICLE_IMAGE_BYTES) return null;
    budget.bytes += body.length;
    const name = `${createHash('sha256').update(body).digest('hex')}.${info.format}`;
    const path = join(options.assetsDir, name);
    if (!(await exists(path))) {
      const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
      await writeFile(partial, body);
      await rename(partial, path);
    }
    return name;
  } catch (error) {
    options.logger?.info('Skipped an image that could not be stored', { url, error: errorText(error) });
    return null;
  }
}

/** Stores up to 100 images, six at a time, within one overall time budget. */
export async function storeImages(urls: string[], options: StoreImagesOptions): Promise<StoredImages> {
  try {
    await mkdir(options.assetsDir, { recursive: true });
  } catch (error) {
    throw new OffprintError(
      'storage',
      `Could not create the folder for this article's images: ${(error as Error).message}`,
    );
  }
  const queue = [...new Set(urls)].filter((u) => /^(https?|file):/i.test(u)).slice(0, MAX_IMAGES);
  const spent = { bytes: 0 };
  const stored: StoredImages = new Map();
  let done = 0;
  options.onProgress?.(0, queue.length);
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(), options.limits.totalTimeoutMs);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const url = queue[next++];
      const name = await storeOne(url, options, budget.signal, spent);
      if (name) stored.set(url, name);
      options.onProgress?.(++done, queue.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  } finally {
    clearTimeout(timer);
  }
  return stored;
}
