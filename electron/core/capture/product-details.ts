/**
 * A product's own details, named as such by the heading that opens their block: "Product details",
 * "Specifications", "Measurements", "Materials and care", in several languages. Shops put them in a
 * popup opened from a link under the price, written into the page: on a product page that block is
 * the product's, not an overlay to leave out.
 */
import { shortTextMatching } from './boilerplate';

const PRODUCT_DETAILS_HEADING = new RegExp(
  `^(${[
    '(product |item )?(details|description|information|info|overview|features)',
    '(technical )?(specifications|specs|data)',
    '(measurements|dimensions|sizes?)( (&|and) (weight|fit))?',
    'materials?( (&|and) care)?',
    '(care|washing) instructions',
    'ingredients',
    "what[’']?s in the box",
    'good to know',
    'produkt(details|beschreibung|informationen)',
    'beschreibung',
    'technische daten',
    '(maße|abmessungen)',
    'material( (&|und) pflege)?',
    'détails( du produit)?',
    'description( du produit)?',
    'caractéristiques( techniques)?',
    'dimensions',
    'matières?( (&|et) entretien)?',
    'detalles( del producto)?',
    'descripción( del producto)?',
    'especificaciones( técnicas)?',
    '(medidas|dimensiones)',
    'dettagli( del prodotto)?',
    'descrizione( del prodotto)?',
    '(specifiche|caratteristiche)( tecniche)?',
    'dimensioni',
    'product ?details',
    'productinformatie',
    'beschrijving',
    'specificaties',
    'afmetingen',
  ].join('|')})[\\s:]*$`,
  'iu',
);
const HEADING_CHARS = 40;

export const isProductDetailsHeading = shortTextMatching(PRODUCT_DETAILS_HEADING, HEADING_CHARS);
