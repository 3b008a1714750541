/**
 * What page furniture looks like on any site: its elements and ARIA roles, the words its class
 * names and ids are made of, and the phrases of share bars, newsletters, cookie notices and
 * related-links blocks in the languages people save pages in. No site's own names.
 */

/** Elements that are furniture wherever they sit, except inside the content itself (see isFurnitureElement). */
export const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'DIALOG', 'BUTTON', 'SELECT']);
export const FURNITURE_ROLES = new Set([
  'navigation',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'tablist',
]);

/**
 * Words of class names and ids that mark furniture. Matched against the words a class or id splits
 * into (on -, _, space and camelCase), so "share-bar" and "socialShare" match but "shareholder" does not.
 */
const FURNITURE_WORDS = new Set([
  'share',
  'sharing',
  'sharebar',
  'social',
  'related',
  'recommended',
  'recommendations',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'navbar',
  'nav',
  'navigation',
  'menu',
  'pagination',
  'pager',
  'promo',
  'advert',
  'advertisement',
  'ads',
  'ad',
  'sponsored',
  'popup',
  'modal',
  'toc',
  'skip',
  'footer',
  'masthead',
  'topbar',
  'toolbar',
  'banner',
  'disclaimer',
  'login',
  'signin',
  'search',
  'offcanvas',
  'drawer',
  // A post's furniture: votes, reputation, badges, signatures, its action bar.
  'vote',
  'votes',
  'voting',
  'upvote',
  'reputation',
  'badge',
  'badges',
  'signature',
  'actions',
  'reactions',
]);
/** Furniture words that forum pages use for their posts. */
const COMMENT_WORDS = new Set(['comment', 'comments', 'respond', 'reply', 'replies', 'disqus']);

const wordsOf = (value: string) =>
  value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Around a product: its reviews and ratings, and other products (recently viewed, bought together). */
export const PRODUCT_FURNITURE_WORDS = new Set([
  'review',
  'reviews',
  'rating',
  'ratings',
  'recently',
  'viewed',
  'upsell',
  'crosssell',
  'wishlist',
  'cart',
]);

/** Whether a class or id is made of furniture words: the common ones, comments unless they are the content, and `more`. */
export function furnitureNameWords(element: Element, commentsAreContent: boolean, more?: Set<string>): boolean {
  const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (name.length < 3) return false;
  for (const word of wordsOf(name)) {
    if (FURNITURE_WORDS.has(word) || more?.has(word)) return true;
    if (!commentsAreContent && COMMENT_WORDS.has(word)) return true;
  }
  return false;
}

/**
 * Whole short blocks that are a call to share, subscribe, accept cookies or read more elsewhere,
 * in English, German, French, Spanish, Italian, Portuguese, Dutch and more.
 */
const FURNITURE_PHRASE = new RegExp(
  [
    'share (this|on|via)',
    'sign up for',
    'subscribe to',
    'our newsletter',
    'newsletter',
    'accept (all )?cookies',
    'we use cookies',
    'this (web)?site uses cookies',
    'related (posts|articles|stories|content|products)',
    'you may also like',
    'you might also like',
    'recommended for you',
    'read next',
    'more from',
    'follow us',
    'leave a (comment|reply)',
    'all rights reserved',
    'teilen',
    'weitere artikel',
    'das könnte sie auch interessieren',
    'partager',
    'articles similaires',
    'à lire aussi',
    'compartir',
    'artículos relacionados',
    'te puede interesar',
    'condividi',
    'articoli correlati',
    'compartilhar',
    'artigos relacionados',
    'delen',
    'gerelateerde artikelen',
    'inscreva-se',
    'abonnieren',
    "s'abonner",
    'suscríbete',
    'iscriviti',
  ].join('|'),
  'i',
);
const SHORT_BLOCK_CHARS = 120;

export const isFurniturePhrase = (text: string) => text.length <= SHORT_BLOCK_CHARS && FURNITURE_PHRASE.test(text);

/** A call to action as the whole text of a link, button or block, in several languages. */
const CALL_TO_ACTION = new RegExp(
  `^(${[
    'read more',
    'learn more',
    'see more',
    'show more',
    'load more',
    'view all',
    'see all',
    'get started',
    'start (your )?free trial',
    'try (it )?(for )?free',
    'request a demo',
    'book a demo',
    'get a quote',
    'sign ?up',
    'sign in',
    'log ?in',
    'subscribe',
    'register',
    'book now',
    'buy now',
    'shop now',
    'add to (cart|bag|basket)',
    'apply now',
    'contact us',
    'download',
    'share',
    'print',
    'tweet',
    'was this (page |article )?helpful',
    'weiterlesen',
    'mehr (lesen|erfahren)',
    'lire la suite',
    'en savoir plus',
    'leer más',
    'saber más',
    'leggi di più',
    'scopri di più',
    'lees meer',
    'saiba mais',
  ].join('|')})[\\s!.?:›»→>…]*$`,
  'i',
);
const CALL_TO_ACTION_CHARS = 40;

export const isCallToAction = (text: string) =>
  text.length <= CALL_TO_ACTION_CHARS && CALL_TO_ACTION.test(text.replace(/\s+/g, ' ').trim());

/** Class words of buttons and calls to action: furniture only around short text. */
export const BUTTON_WORDS = new Set(['btn', 'button', 'buttons', 'cta']);

export function buttonNameWords(element: Element): boolean {
  const name = element.getAttribute('class');
  if (!name) return false;
  return wordsOf(name).some((word) => BUTTON_WORDS.has(word));
}
