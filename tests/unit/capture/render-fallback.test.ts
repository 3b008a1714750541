import { describe, expect, it } from 'vitest';
import type { PageRenderer } from '../../../electron/core/capture/page-renderer';
import { needsRendering, visibleWords, withRenderedFallback } from '../../../electron/core/capture/render-fallback';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const page = (body: string, head = '') =>
  `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('needsRendering', () => {
  it('renders app shells, "enable JavaScript" pages and tiny scripted bodies', () => {
    expect(needsRendering(page('<div id="root"></div><script src="/app.js"></script>'))).toBe(true);
    expect(
      needsRendering(
        page(`<noscript>Please enable JavaScript.</noscript><nav>${words(150)}</nav><script>go()</script>`),
      ),
    ).toBe(true);
    expect(needsRendering(page('<p>Loading…</p><script>load()</script>'))).toBe(true);
  });

  it('leaves pages without scripts, and scripted pages that show an article, alone', () => {
    expect(needsRendering(page('<div id="root"></div>'))).toBe(false);
    expect(needsRendering(page(`<article><p>${words(400)}</p></article><script>track()</script>`))).toBe(false);
    expect(
      needsRendering(page(`<noscript>Please enable JavaScript.</noscript><p>${words(500)}</p><script></script>`)),
    ).toBe(false);
  });

  it('counts only what a reader sees', () => {
    const hidden = `<script>${words(500)}</script><style>.a{}</style><noscript>${words(50)}</noscript><!-- ${words(9)} -->`;
    expect(visibleWords(page(`<p>one two &amp; three</p>${hidden}`, `<meta name="x" content="${words(5)}">`))).toBe(3);
  });
});

describe('withRenderedFallback', () => {
  const shell = {
    url: 'https://example.com/app',
    kind: 'html' as const,
    text: page('<div id="root"></div><script></script>'),
  };
  const rendering = (result: () => Promise<{ url: string; html: string }>): PageRenderer => ({ render: result });

  it('takes the rendered DOM when it shows more', async () => {
    const html = page(`<article>${words(200)}</article>`);
    const result = await withRenderedFallback(
      shell,
      rendering(async () => ({ url: 'https://example.com/app#/', html })),
    );
    expect(result).toEqual({ url: 'https://example.com/app#/', kind: 'html', text: html });
  });

  it('keeps the page as fetched when rendering fails, adds nothing, or ends off the web', async () => {
    expect(
      await withRenderedFallback(
        shell,
        rendering(() => Promise.reject(new Error('crashed'))),
      ),
    ).toBe(shell);
    expect(
      await withRenderedFallback(
        shell,
        rendering(async () => ({ url: shell.url, html: shell.text })),
      ),
    ).toBe(shell);
    const html = page(`<article>${words(200)}</article>`);
    expect(
      (
        await withRenderedFallback(
          shell,
          rendering(async () => ({ url: 'about:blank', html })),
        )
      ).url,
    ).toBe(shell.url);
    expect(await withRenderedFallback(shell, undefined)).toBe(shell);
  });
});
