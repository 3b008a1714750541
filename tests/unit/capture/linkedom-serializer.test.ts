import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { installLinkedomFastPaths } from '../../../electron/core/capture/linkedom-fast-paths';

const FIXTURES = join(import.meta.dirname, '../../fixtures/extraction');
const pages = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));

const parse = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

/** The prototype that holds linkedom's element toString and innerHTML, with linkedom's own, read before anything is installed. */
const elementPrototype = (() => {
  let proto: object | null = Object.getPrototypeOf(parse('<p>x</p>').createElement('p'));
  while (proto && !Object.hasOwn(proto, 'toString')) proto = Object.getPrototypeOf(proto);
  return proto as object;
})();
const linkedomToString = (elementPrototype as { toString(this: Element): string }).toString;
const linkedomInnerHtml = Object.getOwnPropertyDescriptor(elementPrototype, 'innerHTML')?.get as (
  this: Element,
) => string;

// What linkedom writes in its own way: empty boolean and id/class/style attributes, quotes and
// ampersands in values, no-break spaces, void and SVG elements, raw-text elements, comments, a template.
const TRICKY = `<!doctype html><html lang="en"><head><title>a &amp; b</title></head><body class="">
  <p id="" class="" style="" hidden title='say "hi" &amp; <go>' data-x="">one&nbsp;&amp;&lt;two&gt; <br><img src="a.png" alt=""></p>
  <input disabled value=""><!-- a comment --><textarea>raw &lt; text</textarea><xmp>state: >-</xmp>
  <svg viewBox="0 0 1 1"><path d="M0 0"/><g><circle r="1"></circle></g><foreignObject><p>in svg</p></foreignObject></svg>
  <script>if (a < b && c) {}</script><style>p > a { color: red }</style>
  <template><p>inside a template</p></template><custom-card is="x"><b>bold</b></custom-card>
  <table><tr><td>cell</td></tr></table><div><span></span></div></body></html>`;

function allElements(document: Document): Element[] {
  return [...document.querySelectorAll(':is(*)')];
}

describe('linkedom serializer', () => {
  it('writes every element of every fixture page, and its children, as linkedom writes them', () => {
    expect(installLinkedomFastPaths()).toBe(true);
    // Installed now, so the comparisons below are with linkedom's own.
    expect((elementPrototype as { toString: unknown }).toString).not.toBe(linkedomToString);
    let compared = 0;
    for (const html of [TRICKY, ...pages.map((name) => readFileSync(join(FIXTURES, name), 'utf8'))]) {
      const document = parse(html);
      for (const element of allElements(document)) {
        // A raw-text element (script, style, textarea, title) writes itself with its own toString, left as it is.
        if (element.toString !== (elementPrototype as { toString: unknown }).toString) continue;
        expect(element.outerHTML).toBe(linkedomToString.call(element));
        expect(String(element)).toBe(linkedomToString.call(element));
        expect(element.innerHTML).toBe(linkedomInnerHtml.call(element));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('writes what the page holds once changed, and raw text, SVG and void elements in their own way', () => {
    installLinkedomFastPaths();
    const document = parse(TRICKY);
    const p = document.querySelector('p') as Element;
    p.setAttribute('data-y', 'a"b');
    p.append(document.createTextNode('\u00a0<x>'), document.createComment('c'));
    p.removeAttribute('hidden');
    expect(p.outerHTML).toBe(linkedomToString.call(p));
    expect(p.outerHTML).toContain('title="say &quot;hi&quot; & <go>"');
    expect(p.outerHTML).toContain('&#160;&lt;x&gt;<!--c--></p>');
    expect(p.outerHTML).not.toContain('hidden');
    const body = document.body;
    expect(body.innerHTML).toBe(linkedomInnerHtml.call(body));
    expect(body.innerHTML).toContain('<textarea>raw &lt; text</textarea>');
    expect(body.innerHTML).toContain('<xmp>state: &gt;-</xmp>');
    expect(body.innerHTML).toContain('<path d="M0 0" />');
    expect(body.innerHTML).toContain('<br><img src="a.png" alt="">');
    expect(body.innerHTML).toContain('<script>if (a < b && c) {}</script>');
    expect(document.head.innerHTML).toBe('<title>a & b</title>');
  });

  it('leaves XML documents to linkedom', () => {
    installLinkedomFastPaths();
    const xml = new DOMParser().parseFromString('<root><Item a="x &amp; y"/><br/></root>', 'text/xml');
    const root = xml.documentElement as unknown as Element;
    expect(root.outerHTML).toBe(linkedomToString.call(root));
    expect(root.outerHTML).toBe('<root><Item a="x &amp; y" /><br /></root>');
  });
});
