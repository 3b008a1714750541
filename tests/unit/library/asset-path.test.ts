import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSET_SCHEME, assetUrl, resolveAssetPath } from '../../../electron/core/library/asset-path';

const LIB = resolve('/tmp/offprint-lib');
const FILE = 'a3f1c2d4e5b6.png';

describe('assetUrl', () => {
  it('builds offprint-asset://<id>/<file>', () => {
    expect(ASSET_SCHEME).toBe('offprint-asset');
    expect(assetUrl('abc123', FILE)).toBe(`offprint-asset://abc123/${FILE}`);
  });

  it('round-trips through resolveAssetPath to the article’s assets folder', () => {
    expect(resolveAssetPath(LIB, assetUrl('abc123', FILE))).toBe(join(LIB, 'articles', 'abc123', 'assets', FILE));
  });
});

describe('resolveAssetPath', () => {
  it('ignores a query or fragment and accepts an upper-case scheme', () => {
    expect(resolveAssetPath(LIB, `offprint-asset://abc123/${FILE}?v=2#x`)).toBe(
      join(LIB, 'articles', 'abc123', 'assets', FILE),
    );
    expect(resolveAssetPath(LIB, `OFFPRINT-ASSET://abc123/${FILE}`)).toBe(
      join(LIB, 'articles', 'abc123', 'assets', FILE),
    );
  });

  it.each([
    ['another scheme', `file:///etc/passwd`],
    ['http', `http://abc123/${FILE}`],
    ['no file', 'offprint-asset://abc123/'],
    ['no id', `offprint-asset:///${FILE}`],
    ['only an id', 'offprint-asset://abc123'],
    ['dot-dot file', 'offprint-asset://abc123/..'],
    ['dot-dot segment', 'offprint-asset://abc123/../other/x.png'],
    ['dot-dot id', `offprint-asset://../${FILE}`],
    ['encoded dot-dot', 'offprint-asset://abc123/%2e%2e'],
    ['encoded dot-dot upper', 'offprint-asset://abc123/%2E%2E%2F%2E%2E%2Flibrary.json'],
    ['encoded slash', 'offprint-asset://abc123/..%2f..%2flibrary.json'],
    ['double-encoded', 'offprint-asset://abc123/%252e%252e%252flibrary.json'],
    ['backslash', 'offprint-asset://abc123/..\\..\\library.json'],
    ['encoded backslash', 'offprint-asset://abc123/..%5c..%5clibrary.json'],
    ['absolute path', 'offprint-asset://abc123//etc/passwd'],
    ['encoded absolute', 'offprint-asset://abc123/%2fetc%2fpasswd'],
    ['hidden file', 'offprint-asset://abc123/.library.json.tmp'],
    ['extra segment', `offprint-asset://abc123/sub/${FILE}`],
    ['bad id characters', `offprint-asset://abc.123/${FILE}`],
    ['malformed escape', 'offprint-asset://abc123/%E0%A4%A.png'],
    ['NUL byte', 'offprint-asset://abc123/a%00.png'],
    ['windows drive', 'offprint-asset://abc123/C:%5Cwindows'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(resolveAssetPath(LIB, url)).toBeNull();
  });

  it('refuses anything that is not a string', () => {
    expect(resolveAssetPath(LIB, undefined as unknown as string)).toBeNull();
  });

  it('always stays inside <library>/articles/<id>/assets/', () => {
    const inside = join(LIB, 'articles');
    for (const name of ['x.png', 'a-b_c.webp', 'v1.2.jpg']) {
      expect(resolveAssetPath(LIB, `offprint-asset://id_1/${name}`)?.startsWith(inside)).toBe(true);
    }
  });
});
