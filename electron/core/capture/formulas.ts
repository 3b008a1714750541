/**
 * Formulas written in MathML are the story's own text ("When a ≠ 0, there are two solutions to …").
 * A script that typesets them wraps each <math> in custom elements of its own, with a drawn copy
 * beside it for sight and the MathML kept for screen readers; those wrappers carry the script's
 * class names (a context menu's among them), which Readability's name tests take for a site's menu.
 * Each formula takes its wrappers' place, so that what is judged is the formula, not its typesetter.
 */
import { squeezeSpace } from './squeeze-space';

/** Cheap test on the raw page: most pages hold no formula, and their tree is not walked for one. */
const MATH_TAG = /<math\b/i;
export const mayHoldFormulas = (html: string) => MATH_TAG.test(html);

/** A custom element's name holds a hyphen (HTML's own never do). */
const isCustomElement = (element: Element) => element.tagName.includes('-');

/** Anything a wrapper may hold besides the formula and its drawn copy is the page's own. */
const MORE_THAN_A_FORMULA = 'img,picture,video,table';

/** The outermost custom element around the formula that holds nothing else: no other text, no picture. */
function typesetterWrapper(math: Element): Element | null {
  const text = squeezeSpace(math.textContent ?? '');
  let wrapper: Element | null = null;
  for (let up = math.parentElement; up && isCustomElement(up); up = up.parentElement) {
    if (squeezeSpace(up.textContent ?? '') !== text || up.querySelector(MORE_THAN_A_FORMULA)) break;
    wrapper = up;
  }
  return wrapper;
}

export function unwrapFormulas(document: Document): void {
  for (const math of [...document.getElementsByTagName('math')]) typesetterWrapper(math)?.replaceWith(math);
}
