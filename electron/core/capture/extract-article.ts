/**
 * Extracts the article from a page's HTML: one linkedom parse, metadata read first,
 * URLs made absolute and images given their real sources, furniture stripped, then
 * Readability — or, when it finds no article, a cleaned version of the whole page.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleDescription, ExtractionKind } from '@shared/model';
import { removeArticleFurniture } from './article-furniture';
import { countCardHeadings, isCardList } from './card-headings';
import { paragraphsInRuns } from './prose-runs';
import { removeRatingControls } from './rating-controls';
import { hasPrice } from './card-grid';
import { PRODUCT_FURNITURE_WORDS } from './boilerplate';
import { fallbackCharsAtMost, fallbackContent } from './fallback-content';
import { FastReadability } from './fast-readability';
import { restoreAnchors, restoreAnchorsInHtml, shelterHeadings } from './heading-names';
import { restoreHeadlineBlock, shelterHeadlineBlock } from './headline-block';
import { findChapterContents, restoreChapterContents } from './chapter-contents';
import { removeDocumentationFurniture } from './documentation-furniture';
import { spaceHeadingBoxes } from './heading-spacing';
import { installLinkedomFastPaths } from './linkedom-fast-paths';
import { pageTitle } from './page-title';
import { mainRegion, type Region, type RegionProfile } from './main-region';
import { unwrapNoscriptPage } from './noscript-content';
import {
  countBuyButtons,
  declaresStory,
  LONG_PARAGRAPH_CHARS,
  looksLikeStory,
  pageClues,
  typeFromClues,
  type PageClues,
  type PageType,
} from './page-type';
import { removePostFurniture } from './post-furniture';
import { removeRepeatedByline } from './repeated-byline';
import { dropRepeatedProse } from './repeated-prose';
import { prepareImages } from './lazy-images';
import { withProductDescription } from './product-description';
import {
  asDirection,
  cleanByline,
  collapse,
  normalizeLang,
  readPageMetadata,
  toIsoDate,
  type PageMetadata,
} from './page-metadata';
import { bylineWithin } from './byline-text';
import { writtenDate } from './written-date';
import { textStats } from './reading-time';
import { resolveDocumentUrls } from './resolve-urls';
import { htmlToText, sanitizeArticleHtml } from './sanitize-article';
import { removeOverlays, stripClutter } from './strip-clutter';
import { stripInertMarkup } from './strip-inert-markup';
import { mayHoldFormulas, unwrapFormulas } from './formulas';
import { plainTerminalOutput } from './terminal-output';
import { removeAuthorBoxes } from './story-asides';
import { inlineStreamedSegments } from './streamed-html';

export interface ExtractedArticle extends ArticleDescription {
  content: string;
  textContent: string;
  leadImageUrl: string | null;
  siteIconUrl: string | null;
}

export interface ExtractedPage {
  article: ExtractedArticle;
  /** The page's <link rel=canonical>, absolute, when it has one. */
  canonicalUrl: string | null;
}

/** Readability's result is only trusted with at least this much text. */
const MIN_ARTICLE_CHARS = 140;
const EXCERPT_MAX = 1000;

type ReadabilityResult = NonNullable<ReturnType<Readability['parse']>>;

/**
 * Copies of what opens a documentation page and Readability may leave out (see headline-block.ts,
 * chapter-contents.ts); given for documentation pages only, whose article also loses its page
 * generator's furniture (documentation-furniture.ts).
 */
interface DocumentationOpenings {
  headline: Element | null;
  contents: Element | null;
}

function parseDocument(html: string): Document {
  installLinkedomFastPaths();
  const { document } = parseHTML(stripInertMarkup(inlineStreamedSegments(html))) as unknown as { document: Document };
  if (mayHoldFormulas(html)) unwrapFormulas(document);
  return document;
}

/** Cleans the document in place; returns the overlays left in it for removeOverlays. */
function cleanForExtraction(document: Document, pageUrl: string, authorBoxes?: Element[]): Element[] {
  resolveDocumentUrls(document, pageUrl);
  unwrapNoscriptPage(document);
  prepareImages(document);
  return document.body ? stripClutter(document.body, authorBoxes) : [];
}

/** isProbablyReaderable counts characters; a CJK character carries about what a short word does. */
const CJK_MIN_CONTENT_LENGTH = 60;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const TEXT_SAMPLE = 20_000;

function isMostlyCjk(document: Document): boolean {
  const sample = (document.body?.textContent ?? '').slice(0, TEXT_SAMPLE).replace(/\s+/g, '');
  return sample.length > 0 && (sample.match(CJK_CHAR)?.length ?? 0) > sample.length * 0.3;
}

function looksReaderable(document: Document): boolean {
  return (
    isProbablyReaderable(document) ||
    (isMostlyCjk(document) && isProbablyReaderable(document, { minContentLength: CJK_MIN_CONTENT_LENGTH }))
  );
}

const hasEnoughText = (result: ReadabilityResult) => (result.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS;

function titleFallback(pageUrl: string): string {
  const url = new URL(pageUrl);
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return collapse(last.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ')) ?? url.hostname;
}

function truncate(text: string | null, max: number): string | null {
  if (!text || text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** Assembles the public result from sanitized content and what is known about the page. */
export function buildArticle(
  content: string,
  extraction: ExtractionKind,
  meta: PageMetadata,
  pageUrl: string,
  found: Partial<ReadabilityResult> = {},
): ExtractedArticle {
  const textContent = htmlToText(content);
  if (!textContent) {
    throw new OffprintError(
      'not-an-article',
      'This page has no readable text to save. It may need JavaScript or a sign-in to show its content.',
    );
  }
  const lang = normalizeLang(found.lang) ?? meta.lang;
  const firstParagraph = textContent.split('\n\n').find((p) => p.length > 40) ?? null;
  const siteName = collapse(found.siteName) ?? meta.siteName;
  const title =
    (meta.titleClues && pageTitle(meta.titleClues, pageUrl, collapse(found.title))) ??
    collapse(found.title) ??
    meta.title ??
    titleFallback(pageUrl);
  return {
    title,
    byline: meta.declaredAuthor ?? bylineWithin(cleanByline(found.byline), meta.byline, siteName),
    excerpt: truncate(collapse(found.excerpt) ?? meta.excerpt ?? firstParagraph, EXCERPT_MAX),
    siteName,
    lang,
    dir: asDirection(found.dir) ?? meta.dir,
    // The byline line often carries the date: "Dec 17, 2025 · Jo Lee".
    publishedTime: toIsoDate(found.publishedTime) ?? meta.publishedTime ?? writtenDate(found.byline),
    content,
    textContent,
    ...textStats(textContent),
    extraction,
    leadImageUrl: meta.leadImageUrl,
    siteIconUrl: meta.iconUrl,
  };
}

// The sanitizer drops every class, so Readability need not walk the article to strip them.
// The article comes back as an element, so a byline line Readability left in it can still be taken out.
// Without `contentWanted` only the metadata is read and the article is left as Readability gave it.
function readArticle(
  document: Document,
  thread = false,
  sheltered = false,
  asides = false,
  contentWanted = true,
  openings: DocumentationOpenings | null = null,
  story = false,
  screenReaderText = false,
): ReadabilityResult | null {
  const found = new FastReadability<Element>(document, {
    keepClasses: true,
    serializer: (node) => node as Element,
  }).parse();
  if (!found) return null;
  const byline = cleanByline(found.byline);
  // With no description to go on, Readability's excerpt is the first <p>, which may be that byline line.
  const excerpt = byline && cleanByline(found.excerpt) === byline ? null : found.excerpt;
  const content = found.content;
  if (!content || !contentWanted) return { ...found, excerpt, content: undefined };
  if (openings?.contents) restoreChapterContents(content, openings.contents);
  if (openings?.headline) restoreHeadlineBlock(content, openings.headline);
  if (sheltered) restoreAnchors(content);
  if (byline) removeRepeatedByline(content, byline);
  removeArticleFurniture(content, asides, story, screenReaderText);
  removeRatingControls(content);
  if (openings) removeDocumentationFurniture(content);
  if (thread) removePostFurniture(content);
  return { ...found, excerpt, content: content.innerHTML };
}

/**
 * Readability on deep markup can take seconds; on a page that is not an article it runs only
 * when the page is small, for the title, byline and excerpt. (Its own maxElemsToParse counts
 * with getElementsByTagName('*'), which finds nothing in linkedom.)
 */
const NOT_READERABLE_ELEMENT_LIMIT = 3000;

/** Readability throws on some malformed trees; the region or the whole page is saved instead. */
function readArticleSafely(
  document: Document,
  thread: boolean,
  sheltered: boolean,
  asides: boolean,
  openings: DocumentationOpenings | null,
  story: boolean,
  screenReaderText: boolean,
): ReadabilityResult | null {
  try {
    return readArticle(document, thread, sheltered, asides, true, openings, story, screenReaderText);
  } catch {
    return null;
  }
}

/** Only its metadata is wanted: the whole-page version is saved either way. */
function readSmallPage(document: Document, thread: boolean, sheltered: boolean): ReadabilityResult | null {
  if (document.querySelectorAll('*').length > NOT_READERABLE_ELEMENT_LIMIT) return null;
  try {
    return readArticle(document, thread, sheltered, false, false);
  } catch {
    return null; // Only its metadata was wanted: the whole-page version is saved either way.
  }
}

/**
 * Kinds of page whose Readability article loses the text written for screen readers only: a
 * manual's and a service page's may be labels the page needs (a tab's name, a plan's price).
 */
const SCREEN_READER_TEXT_DROPPED = new Set<PageType>(['listing', 'collection']);

/** A board's notices to every visitor (rules, scam warnings, meetups) above each thread, and its calls to guests to sign up. */
const THREAD_FURNITURE_WORDS = new Set(['notice', 'notices', 'cta']);

/** Listings and collections: repeated cards, all of them, without each card's small print. */
const CARDS_PROFILE: RegionProfile = {
  commentsAreContent: false,
  keepLinkLists: true,
  dropScreenReaderText: true,
  dropShopControls: true,
  dropCardFurniture: true,
  keepVisualCopies: true,
  dropInlineTwins: true,
  dropFacetFilters: true,
  keepCardLines: true,
};

/**
 * How each kind of page is read when Readability's one best block misses most of it: its whole
 * main region, without furniture, with the profile of its kind.
 */
const REGION_PROFILES: Record<PageType, RegionProfile> = {
  article: { commentsAreContent: false, keepLinkLists: false, keepListsInProse: true, keepCardLines: true },
  forum: {
    commentsAreContent: true,
    keepLinkLists: false,
    dropRepeats: true,
    dropPostFurniture: true,
    furnitureWords: THREAD_FURNITURE_WORDS,
    keepStoryAsides: true,
  },
  documentation: { commentsAreContent: false, keepLinkLists: false, keepListsInProse: true },
  product: {
    commentsAreContent: false,
    keepLinkLists: false,
    furnitureWords: PRODUCT_FURNITURE_WORDS,
    dropReviews: true,
    dropRepeats: true,
    dropShopLines: true,
    dropInlineTwins: true,
    dropProductCards: true,
    keepCollapsedPanels: true,
    keepScriptedProse: true,
    dropScreenReaderText: true,
    dropShopControls: true,
    keepHeadline: true,
    keepProductDetails: true,
  },
  collection: { ...CARDS_PROFILE, keepAccordionPanels: true, dropCardBadges: true },
  listing: CARDS_PROFILE,
  service: {
    commentsAreContent: false,
    keepLinkLists: false,
    keepScriptedProse: true,
    dropScreenReaderText: true,
    dropShopControls: true,
  },
};

/** A question-and-answer page (schema.org QAPage): the question and its answers, not the comments under each. */
const QA_PROFILE: RegionProfile = {
  commentsAreContent: false,
  keepLinkLists: false,
  dropRepeats: true,
  dropPostFurniture: true,
  keepStoryAsides: true,
};

/**
 * Some threads declare QAPage with their replies marked up as comments: when leaving comments out
 * leaves less than this share of the thread, the replies were the comments.
 */
const QA_SHARE_OF_THREAD = 0.4;

/**
 * A product page shows other products' cards beside its own; when they hold this many times the
 * text of the rest and the rest shows no price, the cards are the page (a collection that calls
 * itself a product) and stay.
 */
const CARDS_OVER_PRODUCT = 2;

/** How near its name, in characters of text either way, a product shows its price. */
const PRICE_NEAR_HEADLINE_CHARS = 80;
const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

/** The product's own price beside its name: then the cards are the ones around it, however many. */
function priceBesideHeadline(html: string): boolean {
  const start = html.indexOf('<h1');
  const end = html.indexOf('</h1>', start);
  if (start < 0 || end < 0) return false;
  const before = textOf(html.slice(Math.max(0, start - 20 * PRICE_NEAR_HEADLINE_CHARS), start));
  const after = textOf(html.slice(end, end + 20 * PRICE_NEAR_HEADLINE_CHARS));
  return hasPrice(before.slice(-PRICE_NEAR_HEADLINE_CHARS)) || hasPrice(after.slice(0, PRICE_NEAR_HEADLINE_CHARS));
}

function productRegion(document: Document): Region {
  const region = mainRegion(document, REGION_PROFILES.product);
  if (region.cardChars <= CARDS_OVER_PRODUCT * region.chars) return region;
  if (priceBesideHeadline(region.html)) return region;
  return mainRegion(document, { ...REGION_PROFILES.product, dropProductCards: false });
}

function threadRegion(document: Document, type: PageType, clues: PageClues): Region {
  const profile = REGION_PROFILES[type];
  if (type === 'product') return productRegion(document);
  if (type !== 'forum' || !clues.ldTypes.some((t) => t === 'QAPage')) return mainRegion(document, profile);
  const qa = mainRegion(document, QA_PROFILE);
  const thread = mainRegion(document, profile);
  return qa.chars >= QA_SHARE_OF_THREAD * thread.chars ? qa : thread;
}

/**
 * A story page whose story region is next to empty while the thread profile finds a long page:
 * its posts are all marked up as comments (a discussion board with no schema.org type or telling
 * address). It is read as a thread, unless Readability finds a long story it says it is.
 */
const MIN_THREAD_CHARS = 1000;

interface PageKind {
  type: PageType;
  region: Region;
  /** Taken for a thread because its text is all in comments. */
  commentsOnly: boolean;
}

function kindAndRegion(document: Document, type: PageType, clues: PageClues): PageKind {
  const region = threadRegion(document, type, clues);
  if (type !== 'article' || region.chars >= MIN_REGION_CHARS) return { type, region, commentsOnly: false };
  const thread = mainRegion(document, REGION_PROFILES.forum);
  return thread.chars >= MIN_THREAD_CHARS
    ? { type: 'forum', region: thread, commentsOnly: true }
    : { type, region, commentsOnly: false };
}

const REGION_FIRST = new Set<PageType>(['product', 'collection', 'service']);
/**
 * Kinds whose content keeps a passage written twice (for two screen sizes, or as an excerpt and in
 * full) once: see repeated-prose.ts. A story or a manual may quote its own words on purpose (a pull
 * quote, a summary repeated at the end), and their labels keep both; so may a "listing", which is
 * often a story named so by its address (/news/, /blog/).
 */
const PROSE_ONCE = new Set<PageType>(['collection', 'product', 'service', 'forum']);
/**
 * A "collection" that shows no price anywhere in its region is a listing of stories, recipes or
 * courses (schema.org ItemList, a /category/ address): Readability may then find the list itself,
 * as on any listing.
 */
const unpricedCollection = (type: PageType, region: Region) =>
  type === 'collection' && !hasPrice(region.html.replace(/<[^>]*>/g, ''));
/** Such a collection's cards are each a block as big as a story's paragraph: Readability's block stands only when it holds nearly all of them. */
const COLLECTION_READABILITY_SHARE = 0.8;
/** Kinds whose headings are kept from Readability's class-name rules (see heading-names.ts). */
const SHELTERED = new Set<PageType>(['article', 'documentation']);

/** A region with less text than this is not trusted over Readability. */
const MIN_REGION_CHARS = 200;
/** A shop's or a service's page is its region down to a smaller size: a collection of two products is short. */
const MIN_SHOP_REGION_CHARS = 100;
/**
 * Readability's article is kept when it holds at least this share of the region's text: it is then
 * the story itself, tighter than the region. Below, it picked one block of a page made of several
 * (posts, sections, cards) and the region is kept.
 */
// 0.7 rather than 0.6: at 0.6 a listing's lead card or a service page's biggest section still passed.
const READABILITY_SHARE = 0.7;
/** A thread is its posts with their authors: Readability's block, which leaves the authors out and keeps one post's worth, never stands for it. */
const THREAD_READABILITY_SHARE = Infinity;
/**
 * On a page that looks like a story, or a "thread" that says it is a story and where Readability
 * found a long one (a blog post above its comments), its article stands unless the region holds
 * over six times as much. A thread's long opening post alone is not the thread.
 */
const STORY_READABILITY_SHARE = 0.15;
/** A page that marks its posts up as a schema.org DiscussionForumPosting is a thread, whatever its og:type. */
const marksThread = (clues: PageClues) =>
  clues.counts.forumPostings > 0 || clues.ldTypes.includes('DiscussionForumPosting');
const LONG_STORY_CHARS = 3000;
/**
 * A page that does not declare itself a story (og:type, schema.org) is only taken for one on the
 * strength of its long paragraphs when Readability's article holds most of them; when it holds few,
 * it picked one card or section of a page made of several (a listing with excerpts, a service page).
 */
const STORY_SHARE_OF_LONG_PARAGRAPHS = 0.8;
/**
 * Readability's article holding less than this share of a region made of cards (see
 * card-headings.ts) is one card or one group of them: the region is kept, whatever the page says it is.
 */
const CARDS_READABILITY_SHARE = 0.6;
/** A block of Readability's holding this many long paragraphs is a story beside the cards (its related links), not a card. */
const STORY_PARAGRAPHS_NOT_A_CARD = 5;

/**
 * Readability's block is no story beside the cards when it holds few long paragraphs, or when they
 * stand one to a card (captions, excerpts: prose-runs.ts) and it kept none of the cards' linked
 * titles: it took the cards' text without the cards.
 */
const isNoStory = (longParagraphs: number, content: string, pageUrl: string) =>
  longParagraphs < STORY_PARAGRAPHS_NOT_A_CARD ||
  (paragraphsInRuns(content) < STORY_PARAGRAPHS_NOT_A_CARD && countCardHeadings(content, pageUrl).linked === 0);

function longParagraphsIn(html: string): number {
  let n = 0;
  for (const match of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g))
    if (match[1].replace(/<[^>]*>/g, '').length > LONG_PARAGRAPH_CHARS) n++;
  return n;
}

/** Whether Readability's article, with this many long paragraphs, is the page's story: declared one, or holding most of them. */
const isTheStory = (longParagraphs: number, clues: PageClues) =>
  declaresStory(clues) || longParagraphs >= STORY_SHARE_OF_LONG_PARAGRAPHS * clues.counts.longParagraphs;
/**
 * On a short page, Readability kept one part of a story (a guide's introduction, one of its
 * sections) when the region holds four times its long paragraphs and a few more: the story's share
 * rule is then not used. A long region with that many more is a thread of comments or a stream of
 * other stories under the one Readability found.
 */
const REGION_OVER_STORY_PARAGRAPHS = 4;
const MIN_PARAGRAPHS_LEFT_OUT = 3;
const SHORT_REGION_CHARS = 8000;

/**
 * A page that names no author is seldom one long story: a service's page of stacked sections, where
 * Readability keeps the biggest. Its region stands when it holds two and a half times Readability's
 * long paragraphs, up to a longer region. (Mozilla's pages where a long region is comments or other
 * stories all name their author.)
 */
const UNSIGNED_REGION_OVER_STORY_PARAGRAPHS = 2.5;
const UNSIGNED_REGION_CHARS = 24_000;

function keptPartOfStory(found: number, region: Region, signed: boolean): boolean {
  if (region.chars > (signed ? SHORT_REGION_CHARS : UNSIGNED_REGION_CHARS)) return false;
  const inRegion = longParagraphsIn(region.html);
  const over = signed ? REGION_OVER_STORY_PARAGRAPHS : UNSIGNED_REGION_OVER_STORY_PARAGRAPHS;
  return inRegion >= over * found && inRegion - found >= MIN_PARAGRAPHS_LEFT_OUT;
}
/** Without an article from Readability, the region is kept unless the whole cleaned page holds this many times as much. */
const FALLBACK_OVER_REGION = 3;

const namesAuthor = (meta: PageMetadata, found: ReadabilityResult) =>
  !!(meta.declaredAuthor ?? cleanByline(found.byline) ?? meta.byline);

const visibleChars = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '').length;

export function extractPage(html: string, pageUrl: string): ExtractedPage {
  if (!html.trim()) throw new OffprintError('empty', 'The page is empty: the site sent no content.');
  let document = parseDocument(html);
  const meta = readPageMetadata(document, pageUrl);
  const buyButtons = countBuyButtons(document);
  const authorBoxes: Element[] = [];
  const overlays = cleanForExtraction(document, pageUrl, authorBoxes);
  const local = { localImages: pageUrl.startsWith('file:') };
  // Read before Readability, which changes the document.
  const clues = pageClues(document, pageUrl, { ...meta, buyButtons });
  const declared = typeFromClues(clues);
  const body = document.body;
  const sheltered = SHELTERED.has(declared) && !!body;
  if (sheltered) shelterHeadings(body);
  let openings: DocumentationOpenings | null = null;
  if (declared === 'documentation' && body) {
    openings = { headline: shelterHeadlineBlock(body), contents: findChapterContents(body, pageUrl) };
    spaceHeadingBoxes(body);
    plainTerminalOutput(body);
  }
  const kind = kindAndRegion(document, declared, clues);
  const { type, commentsOnly } = kind;
  const region = type === 'product' ? withProductDescription(kind.region, meta.productDescription) : kind.region;
  const regionChars = region.chars;
  // Sanitized only when it is kept: the sanitizer costs as much as the rest of the region's reading.
  const once = (html: string) => (PROSE_ONCE.has(type) ? dropRepeatedProse(html) : html);
  const regionContent = () => {
    const html = openings ? tidyDocumentationRegion(region.html, openings.contents) : region.html;
    return once(sanitizeArticleHtml(sheltered ? restoreAnchorsInHtml(html) : html, local));
  };
  // On a product, collection or service page Readability's one block is often the reviews or a
  // single card: the region is the page, and Readability need not run at all.
  if (REGION_FIRST.has(type) && regionChars >= MIN_SHOP_REGION_CHARS && !unpricedCollection(type, region))
    return { article: buildArticle(regionContent(), 'region', meta, pageUrl), canonicalUrl: meta.canonicalUrl };
  removeOverlays(overlays);
  // Read before Readability changes the page (and before author boxes go, which the fallback keeps): see below.
  const fallbackAtMost = regionChars >= MIN_REGION_CHARS ? fallbackCharsAtMost(document) : Infinity;
  const asides = !REGION_PROFILES[type].keepStoryAsides;
  if (asides) removeAuthorBoxes(authorBoxes);
  const readerable = looksReaderable(document);
  const thread = type === 'forum';
  const found = readerable
    ? readArticleSafely(
        document,
        thread,
        sheltered,
        asides,
        openings,
        type === 'article' && declaresStory(clues),
        SCREEN_READER_TEXT_DROPPED.has(type),
      )
    : readSmallPage(document, thread, sheltered);
  const { content: foundContent, textContent: _text, ...foundMetadata } = found ?? {};
  const regionArticle = () => buildArticle(regionContent(), 'region', meta, pageUrl, foundMetadata);
  if (readerable && found && hasEnoughText(found)) {
    const content = once(sanitizeArticleHtml(foundContent ?? '', local));
    const chars = visibleChars(content);
    const longStory = type === 'forum' && chars >= LONG_STORY_CHARS && declaresStory(clues) && !marksThread(clues);
    const storyCandidate = (type === 'article' && looksLikeStory(clues)) || longStory;
    const longParagraphs = storyCandidate ? longParagraphsIn(content) : 0;
    const story =
      storyCandidate &&
      !(type === 'article' && keptPartOfStory(longParagraphs, region, namesAuthor(meta, found))) &&
      isTheStory(longParagraphs, clues);
    const share = story
      ? STORY_READABILITY_SHARE
      : type === 'forum'
        ? THREAD_READABILITY_SHARE
        : type === 'collection'
          ? COLLECTION_READABILITY_SHARE
          : READABILITY_SHARE;
    const tooSmallRegion = type === 'forum' && regionChars < MIN_REGION_CHARS;
    const oneOfTheCards =
      type !== 'forum' &&
      chars < CARDS_READABILITY_SHARE * regionChars &&
      isNoStory(storyCandidate ? longParagraphs : longParagraphsIn(content), content, pageUrl) &&
      isCardList(region.html, pageUrl);
    if (!oneOfTheCards && ((commentsOnly && story) || tooSmallRegion || chars >= share * regionChars))
      return { article: buildArticle(content, 'readability', meta, pageUrl, found), canonicalUrl: meta.canonicalUrl };
    return { article: regionArticle(), canonicalUrl: meta.canonicalUrl };
  }
  // The region stands when the whole-page version could not hold three times as much: no second parse.
  if (regionChars >= MIN_REGION_CHARS && regionChars * FALLBACK_OVER_REGION >= fallbackAtMost)
    return { article: regionArticle(), canonicalUrl: meta.canonicalUrl };
  // Readability found too little, or failed, after mutating the document: start again from the
  // source (rare). Its metadata still stands: it read that before looking for the article.
  document = parseDocument(html);
  removeOverlays(cleanForExtraction(document, pageUrl));
  const content = once(sanitizeArticleHtml(fallbackContent(document), local));
  if (regionChars >= MIN_REGION_CHARS && regionChars * FALLBACK_OVER_REGION >= visibleChars(content))
    return { article: regionArticle(), canonicalUrl: meta.canonicalUrl };
  return { article: buildArticle(content, 'fallback', meta, pageUrl, foundMetadata), canonicalUrl: meta.canonicalUrl };
}

/** A documentation page's region, as its Readability article is: its chapter's contents kept, its page generator's furniture not. */
function tidyDocumentationRegion(html: string, contents: Element | null): string {
  const root = parseDocument(`<!doctype html><html><body><div>${html}</div></body></html>`).body.firstElementChild;
  if (!root) return html;
  if (contents) restoreChapterContents(root, contents);
  removeDocumentationFurniture(root);
  return root.innerHTML;
}

/** Extracts the article of a page; the content is sanitized and every URL in it is absolute. */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  return extractPage(html, pageUrl).article;
}
