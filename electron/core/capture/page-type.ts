/**
 * What kind of page this is, decided before extracting it, as rs-trafilatura does: a story, a
 * forum thread, documentation, a product, a collection of products, a listing of items, or a
 * service page. Each kind is extracted with its own profile (see extract-article.ts).
 *
 * Signals that hold across the web, strongest first: the schema.org type the page declares, the
 * words of its address (/forum/, /docs/, /product/…), og:type, then its markup (posts in
 * sequence, code blocks, repeated cards).
 */
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
}

/** A paragraph longer than this is prose, not a card's caption or a label. */
export const LONG_PARAGRAPH_CHARS = 150;

function countMarkup(document: Document): MarkupCounts {
  const counts: MarkupCounts = { pre: 0, longParagraphs: 0, posts: 0, forumPostings: 0 };
  for (const element of document.body?.querySelectorAll('pre,p,[itemtype]') ?? []) {
    if (element.tagName === 'PRE') counts.pre++;
    else if (element.tagName === 'P' && (element.textContent ?? '').length > LONG_PARAGRAPH_CHARS)
      counts.longParagraphs++;
    const itemType = element.getAttribute('itemtype') ?? '';
    if (/schema\.org\/(Comment|Answer|DiscussionForumPosting)/i.test(itemType)) counts.posts++;
    if (/schema\.org\/DiscussionForumPosting/i.test(itemType)) counts.forumPostings++;
  }
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
}

export function pageClues(document: Document, pageUrl: string, signals: PageSignals): PageClues {
  const counts = countMarkup(document);
  return {
    // The page's outermost microdata type (on <html> or <body>) counts as much as its JSON-LD.
    ldTypes: [...(signals.ldTypes ?? []), ...pageItemTypes(document)],
    ogType: signals.ogType?.toLowerCase() ?? '',
    fromAddress: fromUrl(pageUrl),
    counts,
  };
}

export function classifyPage(document: Document, pageUrl: string, signals: PageSignals): PageType {
  return typeFromClues(pageClues(document, pageUrl, signals));
}

/** A page that declares this many products, or a group of them (og:type product.group), lists them. */
const LISTED_PRODUCTS = 3;
const PRODUCT_GROUP = /^product[.:]group$/;

export function typeFromClues({ ldTypes, ogType: og, fromAddress, counts }: PageClues): PageType {
  if (PRODUCT_GROUP.test(og) || ldTypes.filter((t) => t === 'Product').length >= LISTED_PRODUCTS) return 'collection';
  for (const ldType of ldTypes) for (const [re, type] of LD_TYPES) if (re.test(ldType)) return type;
  if (og.includes('product')) return 'product';
  // A documentation site's "topics" are chapters, not threads, when they show code and no posts.
  const docsTopics = fromAddress.includes('documentation') && counts.pre >= 3;
  if ((fromAddress.includes('forum') && !docsTopics) || counts.posts >= 3) return 'forum';
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
