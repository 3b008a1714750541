/**
 * Netscape bookmark files (Chrome, Firefox, Safari, Pinboard, Karakeep, Linkwarden): `<DT><H3>`
 * folders holding `<DL>` lists of `<DT><A HREF ADD_DATE TAGS>`. Each folder an item sits in becomes
 * a tag, except the browsers' own roots (bookmarks bar, menu, other). ADD_DATE is seconds, or
 * milliseconds from some tools; `javascript:` bookmarklets and other non-web links are skipped.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import { toIsoDate } from '../parse/dates';
import { attribute, bookmarkDocument } from '../parse/html-document';
import { splitList, unique } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

const ROOT_FOLDER =
  /^(bookmarks ?(bar|toolbar|menu)|other bookmarks|mobile bookmarks|favou?rites( bar)?|imported|unsorted|bookmarks)$/i;

export function readNetscapeHtml(html: string): ImportResult {
  const result: ImportResult = { format: 'netscape-html', entries: [], skipped: [], warnings: [] };
  const document = bookmarkDocument(html);
  let index = 0;
  for (const link of document.querySelectorAll('a')) {
    index++;
    const title = (link.textContent ?? '').trim();
    const item = title ? `bookmark ${index} (${title.slice(0, 60)})` : `bookmark ${index}`;
    const rawUrl = attribute(link, 'href');
    const url = webUrl(rawUrl);
    if (!url) {
      result.skipped.push({ item, reason: urlProblem(rawUrl) });
      continue;
    }
    const entry = emptyEntry({ item }, url);
    entry.title = title && title !== rawUrl ? title : null;
    entry.savedAt = toIsoDate(attribute(link, 'add_date'));
    entry.tags = unique([...folderNames(link), ...splitList(attribute(link, 'tags'), ',')]);
    // Pinboard marks unread items TOREAD="1"; nothing marks archived, so only favourites are read.
    entry.favourite = attribute(link, 'starred') === '1';
    entry.excerpt = description(link);
    result.entries.push(entry);
  }
  return result;
}

/** The folders around a link, outermost first. */
function folderNames(link: Element): string[] {
  const names: string[] = [];
  for (let node = link.parentElement; node; node = node.parentElement) {
    if (node.tagName !== 'DL') continue;
    const heading = folderHeading(node);
    if (heading && !isRootFolder(heading)) names.unshift((heading.textContent ?? '').trim());
  }
  return names;
}

function folderHeading(list: Element): Element | null {
  const before = list.previousElementSibling;
  if (before?.tagName === 'H3') return before;
  if (before?.tagName === 'DT') return [...before.children].find((c) => c.tagName === 'H3') ?? null;
  return null;
}

function isRootFolder(heading: Element): boolean {
  if (attribute(heading, 'personal_toolbar_folder') === 'true') return true;
  if (attribute(heading, 'unfiled_bookmarks_folder') === 'true') return true;
  return ROOT_FOLDER.test((heading.textContent ?? '').trim());
}

/** A `<DD>` right after the link's `<DT>` is its description. */
function description(link: Element): string | null {
  const holder = link.parentElement?.tagName === 'DT' ? link.parentElement : null;
  const next = holder?.nextElementSibling;
  const text = next?.tagName === 'DD' ? (next.textContent ?? '').trim() : '';
  return text || null;
}
