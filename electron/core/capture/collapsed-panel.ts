/**
 * A panel an accordion or a set of tabs keeps collapsed until its button is pressed: a product's
 * description, its specifications, a service's answers. Hidden in the markup, shown on a click,
 * and part of the page's content, unlike a popup or a hidden menu.
 */
import { isControlledPanel } from './controlled-panel';

const PANEL_ROLES = new Set(['tabpanel', 'region']);

const isPanel = (element: Element | null) => !!element && PANEL_ROLES.has(element.getAttribute('role') ?? '');

export function isCollapsedPanel(element: Element): boolean {
  if (element.getAttribute('aria-modal') === 'true') return false;
  return isPanel(element) || isPanel(element.firstElementChild);
}

const isRegion = (element: Element | null) => element?.getAttribute('role') === 'region';

/**
 * An accordion's panel only, not a tab's: a collection's hidden tabs hold other sets of the same
 * cards (best sellers, new, on sale), while its accordions hold a buying guide or its answers.
 */
export function isAccordionPanel(element: Element): boolean {
  if (element.getAttribute('aria-modal') === 'true') return false;
  return isRegion(element) || isRegion(element.firstElementChild) || isControlledPanel(element);
}
