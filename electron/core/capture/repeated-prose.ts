/**
 * A passage of prose written twice or more in the page, each copy for one screen size (a long
 * intro for wide screens, the same for narrow ones) or once as an excerpt and again in full: the
 * reader sees it once, so it is kept once, where it first stands.
 */
import { parseHTML } from 'linkedom';
import { squeezeSpace } from './squeeze-space';

/** Shorter text (a product's name, a label, a price) may well repeat from card to card. */
const MIN_PROSE_CHARS = 100;

/** Half a passage's words written in the element itself: a block of cards or of swatches, each short, writes none. */
const OWN_PROSE_CHARS = MIN_PROSE_CHARS / 2;

function writesProse(element: Element): boolean {
  let own = 0;
  for (const node of element.childNodes) if (node.nodeType === 3) own += squeezeSpace(node.textContent ?? '').length;
  return own >= OWN_PROSE_CHARS;
}

/**
 * A passage written twice repeats a run of text this long between two tags: without one, the
 * content is not parsed again (most pages, and the cost of a parse).
 */
const RUN_CHARS = 40;
const RUN = new RegExp(`>([^<]{${RUN_CHARS},})<`, 'g');

function repeatsARun(html: string): boolean {
  const runs = new Set<string>();
  for (const [, run] of html.matchAll(RUN)) {
    const key = squeezeSpace(run);
    if (key.length < RUN_CHARS) continue;
    if (runs.has(key)) return true;
    runs.add(key);
  }
  return false;
}

export function dropRepeatedProse(html: string): string {
  if (html.length < 2 * MIN_PROSE_CHARS || !repeatsARun(html)) return html;
  const { document } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`) as unknown as {
    document: Document;
  };
  const root = document.body.firstElementChild;
  if (!root) return html;
  const first = new Map<string, Element>();
  let dropped = false;
  for (const element of root.querySelectorAll('*')) {
    const text = element.textContent ?? '';
    if (text.length < MIN_PROSE_CHARS || !writesProse(element)) continue;
    const key = squeezeSpace(text);
    if (key.length < MIN_PROSE_CHARS) continue;
    const earlier = first.get(key);
    if (!earlier) first.set(key, element);
    // A wrapper and its only child say the same once.
    else if (!earlier.contains(element)) {
      element.remove();
      dropped = true;
    }
  }
  return dropped ? root.innerHTML : html;
}
