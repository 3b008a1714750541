/**
 * A grid or strip of product cards: several sibling blocks, each a short link to another item
 * with its price. On a product page such a block shows other products (related, bought together,
 * "how about these?"), never the product itself, whatever its heading or class names say.
 */

/** A price: a currency sign or code beside a figure, either way round. */
const PRICE =
  /(?:[$€£¥₹₩₽]|\b(?:usd|eur|gbp|chf|cad|aud|sek|nok|dkk|pln|zł|kr|rs\.?|r\$)\s?)\s?\d|\d(?:[\d.,\s]*\d)?\s?(?:[$€£¥₹₩₽]|\b(?:usd|eur|gbp|chf|kr|zł|kč|lei|ft)\b)/iu;

/** A card is short: a name, a price, perhaps a badge or a rating. */
const CARD_MAX_CHARS = 300;
const MIN_CARDS = 3;
/** Most of the siblings are cards: a few headings or arrows between them do not make it anything else. */
const CARD_SHARE = 0.6;

interface Sized {
  chars: number;
  links: number;
}

export const hasPrice = (text: string) => PRICE.test(text);

/** Whether the element's children are cards of other items, each a link with a price. */
export function isProductCardGrid(element: Element, size: (element: Element) => Sized): boolean {
  const children = element.children;
  if (children.length < MIN_CARDS) return false;
  let cards = 0;
  let counted = 0;
  for (const child of children) {
    const m = size(child);
    if (m.chars === 0) continue;
    counted++;
    if (m.links > 0 && m.chars <= CARD_MAX_CHARS && hasPrice(child.textContent ?? '')) cards++;
  }
  return cards >= MIN_CARDS && cards >= CARD_SHARE * counted;
}
