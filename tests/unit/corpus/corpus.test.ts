import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../electron/core/capture/extract-article';
import { CORPUS_PAGE_URL, hasRelativeUrl, readCorpus, tokenF1 } from '../../../scripts/corpus-metrics';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const corpusDir = resolve(repoRoot, '..', 'shared', 'corpora', 'readability-test-pages');
const available = existsSync(corpusDir);
if (!available) console.log(`Skipping the extraction corpus check: ${corpusDir} does not exist.`);

describe('extraction over the Readability test corpus', () => {
  it.skipIf(!available)(
    'extracts every page, leaves no relative URL, and keeps the text',
    () => {
      const pages = readCorpus(corpusDir);
      expect(pages.length).toBeGreaterThan(100);
      const failures: string[] = [];
      const unresolved: string[] = [];
      const fellBack: string[] = [];
      let f1 = 0;
      for (const page of pages) {
        try {
          const { article } = extractPage(page.source, CORPUS_PAGE_URL);
          if (article.extraction === 'fallback') fellBack.push(page.name);
          if (hasRelativeUrl(article.content)) unresolved.push(page.name);
          f1 += tokenF1(article.textContent, page.expectedText);
        } catch (error) {
          failures.push(`${page.name}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
      expect(unresolved).toEqual([]);
      // qq's short Chinese paragraphs once fell below isProbablyReaderable's Latin-sized threshold.
      expect(fellBack).not.toContain('qq');
      expect(f1 / pages.length).toBeGreaterThanOrEqual(0.99);
    },
    120_000,
  );
});
