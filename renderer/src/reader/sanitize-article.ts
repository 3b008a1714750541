import createDOMPurify from 'dompurify';
import { MATHML_ATTRIBUTES, MATHML_TAGS } from '@shared/reading/mathml-core';

/**
 * The core already sanitized the body when it was saved; this second pass runs on the
 * real DOM right before display, so a tampered or older library file still cannot
 * run script, load remote resources or navigate the app.
 */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
  // MathML Core (the core keeps it, without its annotations): the engine draws the formulas.
  ...MATHML_TAGS,
];
const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'lang',
  'dir',
  'datetime',
  'id',
  ...Object.values(MATHML_ATTRIBUTES).flat(),
];

const SAFE_IMAGE_SRC = /^(?:offprint-asset:|data:image\/(?:png|jpe?g|gif|webp|avif);)/i;
const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

const purify = createDOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    // An image we cannot show offline is never fetched; it is dropped below.
    if (!SAFE_IMAGE_SRC.test(src.trim())) node.removeAttribute('src');
  } else if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href !== null && !SAFE_HREF.test(href.trim())) node.removeAttribute('href');
  }
});

/** Ids from the page are prefixed (see SANITIZE_NAMED_PROPS) so they cannot clobber the app's globals. */
export const ARTICLE_ID_PREFIX = 'user-content-';

export function sanitizeArticle(html: string): DocumentFragment {
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|offprint-asset):|#)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    SANITIZE_NAMED_PROPS: true,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
  fragment.querySelectorAll('img:not([src])').forEach((img) => img.remove());
  // A saved copy shows everything it holds: a folded section would hide its text from reading, find and highlights.
  fragment.querySelectorAll('details').forEach((section) => section.setAttribute('open', ''));
  return fragment;
}
