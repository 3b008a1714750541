import { describe, expect, it } from 'vitest';
import { redactContext, redactText, redactUrl } from '../../../electron/core/logging/redact';

describe('redacting what reaches the log', () => {
  it('removes user and password from a URL', () => {
    const safe = redactUrl('https://alice:hunter2@example.com/feed?page=2');
    expect(safe).not.toContain('alice');
    expect(safe).not.toContain('hunter2');
    expect(safe).toBe('https://REDACTED@example.com/feed?page=2');
  });

  it('replaces credential parameters and keeps the others', () => {
    const safe = redactUrl(
      'https://example.com/a?id=7&access_token=abc&API-Key=k1&X-Amz-Signature=s3&sig=zz&utm_source=x',
    );
    for (const secret of ['abc', 'k1', 's3', 'zz']) expect(safe).not.toMatch(new RegExp(`=${secret}(&|$)`));
    expect(safe).toContain('id=7');
    expect(safe).toContain('utm_source=x');
    expect(safe).toContain('access_token=REDACTED');
  });

  it('leaves text that is not a URL alone', () => {
    expect(redactUrl('/home/me/library')).toBe('/home/me/library');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('redacts URLs inside free text such as an error message', () => {
    expect(redactText('fetch https://bob:pw@host.test/x?token=t1 failed: 500')).toBe(
      'fetch https://REDACTED@host.test/x?token=REDACTED failed: 500',
    );
  });

  it('drops article content from a context, keeps its size, and reduces errors to their reason', () => {
    const error = Object.assign(new Error('EACCES at https://u:p@h.test/'), { code: 'EACCES' });
    const safe = redactContext({
      id: 'a1',
      text: 'the whole article body',
      html: '<p>body</p>',
      nested: { url: 'https://h.test/?password=pw', note: 'private thoughts' },
      error,
    });
    expect(safe).toEqual({
      id: 'a1',
      text: '[omitted, 22 chars]',
      html: '[omitted, 11 chars]',
      nested: { url: 'https://h.test/?password=REDACTED', note: '[omitted, 16 chars]' },
      error: { message: 'EACCES at https://REDACTED@h.test/', code: 'EACCES' },
    });
    expect(JSON.stringify(safe)).not.toContain('article body');
  });
});
