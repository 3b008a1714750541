import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FastReadability } from '../../../electron/core/capture/fast-readability';
import { installLinkedomFastPaths } from '../../../electron/core/capture/linkedom-fast-paths';

const FIXTURES = join(import.meta.dirname, '../../fixtures/extraction');
const pages = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));

const METHODS = [
  '_isValidByline',
  '_isElementWithoutContent',
  '_isProbablyVisible',
  '_getLinkDensity',
  '_getTextDensity',
];

const parse = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

// Each of the three checks decides something here: a byline by class and by rel, blank blocks
// that go and blank blocks with an image that stay, hidden blocks by style, attribute and aria.
const CHECKS = `<!doctype html><html><head><title>A story about checks</title></head><body>
  <div class="byline">By <span itemprop="name">Ada Lovelace</span></div>
  <article><h1>A story about checks</h1>
  <p>${'The first paragraph is long enough to count as content for the scoring, and it goes on. '.repeat(4)}</p>
  <div style="display: none"><p>${'Hidden by its style attribute, which Readability reads. '.repeat(3)}</p></div>
  <div style="color: red"><p>${'Shown although it has a style attribute of its own here. '.repeat(3)}</p></div>
  <div style="color:red;visibility : hidden ;"><p>${'Hidden by visibility among other rules. '.repeat(3)}</p></div>
  <div style="display:none; display: block"><p>${'Shown: the last display rule wins. '.repeat(3)}</p></div>
  <div style="DISPLAY: none;visibility:"><p>${'Shown: linkedom compares names as written. '.repeat(3)}</p></div>
  <ul><li><a href="#top">${'A link to an anchor counts less. '.repeat(2)}</a></li><li><a href="/x">Another link</a></li></ul>
  <div hidden><p>Hidden by the attribute.</p></div>
  <div aria-hidden="true" class="fallback-image"><p>${'Kept: an aria-hidden fallback image block. '.repeat(3)}</p></div>
  <div aria-hidden="true"><p>Hidden from assistive technology.</p></div>
  <p>   </p><div> <br> </div><div><img src="a.png"></div>
  <p>${'The last paragraph is long enough as well, with commas, and more words. '.repeat(4)}</p>
  <a rel="author" href="/ada">Ada</a></article></body></html>`;

describe('FastReadability', () => {
  for (const [name, html] of [
    ['the checks page', CHECKS],
    ...pages.map((page) => [page, readFileSync(join(FIXTURES, page), 'utf8')]),
  ]) {
    it(`finds what Readability finds on ${name}`, () => {
      installLinkedomFastPaths();
      const ours = new FastReadability(parse(html)).parse();
      const theirs = new Readability(parse(html)).parse();
      expect(ours).toEqual(theirs);
      if (name === 'the checks page') {
        expect(ours?.textContent).toContain('Shown although');
        expect(ours?.textContent).toContain('fallback image block');
        expect(ours?.textContent).not.toContain('Hidden by its style');
        expect(ours?.textContent).not.toContain('Hidden by visibility');
        expect(ours?.textContent).toContain('the last display rule wins');
        expect(ours?.textContent).toContain('names as written');
        expect(ours?.byline).toBe('Ada Lovelace');
      }
    });
  }

  it("uses its own checks while Readability's are the ones they were written against", () => {
    const prototype = FastReadability.prototype as unknown as Record<string, unknown>;
    const original = Readability.prototype as unknown as Record<string, unknown>;
    for (const method of METHODS) expect(prototype[method]).not.toBe(original[method]);
  });

  it('still uses its own checks once bundled by esbuild, which reprints and renames Readability', async () => {
    const { build } = await import('esbuild');
    const root = join(import.meta.dirname, '../../..');
    const result = await build({
      absWorkingDir: root,
      // A top-level name that Readability's methods use for a local makes esbuild rename the local.
      stdin: {
        contents:
          "export { FastReadability } from './electron/core/capture/fast-readability';\nexport const textLength = 0;",
        resolveDir: root,
        loader: 'ts',
      },
      tsconfig: join(root, 'tsconfig.node.json'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'error',
    });
    const [bundle] = result.outputFiles;
    const linkDensity = bundle.text.slice(bundle.text.indexOf('_getLinkDensity(element) {'));
    expect(linkDensity.slice(0, 200)).toMatch(/^_getLinkDensity\(element\) \{\s*var textLength\d+ =/);
    const loaded = { exports: {} as { FastReadability: { prototype: object } } };
    new Function('module', 'exports', 'require', bundle.text)(loaded, loaded.exports, createRequire(import.meta.url));
    const prototype = loaded.exports.FastReadability.prototype;
    for (const method of METHODS) expect(Object.hasOwn(prototype, method), method).toBe(true);
  });
});
