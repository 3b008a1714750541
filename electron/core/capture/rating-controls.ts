/**
 * A control to rate an item: "1 of 5 stars" … "5 of 5 stars", each a link or a button, with
 * "Rate this book" or "Clear rating" beside them. It is an input for the visitor, not the item's
 * rating, which is a figure ("4.3 out of 5 stars", "4.35 avg rating") and stays.
 */
import { collapsedTextLongerThan } from './linkedom-fast-paths';

const NUMBER = '(\\d|one|two|three|four|five)';
const OF = '(of|out of|von|sur|de|su|van|z)';
const STARS = '(stars?|sterne?n?|étoiles?|estrellas?|stelle|sterren|gwiazd\\w*)';
const STAR_LABEL = new RegExp(`^\\s*${NUMBER}(\\s+${OF}\\s+\\d+)?\\s+${STARS}\\s*$`, 'iu');
/** At least three stars to click, one after another. */
const STAR_RUN = new RegExp(`(\\s*${NUMBER}(\\s+${OF}\\s+\\d+)?\\s+${STARS}){3,}`, 'iu');
/** What the control writes beside its stars ("Rate this book", "Clear rating", a failed request's message): a few words, no figure. */
const WIDGET_WORDS_CHARS = 100;
const CONTROL_MAX_CHARS = 300;
/** Three stars' labels ("1 star2 stars3 stars") hold at least this much. */
const MIN_CONTROL_CHARS = 15;
/** A cheap look for a star's word before the patterns are tried: most short blocks have none. */
const MAYBE_STARS = /st(ar|er|ell)|strell|toile|gwiazd/i;
/** A star's label is short. */
const STAR_LABEL_CHARS = 20;

/** Whether a short block's whole text is a rating control: its stars, and a few words without a figure. */
export function isRatingControl(text: string): boolean {
  if (text.length > CONTROL_MAX_CHARS || text.length < MIN_CONTROL_CHARS || !MAYBE_STARS.test(text)) return false;
  const run = STAR_RUN.exec(text);
  if (!run) return false;
  const rest = text.slice(0, run.index) + text.slice(run.index + run[0].length);
  return !/\d/.test(rest) && rest.replace(/\s+/g, '').length <= WIDGET_WORDS_CHARS;
}

/** Removes each rating control from the article, with the words of its widget. */
export function removeRatingControls(root: Element): void {
  for (const star of [...root.getElementsByTagName('a'), ...root.getElementsByTagName('button')]) {
    if (collapsedTextLongerThan(star, STAR_LABEL_CHARS) || !STAR_LABEL.test(star.textContent ?? '')) continue;
    if (!root.contains(star)) continue;
    let control: Element | null = null;
    for (let block = star.parentElement; block && block !== root; block = block.parentElement) {
      if (!isRatingControl(block.textContent ?? '')) break;
      control = block;
    }
    control?.remove();
  }
}
