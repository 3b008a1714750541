import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../../electron/main/policy/content-type';
import { resolveRendererFile } from '../../../electron/main/policy/renderer-path';

// The renderer folder sits next to a file it must never serve.
const parent = mkdtempSync(join(tmpdir(), 'offprint-renderer-'));
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(parent, 'secret.txt'), 'secret');
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'index-1.js'), '');

describe('resolveRendererFile', () => {
  it('maps app URLs to files of the built renderer', () => {
    expect(resolveRendererFile(root, 'offprint://app/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'offprint://app/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'offprint://app/assets/index-1.js?v=2#x')).toBe(
      join(root, 'assets', 'index-1.js'),
    );
    expect(resolveRendererFile(root, 'offprint://app/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it('refuses to leave the renderer folder, in any encoding', () => {
    for (const url of [
      'offprint://app/../secret.txt',
      'offprint://app/%2e%2e/secret.txt',
      'offprint://app/assets/%2E%2E/%2E%2E/secret.txt',
      'offprint://app/..%2fsecret.txt',
      'offprint://app/..%5csecret.txt',
      'offprint://app/%00index.html',
      'offprint://app/%E0%A4%A',
    ]) {
      const resolved = resolveRendererFile(root, url);
      expect(resolved === null || resolved.startsWith(join(root, '/')), `${url} → ${resolved}`).toBe(true);
    }
    // An encoded slash survives URL parsing and would climb out once decoded.
    expect(resolveRendererFile(root, 'offprint://app/..%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile(root, 'offprint://app/assets/..%2f..%2f..%2fsecret.txt')).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveRendererFile(root, 'offprint://other/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'offprint-asset://app/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'file:///index.html')).toBeNull();
    expect(resolveRendererFile(root, 'nonsense')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types a built renderer and stored images use', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('index-1.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('literata.woff2')).toBe('font/woff2');
    expect(contentTypeFor('photo.jpeg')).toBe('image/jpeg');
    expect(contentTypeFor('image.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});
