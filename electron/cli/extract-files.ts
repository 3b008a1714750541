import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml } from '../core/capture/decode-html';
import { extractArticle } from '../core/capture/extract-article';

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

/** Runs the article extractor on a local HTML file, as if it had been fetched from `pageUrl`. */
export async function extractFile(file: string, pageUrl?: string): Promise<ExtractLine> {
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
    const a = extractArticle(text, pageUrl ?? pathToFileURL(resolve(file)).href);
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
