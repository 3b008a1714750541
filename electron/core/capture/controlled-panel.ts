/**
 * An accordion's panel written without a role: hidden until the button before it, which names it
 * by aria-controls and says whether it is open by aria-expanded, is pressed (a buying guide or a
 * shop's answers under a grid of products). The page is cleaned before its kind is known, so such
 * panels are left in it and remembered, for the kinds that read them (see isAccordionPanel).
 */

/** How many blocks up from the panel its button is looked for, among the few blocks right before each. */
const BUTTON_LEVELS = 3;
const BLOCKS_BEFORE = 2;

const controlledPanels = new WeakSet<Element>();

function controlsPanel(element: Element, id: string): boolean {
  if (element.getAttribute('aria-controls') === id && element.hasAttribute('aria-expanded')) return true;
  for (const button of element.getElementsByTagName('button'))
    if (button.getAttribute('aria-controls') === id && button.hasAttribute('aria-expanded')) return true;
  return false;
}

/** Remembers a hidden panel its button opens; returns whether it is one. */
export function markControlledPanel(panel: Element): boolean {
  const id = panel.getAttribute('id');
  if (!id || panel.hasAttribute('role')) return false;
  let node: Element | null = panel;
  for (let level = 0; node && level < BUTTON_LEVELS; level++, node = node.parentElement) {
    let before = node.previousElementSibling;
    for (let n = 0; before && n < BLOCKS_BEFORE; n++, before = before.previousElementSibling)
      if (controlsPanel(before, id)) {
        controlledPanels.add(panel);
        return true;
      }
  }
  return false;
}

export const isControlledPanel = (element: Element) => controlledPanels.has(element);
