import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml } from '../core/capture/decode-html';
import { createExtractionPool, type ExtractionPool } from '../core/capture/extraction-pool';

export type ExtractLine =
  | {
      file: string;
      title: string;
      byline: string | null;
      excerpt: string | null;
      siteName: string | null;
      lang: string | null;
      dir: string | null;
      publishedTime: string | null;
      content: string;
      textContent: string;
      wordCount: number;
      readingMinutes: number;
      extraction: string;
      leadImageUrl: string | null;
    }
  | { file: string; error: string };

/** How many of the next files in line the largest is chosen from, per worker. */
const LOOKAHEAD_PER_WORKER = 32;
/** Pages read and waiting for a worker, per worker, so that none waits for the disk. */
const READY_PER_WORKER = 1;

/**
 * Extracts every file on the extraction pool's worker threads (one per core, each page with its time
 * limit) and hands `emit` their lines in the order of `files`. Returns how many failed.
 * Files start largest first among the next few in line (see startOrder); a file is read only just
 * before a worker takes it, and only a bounded number of lines wait for an earlier, slower one.
 */
export async function extractFiles(
  files: string[],
  pageUrl: string | undefined,
  emit: (line: ExtractLine) => void,
): Promise<number> {
  const pool = createExtractionPool({ size: Math.min(files.length, availableParallelism()) });
  const lookahead = pool.size * LOOKAHEAD_PER_WORKER;
  const order = startOrder(files, lookahead);
  const done = new Map<number, ExtractLine>();
  const waiting: (() => void)[] = [];
  let nextOut = 0;
  let failed = 0;
  const run = async () => {
    for (;;) {
      // While one slow page holds the output back, only so many later lines wait with it.
      while (done.size >= 2 * lookahead) await new Promise<void>((resolve) => waiting.push(resolve));
      const next = await order.next();
      if (next.done) return;
      done.set(next.value, await extractFile(pool, files[next.value], pageUrl));
      for (let line = done.get(nextOut); line; line = done.get(nextOut)) {
        done.delete(nextOut++);
        if ('error' in line) failed += 1;
        emit(line);
      }
      for (const wake of waiting.splice(0)) wake();
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.size * (1 + READY_PER_WORKER) }, run));
  } finally {
    await pool.close();
  }
  return failed;
}

/**
 * The order to start files in: the largest of the next `lookahead` in line. In order, a big page near
 * the end keeps one worker busy long after the others ran out of pages. A file waits at most for
 * 2 × `lookahead` later ones to start, which bounds the lines held back to keep the output in order.
 */
async function* startOrder(files: string[], lookahead: number): AsyncGenerator<number> {
  const line: { index: number; size: Promise<number> }[] = [];
  let queued = 0;
  for (;;) {
    while (line.length < lookahead && queued < files.length) {
      // An unreadable file counts as empty; reading it reports why.
      const size = stat(files[queued]).then(
        (s) => s.size,
        () => 0,
      );
      line.push({ index: queued++, size });
    }
    if (line.length === 0) return;
    let pick = 0;
    if (queued - line[0].index < 2 * lookahead) {
      const sizes = await Promise.all(line.map((file) => file.size));
      for (let i = 1; i < sizes.length; i++) if (sizes[i] > sizes[pick]) pick = i;
    }
    yield line.splice(pick, 1)[0].index;
  }
}

/** Runs the article extractor on a local HTML file, as if it had been fetched from `pageUrl`. */
async function extractFile(pool: ExtractionPool, file: string, pageUrl?: string): Promise<ExtractLine> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { file, error: `Cannot read ${file}: ${why}.` };
  }
  try {
    const { text } = decodeHtml(bytes, null);
    const a = await pool.extract(text, pageUrl ?? pathToFileURL(resolve(file)).href);
    return {
      file,
      title: a.title,
      byline: a.byline,
      excerpt: a.excerpt,
      siteName: a.siteName,
      lang: a.lang,
      dir: a.dir,
      publishedTime: a.publishedTime,
      content: a.content,
      textContent: a.textContent,
      wordCount: a.wordCount,
      readingMinutes: a.readingMinutes,
      extraction: a.extraction,
      leadImageUrl: a.leadImageUrl,
    };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}
