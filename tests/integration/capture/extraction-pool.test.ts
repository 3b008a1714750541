import { afterAll, describe, expect, it } from 'vitest';
import { createExtractionPool } from '../../../electron/core/capture/extraction-pool';

const article = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>A paragraph of ordinary article text, long enough, with commas, clauses, and more words to read.</p>'.repeat(12)}</article></body></html>`;

describe('extraction pool', () => {
  const pool = createExtractionPool({ size: 2, timeoutMs: 4_000 });
  afterAll(() => pool.close());

  it('extracts pages in worker threads, several at once', async () => {
    const titles = ['First story here', 'Second story here', 'Third story here'];
    const results = await Promise.all(titles.map((t) => pool.extract(article(t), 'https://news.test/a')));
    expect(results.map((r) => r.title)).toEqual(titles);
    expect(results[0].extraction).toBe('readability');
    expect(pool.size).toBe(2);
  });

  it('passes extraction errors through with their code', async () => {
    await expect(pool.extract('   ', 'https://news.test/empty')).rejects.toMatchObject({ code: 'empty' });
  });

  it('stops a runaway parse with a clear error and keeps working with a fresh worker', async () => {
    const quick = createExtractionPool({ size: 1, timeoutMs: 150 });
    try {
      // Deeply nested tables make Readability's scoring slow; whatever the machine, 150 ms is not enough.
      const huge = `<html><body>${'<div><p>word, word, word, word.</p>'.repeat(60_000)}</body></html>`;
      const started = Date.now();
      await expect(quick.extract(huge, 'https://news.test/huge')).rejects.toMatchObject({
        code: 'extract-timeout',
        message: expect.stringMatching(/took longer than/),
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await quick.close();
    }
    const fresh = createExtractionPool({ size: 1, timeoutMs: 10_000 });
    try {
      expect((await fresh.extract(article('After the timeout'), 'https://news.test/b')).title).toBe(
        'After the timeout',
      );
    } finally {
      await fresh.close();
    }
  });

  it('refuses work after close', async () => {
    const closed = createExtractionPool({ size: 1 });
    await closed.close();
    await expect(closed.extract(article('x'), 'https://news.test/x')).rejects.toMatchObject({ code: 'cancelled' });
  });
});
