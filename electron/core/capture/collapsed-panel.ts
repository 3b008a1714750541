/**
 * A panel an accordion or a set of tabs keeps collapsed until its button is pressed: a product's
 * description, its specifications, a service's answers. Hidden in the markup, shown on a click,
 * and part of the page's content, unlike a popup or a hidden menu.
 */
const PANEL_ROLES = new Set(['tabpanel', 'region']);

const isPanel = (element: Element | null) => !!element && PANEL_ROLES.has(element.getAttribute('role') ?? '');

export function isCollapsedPanel(element: Element): boolean {
  if (element.getAttribute('aria-modal') === 'true') return false;
  return isPanel(element) || isPanel(element.firstElementChild);
}
