/**
 * Highlights made on one capture of a page, re-anchored on a later capture of the same page
 * after the publisher edited it: the real news-site page rendered twice, each run through
 * the real extractor (extractArticle), positions taken over the extracted text.
 */
import { describe, expect, it } from 'vitest';
import { anchorTextQuote, describeTextRange } from '@shared/anchoring/text-quote';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { readSeedArticle, renderNewsPage, ARTICLE_PATH } from '../../support/news-site';

const ORIGIN = 'http://127.0.0.1:8080';
const seed = readSeedArticle();
const first = extractArticle(renderNewsPage(ORIGIN, seed), `${ORIGIN}${ARTICLE_PATH}`).textContent;

/** The same page after edits: a typo fixed, a paragraph inserted, one removed, quotes and spacing changed. */
const edited = (() => {
  const paragraphs = [...seed.paragraphs];
  paragraphs[1] = paragraphs[1].replace(/"/g, '\u201c').replace(/ {1}/g, '  ');
  paragraphs.splice(2, 0, 'Editor\u2019s note: this article was updated with comment from the ministry.');
  paragraphs[4] = paragraphs[4].replace(/\bthe\b/, 'teh');
  const removed = paragraphs.splice(6, 1)[0];
  return { page: renderNewsPage(ORIGIN, { ...seed, paragraphs }), removed };
})();
const second = extractArticle(edited.page, `${ORIGIN}${ARTICLE_PATH}`).textContent;

function highlightOf(text: string, passage: string) {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`fixture: not in the first capture: ${passage}`);
  return describeTextRange(text, { start, end: start + passage.length });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u201c\u201d]/g, '"');

describe('re-anchoring on a re-extracted article', () => {
  it('finds an unchanged paragraph that moved', () => {
    const passage = seed.paragraphs[4].slice(0, 80);
    const { quote, position } = highlightOf(first, passage);
    const range = anchorTextQuote(second, quote, position);
    expect(range).not.toBeNull();
    expect(second.slice(range!.start, range!.end)).toBe(passage);
    expect(range!.start).not.toBe(position.start);
  });

  it('finds a passage whose quotes and spacing changed', () => {
    const passage = seed.paragraphs[1].slice(0, 90);
    const { quote, position } = highlightOf(first, passage);
    const range = anchorTextQuote(second, quote, position);
    expect(range).not.toBeNull();
    expect(squash(second.slice(range!.start, range!.end))).toBe(squash(passage));
  });

  it('finds a passage with a typo introduced (fuzzy)', () => {
    const passage = seed.paragraphs[3].slice(0, 120);
    expect(second).not.toContain(passage);
    const { quote, position } = highlightOf(first, passage);
    const range = anchorTextQuote(second, quote, position);
    expect(range).not.toBeNull();
    expect(second.slice(range!.start, range!.end)).toBe(passage.replace(/\bthe\b/, 'teh'));
  });

  it('leaves a highlight in a removed paragraph orphaned, never anchored somewhere else', () => {
    const passage = edited.removed.slice(0, 100);
    const { quote, position } = highlightOf(first, passage);
    expect(anchorTextQuote(second, quote, position)).toBeNull();
  });
});
