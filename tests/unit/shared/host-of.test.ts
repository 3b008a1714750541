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

  it('siteOf falls back from the site name to the host to the address', () => {
    expect(siteOf({ siteName: 'The Site', url: 'https://example.com/' })).toBe('The Site');
    expect(siteOf({ siteName: null, url: 'https://www.example.com/' })).toBe('example.com');
    expect(siteOf({ siteName: null, url: 'file:///x.html' })).toBe('file:///x.html');
  });
});
