import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { writeEpub } from '../../../electron/core/export/formats/epub';
import { fixtureLibrary, FIXTURE_ARTICLES, HOSTILE_TITLE, PNG, PNG_NAME } from './export-fixtures';

/** Parses as XML, which throws on anything that is not well-formed. */
const xml = (text: string, type = 'application/xhtml+xml') => new JSDOM(text, { contentType: type }).window.document;

describe('EPUB export', async () => {
  const result = await writeEpub(fixtureLibrary(), {
    title: 'Offprint — Inbox',
    modified: new Date('2024-05-01T10:00:00.123Z'),
  });
  const files = unzipSync(result.bytes);
  const text = (name: string) => strFromU8(files[name]);

  it('starts with the mimetype file, stored uncompressed and without extra fields', () => {
    const bytes = result.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    expect(view.getUint16(28, true)).toBe(0); // extra field length
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(38, 58))).toBe('application/epub+zip');
    expect(Object.keys(files)[0]).toBe('mimetype');
  });

  it('writes only well-formed XML', () => {
    const xmlFiles = Object.keys(files).filter((name) => /\.(xhtml|opf|ncx|xml)$/.test(name));
    expect(xmlFiles).toHaveLength(FIXTURE_ARTICLES.length + 4);
    for (const name of xmlFiles) {
      expect(
        () => xml(text(name), name.endsWith('.xhtml') ? 'application/xhtml+xml' : 'application/xml'),
        name,
      ).not.toThrow();
    }
  });

  it('has a table of contents in nav.xhtml and toc.ncx, in the order given', () => {
    const titles = FIXTURE_ARTICLES.map(({ article }) => article.title.replace(/\s+/g, ' ').trim());
    const nav = xml(text('OEBPS/nav.xhtml'));
    expect([...nav.querySelectorAll('nav li a')].map((a) => a.textContent)).toEqual(titles);
    expect(nav.querySelector('nav li a')!.getAttribute('href')).toBe('articles/uni00000001.xhtml');
    const ncx = xml(text('OEBPS/toc.ncx'), 'application/xml');
    expect([...ncx.querySelectorAll('navPoint navLabel text')].map((t) => t.textContent)).toEqual(titles);
  });

  it('describes the book: title, identifier, language, modified time, creators', () => {
    const opf = xml(text('OEBPS/content.opf'), 'application/xml');
    const dc = (name: string) => [...opf.getElementsByTagName(`dc:${name}`)].map((e) => e.textContent);
    expect(dc('title')).toEqual(['Offprint — Inbox']);
    expect(dc('identifier')[0]).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(dc('language')).toEqual(['de']);
    expect(dc('creator')).toEqual(['Zoë Łukasiewicz', 'كاتب', '---', 'Some Author']);
    expect(opf.querySelector('meta[property="dcterms:modified"]')!.textContent).toBe('2024-05-01T10:00:00Z');
    const ncx = xml(text('OEBPS/toc.ncx'), 'application/xml');
    expect(ncx.querySelector('meta[name="dtb:uid"]')!.getAttribute('content')).toBe(dc('identifier')[0]);
  });

  it('embeds the images e-readers show and puts the alt text in place of the others', () => {
    expect(files[`OEBPS/images/uni00000001/${PNG_NAME}`]).toEqual(PNG);
    expect(text('OEBPS/content.opf')).toContain(`href="images/uni00000001/${PNG_NAME}" media-type="image/png"`);
    expect(result.imagesLeftOut).toBe(1);
    const chapter = xml(text('OEBPS/articles/uni00000001.xhtml'));
    expect(chapter.querySelector('figure img')!.getAttribute('src')).toBe(`../images/uni00000001/${PNG_NAME}`);
    expect(chapter.body.textContent).toContain('A picture the e-reader cannot show: webp diagram');
    expect(chapter.querySelectorAll('table tr')).toHaveLength(3);
    expect(chapter.querySelector('pre code')!.textContent).toContain('a < b && c > d');
    expect(chapter.querySelector('.highlights')!.textContent).toContain('A note, with "quotes"');
  });

  it('keeps hostile titles and text as text, and right-to-left articles right to left', () => {
    const hostile = xml(text('OEBPS/articles/hostile00001.xhtml'));
    expect(hostile.querySelector('h1')!.textContent).toBe(HOSTILE_TITLE.replace(/\s+/g, ' '));
    expect(hostile.querySelectorAll('script')).toHaveLength(0);
    expect(hostile.body.textContent).toContain('Text <script>alert(1)</script> stays text');
    // A link to an anchor that is not there loses its href; one that is there keeps it.
    expect(hostile.querySelector('a[href="#op-nowhere"]')).toBeNull();
    expect(hostile.querySelector('a[href="#op-anchor"]')).not.toBeNull();
    const rtl = xml(text('OEBPS/articles/rtl000000001.xhtml'));
    expect(rtl.documentElement.getAttribute('dir')).toBe('rtl');
    expect(rtl.documentElement.getAttribute('lang')).toBe('ar');
  });

  it('says when an article has no stored text', () => {
    expect(text('OEBPS/articles/doc000000001.xhtml')).toContain('not stored in Offprint');
  });

  it('refuses an empty selection', async () => {
    await expect(writeEpub(fixtureLibrary([]), { title: 'x' })).rejects.toThrow(/no articles/);
  });
});
