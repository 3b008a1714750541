/**
 * An EPUB 3 book of a selection or a view, for e-readers: one chapter per article with its
 * images, its highlights at the end, a table of contents (nav.xhtml, and toc.ncx for older
 * readers) and Dublin Core metadata. Built in memory: meant for the articles one reads on a
 * device, not for a whole library of thousands.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, Highlight } from '@shared/model';
import { passageOf, siteOf } from '@shared/transfer/markdown-export';
import { detectImage } from '../../capture/image-type';
import { articleBody } from '../article-html';
import { hasWebUrl, isSafeImageName, type ExportLibrary } from '../export-model';
import { bodyToXhtml, LANGUAGE_TAG, xmlAttr, xmlText } from './xhtml-body';

export interface EpubOptions {
  /** The book's title, e.g. "Offprint — Inbox". */
  title: string;
  /** When the book was made; dcterms:modified. Defaults to now. */
  modified?: Date;
  /** The book's language; defaults to the language most of its articles have, else "en". */
  language?: string;
}

/** Image formats every EPUB 3 reader shows; others (WebP, AVIF, icons) are replaced by their alt text. */
const CORE_IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' };

const CSS = `body { margin: 0 5%; line-height: 1.5; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
pre { white-space: pre-wrap; font-size: 0.85em; }
table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
.meta { color: #555; font-size: 0.9em; }
.highlights blockquote { margin: 1em 0 0.3em; padding-left: 0.8em; border-left: 3px solid #c9a227; }
.note { font-style: italic; margin-top: 0; }
`;

interface Chapter {
  article: ArticleMeta;
  file: string;
  lang: string;
  title: string;
}

interface ManifestItem {
  id: string;
  href: string;
  type: string;
  properties?: string;
}

const XHTML_HEAD = (lang: string, title: string, css: string, dir: string | null) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${xmlAttr(lang)}" xml:lang="${xmlAttr(lang)}"${dir ? ` dir="${dir}"` : ''}>
<head>
<title>${xmlText(title)}</title>
<link rel="stylesheet" type="text/css" href="${css}"/>
</head>
`;

/** "2024-03-05T09:12:44Z": the form dcterms:modified requires (no fractions of a second). */
const modifiedStamp = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** A stable identifier for the same set of articles: re-exporting updates the book on a reader instead of adding another. */
function bookUuid(articles: readonly ArticleMeta[], title: string): string {
  const hex = createHash('sha256')
    .update(`${title}\n${articles.map((a) => a.id).join('\n')}`)
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function bookLanguage(articles: readonly ArticleMeta[], given?: string): string {
  if (given && LANGUAGE_TAG.test(given)) return given;
  const counts = new Map<string, number>();
  for (const a of articles) if (a.lang && LANGUAGE_TAG.test(a.lang)) counts.set(a.lang, (counts.get(a.lang) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'en';
}

const displayTitle = (article: ArticleMeta) => article.title.replace(/\s+/g, ' ').trim() || 'Untitled';

function highlightsXhtml(highlights: readonly Highlight[]): string {
  if (highlights.length === 0) return '';
  const items = highlights.map((h) => {
    const paragraphs = passageOf(h)
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p>${xmlText(line.trim())}</p>`)
      .join('');
    const note = h.note.trim() ? `<p class="note">${xmlText(h.note.trim()).replace(/\r?\n/g, '<br/>')}</p>` : '';
    return `<blockquote>${paragraphs}</blockquote>${note}`;
  });
  return `<section class="highlights" id="offprint-highlights"><h2>Highlights</h2>${items.join('\n')}</section>\n`;
}

function chapterXhtml(chapter: Chapter, highlights: readonly Highlight[], body: string | null): string {
  const { article } = chapter;
  const meta = [article.byline, article.url || article.siteName ? siteOf(article) : null]
    .filter((part): part is string => !!part?.trim())
    .map((part) => xmlText(part.trim()));
  const link = hasWebUrl(article) ? safeWebLink(article.url) : null;
  const metaLine = [...meta, ...(link ? [`<a href="${xmlAttr(link)}">${xmlText(link)}</a>`] : [])].join(' · ');
  return `${XHTML_HEAD(chapter.lang, chapter.title, '../style.css', article.dir)}<body>
<h1 id="offprint-title">${xmlText(chapter.title)}</h1>
${metaLine ? `<p class="meta">${metaLine}</p>\n` : ''}<div class="article">${body ?? '<p><em>The text of this article is not stored in Offprint.</em></p>'}</div>
${highlightsXhtml(highlights)}</body>
</html>
`;
}

function safeWebLink(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

function navXhtml(chapters: readonly Chapter[], lang: string, title: string): string {
  const items = chapters
    .map((c) => {
      const dir = c.article.dir ? ` dir="${c.article.dir}"` : '';
      return `<li><a href="${c.file}"${dir}>${xmlText(c.title)}</a></li>`;
    })
    .join('\n');
  return `${XHTML_HEAD(lang, title, 'style.css', null)}<body>
<nav epub:type="toc" id="toc"><h1>${xmlText(title)}</h1>
<ol>
${items}
</ol>
</nav>
</body>
</html>
`;
}

function tocNcx(chapters: readonly Chapter[], identifier: string, lang: string, title: string): string {
  const points = chapters
    .map(
      (c, i) =>
        `<navPoint id="np-${i + 1}" playOrder="${i + 1}"><navLabel><text>${xmlText(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${xmlAttr(lang)}">
<head>
<meta name="dtb:uid" content="${xmlAttr(identifier)}"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${xmlText(title)}</text></docTitle>
<navMap>
${points}
</navMap>
</ncx>
`;
}

function packageOpf(
  items: readonly ManifestItem[],
  chapters: readonly Chapter[],
  meta: { identifier: string; title: string; lang: string; modified: string; creators: string[] },
): string {
  const creators = meta.creators.map((c, i) => `<dc:creator id="creator-${i + 1}">${xmlText(c)}</dc:creator>`);
  const manifest = items.map(
    (item) =>
      `<item id="${item.id}" href="${xmlAttr(item.href)}" media-type="${item.type}"${item.properties ? ` properties="${item.properties}"` : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${xmlAttr(meta.lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${xmlText(meta.identifier)}</dc:identifier>
<dc:title>${xmlText(meta.title)}</dc:title>
<dc:language>${xmlText(meta.lang)}</dc:language>
${creators.join('\n')}${creators.length ? '\n' : ''}<dc:publisher>Offprint</dc:publisher>
<meta property="dcterms:modified">${meta.modified}</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx">
<itemref idref="nav"/>
${chapters.map((c) => `<itemref idref="chapter-${c.article.id}"/>`).join('\n')}
</spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

export interface EpubResult {
  bytes: Uint8Array;
  chapters: number;
  /** Images left out because e-readers need not show their format (WebP, AVIF, icons). */
  imagesLeftOut: number;
}

export async function writeEpub(library: ExportLibrary, options: EpubOptions): Promise<EpubResult> {
  const articles = library.articles.map((a) => a.article);
  if (articles.length === 0) throw new OffprintError('nothing-to-export', 'There are no articles to put in a book.');
  const title = options.title.replace(/\s+/g, ' ').trim() || 'Offprint';
  const lang = bookLanguage(articles, options.language);
  const identifier = `urn:uuid:${bookUuid(articles, title)}`;
  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  files['META-INF/container.xml'] = strToU8(CONTAINER);
  const items: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', type: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', type: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', type: 'text/css' },
  ];
  const chapters: Chapter[] = [];
  let imagesLeftOut = 0;
  for (const { article, highlights } of library.articles) {
    const chapter: Chapter = {
      article,
      file: `articles/${article.id}.xhtml`,
      lang: article.lang && LANGUAGE_TAG.test(article.lang) ? article.lang : lang,
      title: displayTitle(article),
    };
    const html = await library.readContent(article.id);
    let body: string | null = null;
    if (html !== null) {
      const images = await library.readImages(article.id);
      const used = new Map<string, string>();
      const element = articleBody(html, article.id, (name) => {
        const bytes = images.get(name);
        const type = bytes && isSafeImageName(name) ? CORE_IMAGE_TYPES[detectImage(bytes)?.format ?? ''] : undefined;
        if (!bytes || !type) {
          if (bytes) imagesLeftOut += 1;
          return null;
        }
        const href = `images/${article.id}/${name}`;
        if (!used.has(name)) {
          used.set(name, href);
          items.push({ id: `img-${items.length}`, href, type });
          files[`OEBPS/${href}`] = [bytes, { level: 0 }];
        }
        return `../${href}`;
      });
      body = bodyToXhtml(element, ['offprint-title', 'offprint-highlights']);
    }
    files[`OEBPS/${chapter.file}`] = strToU8(chapterXhtml(chapter, highlights, body));
    items.push({ id: `chapter-${article.id}`, href: chapter.file, type: 'application/xhtml+xml' });
    chapters.push(chapter);
  }
  const creators = [
    ...new Set(articles.map((a) => a.byline?.replace(/\s+/g, ' ').trim()).filter((b): b is string => !!b)),
  ];
  files['OEBPS/nav.xhtml'] = strToU8(navXhtml(chapters, lang, title));
  files['OEBPS/toc.ncx'] = strToU8(tocNcx(chapters, identifier, lang, title));
  files['OEBPS/style.css'] = strToU8(CSS);
  files['OEBPS/content.opf'] = strToU8(
    packageOpf(items, chapters, {
      identifier,
      title,
      lang,
      modified: modifiedStamp(options.modified ?? new Date()),
      creators: creators.slice(0, 50),
    }),
  );
  return { bytes: zipSync(files, { level: 6 }), chapters: chapters.length, imagesLeftOut };
}
