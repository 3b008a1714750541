import { describe, expect, it } from 'vitest';
import { readUrlList } from '../../../electron/core/import/formats/url-list';
import { readFixture } from './fixtures';

describe('A list of links', () => {
  it('reads one URL per line, reports lines that are not web addresses, and drops repeats', async () => {
    const result = await readFixture('links.txt');
    expect(result.format).toBe('url-list');
    expect(result.entries.map((e) => [e.url, e.source.line])).toEqual([
      ['https://example.com/list-1', 1],
      ['https://example.com/list-2', 2],
      ['http://example.com/list-3', 4],
    ]);
    expect(result.skipped).toEqual([
      { line: 5, reason: 'not a web address (ftp: link)' },
      { line: 6, reason: 'not a web address: example.com/no-scheme' },
    ]);
  });

  it('reads the links in Markdown or prose, with a Markdown link’s text as the title', async () => {
    const result = await readFixture('links.md');
    expect(result.format).toBe('url-list');
    expect(result.entries.map((e) => [e.url, e.title])).toEqual([
      ['https://example.com/md-1', 'An essay on margins'],
      ['https://example.com/md-2', null],
      ['https://example.com/md-3', null],
      ['https://example.co.il/md-4', 'עברית'],
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('does not report prose lines without links', () => {
    expect(readUrlList('Some words here\nhttps://example.com/a and more words\n').skipped).toEqual([]);
  });
});
