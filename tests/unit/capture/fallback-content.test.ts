import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fallbackCharsAtMost, fallbackContent } from '../../../electron/core/capture/fallback-content';
import { sanitizeArticleHtml } from '../../../electron/core/capture/sanitize-article';
import { stripClutter } from '../../../electron/core/capture/strip-clutter';
import { expectKeptAndGone, extractFixture, readFixture } from './extraction-fixtures';

const FIXTURES = join(import.meta.dirname, '../../fixtures/extraction');
const parse = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

/** What extractPage weighs the whole-page version by: its visible characters, white space aside. */
const visibleChars = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '').length;

const fallbackChars = (document: Document) => visibleChars(sanitizeArticleHtml(fallbackContent(document)));

describe('fallbackCharsAtMost', () => {
  it("counts the root's text without what the sanitizer drops with its content", () => {
    const html =
      '<body><header>Site</header><main><nav>Home About</nav><h1>A  title</h1><p>One &amp; two</p>' +
      '<script type="application/ld+json">{"a":"long long long"}</script><form><p>Search</p></form></main></body>';
    expect(fallbackCharsAtMost(parse(html))).toBe('Atitle'.length + 'One&two'.length);
    // The sanitized version has the nav taken out and the ampersand escaped: fewer.
    expect(fallbackChars(parse(html))).toBe('Atitle'.length + 'Onetwo'.length);
  });

  it('is never below what the sanitized whole-page version holds', () => {
    const pages = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const name of pages) {
      const html = readFileSync(join(FIXTURES, name), 'utf8');
      const cleaned = parse(html);
      if (cleaned.body) stripClutter(cleaned.body);
      const atMost = fallbackCharsAtMost(cleaned);
      expect(atMost, name).toBeGreaterThanOrEqual(fallbackChars(cleaned));
    }
  });
});

describe("the whole-page fallback's furniture", () => {
  it("leaves out blocks named as the site's and lines of button words, and keeps the cards with their footers", () => {
    const document = parse(readFixture('fallback-site-furniture.html'));
    const text = sanitizeArticleHtml(fallbackContent(document)).replace(/<[^>]*>/g, ' ');
    expectKeptAndGone(
      text,
      [
        'Upcoming workshops',
        'Weekday evenings',
        'Hand-cut joinery for beginners',
        'take the recipes home',
        'Led by Ada Lindqvist on March 4',
        'Led by Mira Okafor on March 18',
      ],
      [
        'For vendors',
        'Browse all categories',
        'Back to top',
        'Loading',
        'The Riverside Letter',
        'Cookie Policy',
        'Terms of Use',
        'Privacy Policy',
      ],
    );
  });

  it('keeps them on a page that holds nothing else, which is saved rather than refused as empty', () => {
    const document = parse(
      '<!doctype html><html><body><div class="site-footer"><a href="/">esk8</a></div><p>Donate now</p><p>Back to top</p></body></html>',
    );
    const text = sanitizeArticleHtml(fallbackContent(document));
    expect(text).toContain('esk8');
    expect(text).toContain('Donate now');
    expect(text).toContain('Back to top');
  });

  it("leaves out a few hidden words (a crawler's heading, a skip link): a shop page whose script never ran has no text", () => {
    expect(() => extractFixture('product-unrendered-shell.html', 'https://harbour.test/p/apron')).toThrow(
      expect.objectContaining({ code: 'not-an-article' }),
    );
  });

  it('keeps a hidden block that holds the page, shown by its script', () => {
    const { text } = extractFixture('product-hidden-until-script.html', 'https://harbour.test/p/board');
    expectKeptAndGone(text, ['Walnut Cutting Board', 'a juice groove on one side'], ['Skip to content']);
  });
});
