import { describe, expect, it } from 'vitest';
import { OffprintError } from '@shared/ipc/envelope';
import { checkExternalUrl, isAllowedExternalUrl } from '../../../electron/main/policy/external-url';
import { createShellApi } from '../../../electron/main/shell-api';

describe('isAllowedExternalUrl', () => {
  it('allows web and mail links', () => {
    expect(isAllowedExternalUrl('https://example.com/a?b=c#d')).toBe(true);
    expect(isAllowedExternalUrl('http://example.com')).toBe(true);
    expect(isAllowedExternalUrl('mailto:editor@example.com')).toBe(true);
    expect(isAllowedExternalUrl('mailto:editor@example.com,desk@example.com')).toBe(true);
    expect(isAllowedExternalUrl('HTTPS://EXAMPLE.COM/')).toBe(true);
  });

  it('refuses everything that could open or run something local', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'offprint://app/index.html',
      'smb://server/share',
      'ms-settings:',
      'vscode://file/etc/passwd',
      '//example.com/',
      'example.com',
      '',
      `https://example.com/${'a'.repeat(9_000)}`,
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    expect(isAllowedExternalUrl(42)).toBe(false);
  });

  it('allows mail links only without parameters, which could attach files or fill in the mail', () => {
    for (const url of [
      'mailto:editor@example.com?subject=Hi',
      'mailto:editor@example.com?attach=/etc/passwd',
      'mailto:?to=editor@example.com&attach=~/.ssh/id_rsa',
      'mailto:editor@example.com%3Fattach=/etc/passwd',
      'mailto:editor@example.com#x',
      'mailto:editor@example.com&body=x',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses links with control characters', () => {
    expect(isAllowedExternalUrl('https://example.com/\u0000')).toBe(false);
    expect(isAllowedExternalUrl('https://example.com/\u001b[31m')).toBe(false);
  });
});

describe('createShellApi().openExternal', () => {
  it('hands an allowed link to the system, normalised', async () => {
    const opened: string[] = [];
    const shell = createShellApi(async (url) => void opened.push(url));
    await shell.openExternal('https://Example.com/path with space');
    expect(opened).toEqual(['https://example.com/path%20with%20space']);
  });

  it('refuses a disallowed link with a user-facing error and opens nothing', async () => {
    const opened: string[] = [];
    const shell = createShellApi(async (url) => void opened.push(url));
    const refusal = shell.openExternal('file:///etc/passwd');
    await expect(refusal).rejects.toBeInstanceOf(OffprintError);
    await expect(refusal).rejects.toMatchObject({ code: 'refused-url' });
    expect(() => checkExternalUrl('javascript:void 0')).toThrow(/http, https/);
    expect(opened).toEqual([]);
  });
});
