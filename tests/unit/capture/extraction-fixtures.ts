/** The hand-written extraction fixtures (tests/fixtures/extraction/, each explained in its README). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';

const FIXTURES = join(__dirname, '../../fixtures/extraction');

export const readFixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** An HTML fragment as the body of a document, to query. */
export const bodyOf = (html: string): HTMLElement =>
  (parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document }).document.body;

/** A fixture extracted as if fetched from `url`: the article, its content's body and its text. */
export function extractFixture(name: string, url: string) {
  const article = extractArticle(readFixture(name), url);
  return { article, body: bodyOf(article.content), text: article.textContent };
}

/** Asserts that `parts` stand in `text` in this order, from `from` on. */
export function expectInOrder(text: string, parts: string[], from = 0): void {
  let at = from;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    expect(found, part).toBeGreaterThanOrEqual(at);
    at = found + part.length;
  }
}

/** Asserts that every one of `kept` stands in `text` and none of `gone` does. */
export function expectKeptAndGone(text: string, kept: string[], gone: string[]): void {
  for (const part of kept) expect(text, part).toContain(part);
  for (const part of gone) expect(text, part).not.toContain(part);
}
