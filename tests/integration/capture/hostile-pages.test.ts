import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureFile } from '../../../electron/core/capture/capture-file';
import { closeExtractionPool } from '../../../electron/core/capture/capture-url';
import { HOSTILE_FIXTURES, hostileFixturePath } from '../../fixtures/hostile/index';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'offprint-hostile-'));
});
afterAll(async () => {
  await closeExtractionPool();
  await rm(root, { recursive: true, force: true });
});

const FORBIDDEN_ELEMENTS =
  /^(script|iframe|frame|frameset|object|embed|form|input|button|textarea|meta|base|link|style|svg|math|template|noscript|video|audio|isindex|xmp|noembed)$/;

describe('hostile pages are stored clean', () => {
  it.each(HOSTILE_FIXTURES)('%s', async (name) => {
    const article = await captureFile(hostileFixturePath(name), {
      assetsDir: join(root, name),
      assetUrl: (file) => `offprint-asset://${name}/${file}`,
    });
    const html = article.content;
    expect(article.textContent).toContain('ordinary paragraph of article text');
    // Checked on the parsed DOM: payload text shown as text ("&lt;img onerror=…&gt;") is harmless.
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    for (const element of document.body.querySelectorAll('*')) {
      expect(element.tagName.toLowerCase()).not.toMatch(FORBIDDEN_ELEMENTS);
      for (const { name: attr, value } of element.attributes) {
        expect(attr).not.toMatch(/^on|^(style|srcdoc|formaction|action|background|poster|srcset)$/i);
        if (attr === 'href' || attr === 'src') expect(value).toMatch(/^(https?:|mailto:|#|offprint-asset:)/);
      }
    }
    expect(html).not.toMatch(/(javascript|vbscript|data)\s*:[^<]*"/i);
    expect(html).not.toContain('marker.invalid');
  });
});
