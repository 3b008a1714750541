/**
 * A group of radio buttons is a control, not text: a shop's size and colour pickers, a review
 * list's filters ("All", "Positive", "Negative"), a poll's answers. Its inputs go with the rest of
 * the page's fields; their labels and the group's caption would be left as a column of stray words.
 */
import { squeezeSpace } from './squeeze-space';

/** A choice's label is a name ("Whole Bean", "XL", "Over 10 hours"); a longer one says something. */
const CHOICE_CHARS = 60;

/** What is left of the group's box once its choices go: its caption ("Size", "Colour: Moss"). */
const CAPTION_CHARS = 40;

function labelOf(input: Element, labelsFor: Map<string, Element>): Element | null {
  const id = input.getAttribute('id');
  return (id && labelsFor.get(id)) || input.closest('label');
}

/** The smallest block around every input of the group, short of the form or the page. */
function groupBox(inputs: Element[]): Element | null {
  let box = inputs[0].parentElement;
  while (box && !inputs.every((input) => box!.contains(input))) box = box.parentElement;
  return box && box.tagName !== 'FORM' && box.tagName !== 'BODY' && !box.querySelector('h1,img,picture') ? box : null;
}

/**
 * Removes the labels of every group of two or more radio buttons sharing a name, and a box left
 * with its caption only. The page's labels come from the caller's walk: a query per input would
 * walk the whole page again.
 */
export function removeChoiceGroups(radios: Element[], labels: Element[]): void {
  const labelsFor = new Map<string, Element>();
  for (const label of labels) {
    const id = label.getAttribute('for');
    if (id && !labelsFor.has(id)) labelsFor.set(id, label);
  }
  const groups = new Map<string, Element[]>();
  for (const radio of radios) {
    const name = radio.getAttribute('name');
    if (!name) continue;
    const group = groups.get(name);
    if (group) group.push(radio);
    else groups.set(name, [radio]);
  }
  for (const inputs of groups.values()) {
    if (inputs.length < 2) continue;
    const choices = inputs.map((input) => labelOf(input, labelsFor));
    if (choices.some((label) => !label || squeezeSpace(label.textContent ?? '').length > CHOICE_CHARS)) continue;
    const box = groupBox(inputs);
    for (const label of choices) label?.remove();
    if (box && squeezeSpace(box.textContent ?? '').length <= CAPTION_CHARS) box.remove();
  }
}
