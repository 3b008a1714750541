/**
 * An accordion's title is written, as WAI-ARIA's pattern has it, as a heading around the button
 * that opens its panel (<h3><button aria-expanded>A question</button></h3>, then the answer). The
 * page's other buttons go (see strip-clutter.ts); this one is the heading's text, so it stays.
 * (A bare button over a panel is left to go: shop labels keep such titles as often as they drop
 * them, and a "Shipping & Returns" heading would take its panel with it on a product page.)
 */
import { squeezeSpace } from './squeeze-space';

/** A title, not a paragraph written into a button. */
const TITLE_CHARS = 120;
/** The panel holds prose, not a menu's links: this much text, at most this share of it in links. */
const PANEL_CHARS = 60;
const PANEL_LINK_SHARE = 0.5;

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The panel the button opens: named by aria-controls, or the block right after it (or after the heading around it). */
function panelOf(button: Element): Element | null {
  const ids = button.getAttribute('aria-controls');
  if (ids) return button.ownerDocument.getElementById(ids.trim().split(/\s+/)[0]);
  if (!button.hasAttribute('aria-expanded')) return null;
  const parent = button.parentElement;
  const header = parent && parent.children.length === 1 ? parent : button;
  return header.nextElementSibling;
}

function holdsProse(panel: Element): boolean {
  const text = squeezeSpace(panel.textContent ?? '');
  if (text.length < PANEL_CHARS) return false;
  let links = 0;
  for (const link of panel.getElementsByTagName('a')) links += squeezeSpace(link.textContent ?? '').length;
  return links <= PANEL_LINK_SHARE * text.length;
}

/** The button's title, when it opens a panel of prose that is not inside it. */
function panelTitle(button: Element): string | null {
  if (!button.hasAttribute('aria-controls') && !button.hasAttribute('aria-expanded')) return null;
  const title = squeezeSpace(button.textContent ?? '');
  if (!title || title.length > TITLE_CHARS) return null;
  const panel = panelOf(button);
  return panel && panel.isConnected && !panel.contains(button) && !button.contains(panel) && holdsProse(panel)
    ? title
    : null;
}

/** The accordion's title, when the button sits alone in a heading and opens a panel of prose that is not inside it. */
export function headingButtonTitle(button: Element): string | null {
  const heading = button.parentElement;
  if (!heading || !HEADINGS.has(heading.tagName)) return null;
  return panelTitle(button);
}
