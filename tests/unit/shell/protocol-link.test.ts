import { describe, expect, it } from 'vitest';
import { findProtocolLink, parseProtocolLink } from '../../../electron/main/policy/protocol-link';

const saveLink = (url: string) => `offprint://save?url=${encodeURIComponent(url)}`;

describe('parseProtocolLink', () => {
  it('reads a save link, with the address to save', () => {
    expect(parseProtocolLink(saveLink('https://example.com/a?b=1#c'))).toEqual({
      action: 'save',
      url: 'https://example.com/a?b=1#c',
    });
    expect(parseProtocolLink('offprint://save/?url=http%3A%2F%2Fexample.com')).toEqual({
      action: 'save',
      url: 'http://example.com/',
    });
    expect(parseProtocolLink('OFFPRINT://SAVE?url=https://example.com/x')).toMatchObject({ action: 'save' });
  });

  it('reads an open link with an article id', () => {
    expect(parseProtocolLink('offprint://open?id=abc123_-X')).toEqual({ action: 'open', id: 'abc123_-X' });
  });

  it.each([
    ['offprint://save', /which page to save/],
    ['offprint://save?url=', /which page to save/],
    [`${saveLink('https://a.example/')}&url=https%3A%2F%2Fb.example%2F`, /which page to save/],
    [saveLink('javascript:alert(1)'), /not javascript: addresses/],
    [saveLink('file:///etc/passwd'), /not file: addresses/],
    [saveLink('not a url'), /is not a web address/],
    [saveLink(`https://example.com/${'x'.repeat(9000)}`), /too long/],
    ['offprint://open?id=../../library.json', /does not name an article/],
    ['offprint://open', /does not name an article/],
    ['offprint://app/index.html', /either save a page .* or open one/],
    ['offprint://delete?id=abc', /either save a page/],
    ['offprint:', /not a valid link|either save/],
    ['https://example.com/', /not an offprint: link/],
    [`offprint://save?url=${'x'.repeat(20_000)}`, /too long/],
  ])('explains what is wrong with %s', (link, why) => {
    const parsed = parseProtocolLink(link);
    expect(parsed.action).toBe('malformed');
    expect((parsed as { message: string }).message).toMatch(why);
    expect((parsed as { message: string }).message.length).toBeLessThan(300);
  });
});

describe('findProtocolLink', () => {
  it('finds the link among a second launch’s arguments', () => {
    expect(findProtocolLink(['/opt/Offprint/offprint', '--no-sandbox', 'offprint://open?id=a'])).toBe(
      'offprint://open?id=a',
    );
    expect(findProtocolLink(['/opt/Offprint/offprint', 'https://example.com/'])).toBeNull();
  });
});
