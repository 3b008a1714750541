/**
 * What page furniture looks like on any site: its elements and ARIA roles, the words its class
 * names and ids are made of, and the phrases of share bars, newsletters, cookie notices and
 * related-links blocks in the languages people save pages in. No site's own names.
 */
import { holdsMoreThan, squeezeSpace } from './squeeze-space';

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
  // A shop's strip of offers over its header ('announcement-bar'): "Free shipping over $49", a code.
  'announcementbar',
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

/**
 * Utility classes carry arbitrary values in brackets (`top-[var(--nav-height)]`, `bg-[url(/promo.png)]`):
 * what they name is a length, a colour or a picture, not the block.
 */
const ARBITRARY_VALUE = /\[[^\]]*\]/g;

export const wordsOf = (value: string) =>
  (value.includes('[') ? value.replace(ARBITRARY_VALUE, ' ') : value)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** An element's class and id together: the words a theme names its blocks with. */
export const classAndId = (element: Element) =>
  `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;

/** Whether the element's class or id holds one of `words` as a whole word; `maybe` is a cheap test on the name first. */
export function namedWith(element: Element, words: Set<string>, maybe: RegExp): boolean {
  const name = classAndId(element);
  return maybe.test(name) && wordsOf(name).some((word) => words.has(word));
}

/** Consent notices are left out whatever their size. */
const CONSENT_WORDS = new Set(['cookie', 'cookies', 'consent', 'gdpr']);

export function consentNameWords(element: Element): boolean {
  const name = classAndId(element);
  return name.length >= 3 && wordsOf(name).some((word) => CONSENT_WORDS.has(word));
}

/** Overlays shown on demand (a help popup, a modal, a lightbox): hidden until opened, whatever their size. */
const OVERLAY_WORDS = new Set(['popup', 'modal', 'lightbox']);
const MAYBE_OVERLAY = /popup|modal|lightbox/i;

/** Inline elements: a link "external-popup" opens a window, it is no overlay. */
const INLINE = new Set(['A', 'SPAN', 'B', 'STRONG', 'EM', 'I', 'IMG', 'SMALL', 'LABEL']);

export function overlayNameWords(element: Element): boolean {
  return !INLINE.has(element.tagName) && namedWith(element, OVERLAY_WORDS, MAYBE_OVERLAY);
}

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

/** Whether one word (of a class, an id or a heading) is a furniture or comment word. */
export const isFurnitureNameWord = (word: string) => FURNITURE_WORDS.has(word) || COMMENT_WORDS.has(word);

const RESULT_WORDS = new Set(['result', 'results']);
/** A class token opening with one of these names a state of the block ("no-sidebar", "hide-read-more-ad"), not the block. */
const MODIFIER_WORDS = new Set(['no', 'not', 'non', 'without', 'hide', 'has', 'with']);
const WHITE_SPACE = /\s+/;

const isNameWord = (word: string, commentsAreContent: boolean, more?: Set<string>) =>
  FURNITURE_WORDS.has(word) || !!more?.has(word) || (!commentsAreContent && COMMENT_WORDS.has(word));

/** A furniture word written as two: "top-bar", "side-bar", "signIn". */
const isCompound = (words: string[], i: number) => i > 0 && FURNITURE_WORDS.has(words[i - 1] + words[i]);

const hasNameWord = (words: string[], commentsAreContent: boolean, more?: Set<string>) =>
  words.some((word, i) => isNameWord(word, commentsAreContent, more) || isCompound(words, i));

/** Whether one class token names furniture: a search's results ("search-result-item") are a results page's content. */
function tokenNamesFurniture(token: string, commentsAreContent: boolean, more?: Set<string>): boolean {
  const words = wordsOf(token);
  if (MODIFIER_WORDS.has(words[0])) return false;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'search' && RESULT_WORDS.has(words[i + 1])) continue;
    if (isNameWord(words[i], commentsAreContent, more) || isCompound(words, i)) return true;
  }
  return false;
}

/** Whether a class or id is made of furniture words: the common ones, comments unless they are the content, and `more`. */
export function furnitureNameWords(element: Element, commentsAreContent: boolean, more?: Set<string>): boolean {
  const name = classAndId(element);
  if (name.length < 3) return false;
  // Most names hold no furniture word at all: their tokens are only looked at one by one when one does.
  if (!hasNameWord(wordsOf(name), commentsAreContent, more)) return false;
  return name.split(WHITE_SPACE).some((token) => tokenNamesFurniture(token, commentsAreContent, more));
}

/**
 * Whole short blocks that are a call to share, subscribe, accept cookies or read more elsewhere,
 * in English, German, French, Spanish, Italian, Portuguese, Dutch and more.
 */
const FURNITURE_PHRASES = [
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
  // The footer of a documentation page.
  'edit (this page|on github)',
  'improve this (page|doc|article)',
  'suggest (an edit|changes)',
  'learn how to contribute',
  'this page was last (modified|edited|updated)',
  'found a (typo|problem|mistake)',
  'report (an issue|a problem) with this page',
  // Around a question-and-answer thread.
  'start asking to get answers',
  'explore related questions',
  'see similar questions',
  'browse other questions tagged',
  'ask your own question',
  "not the answer you're looking for",
  // A board's word to guests, and its closing notices.
  'create an account or (sign|log) in',
  '(sign|log) ?in to (comment|reply|post|answer|join)',
  'browsing .{1,60} as a guest',
  'join (us )?to see',
  'new replies are no longer allowed',
  '(this|the) (topic|thread) (was|has been) (automatically )?closed',
  'sent from my .{1,40} using',
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
];
const FURNITURE_PHRASE = new RegExp(FURNITURE_PHRASES.join('|'), 'i');
/** The same phrases as whole words: "teilen" but not "mitteilen". */
const FURNITURE_PHRASE_WORDS = new RegExp(`(?<!\\p{L})(${FURNITURE_PHRASES.join('|')})(?!\\p{L})`, 'iu');
const SHORT_BLOCK_CHARS = 120;

export const isFurniturePhrase = (text: string) =>
  !holdsMoreThan(text, SHORT_BLOCK_CHARS) && FURNITURE_PHRASE.test(text);

/** A short line of share, newsletter or cookie vocabulary, its phrases as whole words. */
export const isFurnitureLine = (text: string, maxChars: number) =>
  text.length <= maxChars && FURNITURE_PHRASE_WORDS.test(text);

/**
 * Headings that open a block of other pages, a newsletter box or a comment form rather than content:
 * "Related articles", "You may also like", "People also viewed", "Most read"… in several languages.
 * The whole heading must be such a phrase.
 */
const FURNITURE_HEADING = new RegExp(
  `^(${[
    '(explore |more |browse )?related (posts|articles|stories|content|products|items|reads|reading|links|topics|threads|questions|news|videos|guides|resources|searches)',
    'you (may|might|will|could) (also )?(like|love|enjoy|be interested in)( these)?',
    'recommended( (for you|articles|stories|reading|posts|products|videos))?',
    'more (from|stories|articles|news|posts|like this|to explore|on this topic|in [\\p{L} &]+)',
    'read (next|more|also)',
    'also read',
    'keep reading',
    '(most )?popular( (posts|articles|stories|now|this week))?',
    "(what['’]?s )?trending( now| articles| stories)?",
    'most (read|viewed|shared|popular)',
    '(latest|recent) (posts|articles|stories|news)',
    'people (who viewed this item )?also (viewed|bought|liked|searched for)',
    'customers (who (viewed|bought) this item )?also (viewed|bought)',
    '(explore )?similar (items|products|posts|articles|stories)',
    'frequently bought together',
    '(your )?recently viewed( items| products)?',
    "don'?t miss",
    'in case you missed it',
    '(sign up for |subscribe to |join )?(our|the) newsletter',
    'newsletters?',
    'stay (connected|in touch|up to date|informed)',
    'follow us( on [\\p{L} ]+)?',
    'share (this|on)( (post|article|story|page))?',
    'leave a (comment|reply)',
    'similar (threads|topics|questions|discussions)',
    'suggested (topics|threads)',
    'hot network questions',
    'linked questions',
    'das könnte sie (auch )?interessieren',
    'ähnliche (artikel|beiträge|produkte)',
    'weitere (artikel|beiträge|nachrichten)',
    'mehr zum thema',
    'auch interessant',
    'meistgelesen',
    'articles similaires',
    'à lire aussi',
    'vous aimerez aussi',
    'sur le même sujet',
    'les plus lus',
    '(artículos|noticias) relacionad[oa]s',
    '(también )?te puede interesar',
    'lo más leído',
    'articoli correlati',
    '(ti )?potrebbe interessarti',
    'artigos relacionados',
    'leia também',
    'mais lidas',
    'gerelateerde artikelen',
    'lees ook',
  ].join('|')})[\\s:!.…]*$`,
  'iu',
);
export const HEADING_MAX_CHARS = 60;

/** The text last squeezed, and how: several tests in a row (isStoryAside's four) ask about the same text. */
let lastText = '';
let lastSqueezed = '';

/** Whether a short text, white space squeezed, matches the pattern: a label, a heading, a line of its own. */
export const shortTextMatching =
  (pattern: { test(text: string): boolean }, maxChars: number) =>
  (text: string): boolean => {
    // Too long once squeezed, known without squeezing it.
    if (holdsMoreThan(text, maxChars)) return false;
    if (text !== lastText) {
      lastSqueezed = squeezeSpace(text);
      lastText = text;
    }
    return lastSqueezed.length <= maxChars && pattern.test(lastSqueezed);
  };

export const isFurnitureHeading = shortTextMatching(FURNITURE_HEADING, HEADING_MAX_CHARS);

/**
 * On a product page: the reviews and the questions from buyers, which people save the product
 * without, and the shop's strips of other products ("Complete the look", "Pairs well with").
 */
const PRODUCT_FURNITURE_HEADING = new RegExp(
  `^(${[
    // Strips of other products.
    'featured products',
    '(shop|complete|get) the look',
    'complete (your|the) (set|routine|kit)',
    'add the essentials',
    'how about these',
    'variations of this (style|item|product)',
    'better together',
    'mix (and|&) match',
    "sponsored (products|items|by [\\p{L}\\p{N} &'’]{1,30})",
    '(customers|people|shoppers) also (bought|viewed|liked|purchased|read)( or (bought|viewed|liked|purchased|read))?',
    'customers say',
    'you may also need',
    'from the brand',
    'more to explore',
    'related searches',
    'more (items|products) like this',
    '(compare|shop) similar( (items|products))?',
    'inspired by your (browsing|shopping)( history)?',
    'pairs? (well|perfectly|beautifully|nicely) with',
    'goes (well|great) with',
    'best ?sellers',
    'recommendations',
    '(often|frequently) (viewed|bought) (together|with each other)',
    // Reviews, the seller's record and buyers' questions.
    '(customer |user )?testimonials',
    '(customer |product )?reviews?( \\(\\d+\\))?',
    'about (this|the) seller',
    'seller feedback',
    '(more |other )?(items|products) (from|by) this seller',
    "(the )?seller[’']?s other (items|products|listings)",
    '(recent|latest) (events|news|updates)( (&|and) (announcements|news|updates))?',
    '(customer )?ratings( (&|and) reviews)?',
    'reviews? (&|and) ratings',
    'write a review',
    'customer questions( (&|and) answers)?',
    'questions (&|and) answers',
    'bewertungen',
    'kundenbewertungen',
    'avis( clients)?',
    'opiniones',
    'recensioni',
    'avaliações',
    'beoordelingen',
    // The shop's terms beside the product: shipping and returns, as a pair or a policy.
    '(free )?(shipping|delivery) (&|and) (returns?|exchanges)',
    '(shipping|delivery) (information|info|policy|details|options)',
    'returns? (&|and) (exchanges|refunds)',
    'returns? polic(y|ies)',
    'versand (&|und) (rückgabe|rücksendung)',
    'lieferung (&|und) rückgabe',
    'livraison (&|et) retours?',
    'retours? (&|et) échanges',
    'env[íi]os? (&|y) devoluciones',
    'spedizion[ei] (&|e) resi',
    'verzending (&|en) retourneren',
  ].join('|')})[\\s:!?.…]*$`,
  'iu',
);

export const isProductFurnitureHeading = shortTextMatching(PRODUCT_FURNITURE_HEADING, HEADING_MAX_CHARS);

/**
 * A shop's lines around a product (shipping, instalments, returns, loyalty points), in
 * several languages: as a short block of their own they are the shop's, not the product's.
 */
const SHOP_LINE = new RegExp(
  [
    'free (standard |express |next[- ]day )?(shipping|delivery)',
    '(ships|delivery) (free|in \\d)',
    '\\d+ interest[- ]free (payments|installments|instalments)',
    'pay in \\d+',
    '(easy|free|hassle[- ]free) (returns|exchanges)',
    '\\d+[- ]day (returns|return policy)',
    '(view|read) (the )?(full )?(product )?details',
    'add to (wish ?list|favou?rites)',
    'notify me when (available|in stock)',
    'get notified (by e-?mail )?when',
    'secure checkout',
    'size (guide|chart)',
    'find your size',
    'earns? \\d+ ?(reward )?(points|pts|xp)',
    'also available at checkout',
    'kostenlose[rn]? (versand|lieferung|rücksendung)',
    'versandkostenfrei',
    'livraison (gratuite|offerte)',
    'retours? (gratuits?|offerts?)',
    'envío gratis',
    'devoluciones gratis',
    'spedizione gratuita',
    'resi gratuiti',
    'gratis verzending',
    // Delivery promises, stock counters, tax notes and the marketplace's own links.
    '(same|next)[- ]day (shipping|dispatch) if ordered',
    'shipping calculated at checkout',
    // Not after the price it qualifies ("€49.99 VAT included"): the price stays.
    '^(taxes|tax|vat) included',
    '(order|buy) (today|now|within [^,.]{1,20}) (to get|and get|for delivery)',
    '(get it|arrives) by (today|tomorrow|mon|tue|wed|thu|fri|sat|sun)',
    'low in stock',
    'only \\d+ left( in stock)?',
    "in \\d+\\+? (people'?s|other people'?s) (carts|baskets|bags)",
    'returns? (&|and) exchanges (not )?accepted',
    'report (this|an issue with this) (item|product|listing)',
  ].join('|'),
  'iu',
);
const SHOP_LINE_CHARS = 80;

export const isShopLine = shortTextMatching(SHOP_LINE, SHOP_LINE_CHARS);

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
    '(expand|collapse)( all| description| section)?',
    '[«‹←<]?\\s*(previous|prev|next)( (page|post|article|chapter|topic|lesson|section))?',
    'was this (page |article )?helpful',
    '(back|return) to (the )?top',
    'request a (quote|demo|callback|call back|consultation)',
    'tell me more',
    'donate( today| now)?',
    '(keep|continue) exploring( [^.!?]{1,30})?',
    // A script's placeholder, left in the markup.
    '(loading|please wait|chargement|cargando|wird geladen)( [a-z]+)?',
    // A search box's and a panel's prompts, and a review widget's link.
    '(type|start typing) (here )?to search( [a-z]+){0,2}',
    'open (the )?(table of contents|navigation|menu|sidebar)( panel)?',
    'click here to (log|sign) ?-?in',
    // A board's note to guests, its sign-in links often gone already ("You must log in or register to comment").
    'you (must|need to|have to) (be )?[^.!?]{0,30}\\bto (comment|reply|post|vote)( an? (comment|reply|answer))?',
    '(see|read|show|view) all( \\d+)? reviews',
    // A pager's place and a list's view switch, as a line of their own.
    '(page|seite|página|pagina) \\d+ (of|von|sur|de|di|van) \\d+',
    'view (in|as) (a )?(list|grid|map)',
    // Ad slots' labels and a contents box's title, as a line of their own.
    'advertisement',
    '(advertisement\\s*[-–—:]?\\s*)?(continue reading|(article|story) continues) below',
    '(table of )?contents',
    'in this (article|post|guide)',
    'on this page',
    'inhaltsverzeichnis',
    'sommaire',
    'índice',
    'inhoudsopgave',
    // Skip links for keyboard and screen-reader users.
    '(skip|jump) to (the )?[a-z ]{2,30}',
    'zum (haupt)?inhalt( springen)?',
    'aller au contenu( principal)?',
    'saltar al contenido( principal)?',
    'vai al contenuto( principale)?',
    'naar (de )?(hoofd)?inhoud',
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
  ].join('|')})[\\s!.?:›»→>…⤵↓⬇]*$`,
  'i',
);
export const CALL_TO_ACTION_CHARS = 40;

/** Symbols around a button's words ("♥ Donate today! ♥", "↑ Back to top"): icons, not words. */
const SYMBOLS_AROUND = /^[^\p{L}\p{N}«‹←<]+|[^\p{L}\p{N}]+$/gu;

/** Measured without white space: a template indents a button's words ("\n      Loading...    "). */
export const isCallToAction = (text: string) =>
  !holdsMoreThan(text, CALL_TO_ACTION_CHARS) && CALL_TO_ACTION.test(squeezeSpace(text).replace(SYMBOLS_AROUND, ''));

/** Class words of buttons and calls to action: furniture only around short text. */
export const BUTTON_WORDS = new Set(['btn', 'button', 'buttons', 'cta']);

export function buttonNameWords(element: Element): boolean {
  const name = element.getAttribute('class');
  if (!name) return false;
  return wordsOf(name).some((word) => BUTTON_WORDS.has(word));
}

/**
 * Class names of text written for screen readers only, clipped out of sight: "Option: …", "Opens
 * in a new window", a repeated product name. A reader of the page never sees it.
 */
const SCREEN_READER_ONLY =
  /(?:^|[\s_-])(?:sr-only|visually-?hidden|screen-?reader-(?:text|only)|assistive-text|element-invisible|offscreen|hidden-visually)(?:$|\s)/i;

export const isScreenReaderOnly = (element: Element) => SCREEN_READER_ONLY.test(element.getAttribute('class') ?? '');

/**
 * Text hidden from screen readers beside its spoken copy (`<del aria-hidden="true">$30</del>
 * <span class="sr-only">Original price was: $30</span>`) is what the page shows: where the spoken
 * copy is left out, the shown one stays.
 */
export function isVisualCopy(element: Element): boolean {
  if (element.getAttribute('aria-hidden') !== 'true' || element.hasAttribute('hidden')) return false;
  const next = element.nextElementSibling;
  const previous = element.previousElementSibling;
  return (!!next && isScreenReaderOnly(next)) || (!!previous && isScreenReaderOnly(previous));
}
