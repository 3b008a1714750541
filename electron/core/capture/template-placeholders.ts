/**
 * A page built by a client-side framework (Angular, Vue, a template engine) may be sent with its
 * placeholders unfilled: an error box that reads `{{ board.errors[1179].message }}`, a shortcode
 * `{{banner="/promo"}}` a plug-in was meant to replace. An element whose whole text is one such
 * placeholder shows the reader nothing. Inside code it is the lesson (a template's syntax), and stays.
 */
const PLACEHOLDER_ELEMENT = /<([a-z][a-z0-9]*)\b[^>]*>\s*(?:\{\{[^{}<>]*\}\}|\{%[^{}<>]*%\})\s*<\/\1>/gi;
const CODE = /<(pre|code|xmp|kbd|samp)\b[\s\S]*?<\/\1>/gi;
const CODE_TAGS = new Set(['pre', 'code', 'xmp', 'kbd', 'samp', 'var']);

const dropOutsideCode = (html: string) =>
  html.replace(PLACEHOLDER_ELEMENT, (element, tag: string) => (CODE_TAGS.has(tag.toLowerCase()) ? element : ''));

/** The HTML without its unfilled placeholders, code aside. */
export function withoutTemplatePlaceholders(html: string): string {
  if (!html.includes('{{') && !html.includes('{%')) return html;
  let out = '';
  let last = 0;
  for (const m of html.matchAll(CODE)) {
    out += dropOutsideCode(html.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + dropOutsideCode(html.slice(last));
}
