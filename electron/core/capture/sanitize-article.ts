/**
 * The allowlist every stored article passes through. Only structure, text, links and
 * images survive: no scripts, styles, frames, forms, event handlers, or javascript:/data:
 * URLs. Stored ids are prefixed so that article markup cannot clobber the reader's globals.
 */
import sanitizeHtml, { type IOptions, type Transformer } from 'sanitize-html';
import { MATHML_ATTRIBUTES, MATHML_TAGS } from '@shared/reading/mathml-core';
import { withoutTemplatePlaceholders } from './template-placeholders';

const ID_PREFIX = 'op-';

const ALLOWED_TAGS = [
  'article',
  'section',
  'header',
  'footer',
  'aside',
  'div',
  'span',
  'p',
  'br',
  'hr',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'abbr',
  'dfn',
  'time',
  'bdi',
  'bdo',
  'wbr',
  'ruby',
  'rt',
  'rp',
  'details',
  'summary',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'img',
  'a',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  ...MATHML_TAGS,
];

/** Elements dropped together with everything inside them. */
export const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'option',
  'select',
  'button',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'annotation',
  'annotation-xml',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'form',
  'dialog',
  'nav',
];

const GLOBAL_ATTRIBUTES = ['id', 'lang', 'dir', 'title'];

const BASE_OPTIONS: IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    '*': GLOBAL_ATTRIBUTES,
    a: ['href', 'rel', 'name'],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    time: ['datetime'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'headers', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    math: [...MATHML_ATTRIBUTES.math],
    mi: [...MATHML_ATTRIBUTES.mi],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  allowVulnerableTags: false,
  enforceHtmlBoundary: true,
  parseStyleAttributes: false,
};

const isAbsoluteWebUrl = (value: string) => /^(https?:|mailto:)/i.test(value.trim());

const transformLink: Transformer = (_tag, attribs) => {
  const href = attribs.href?.trim();
  const next: Record<string, string> = { ...attribs };
  delete next.rel;
  if (href && href.startsWith('#'))
    next.href = href.startsWith(`#${ID_PREFIX}`) ? href : `#${ID_PREFIX}${href.slice(1)}`;
  else if (href && isAbsoluteWebUrl(href)) next.rel = 'noopener noreferrer';
  else delete next.href;
  return { tagName: 'a', attribs: next };
};

const prefixIds = (tagName: string, attribs: sanitizeHtml.Attributes) => {
  if (attribs.id && !attribs.id.startsWith(ID_PREFIX)) attribs.id = `${ID_PREFIX}${attribs.id}`;
  if (tagName === 'a' && attribs.name && !attribs.name.startsWith(ID_PREFIX))
    attribs.name = `${ID_PREFIX}${attribs.name}`;
  return { tagName, attribs };
};

/** Kept however empty: void elements, and the rows and cells that keep a table aligned. */
const KEPT_EMPTY = new Set(['br', 'wbr', 'col', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** What an element may hold instead of text and still be kept: a picture, or a rule (the separator between posts). */
const CONTENT_ELEMENTS = new Set(['img', 'hr']);
/** Empty, these show nothing; with an id or name they are kept as link targets. */
const ANCHOR_CARRIERS = new Set(['a', 'span', 'div']);
/** An empty inline element is unwrapped rather than dropped, so that a space inside it still parts two words. */
const INLINE = new Set([
  'span',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'abbr',
  'dfn',
  'time',
  'bdi',
  'bdo',
  'q',
  'cite',
  'code',
  'kbd',
  'samp',
  'var',
  'ruby',
  'rt',
  'rp',
]);
/**
 * sanitize-html gives a filter each element's text, its descendants' included, but only its direct
 * media children: a kept picture or rule adds this mark to its own text, which is carried up to
 * every ancestor's (and never printed).
 */
const CONTENT_MARK = '\u25a0';
const HAS_TEXT = /[^\s\u200b-\u200d\u2060]/;

/**
 * Drops what extraction left with neither text nor pictures — a gallery whose images are gone, an
 * empty list item, paragraph or link — bottom up, so a list of empty items goes with them.
 */
function dropEmptyElements(frame: sanitizeHtml.IFrame): boolean | 'excludeTag' {
  if (CONTENT_ELEMENTS.has(frame.tag)) {
    frame.text += CONTENT_MARK;
    return false;
  }
  if (KEPT_EMPTY.has(frame.tag) || HAS_TEXT.test(frame.text)) return false;
  if (ANCHOR_CARRIERS.has(frame.tag) && (frame.attribs.id || frame.attribs.name)) return false;
  return INLINE.has(frame.tag) ? 'excludeTag' : true;
}

const withoutEmptyElements =
  (dropped: (frame: sanitizeHtml.IFrame) => boolean) =>
  (frame: sanitizeHtml.IFrame): boolean | 'excludeTag' =>
    dropped(frame) || dropEmptyElements(frame);

const dropEmptyImages = (frame: sanitizeHtml.IFrame) => frame.tag === 'img' && !frame.attribs.src;

/**
 * Two inline boxes that touch, with no white space between them (`<span>2026</span><span>1h 54m</span>`),
 * are set apart by the page's style sheet, which the reader does not have: they are parted by a
 * space, or their words run together. Code keeps its spans as they are.
 */
// Not after a lone letter or sign: a drop cap (`<span>I</span><span>f you…`) is the start of its word;
// nor before a stop or a closing bracket, which belongs to the word before.
const TOUCHING_INLINES =
  /(?<!>[^\s<>\d]|>)(?:<\/(?:span|a|time|small|strong|b|em|i|abbr|label)>)+(?=<(?:span|a|time|small|strong|b|em|i|abbr)(?:\s[^>]*)?>(?![.,;:!?)\]…]))/gi;
const CODE = /<(pre|code)\b[\s\S]*?<\/\1>/gi;

function spaceTouchingInlines(html: string): string {
  let out = '';
  let last = 0;
  for (const m of html.matchAll(CODE)) {
    out += html.slice(last, m.index).replace(TOUCHING_INLINES, '$& ') + m[0];
    last = m.index + m[0].length;
  }
  return out + html.slice(last).replace(TOUCHING_INLINES, '$& ');
}

/**
 * First pass: an article's HTML with absolute http(s) image sources — and file: ones for a
 * page saved on disk, whose pictures are read from its own folder before the second pass.
 */
export function sanitizeArticleHtml(html: string, options: { localImages?: boolean } = {}): string {
  return sanitizeHtml(spaceTouchingInlines(withoutTemplatePlaceholders(html)), {
    ...BASE_OPTIONS,
    allowedSchemesByTag: { img: options.localImages ? ['http', 'https', 'file'] : ['http', 'https'] },
    transformTags: { a: transformLink, '*': prefixIds },
    exclusiveFilter: withoutEmptyElements(dropEmptyImages),
  });
}

/** The URL scheme of a stored-asset URL such as "offprint-asset://id/file.png", or null when it has none. */
function schemeOf(url: string): string | null {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase() ?? null;
}

/**
 * Second pass, once images are stored: an <img> survives only if its source was stored,
 * and then points at the stored file; any other image becomes its alt text, never a remote src.
 * `storedImages` maps remote image URLs to their asset URLs.
 */
export function finalizeArticleHtml(html: string, storedImages: ReadonlyMap<string, string>): string {
  const assetUrls = new Set(storedImages.values());
  const assetSchemes = [...new Set([...assetUrls].map(schemeOf).filter((s): s is string => !!s))];
  // First-pass output is well-formed and attribute values are escaped, so an alt value is safe as text.
  const withAltText = html.replace(/<img\b[^>]*>/gi, (tag) => {
    if (storedImages.has(unescapeHtml(attributeOf(tag, 'src') ?? ''))) return tag;
    const alt = attributeOf(tag, 'alt')?.trim();
    return alt ? `<span>${alt}</span>` : '';
  });
  const toStored: Transformer = (_tag, attribs) => {
    const stored = storedImages.get(attribs.src ?? '');
    return { tagName: 'img', attribs: stored ? { ...attribs, src: stored } : {} };
  };
  return sanitizeHtml(withAltText, {
    ...BASE_OPTIONS,
    allowedSchemes: [...(BASE_OPTIONS.allowedSchemes as string[]), ...assetSchemes],
    allowedSchemesByTag: { img: assetSchemes },
    transformTags: { a: transformLink, img: toStored, '*': prefixIds },
    exclusiveFilter: withoutEmptyElements((frame) => frame.tag === 'img' && !assetUrls.has(frame.attribs.src ?? '')),
  });
}

function attributeOf(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? null;
}

const unescapeHtml = (value: string) => value.replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]);

/** The image sources of first-pass output, in document order. */
export function imageSources(sanitized: string): string[] {
  const sources: string[] = [];
  const re = /<img\b[^>]*?\ssrc="([^"]*)"/gi;
  for (let m = re.exec(sanitized); m; m = re.exec(sanitized)) sources.push(unescapeHtml(m[1]));
  return sources;
}

const BLOCK =
  /<\/?(p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|figure|figcaption|table|caption|tr|section|article|header|footer|aside|address|details|summary|hr)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/**
 * Plain text of sanitizer output, one block per paragraph. Only valid for HTML that came
 * out of this module: it is well-formed and escapes nothing but & < > and ".
 */
export function htmlToText(sanitized: string): string {
  return sanitized
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK, '\n\n')
    .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
