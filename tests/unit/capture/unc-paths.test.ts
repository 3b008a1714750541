/**
 * On Windows, file://host/share/a.png becomes \\host\share\a.png, and touching that path (realpath,
 * stat) sends the user's NTLM hash to the host. This machine is not Windows, so node:url's
 * fileURLToPath is given Windows' behaviour, and every filesystem call is watched: a UNC path must
 * be refused before any of them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fsCalls = vi.hoisted(() => [] as string[]);

vi.mock('node:url', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:url')>();
  // Windows' conversion: a host becomes \\host, slashes become backslashes.
  const windowsFileURLToPath = (url: string | URL): string => {
    const parsed = new URL(String(url));
    const path = decodeURIComponent(parsed.pathname).replace(/\//g, '\\');
    return parsed.hostname ? `\\\\${parsed.hostname}${path}` : path.replace(/^\\([A-Za-z]:)/, '$1');
  };
  return {
    ...original,
    default: { ...original, fileURLToPath: windowsFileURLToPath },
    fileURLToPath: windowsFileURLToPath,
  };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const watched =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      fsCalls.push(`${name} ${String(args[0])}`);
      return fn(...args);
    };
  const realpath = watched('realpath', original.realpath);
  const stat = watched('stat', original.stat);
  const readFile = watched('readFile', original.readFile);
  return { ...original, default: { ...original, realpath, stat, readFile }, realpath, stat, readFile };
});

const { localImageSource } = await import('../../../electron/core/capture/local-images');
const { isUncPath, isRemoteFileUrl } = await import('../../../shared/local-files/unc-path');

beforeEach(() => {
  fsCalls.length = 0;
});

describe('UNC paths', () => {
  it.each([
    'file://attacker.example/share/a.png',
    'file://10.0.0.5/share/a.png',
    'file:////attacker.example/share/a.png',
    'file:///%5C%5Cattacker.example%5Cshare%5Ca.png',
  ])('a dropped page’s %s is refused before any filesystem call', async (url) => {
    const source = localImageSource('C:\\Users\\me\\Saved\\page.html', 'file:///C:/Users/me/Saved/page.html');
    expect(await source.load(url)).toBeNull();
    expect(fsCalls).toEqual([]);
  });

  it('recognises UNC paths and remote file: URLs, and lets local ones through', () => {
    for (const path of ['\\\\host\\share\\a.png', '//host/share/a.png', '\\\\?\\UNC\\host\\share', '\\\\.\\pipe\\x']) {
      expect(isUncPath(path)).toBe(true);
    }
    for (const path of ['C:\\Users\\me\\a.png', '/home/me/a.png', 'C:/Users/me/a.png']) {
      expect(isUncPath(path)).toBe(false);
    }
    expect(isRemoteFileUrl('file://host/share/a.png')).toBe(true);
    expect(isRemoteFileUrl('file:///home/me/a.png')).toBe(false);
    expect(isRemoteFileUrl('file://localhost/home/me/a.png')).toBe(false);
  });
});
