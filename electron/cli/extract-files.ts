import { readFile } from 'node:fs/promises';
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

const READ_AHEAD_PER_WORKER = 8;

/**
 * Extracts every file on the extraction pool's worker threads (one per core, each page with its time
 * limit) and hands `emit` their lines in the order of `files`. Only a few files are read ahead, so a
 * long list does not sit in memory. Returns how many failed.
 */
export async function extractFiles(
  files: string[],
  pageUrl: string | undefined,
  emit: (line: ExtractLine) => void,
): Promise<number> {
  const pool = createExtractionPool({ size: Math.min(files.length, availableParallelism()) });
  // Lines go out in order: with too few pages ahead, one slow page leaves the other workers idle.
  const ahead = pool.size * READ_AHEAD_PER_WORKER;
  const pending: Promise<ExtractLine>[] = [];
  let failed = 0;
  const next = async () => {
    const line = await (pending.shift() as Promise<ExtractLine>);
    if ('error' in line) failed += 1;
    emit(line);
  };
  try {
    for (const file of files) {
      pending.push(extractFile(pool, file, pageUrl));
      if (pending.length >= ahead) await next();
    }
    while (pending.length > 0) await next();
  } finally {
    await pool.close();
  }
  return failed;
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
