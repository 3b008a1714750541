import { describe, expect, it } from 'vitest';
import { hostOf } from '@shared/url/host-of';
import { siteOf } from '@shared/transfer/markdown-export';

describe('hostOf (shared/url/host-of.ts)', () => {
  it('is the lower-cased host without www.', () => {
    expect(hostOf('https://WWW.Example.COM:8080/a?b#c')).toBe('example.com');
    expect(hostOf('http://user:pw@news.example.org/')).toBe('news.example.org');
  });

  it("is '' for an address it cannot parse or that has no host", () => {
    expect(hostOf('not a url')).toBe('');
    expect(hostOf('')).toBe('');
    expect(hostOf('file:///home/me/page.html')).toBe('');
  });

  it('reads a plain normalised address as the URL parser does, and leaves every other one to it', () => {
    const byParse = (url: string): string => {
      try {
        return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
      } catch {
        return '';
      }
    };
    const urls = [
      'https://www.example.com/x',
      'https://example.com',
      'http://news.example.org?q#f',
      'https://xn--bcher-kva.de/x',
      'https://localhost/',
      'https://1.2.3.4/',
      'https://0x7f.1/',
      'https://a.0x1/',
      'https://a.b:99999/',
      'https://%41.com/',
      'https://example.com./',
      'https://[::1]/',
      'https://EX.com\\path',
    ];
    for (const url of urls) expect(hostOf(url), url).toBe(byParse(url));
  });

  it('siteOf falls back from the site name to the host to a local file name to the address', () => {
    expect(siteOf({ siteName: 'The Site', url: 'https://example.com/' })).toBe('The Site');
    expect(siteOf({ siteName: null, url: 'https://www.example.com/' })).toBe('example.com');
    expect(siteOf({ siteName: null, url: 'file:///tmp/saved/My%20notes.html' })).toBe('My notes.html');
    expect(siteOf({ siteName: null, url: 'file:///bad%E0.html' })).toBe('bad%E0.html');
    expect(siteOf({ siteName: null, url: 'not a url' })).toBe('not a url');
  });
});
