import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { writeNetscapeBookmarks } from '../../../electron/core/export/formats/netscape-bookmarks';
import { FIXTURE_ARTICLES, HOSTILE_TITLE } from './export-fixtures';

/** Parses the file as a browser's importer does: with an HTML5 parser, reading each <A>'s attributes and text. */
function parseBookmarks(html: string) {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll('a')].map((a) => ({
    href: a.getAttribute('href'),
    addDate: a.getAttribute('add_date'),
    lastModified: a.getAttribute('last_modified'),
    tags: a.getAttribute('tags'),
    title: a.textContent,
  }));
}

describe('Netscape bookmark export', () => {
  const result = writeNetscapeBookmarks(FIXTURE_ARTICLES);

  it('writes a bookmark file with the standard header', () => {
    expect(result.html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
    expect(result.html).toContain('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">');
  });

  it('gives each article with a web address its URL, ADD_DATE in seconds, LAST_MODIFIED and TAGS', () => {
    const bookmarks = parseBookmarks(result.html);
    expect(bookmarks).toHaveLength(3);
    expect(bookmarks[0]).toEqual({
      href: 'https://example.com/uni00000001',
      addDate: String(Math.floor(Date.parse('2024-03-05T09:12:44.123Z') / 1000)),
      lastModified: String(Date.parse('2024-03-06T10:00:00.000Z') / 1000),
      tags: 'machine learning,Ünicode,a b',
      title: 'Ünïcödé: 日本語の記事 — “quotes” & emoji 🧵',
    });
    expect(bookmarks[0].addDate).toBe('1709629964');
    expect(bookmarks[1].title).toBe('مرحبا بالعالم — שלום עולם');
    expect(bookmarks[1].tags).toBe('عربي,with space');
  });

  it('escapes hostile titles and URLs so that they stay text and attributes', () => {
    const hostile = parseBookmarks(result.html)[2];
    expect(hostile.title).toBe(HOSTILE_TITLE.replace(/\s+/g, ' '));
    expect(hostile.href).toBe('https://example.com/q?a=1&b=%22x%22');
    expect(hostile.tags).toBe('=cmd|calc,---,yes');
    expect(result.html).not.toContain('<script>');
    expect(result.html).toContain('&lt;script&gt;');
    // Nothing but the bookmarks' own links: the title made no element of its own.
    const { document } = new JSDOM(result.html).window;
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('leaves out documents without a web address and says so', () => {
    expect(result.written).toBe(3);
    expect(result.skipped).toEqual([{ id: 'doc000000001', reason: 'It has no web address to bookmark.' }]);
  });

  it('adds the excerpt as a description', () => {
    expect(result.html).toContain('<DD>Ein kurzer Auszug, mit Komma.');
  });
});
