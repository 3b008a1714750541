/**
 * Removes page furniture that Readability tends to keep because it sits inside the
 * article body: scripts and embeds, forms, dialogs, hidden elements, ad slots and bare buttons.
 */

import { countChoice } from './facet-filters';
import { isVisualCopy, overlayNameWords } from './boilerplate';
import { removeChoiceGroups } from './choice-groups';
import { isCollapsedPanel } from './collapsed-panel';
import { markControlledPanel } from './controlled-panel';
import { headingButtonTitle } from './panel-headers';
import { authorBoxNameWords } from './story-asides';
import { squeezeSpace } from './squeeze-space';

const ALWAYS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'INPUT', 'SELECT', 'TEXTAREA']);
const NEVER = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'H1']);
const AD_ATTRIBUTES = ['data-ad-slot', 'data-ad', 'data-advertisement'];

/** A tab's name longer than this is no label ("Linux", "Node.js", "Windows (PowerShell)"). */
const TAB_NAME_CHARS = 40;

/** The panel opens with its tab's name, which goes with the tab bar: the reader tells the panels apart. */
function labelTabPanel(panel: Element): void {
  const tabId = panel.getAttribute('aria-labelledby')?.split(/\s+/)[0];
  const tab = tabId ? panel.ownerDocument.getElementById(tabId) : null;
  const name = squeezeSpace(tab?.textContent ?? '');
  if (!name || name.length > TAB_NAME_CHARS || tab?.contains(panel)) return;
  const label = panel.ownerDocument.createElement('p');
  label.appendChild(panel.ownerDocument.createElement('strong')).textContent = name;
  panel.prepend(label);
}

/**
 * A tab panel with code is hidden only until its tab is chosen: the install steps for another
 * system, the same example in another language. The saved page shows every such panel, one after
 * the other. Other hidden panels (a shop's warranty tab, an app's install help) stay hidden.
 */
const isCodeTabPanel = (element: Element) =>
  element.getAttribute('role') === 'tabpanel' && element.getElementsByTagName('pre').length > 0;

function revealTabPanel(panel: Element): void {
  labelTabPanel(panel);
  panel.removeAttribute('hidden');
  if (panel.getAttribute('aria-hidden') === 'true') panel.removeAttribute('aria-hidden');
  const style = panel.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
    panel.setAttribute(
      'style',
      style.replace(/(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*;?/gi, ''),
    );
}

/**
 * A form with nothing to type into, choose or press, that sends nothing (no method=post: a cart or
 * a vote posts its hidden fields from links styled as buttons), is no form to the reader: boards
 * wrap each comment's text in one, to edit it in place. (Before the parse, every field but a
 * hidden one is left as an empty <input>: see strip-inert-markup.ts.)
 */
function isWrapperForm(form: Element): boolean {
  if ((form.getAttribute('method') ?? '').toLowerCase() === 'post') return false;
  if (form.hasAttribute('hidden') || /display\s*:\s*none/i.test(form.getAttribute('style') ?? '')) return false;
  if (form.getElementsByTagName('textarea').length || form.getElementsByTagName('select').length) return false;
  if (form.getElementsByTagName('button').length) return false;
  for (const input of form.getElementsByTagName('input'))
    if ((input.getAttribute('type') ?? '').toLowerCase() !== 'hidden') return false;
  return true;
}

/** The form becomes the block it stands for, with its class and id. */
function formToBlock(form: Element): void {
  const block = form.ownerDocument.createElement('div');
  for (const attribute of ['class', 'id']) {
    const value = form.getAttribute(attribute);
    if (value) block.setAttribute(attribute, value);
  }
  while (form.firstChild) block.appendChild(form.firstChild);
  form.replaceWith(block);
}

/** Removed unless they hold the story (ASP.NET pages wrap the whole body in a <form>). */
function isFurniture(element: Element): boolean {
  const tag = element.tagName;
  if (tag === 'FORM' || tag === 'DIALOG') return true;
  if (!element.hasAttributes()) return false;
  const role = element.getAttribute('role');
  return (
    role === 'dialog' ||
    role === 'alertdialog' ||
    // A collapsed accordion or tab panel is left for the main region to judge (Readability leaves hidden nodes out itself).
    ((element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') &&
      !isCollapsedPanel(element) &&
      !isVisualCopy(element) &&
      !markControlledPanel(element)) ||
    AD_ATTRIBUTES.some((name) => element.hasAttribute(name))
  );
}

/**
 * A form around a whole thread (forum software wraps the posts in a moderation form) holds this much
 * text outside its links, in sentences; a login, search, cart or comment form holds labels and figures.
 */
const FORM_PROSE_CHARS = 1000;
const FORM_SENTENCES = 5;
const SENTENCE_END = /\p{L}{2}[.!?。！？](?:\s|$)/gu;

function holdsProse(form: Element): boolean {
  const text = (form.textContent ?? '').replace(/\s+/g, ' ');
  let links = 0;
  for (const link of form.getElementsByTagName('a')) links += (link.textContent ?? '').length;
  return text.length - links >= FORM_PROSE_CHARS && (text.match(SENTENCE_END)?.length ?? 0) >= FORM_SENTENCES;
}

/**
 * A form around a table of results (a list of works to select, sort or export) holds this many rows,
 * each a linked title: a login, search or cart form holds a few fields.
 */
const FORM_RESULT_ROWS = 10;

function holdsRows(form: Element): boolean {
  let rows = 0;
  for (const row of form.getElementsByTagName('tr'))
    if (row.getElementsByTagName('a').length && ++rows >= FORM_RESULT_ROWS) return true;
  return false;
}

/** Furniture never holds the story: a block with several real paragraphs or the headline is kept. */
export function holdsContent(element: Element): boolean {
  if (NEVER.has(element.tagName)) return true;
  if (element.tagName === 'FORM' && (holdsProse(element) || holdsRows(element))) return true;
  let long = 0;
  for (const inner of element.querySelectorAll('*')) {
    const tag = inner.tagName;
    if (tag === 'H1' || tag === 'ARTICLE' || tag === 'MAIN') return true;
    if (tag === 'P' && (inner.textContent ?? '').length > 200 && ++long >= 3) return true;
  }
  return false;
}

/**
 * One walk with plain tag and attribute reads: linkedom runs every selector query through css-select, element by element.
 * Returns the overlays it found (a help popup, a modal, a lightbox), left in place: the main region
 * is read with them (its own rules leave them out), and they are removed before Readability reads
 * the page (see removeOverlays). The elements named like an author's box go into authorBoxes, when
 * given, for the kinds of page that leave them out (see removeAuthorBoxes).
 */
export function stripClutter(root: ParentNode, authorBoxes?: Element[]): Element[] {
  const always: Element[] = [];
  const furniture: Element[] = [];
  const buttons: Element[] = [];
  const overlays: Element[] = [];
  const radios: Element[] = [];
  const labels: Element[] = [];
  const wrappers = new Set<Element>();
  for (const element of root.querySelectorAll('*')) {
    if (element.tagName === 'FORM' && isWrapperForm(element)) wrappers.add(element);
    if (ALWAYS.has(element.tagName)) {
      if (element.tagName === 'INPUT') {
        countChoice(element);
        if (element.getAttribute('type')?.toLowerCase() === 'radio') radios.push(element);
      }
      // JSON-LD often sits at the end of <body>; Readability reads the title and byline from it.
      if (element.getAttribute('type') !== 'application/ld+json') always.push(element);
      continue;
    }
    const codePanel = isCodeTabPanel(element);
    if (codePanel) revealTabPanel(element);
    if (!codePanel && isFurniture(element)) furniture.push(element);
    else if (element.hasAttributes() && overlayNameWords(element)) overlays.push(element);
    else if (authorBoxes && element.hasAttributes() && authorBoxNameWords(element)) authorBoxes.push(element);
    if (element.tagName === 'BUTTON') buttons.push(element);
    else if (element.tagName === 'LABEL') labels.push(element);
  }
  if (radios.length) removeChoiceGroups(radios, labels);
  for (const element of always) element.remove();
  for (const element of furniture) {
    if (!element.isConnected || holdsContent(element)) continue;
    if (wrappers.has(element) && element.textContent?.trim()) formToBlock(element);
    else element.remove();
  }
  for (const button of buttons) {
    if (!button.isConnected || button.getElementsByTagName('img').length) continue;
    const title = headingButtonTitle(button);
    if (title) button.replaceWith(button.ownerDocument.createTextNode(title));
    else button.remove();
  }
  return overlays;
}

/** Removes the overlays stripClutter found, unless one holds the story. */
export function removeOverlays(overlays: Element[]): void {
  for (const element of overlays) if (element.isConnected && !holdsContent(element)) element.remove();
}
