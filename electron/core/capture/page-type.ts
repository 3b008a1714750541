/**
 * What kind of page this is, decided before extracting it, as rs-trafilatura does: a story, a
 * forum thread, documentation, a product, a collection of products, a listing of items, or a
 * service page. Each kind is extracted with its own profile (see extract-article.ts).
 *
 * Signals that hold across the web, strongest first: the schema.org type the page declares, the
 * words of its address (/forum/, /docs/, /product/…), og:type, then its markup (posts in
 * sequence, code blocks, repeated cards).
 */
import { countScoredComments, isCommentArticle } from './scored-comments';
import { squeezeSpace } from './squeeze-space';
export type PageType = 'article' | 'forum' | 'documentation' | 'product' | 'collection' | 'listing' | 'service';

const LD_TYPES: [RegExp, PageType][] = [
  [/^(DiscussionForumPosting|QAPage|Question)$/, 'forum'],
  [/^(Product|ProductGroup|Book|SoftwareApplication|Course|Vehicle|IndividualProduct)$/, 'product'],
  [/^(TechArticle|APIReference)$/, 'documentation'],
  [
    /^(NewsArticle|BlogPosting|Article|Report|ScholarlyArticle|ReportageNewsArticle|OpinionNewsArticle|Recipe|Review)$/,
    'article',
  ],
  [/^(CollectionPage|ItemList|OfferCatalog|SearchResultsPage)$/, 'collection'],
  [/^(Service|ProfessionalService|FinancialProduct)$/, 'service'],
];

/** Address words: path segments and the first label of the host name. */
const URL_WORDS: [RegExp, PageType][] = [
  [/^(forums?|community|communities|discuss|discussions?|boards?|bbs|answers)$/, 'forum'],
  [/^(t|threads?|topics?|questions|viewtopic\.php|showthread\.php|comments)$/, 'forum'],
  [
    /^(docs?|documentation|reference|api|manual|handbook|guides?|tutorials?|wiki|man|reference-guide|developer|developers|learn|kb|knowledge-?base|help|support)$/,
    'documentation',
  ],
  [/^(products?|p|dp|item|items|shop|store|buy)$/, 'product'],
  [/^(collections?|categor(y|ies)|c|browse|catalog|department)$/, 'collection'],
  [/^(services?|solutions?|pricing|features?|platform|industries|consulting|agency)$/, 'service'],
  [
    /^(blog|news|events?|jobs|careers|courses|programs?|directory|resources|reviews|articles|listings?|tag|tags|archive|page)$/,
    'listing',
  ],
];

export interface PageSignals {
  /** Every @type the page's JSON-LD declares, outermost first. */
  ldTypes?: string[];
  ogType?: string | null;
  /** Buttons that put an item in the cart, counted before the page's forms are stripped. */
  buyButtons?: number;
}

function fromUrl(pageUrl: string): PageType[] {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return [];
  }
  const words = [url.hostname.split('.')[0], ...url.pathname.toLowerCase().split('/').filter(Boolean)];
  const found: PageType[] = [];
  for (const word of words) for (const [re, type] of URL_WORDS) if (re.test(word)) found.push(type);
  return found;
}

/** Counts of the markup that tells the kinds apart, from one walk. */
interface MarkupCounts {
  /** Code blocks: documentation shows code. */
  pre: number;
  /** Paragraphs over 150 characters: a story has several, a page of cards or sections few. */
  longParagraphs: number;
  /** Elements that mark a post in a thread: schema.org Comment, Answer or DiscussionForumPosting. */
  posts: number;
  /** Of those, DiscussionForumPosting: the page is a thread, whatever its og:type says. */
  forumPostings: number;
  /** Microdata items of schema.org type Product. */
  productItems: number;
  /** Whether one of them holds the page's headline: the item is the page's, the others are beside it. */
  headlineInProduct: boolean;
  /** `<article>`s named as comments that carry a score: a thread of an aggregator's replies (scored-comments.ts). */
  scoredComments: number;
}

/** A paragraph longer than this is prose, not a card's caption or a label. */
export const LONG_PARAGRAPH_CHARS = 150;

/** Three scored replies, as three schema.org comments, make a thread. */
const SCORED_COMMENTS = 3;

function countMarkup(document: Document): MarkupCounts {
  const counts: MarkupCounts = {
    pre: 0,
    longParagraphs: 0,
    posts: 0,
    forumPostings: 0,
    productItems: 0,
    headlineInProduct: false,
    scoredComments: 0,
  };
  const comments: Element[] = [];
  for (const element of document.body?.querySelectorAll('pre,p,article,[itemtype]') ?? []) {
    if (element.tagName === 'PRE') counts.pre++;
    else if (element.tagName === 'ARTICLE') {
      if (isCommentArticle(element)) comments.push(element);
    } else if (element.tagName === 'P' && (element.textContent ?? '').length > LONG_PARAGRAPH_CHARS)
      counts.longParagraphs++;
    const itemType = element.getAttribute('itemtype') ?? '';
    if (/schema\.org\/(Comment|Answer|DiscussionForumPosting)/i.test(itemType)) counts.posts++;
    if (/schema\.org\/DiscussionForumPosting/i.test(itemType)) counts.forumPostings++;
    else if (/schema\.org\/Product$/i.test(itemType)) {
      counts.productItems++;
      counts.headlineInProduct ||= element.getElementsByTagName('h1').length > 0;
    }
  }
  if (comments.length >= SCORED_COMMENTS) counts.scoredComments = countScoredComments(comments, SCORED_COMMENTS);
  return counts;
}

const itemTypeOf = (element: Element | null | undefined) =>
  (element?.getAttribute('itemtype') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((url) => url.replace(/^.*\//, ''));

function pageItemTypes(document: Document): string[] {
  const main = document.querySelector('main[itemtype],[role="main"][itemtype]');
  return [...itemTypeOf(document.documentElement), ...itemTypeOf(document.body), ...itemTypeOf(main)];
}

export interface PageClues {
  ldTypes: string[];
  ogType: string;
  fromAddress: PageType[];
  counts: MarkupCounts;
  buyButtons: number;
}

export function pageClues(document: Document, pageUrl: string, signals: PageSignals): PageClues {
  const counts = countMarkup(document);
  return {
    // The page's outermost microdata type (on <html> or <body>) counts as much as its JSON-LD.
    ldTypes: [...(signals.ldTypes ?? []), ...pageItemTypes(document)],
    ogType: signals.ogType?.toLowerCase() ?? '',
    fromAddress: fromUrl(pageUrl),
    counts,
    buyButtons: signals.buyButtons ?? 0,
  };
}

export function classifyPage(document: Document, pageUrl: string, signals: PageSignals): PageType {
  return typeFromClues(pageClues(document, pageUrl, { buyButtons: countBuyButtons(document), ...signals }));
}

/**
 * A button that puts the item in the cart, in several languages: one or two on a product page
 * (the second for small screens or a sticky bar), one a card on a collection.
 */
const BUY_BUTTON =
  /^(add to (cart|bag|basket|trolley)|buy( it)? now|in den (warenkorb|einkaufswagen)|jetzt kaufen|ajouter au panier|acheter|añadir (al carrito|a la cesta)|comprar( ahora)?|aggiungi al carrello|acquista( ora)?|in (de )?winkelwagen|adicionar ao carrinho|dodaj do koszyka|lägg i varukorgen|læg i kurv|legg i handlekurv)$/iu;
const BUY_BUTTON_CHARS = 40;
const isBuyButton = (text: string) => {
  const squeezed = squeezeSpace(text);
  return squeezed.length <= BUY_BUTTON_CHARS && BUY_BUTTON.test(squeezed);
};

/**
 * `button,a[role="button"],input[type="submit"]`, read here: linkedom hands a selector with a type
 * test to css-select, element by element. The type's value is compared regardless of case, as
 * css-select does in HTML (same length, same lower case).
 */
function isButton(element: Element): boolean {
  if (element.tagName === 'BUTTON') return true;
  if (element.tagName === 'A') return element.getAttribute('role') === 'button';
  const type = element.getAttribute('type');
  return type !== null && type.length === 'submit'.length && type.toLowerCase() === 'submit';
}

/** Counted on the page as sent: the buttons sit in forms, which cleaning strips. */
export function countBuyButtons(document: Document): number {
  let n = 0;
  for (const button of document.body?.querySelectorAll('button,a,input') ?? [])
    if (
      isButton(button) &&
      isBuyButton(button.tagName === 'INPUT' ? (button.getAttribute('value') ?? '') : (button.textContent ?? ''))
    )
      n++;
  return n;
}
const MAX_PRODUCT_BUY_BUTTONS = 2;

/** One product item in the markup or one holding the headline, or one or two buy buttons: the page sells one thing. */
const sellsOneItem = ({ counts, buyButtons }: PageClues) =>
  counts.productItems === 1 ||
  counts.headlineInProduct ||
  (counts.productItems === 0 && buyButtons > 0 && buyButtons <= MAX_PRODUCT_BUY_BUTTONS);

/** A page that declares this many products, or a group of them (og:type product.group), lists them. */
const LISTED_PRODUCTS = 3;
const PRODUCT_LD_TYPE = /^(Product|ProductGroup)$/;
const LISTS_BESIDE_PRODUCT = /^(ItemList|OfferCatalog)$/;
const PRODUCT_GROUP = /^product[.:]group$/;

export function typeFromClues(clues: PageClues): PageType {
  const { ldTypes, ogType: og, fromAddress, counts } = clues;
  if (PRODUCT_GROUP.test(og) || ldTypes.filter((t) => t === 'Product').length >= LISTED_PRODUCTS) return 'collection';
  // A product's variants or related items, declared as a list beside it, do not make a collection.
  const declaresProduct = ldTypes.some((t) => PRODUCT_LD_TYPE.test(t));
  for (const ldType of ldTypes) {
    if (declaresProduct && LISTS_BESIDE_PRODUCT.test(ldType)) continue;
    for (const [re, type] of LD_TYPES) if (re.test(ldType)) return type;
  }
  if (og.includes('product')) return 'product';
  if (og !== 'article' && sellsOneItem(clues)) return 'product';
  // A documentation site's "topics" are chapters, not threads, when they show code and no posts.
  const docsTopics = fromAddress.includes('documentation') && counts.pre >= 3;
  // One post marked as a DiscussionForumPosting in the markup (the thread's own item) says as much as three comments.
  if ((fromAddress.includes('forum') && !docsTopics) || counts.posts >= 3 || counts.forumPostings > 0) return 'forum';
  if (counts.scoredComments >= SCORED_COMMENTS && !declaresStory(clues)) return 'forum';
  if (fromAddress.includes('documentation') || counts.pre >= 3) return 'documentation';
  if (og === 'article') return 'article';
  if (fromAddress.length) return fromAddress[fromAddress.length - 1];
  return 'article';
}

const STORY_LD_TYPES =
  /^(NewsArticle|BlogPosting|Article|Report|ScholarlyArticle|ReportageNewsArticle|OpinionNewsArticle)$/;
/** Paragraphs over 150 characters: a story has several, a page of cards or sections few. */
const STORY_PARAGRAPHS = 5;

/** Whether the page says it is one story: og:type article or a schema.org story type. */
export function declaresStory(clues: PageClues): boolean {
  return clues.ogType === 'article' || clues.ldTypes.some((t) => STORY_LD_TYPES.test(t));
}

/** Whether the page gives evidence of being one story, beyond the absence of other signs. */
export function looksLikeStory(clues: PageClues): boolean {
  return declaresStory(clues) || clues.counts.longParagraphs >= STORY_PARAGRAPHS;
}
