/**
 * A manual's chapter page often opens with the chapter's contents: right under its title, before
 * its introduction, a list of links to the pages of its sections. Those links are the page (the
 * chapter is read through them), but the block is all links, so Readability drops it as a menu.
 * Unlike the site's navigation it sits beside the title and the prose, in their block; unlike an
 * on-page table of contents its links lead to other pages. It is found before Readability reads
 * the page and put back in its article, before the introduction, when Readability left it out.
 */
import { squeezeSpace } from './squeeze-space';

/** A block at least this much links is a list of links. */
const LINK_SHARE = 0.65;
const MIN_LINKS = 3;
/** A paragraph of prose holds at least this many characters. */
const PROSE_CHARS = 80;

const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, '');
const textLength = (element: Element) => squeeze(element.textContent).length;

function pageAddress(pageUrl: string): URL | null {
  try {
    return new URL(pageUrl);
  } catch {
    return null;
  }
}

/** Most of its links lead to other pages beside this one (the same folder), not to places on it. */
function linksToOtherPages(block: Element, page: URL): boolean {
  const links = block.getElementsByTagName('a');
  if (links.length < MIN_LINKS) return false;
  const folder = page.pathname.replace(/[^/]*$/, '');
  let others = 0;
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    if (!href || href.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      continue;
    }
    if (url.origin === page.origin && url.pathname !== page.pathname && url.pathname.startsWith(folder)) others++;
  }
  return others * 2 > links.length;
}

function isLinkBlock(element: Element): boolean {
  const text = textLength(element);
  let links = 0;
  for (const link of element.getElementsByTagName('a')) links += textLength(link);
  return text > 0 && links >= text * LINK_SHARE;
}

/** The title's own block: the heading and little else (a number, a subtitle). */
const TITLE_BLOCK_EXTRA_CHARS = 200;

const isProse = (element: Element) =>
  element.tagName === 'P' && squeezeSpace(element.textContent ?? '').length >= PROSE_CHARS;

/**
 * The chapter's contents: a block of links to other pages of the manual whose previous sibling is
 * (or holds) the chapter's title, with prose after it in the same block. Returns a copy, if any.
 */
export function findChapterContents(body: Element, pageUrl: string): Element | null {
  const page = pageAddress(pageUrl);
  if (!page) return null;
  const title = body.querySelector('h1') ?? body.querySelector('h2');
  if (!title) return null;
  const titleChars = textLength(title);
  for (let holder: Element | null = title; holder && holder !== body; holder = holder.parentElement) {
    if (textLength(holder) > titleChars + TITLE_BLOCK_EXTRA_CHARS) return null;
    const block = holder.nextElementSibling;
    if (!block) continue;
    if (!isLinkBlock(block) || !linksToOtherPages(block, page)) return null;
    for (let next = block.nextElementSibling; next; next = next.nextElementSibling)
      if (isProse(next) || [...next.getElementsByTagName('p')].some(isProse)) return block.cloneNode(true) as Element;
    return null;
  }
  return null;
}

/** Puts the chapter's contents back before the article's opening prose when Readability left them out. */
export function restoreChapterContents(article: Element, block: Element): void {
  const text = squeeze(article.textContent);
  const links = [...block.getElementsByTagName('a')];
  if (links.filter((link) => text.includes(squeeze(link.textContent))).length * 2 > links.length) return;
  const opening = [...article.getElementsByTagName('p')].find(isProse);
  let anchor: Element | null = opening ?? null;
  while (anchor && anchor.parentElement && anchor.parentElement !== article && !anchor.previousElementSibling)
    anchor = anchor.parentElement;
  if (anchor?.parentElement) anchor.parentElement.insertBefore(block, anchor);
  else article.insertBefore(block, article.firstChild);
}
