import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bodyToXhtml, xmlId } from '../../../electron/core/export/formats/xhtml-body';

const TAGS =
  'p div span a em strong ul ol li dl dt dd table caption thead tbody tfoot tr td th colgroup col figure figcaption details summary h1 h2 h3 pre code blockquote section header footer address time ruby rt rp bdo img br hr q sub sup del ins mark script style unknown'.split(
    ' ',
  );
const VOID = new Set(['img', 'br', 'hr', 'col']);
const ATTRS = [
  'id="x"',
  'id="1 bad"',
  'href="#x"',
  'href="#gone"',
  'href="https://e.com/a b"',
  'href="javascript:x"',
  'lang="de"',
  'lang="!!"',
  'dir="rtl"',
  'dir="up"',
  'colspan="2"',
  'colspan="-1"',
  'src="a.png"',
  'alt="alt &amp; text"',
  'start="3"',
  'type="x"',
  'value="2"',
  'name="x"',
  'scope="row"',
  'reversed',
];

/** Random tag soup: any element inside any other, with real and nonsense attributes, entities and controls. */
const soup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('text', ' ', '&amp;', '&lt;b&gt;', '&nbsp;', 'a\u0001b', '\uFFFE', 'עברית', '<', '>', '"'),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRS, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, attrs, children]) => {
        const open = `<${tag}${attrs.map((a) => ` ${a}`).join('')}>`;
        return VOID.has(tag) ? open : `${open}${children.join('')}</${tag}>`;
      }),
  ),
})).node;

const PHRASING = new Set(
  'a abbr b bdi bdo br cite code del dfn em i img ins kbd mark q s samp small span strong sub sup u var wbr'.split(' '),
);

/** A few of the content-model rules epubcheck enforces, checked over the parsed XHTML. */
function violations(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const name = element.localName;
    const parent = element.parentElement?.localName;
    const inPhrasingOnly = element.parentElement?.closest(
      'p, h1, h2, h3, h4, h5, h6, pre, summary, span, em, strong, code, q',
    );
    if (!PHRASING.has(name) && inPhrasingOnly && name !== 'html' && name !== 'body')
      found.push(`${name} inside ${inPhrasingOnly.localName}`);
    if (name === 'li' && parent !== 'ul' && parent !== 'ol') found.push(`li in ${parent}`);
    if ((name === 'ul' || name === 'ol') && [...element.children].some((c) => c.localName !== 'li'))
      found.push(`${name} with a non-li child`);
    if (name === 'tr' && !['thead', 'tbody', 'tfoot'].includes(parent ?? '')) found.push(`tr in ${parent}`);
    if ((name === 'td' || name === 'th') && parent !== 'tr') found.push(`${name} in ${parent}`);
    if (name === 'a' && element.parentElement?.closest('a')) found.push('a inside a');
    if (element.id && !/^[A-Za-z_][A-Za-z0-9._-]*$/.test(element.id)) found.push(`id ${element.id}`);
    const href = element.getAttribute('href');
    if (href?.startsWith('#') && !document.getElementById(href.slice(1))) found.push(`dangling ${href}`);
    if (href && !/^(#|https?:|mailto:)/.test(href)) found.push(`href ${href}`);
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  if (new Set(ids).size !== ids.length) found.push('repeated id');
  return found;
}

function convert(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return bodyToXhtml(document.body);
}

const asXhtml = (body: string) =>
  new JSDOM(`<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>${body}</body></html>`, {
    contentType: 'application/xhtml+xml',
  }).window.document;

describe('article HTML as XHTML', () => {
  it('is well-formed XML and keeps the content model for any tag soup', () => {
    fc.assert(
      fc.property(fc.array(soup, { maxLength: 5 }), (parts) => {
        const xhtml = convert(parts.join(''));
        const document = asXhtml(xhtml);
        expect(violations(document)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every piece of text, in order', () => {
    const xhtml = convert(
      '<p>one <div>two</div> three</p><ul>four<li>five</li></ul><table>six<tr><td>seven</td></tr></table>',
    );
    // Blocks are not separated by spaces in textContent: compare the words alone.
    expect(asXhtml(xhtml).body.textContent!.replace(/\s+/g, '')).toBe('onetwothreefourfivesixseven');
  });

  it('writes void elements closed and escapes text and attributes', () => {
    expect(convert('<p>a<br>b &amp; &lt;c&gt; <img src="x.png" alt="&quot;q&quot;"></p>')).toBe(
      '<p>a<br/>b &amp; &lt;c&gt; <img src="x.png" alt="&quot;q&quot;"/></p>',
    );
  });

  it('turns ids into XML names', () => {
    expect(xmlId('op-1 bad:id')).toBe('op-1_bad_id');
    expect(xmlId('9lives')).toBe('op-9lives');
  });
});
