/**
 * Text-level pruning before the parse, for speed only: markup that can never reach a stored
 * article is cut from the HTML string, which spares linkedom and Readability thousands of nodes.
 * The sanitizer still enforces what may be stored.
 */
import { BYLINE_WORDS } from './byline-rule';

/**
 * Scripts (but not JSON-LD, which carries metadata), styles, comments, elements the sanitizer
 * drops with their content anyway (svg, select, template, textarea), form inputs, and
 * <link>s other than the canonical address and icons the metadata reads. The regex consumes
 * whichever starts first, so a "<!--" inside a script cannot hide content.
 */
const INERT_MARKUP =
  /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<(style|svg|select|template|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<input\b[^>]*>|<link\b(?![^>]*(?:canonical|icon))[^>]*>/gi;

/**
 * Navigation, asides and footers: the sanitizer drops <nav> with its content, Readability
 * removes every <aside> and <footer> from the article it returns, and the whole-page fallback
 * strips all three. They only ever cost parse time and feed Readability's scoring with links.
 */
const FURNITURE_TAG = /<(\/?)(nav|aside|footer)\b[^>]*>/gi;
const JSON_LD = /<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi;
/**
 * Readability takes the byline from the first element it meets that looks like one, in document
 * order, even inside a sidebar or footer: such a region is left for it to read.
 */
const BYLINE_HINT = new RegExp(
  `\\s(?:rel\\s*=\\s*["']?author|itemprop\\s*=\\s*["'][^"']*author|(?:class|id)\\s*=\\s*["'][^"']*(?:${BYLINE_WORDS}))`,
  'i',
);

/** Removes every outermost such element, counting nesting of its own tag; JSON-LD inside it is kept for the metadata. */
function stripSiteFurniture(html: string): string {
  FURNITURE_TAG.lastIndex = 0;
  let out = '';
  let copiedTo = 0;
  let depth = 0;
  let openedAt = 0;
  let open = '';
  for (let m = FURNITURE_TAG.exec(html); m; m = FURNITURE_TAG.exec(html)) {
    const tag = m[2].toLowerCase();
    if (depth > 0 && tag !== open) continue;
    if (m[1] === '') {
      if (depth++ === 0) {
        openedAt = m.index;
        open = tag;
      }
    } else if (depth > 0 && --depth === 0) {
      const removed = html.slice(openedAt, FURNITURE_TAG.lastIndex);
      if (BYLINE_HINT.test(removed)) continue;
      out += html.slice(copiedTo, openedAt) + (removed.match(JSON_LD)?.join('') ?? '');
      copiedTo = FURNITURE_TAG.lastIndex;
    }
  }
  // An unclosed element is left to the parser: cutting to the end of the page could lose the story.
  return copiedTo === 0 ? html : out + html.slice(copiedTo);
}

/**
 * Outside SVG (cut above) and MathML (kept, where CDATA is rare), a browser reads "<![CDATA[" as a bogus comment that ends at
 * the next ">"; the parser would instead hide everything up to a "]]>" that may never come.
 * Inside the JSON-LD scripts that remain it is script text, which the metadata reader unwraps.
 */
const BOGUS_CDATA = /(<script\b[^>]*>[\s\S]*?<\/script\s*>)|<!\[CDATA\[[^>]*>/gi;

/**
 * A field to fill in (an input other than a hidden one, a list to choose from, a text area) is left
 * as an empty <input>: a form with none is no form to the reader, only a wrapper (see strip-clutter.ts).
 */
const FIELD = '<input>';
const INPUT = /^<input\b/i;
const HIDDEN_INPUT = /\btype\s*=\s*["']?hidden\b/i;
/** A tick box keeps its kind: blocks of them are a shop's filters (see facet-filters.ts). */
const CHECKBOX = '<input type="checkbox">';
const CHECKBOX_INPUT = /\btype\s*=\s*["']?checkbox\b/i;
/**
 * A radio button keeps its kind, name and id: its group and their labels are found by them
 * (see choice-groups.ts), and blocks of them are filters too.
 */
const RADIO_INPUT = /\btype\s*=\s*["']?radio\b/i;
const NAME_OR_ID = /\s(name|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+)/gi;

function inertOrField(match: string, tag?: string): string {
  if (tag) return /^(select|textarea)$/i.test(tag) ? FIELD : '';
  if (!INPUT.test(match) || HIDDEN_INPUT.test(match)) return '';
  if (RADIO_INPUT.test(match)) return `<input type="radio"${match.match(NAME_OR_ID)?.join('') ?? ''}>`;
  return CHECKBOX_INPUT.test(match) ? CHECKBOX : FIELD;
}

export function stripInertMarkup(html: string): string {
  const withoutCdata = html
    .replace(INERT_MARKUP, inertOrField)
    .replace(BOGUS_CDATA, (_, script?: string) => script ?? '');
  return stripSiteFurniture(withoutCdata);
}
