/**
 * The controls and calls of shops and service pages, as the whole text of a short block: a
 * listing's sorting and filtering bar and its result count, a product's stock line, a service
 * page's "Talk to an expert" button. In English, German, French, Spanish, Italian and Dutch.
 */
import { shortTextMatching } from './boilerplate';

const SHOP_CONTROL = new RegExp(
  `^(${[
    // A listing's bar.
    'sort( (and|&) filter| by| options)?',
    'filters?',
    'filter (by|results)',
    'view options',
    'showing \\d+\\s*(-|–|to|of)\\s*\\d+( of \\d+)?( results| products| items)?',
    '(results|items|products) per page',
    'trending searches',
    // The sort order chosen, and a script's word that the results came.
    'best match(es)?',
    'most relevant',
    'price:? (low to high|high to low)',
    'loaded \\d+ (results|products|items)',
    'loading( ?\\.\\.\\.|…)?',
    // A card's swatch count, comparison box, options link, rating count and ad label.
    '\\+ ?\\d+( more| colou?rs?)?',
    '(add to )?compare',
    'more (options|colou?rs|sizes)',
    '\\(\\d+\\)',
    '\\d+ (reviews?|ratings?)',
    'sponsored',
    // A product's stock and store lines.
    'out of stock',
    'in stock',
    'sold out',
    'notify me',
    'pick ?up in store',
    'discontinued',
    'quick (view|shop|add)',
    // A card's own buttons, over or under its name: to open it, to save it for later, to read it.
    'view (product )?details',
    'add to (wish ?list|favou?rites)',
    'read (the )?full (article|story|post)',
    'details ansehen',
    'voir (les )?détails',
    'ver detalles',
    'vedi dettagli',
    'bekijk details',
    '(choose|select) options',
    'en stock',
    'rupture de stock',
    'auf lager',
    'ausverkauft',
    'agotado',
    'esaurito',
    'uitverkocht',
    // A service page's calls.
    'get (a|your) (free )?(demo|quote|estimate|consultation)',
    'request (a )?(demo|quote|consultation|call ?back|proposal)',
    '(book|schedule) (a|your) (free )?(demo|call|consultation|lesson|appointment|tour|meeting)',
    '(talk|speak) (to|with) (an? |our )?(expert|specialist|sales|advisor|team)',
    'contact (sales|our team|an expert)',
    'start (a |your )?(free )?trial',
    'start (for free|now|today|building|deploying|sharing|recording)',
    'try (it )?(now|free|for free|today)',
    'get started( (for free|now|today))?',
    "let[’']?s (talk|connect|chat)",
    'tell me more',
    'hire (talent|now|us)',
    'join (now|today|for free)',
    'find out more',
    'discover more',
    'order now',
    '(enquire|inquire) now',
    'call (us )?(now|today)',
    'free (consultation|quote|estimate)',
    'jetzt (kaufen|starten|testen|anfragen)',
    'kostenlos testen',
    'demander (une|un) (démo|devis)',
    'essai gratuit',
    'solicita(r)? (una )?(demo|cotización)',
    'prueba gratis',
    'richiedi (una )?(demo|preventivo)',
    'prova gratis',
    'offerte aanvragen',
    'gratis proberen',
  ].join('|')})[\\s!.?:›»→>…]*$`,
  'iu',
);
const SHOP_CONTROL_CHARS = 50;

export const isShopControl = shortTextMatching(SHOP_CONTROL, SHOP_CONTROL_CHARS);

/**
 * The badges and labels a product page scatters around the product and its cards, as the whole
 * text of a short block: "New", "Deal", "Best seller", a swatch's or a slide's label, a missing
 * image's placeholder, a link to the loyalty scheme.
 */
const PRODUCT_BADGE = new RegExp(
  `^(${[
    'new( in| arrivals?)?',
    'deal',
    '(on )?sale',
    'best ?sellers?',
    'top seller',
    'top[- ]rated',
    'award[- ]winn(er|ing)',
    'back in stock',
    'limited editions?',
    'featured',
    'exclusive',
    'online only',
    'selling fast',
    'popular right now',
    'coming soon',
    'authori[sz]ed (dealer|retailer|reseller)',
    'swatch(es)?',
    'slide \\d+ of \\d+',
    'image (not available( for)?|unavailable)( colou?r)?',
    'item (no|number|#)\\.?',
    'join',
    'rewards',
    'neu(heit)?',
    'nouveau(té)?',
    'nuevo',
    'novità',
    'nieuw',
  ].join('|')})[\\s!.:]*$`,
  'iu',
);
const PRODUCT_BADGE_CHARS = 30;

export const isProductBadge = shortTextMatching(PRODUCT_BADGE, PRODUCT_BADGE_CHARS);

/**
 * The messages a shop's scripts show when a request fails ("Please try again later", "Something
 * went wrong"), written into the page and hidden until then, in several languages.
 */
const SCRIPT_MESSAGE =
  /(please try again|try again later|something went wrong|refresh the page and try again|bitte versuchen sie es (später )?erneut|veuillez réessayer|inténtalo de nuevo|riprova più tardi|probeer het (later )?opnieuw)/iu;
const SCRIPT_MESSAGE_CHARS = 200;

export const isScriptMessage = (text: string) => text.length <= SCRIPT_MESSAGE_CHARS && SCRIPT_MESSAGE.test(text);

/**
 * A product's rating and review count, and the links to its reviews, as a line of their own
 * ("4.5 out of 5 stars", "4.4 stars out of 1935 reviews", "Rated 4.4 out of 5", "(4.4)", "369
 * Reviews", "Based on 4567 reviews", "No reviews yet", "See reviews"), in several languages: the
 * widget over the reviews, not the product.
 */
const RATING_LINE = new RegExp(
  `^(${[
    '(rated )?\\d([.,]\\d+)? ?(out of|of|/|von|sur|de|su|van) ?(5|10)( stars?| sterne?n?| étoiles| estrellas| stelle| sterren)?\\.?( ?[\\d,.]+k?\\+? (total )?(reviews?|ratings?|votes?))?',
    '\\d([.,]\\d+)? stars?( out of [\\d,.]+ (reviews?|ratings?))?',
    '\\(\\d[.,]\\d\\)',
    '(\\d([.,]\\d+)? )?\\(?[\\d,.]+k?\\+?\\)? (reviews?|ratings?|votes?|bewertungen|avis|opiniones|reseñas|recensioni|beoordelingen|avaliações)',
    'based on [\\d,.]+ (reviews?|ratings?)',
    'no (reviews|ratings)( yet)?',
    'be the first to (write a )?review( this (product|item))?',
    '[★☆✩✪ ]*(read|see|show|view|all) (all |the |customer )?(reviews?|ratings?)( \\(\\d+\\))?',
    '(ai[- ]generated|generated by ai)( from (the text of )?(customer )?reviews)?',
    '(customer )?reviews? summary',
    "sorry,? we couldn[’']?t load the reviews?",
  ].join('|')})[\\s.!:]*$`,
  'iu',
);
const RATING_LINE_CHARS = 60;

export const isRatingLine = shortTextMatching(RATING_LINE, RATING_LINE_CHARS);

/**
 * The shop's ways to pay and its price promises, as a line of their own: instalments under the
 * price, a price-match offer, a price alert, payment options still loading.
 */
const PAYMENT_LINE = new RegExp(
  `^(${[
    '(or )?\\d+ (interest[- ]free )?(payments|installments|instalments) of.{0,30}',
    '(pay (over time|later|with ease|in installments|in instalments))( with [\\p{L} ]{1,20})?.{0,40}',
    'more ways to pay',
    'checking payment options.{0,3}',
    '(found|see) a (better|lower) price\\??',
    'tell us about a lower price\\??',
    '(learn about )?our price[- ]match(ing)? (policy|guarantee)',
    '(set a )?price alert',
    'low price guarantee',
  ].join('|')})[\\s.!:†*]*$`,
  'iu',
);
const PAYMENT_LINE_CHARS = 80;

export const isPaymentLine = shortTextMatching(PAYMENT_LINE, PAYMENT_LINE_CHARS);

/** A script's data written out as text (`{"displayPrice":"EUR 15.49",…}`): nothing a reader should see. */
const JSON_DATA = /^\s*(\{\s*"[^"]{1,80}"\s*:|\[\s*\{\s*"[^"]{1,80}"\s*:)[\s\S]*[}\]]\s*$/;

export const isScriptData = (text: string) => JSON_DATA.test(text);
