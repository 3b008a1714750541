/** An article says how its body was found: Readability's article, the page's main region, or the whole page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';

const read = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/extraction', name), 'utf8');

describe('the extraction kind', () => {
  it('is region for a product page read from its main region, readability for a story', () => {
    expect(extractArticle(read('product.html'), 'https://northfold.test/trailhead-40').extraction).toBe('region');
    expect(
      extractArticle(read('article-with-comments.html'), 'https://courier.test/2025/01/river-floods').extraction,
    ).toBe('readability');
  });
});
