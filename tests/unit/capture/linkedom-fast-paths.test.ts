import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  collapsedTextLength,
  collapsedTextLongerThan,
  holdsNonSpaceText,
  installLinkedomFastPaths,
  linkDensity,
} from '../../../electron/core/capture/linkedom-fast-paths';

const FIXTURES = join(import.meta.dirname, '../../fixtures/extraction');
const pages = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));

const parse = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

// css-select answers `:is(...)` itself: the fast paths take tag lists, attribute tests and `>` or ' ' between them.
const SELECTORS = [
  '[itemtype]',
  'pre,p,[itemtype]',
  'main[itemtype],[role="main"][itemtype]',
  'main,article,[role="main"]',
  '[class*="card"],[id*="note"],[class*="nothing"]',
  '[class="lead  big"]',
  '[class*=""]',
  '[lang="EN"]',
  'div > br',
  'li p',
  'article ul > li p',
  'main p > a[href]',
  'p',
  'P',
  ' p , pre,article ',
  'div,section,header,h1,h2,h3,h4,h5,h6,p,td,pre',
  'span,li,td,blockquote,dl,div,img,ol,p,pre,table,ul',
  'img,pre,table',
  'article,main',
  'ul,ol',
  'h1',
  'a',
  'meta',
  'script',
  'foreignObject',
  'custom-card',
  'nothing-here',
];

const TRICKY = `<!doctype html><html lang="en"><head><title>t</title><meta name="a" content="b"></head><body>
  <main role="main" itemtype="https://schema.org/Thing"><article><H1>Head</H1><p class="lead  big">one <a href="/x">link</a></p>
  <Custom-Card class="card" itemtype="x"><p>in card</p></Custom-Card><div id="footnote">a<br>b</div><div><p>c<br></p></div>
  <template><p>inside a template</p><img src="t.png"></template>
  <svg><foreignObject><p>in svg</p></foreignObject></svg>
  <ul><li><p>item <img src="i.png"></p></li></ul><pre>code</pre><table><tr><td>cell</td></tr></table></article></main>
  <footer><ol><li>last</li></ol></footer></body></html>`;

/** Every element, with linkedom's public API only. */
function elementsOf(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType !== 1) continue;
      out.push(child as Element);
      visit(child);
    }
  };
  visit(root);
  return out;
}

describe('linkedom fast paths', () => {
  it('install on linkedom as it is laid out', () => {
    expect(installLinkedomFastPaths()).toBe(true);
    expect(installLinkedomFastPaths()).toBe(true);
  });

  for (const name of [...pages, 'tricky markup']) {
    it(`give css-select's answers to querySelector(All) and closest on ${name}`, () => {
      installLinkedomFastPaths();
      const document = parse(name === 'tricky markup' ? TRICKY : readFileSync(join(FIXTURES, name), 'utf8'));
      const contexts: ParentNode[] = [document, ...elementsOf(document).filter((_, i) => i % 7 === 0)];
      let compared = 0;
      for (const selector of SELECTORS) {
        const slow = `:is(${selector})`;
        for (const context of contexts) {
          expect(context.querySelectorAll(selector)).toEqual(context.querySelectorAll(slow));
          expect(context.querySelector(selector)).toBe(context.querySelector(slow));
          compared++;
        }
        for (const element of contexts.slice(1) as Element[]) {
          expect(element.closest(selector)).toBe(element.closest(slow));
          expect(element.matches(selector)).toBe(element.matches(slow));
        }
      }
      expect(compared).toBeGreaterThan(SELECTORS.length);
      expect(document.querySelectorAll('*')).toEqual(document.querySelectorAll(':is(*)'));
    });
  }

  it('read and write className as linkedom does, making the DOMTokenList only when asked for', () => {
    installLinkedomFastPaths();
    const document = parse('<div class="  a b\ta  "></div><p></p><section class=""></section>');
    const div = document.querySelector('div') as Element;
    expect(div.className).toBe('a b');
    expect(div.getAttribute('class')).toBe('a b');
    expect(div.outerHTML).toBe('<div class="a b"></div>');
    div.setAttribute('class', ' x  y x ');
    expect(div.className).toBe('x y');
    expect([...div.classList]).toEqual(['x', 'y']);
    div.classList.add('z');
    expect(div.className).toBe('x y z');
    expect(div.getAttribute('class')).toBe('x y z');
    div.className = 'q';
    expect(div.classList.contains('x')).toBe(false);
    expect(div.outerHTML).toBe('<div class="q"></div>');
    div.removeAttribute('class');
    expect(div.className).toBe('');
    const p = document.querySelector('p') as Element;
    expect(p.className).toBe('');
    p.className = 'one  two';
    expect(p.outerHTML).toBe('<p class="one two"></p>');
    expect((document.querySelector('section') as Element).className).toBe('');
    p.className = ' one two  one';
    expect(p.outerHTML).toBe('<p class="one two"></p>');
    p.className = 'one';
    expect(p.getAttribute('class')).toBe('one');
    p.className = '';
    expect(p.getAttribute('class')).toBe('');
    expect(p.outerHTML).toBe('<p></p>');
    const kept = parse('<b class="x y">1</b><i class="solo">2</i><u class="x\ny">3</u>');
    expect([...kept.querySelectorAll('[class]')].map((e) => [e.className, e.getAttribute('class')])).toEqual([
      ['x y', 'x y'],
      ['solo', 'solo'],
      ['x y', 'x y'],
    ]);
  });

  it('give an element its text as linkedom does, and say whether any of it is more than white space', () => {
    installLinkedomFastPaths();
    const document = parse('<div> a <b>b<!-- c --></b><style>s{}</style>\u00a0</div><p> \u00a0\n<i>\u3000</i></p>');
    const div = document.querySelector('div') as Element;
    expect(div.textContent).toBe(' a bs{}\u00a0');
    expect((document.querySelector('style') as Element).textContent).toBe('s{}');
    expect(holdsNonSpaceText(div)).toBe(true);
    expect(holdsNonSpaceText(document.querySelector('p') as Element)).toBe(false);
    expect(holdsNonSpaceText(document.querySelector('i') as Element)).toBe(false);
    div.textContent = 'new';
    expect(div.innerHTML).toBe('new');
  });

  it("count the length of an element's trimmed text with its white space runs collapsed, as Readability measures it", () => {
    installLinkedomFastPaths();
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const document = parse(
      `<div>${spaces}a<b> b${spaces}</b>c<!-- x  y --><i>  </i>d \u200b e<span>${spaces}</span></div><p>  </p><p>x</p><p>\u{1f600} y</p>`,
    );
    const readabilitys = (e: Element) => (e.textContent ?? '').trim().replace(/\s{2,}/g, ' ').length;
    const measured = elementsOf(document).map((e) => [collapsedTextLength(e), readabilitys(e)]);
    expect(measured.map(([ours]) => ours)).toEqual(measured.map(([, theirs]) => theirs));
    expect(collapsedTextLength(document.querySelector('div') as Element)).toBe('a b c d \u200b e'.length);
    expect(measured.map(([ours]) => ours)).toContain(0);
    for (const name of pages) {
      const page = parse(readFileSync(join(FIXTURES, name), 'utf8'));
      for (const element of elementsOf(page)) expect(collapsedTextLength(element)).toBe(readabilitys(element));
    }
  });

  it("measure an element's link density in one walk as link by link, nested links and anchors included", () => {
    installLinkedomFastPaths();
    const weight = (link: Element) => (link.getAttribute('href')?.startsWith('#') ? 0.3 : 1);
    const nested = parse(
      '<div> Some  text <a href="#x"> an <b>anchor</b> </a> and <a href="/y">a <a href="/z">link\u00a0in</a> a link</a><p>  </p></div>',
    );
    let compared = 0;
    for (const document of [nested, ...pages.map((name) => parse(readFileSync(join(FIXTURES, name), 'utf8')))]) {
      for (const element of elementsOf(document)) {
        const text = collapsedTextLength(element);
        let links = 0;
        for (const link of element.getElementsByTagName('a')) links += collapsedTextLength(link) * weight(link);
        expect(linkDensity(element, weight)).toBe(text === 0 ? 0 : links / text);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    const div = nested.querySelector('div') as Element;
    expect(div.getElementsByTagName('a')).toHaveLength(3);
    expect(div.querySelector('a a')?.textContent).toBe('link\u00a0in');
    expect(linkDensity(div, weight)).toBeGreaterThan(0.5);
  });

  it('tell whether the collapsed text is longer than a bound, as its full length would', () => {
    installLinkedomFastPaths();
    const document = parse('<div> a  b <p>cd\n\n ef</p><p></p>g </div>');
    const div = document.querySelector('div') as Element;
    expect(collapsedTextLength(div)).toBe('a b cd efg'.length);
    for (let max = 0; max <= 12; max++) expect(collapsedTextLongerThan(div, max)).toBe(max < 10);
    for (const name of pages) {
      const page = parse(readFileSync(join(FIXTURES, name), 'utf8'));
      for (const element of elementsOf(page))
        for (const max of [0, 40, 300])
          expect(collapsedTextLongerThan(element, max)).toBe(collapsedTextLength(element) > max);
    }
  });

  it('read siblings, parents, children and attribute values as linkedom does', () => {
    installLinkedomFastPaths();
    let compared = 0;
    for (const html of [TRICKY, ...pages.map((name) => readFileSync(join(FIXTURES, name), 'utf8'))]) {
      const document = parse(html);
      const visit = (parent: Node) => {
        const children = [...parent.childNodes];
        children.forEach((child, i) => {
          // linkedom gives a doctype no siblings.
          if (child.nodeType === 10) return;
          expect(child.nextSibling).toBe(children[i + 1] ?? null);
          expect(child.parentElement).toBe(parent.nodeType === 1 ? parent : null);
          compared++;
          if (child.nodeType !== 1) return;
          const element = child as Element;
          expect([...element.children]).toEqual([...element.childNodes].filter((node) => node.nodeType === 1));
          for (const name of [...element.getAttributeNames(), 'missing'])
            expect(element.getAttribute(name)).toBe(
              name === 'class' ? element.className : (element.getAttributeNode(name)?.value ?? null),
            );
          visit(element);
        });
      };
      visit(document);
      expect(document.children).toEqual([document.documentElement]);
    }
    expect(compared).toBeGreaterThan(1000);
    const fragment = parse(TRICKY).createDocumentFragment();
    fragment.append(parse(TRICKY).createElement('p'));
    expect(fragment.firstChild?.parentElement).toBeNull();
    const quoted = parse('<p title="a &quot;b&quot; &amp; <c>" data-x="">x</p>').querySelector('p') as Element;
    expect(quoted.getAttribute('title')).toBe('a "b" & <c>');
    expect(quoted.getAttribute('data-x')).toBe('');
  });

  it("skip a nested template's content and return a NodeList, like linkedom", () => {
    installLinkedomFastPaths();
    const document = parse(TRICKY);
    const found = document.querySelectorAll('p');
    expect([...found].map((p) => p.textContent)).toEqual(['one link', 'in card', 'c', 'in svg', 'item ']);
    expect(found.item(0)?.textContent).toBe('one link');
    // Asked of the template itself, linkedom walks its content.
    const template = document.querySelector('template') as Element;
    expect(template.querySelector('p')).toBe(template.querySelector(':is(p)'));
    expect(template.querySelector('p')?.textContent).toBe('inside a template');
  });

  it('match getElementsByTagName by name as written or upper-cased, and "*" to nothing, as linkedom does', () => {
    installLinkedomFastPaths();
    const document = parse(TRICKY);
    const all = elementsOf(document);
    for (const name of ['p', 'P', 'li', 'LI', 'Li', 'foreignObject', 'FOREIGNOBJECT', 'foreignobject', 'custom-card']) {
      const expected = all.filter((e) => e.localName === name || e.localName.toUpperCase() === name);
      expect(document.getElementsByTagName(name)).toEqual(expected);
    }
    expect(document.getElementsByTagName('p').length).toBe(6);
    expect(document.getElementsByTagName('*')).toHaveLength(0);
    expect(all.map((e) => e.tagName)).toEqual(all.map((e) => e.localName.toUpperCase()));
  });

  it('leave XML documents to linkedom: names stay case-sensitive', () => {
    installLinkedomFastPaths();
    const xml = new DOMParser().parseFromString('<root><Item>a</Item><item>b</item></root>', 'text/xml');
    expect([...xml.querySelectorAll('item')].map((e) => e.textContent)).toEqual(['b']);
    expect([...xml.getElementsByTagName('Item')].map((e) => e.textContent)).toEqual(['a']);
    expect(xml.querySelector('Item')?.tagName).toBe('Item');
  });

  it('create nodes without a listener map yet still listen, bubble, stop and forget as linkedom does', () => {
    installLinkedomFastPaths();
    const { document, Event } = parseHTML('<main><section><p>x</p></section></main>') as unknown as {
      document: Document;
      Event: typeof globalThis.Event;
    };
    const p = document.querySelector('p') as HTMLElement;
    const section = document.querySelector('section') as HTMLElement;
    const heard: string[] = [];
    const once = () => heard.push('once');
    p.addEventListener('ping', once, { once: true });
    p.addEventListener('ping', (event) => heard.push(`p:${event.eventPhase}:${event.target === p}`));
    p.addEventListener('ping', { handleEvent: () => heard.push('object') });
    section.addEventListener('ping', (event) =>
      heard.push(`section:${event.eventPhase}:${event.currentTarget === section}`),
    );
    document.addEventListener('ping', () => heard.push('document'));

    expect(p.dispatchEvent(new Event('ping', { bubbles: true }))).toBe(true);
    expect(heard).toEqual(['once', 'p:2:true', 'object', 'section:3:true', 'document']);

    heard.length = 0;
    p.dispatchEvent(new Event('ping'));
    expect(heard).toEqual(['p:2:true', 'object']);

    heard.length = 0;
    const stopper = (event: Event) => {
      heard.push('stopper');
      event.stopImmediatePropagation();
    };
    section.addEventListener('halt', stopper);
    section.addEventListener('halt', () => heard.push('after stopper'));
    section.dispatchEvent(new Event('halt'));
    section.removeEventListener('halt', stopper);
    section.dispatchEvent(new Event('halt'));
    expect(heard).toEqual(['stopper', 'after stopper']);

    const fresh = document.createElement('button');
    fresh.removeEventListener('click', once);
    let clicks = 0;
    fresh.addEventListener('click', () => clicks++);
    fresh.click();
    expect(clicks).toBe(1);
    expect(document.createTextNode('t').dispatchEvent(new Event('none'))).toBe(true);
  });

  it("keep the window's own listeners working", () => {
    installLinkedomFastPaths();
    const { window, document, Event } = parseHTML('<p>x</p>') as unknown as {
      window: Window;
      document: Document;
      Event: typeof globalThis.Event;
    };
    let loaded = 0;
    document.defaultView?.addEventListener('load', () => loaded++);
    document.defaultView?.dispatchEvent(new Event('load'));
    expect(loaded).toBe(1);
    expect(typeof window.addEventListener).toBe('function');
  });
});
