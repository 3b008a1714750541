/**
 * A shop's or a search's filters: blocks of tick boxes (brands, sizes, price ranges, "In stock"),
 * each choice a few words beside its box. On a listing or a collection they narrow the cards down
 * and are no part of them. A grid of cards each with a "Compare" box holds far more text per box.
 *
 * The boxes themselves go with every other field when the page is cleaned (strip-clutter.ts),
 * which counts them first, block by block, for the main region to read.
 */
const CHOICE_TYPES = new Set(['checkbox', 'radio']);
/** A block of filters holds at least this many boxes, with at most this many letters and digits a box. */
const FACET_CHOICES = 3;
const FACET_CHARS_PER_CHOICE = 30;

const choicesByDocument = new WeakMap<Document, Map<Element, number>>();

/** Counts a tick box in each block around it; other fields are not counted. */
export function countChoice(input: Element): void {
  if (!CHOICE_TYPES.has((input.getAttribute('type') ?? '').toLowerCase())) return;
  const document = input.ownerDocument;
  let choices = choicesByDocument.get(document);
  if (!choices) choicesByDocument.set(document, (choices = new Map()));
  for (let element = input.parentElement; element; element = element.parentElement)
    choices.set(element, (choices.get(element) ?? 0) + 1);
}

/** Whether the block, holding this many letters and digits, is a block of filters. */
export function isFacetBlock(element: Element, chars: number): boolean {
  const choices = choicesByDocument.get(element.ownerDocument)?.get(element) ?? 0;
  return choices >= FACET_CHOICES && chars <= choices * FACET_CHARS_PER_CHOICE;
}
