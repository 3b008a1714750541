/**
 * Reads what a page says about itself — <meta>, Open Graph, JSON-LD, <time>, <html lang> —
 * before Readability mutates the document. Readability's own findings take precedence;
 * these fill the gaps.
 */
import type { ArticleDescription, TextDirection } from '@shared/model';
import { isAuthorElement } from './byline-rule';
import { bylineName } from './byline-text';
import { headingLead, headingText } from './heading-text';
import { jsonLdTitle, readabilityTitle } from './readability-title';
import type { TitleClues } from './page-title';
import { documentBaseUrl, resolveReference } from './resolve-urls';
import { statedTime } from './stated-time';
import { writtenDate } from './written-date';
import { squeezeSpace } from './squeeze-space';

const STORY_REGION = 'main,article,[role="main"]';
/** Below the headline, or inside the page's declared story: where a byline or a date is the story's own. */
const inTheStory = (element: Element, afterH1: boolean) => afterH1 || element.closest(STORY_REGION) !== null;

type Described = Pick<ArticleDescription, 'byline' | 'siteName' | 'excerpt' | 'lang' | 'dir' | 'publishedTime'>;

export interface PageMetadata extends Described {
  title: string | null;
  /** The title the page states in JSON-LD or <meta>, which Readability takes as it is. */
  declaredTitle: string | null;
  leadImageUrl: string | null;
  /** The site's icon: apple-touch-icon, else rel=icon, else /favicon.ico (web pages only). */
  iconUrl: string | null;
  canonicalUrl: string | null;
  /** Every schema.org type the page's JSON-LD declares, and its og:type: what kind of page it is. */
  ldTypes?: string[];
  ogType?: string | null;
  /** The author the page's JSON-LD names, or the starter its thread names: before any byline read from the page. */
  declaredAuthor?: string | null;
  /** What the page says its title is, in each place it says it: see page-title.ts. */
  titleClues?: TitleClues;
  /** The description a schema.org Product or ProductGroup gives of itself in JSON-LD. */
  productDescription?: string | null;
}

const ARTICLE_TYPE = /Article|BlogPosting|Posting|Report|Review|NewsArticle/;
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'published_time',
  'publish-date',
  'published-date',
  'publish_date',
  'pubdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'published',
  'date_published',
];
/** When a page states no publication date, the day it was last changed is the one it shows. */
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'last-modified'];

/** article:author is often a profile address, which is no name: the next key is tried. */
const AUTHOR_META = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator'];

type JsonObject = Record<string, unknown>;

export const collapse = (s: string | null | undefined): string | null => {
  const text = squeezeSpace(s ?? '');
  return text || null;
};

/** ISO 8601 for anything Date can read, at the offset the page states (see stated-time.ts), or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = collapse(value);
  return text ? statedTime(text) : null;
}

/** The author's name in a byline: without "By", the date or the poster's rank; null for a date or a bare label. */
export const cleanByline = bylineName;

export function normalizeLang(value: string | null | undefined): string | null {
  const text = collapse(value)?.replace(/_/g, '-');
  return text && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(text) ? text : null;
}

export function asDirection(value: string | null | undefined): TextDirection | null {
  const text = value?.trim().toLowerCase();
  return text === 'rtl' || text === 'ltr' ? text : null;
}

/** The head-and-body elements metadata is read from, gathered in one walk: linkedom runs each selector query as a full walk of its own. */
interface MetadataElements {
  metas: Element[];
  jsonLd: Element[];
  links: Element[];
  times: Element[];
  title: Element | null;
  h1: Element | null;
  /** Every <h1>, and whether it sits in the page's main content (main, article, role=main). */
  h1s: { text: string; inMain: boolean; lead?: string }[];
  h2s: string[];
  /** The first rel=author or itemprop=author element, as Readability would meet it. */
  author: Element | null;
  /** Elements after the first <h1> or in the main content whose class or id speaks of a date (a <time> among them). */
  dated: Element[];
  /** The first name after the first <h1> or in the main content that links to its author's page ("/authors/jo-lee"). */
  authorLinkName: string | null;
  /** The first name after the first <h1> or in the main content that a "By"/"Written by"/"Author" label introduces. */
  labelledAuthor: string | null;
  /** The name a thread's "Started by" or "Thread starter" label introduces. */
  threadStarter: string | null;
  /** The first names after the first <h1> or in the main content that an element's class calls its author ("author-name"). */
  classedAuthors: { name: string; parent: Element | null }[];
}

/** Classes and ids of the elements that show a page's date: "post-date", "entry-meta", "byline", "published"… */
const DATED_CLASS = /date|time|posted|published|updated|byline|dateline|meta/i;
const MAX_DATED = 40;

/** How many elements after the first <h1> a date standing alone is taken to be the page's. */
const LONE_DATE_WINDOW = 60;
const LONE_DATE_MAX_CHARS = 40;

/** A line that says a date and little else, under a headline: "October 3, 2024", "Published Dec 17, 2025". */
function isLoneDate(element: Element): boolean {
  if (element.children.length) return false;
  const text = element.textContent ?? '';
  return text.length <= LONE_DATE_MAX_CHARS && !!writtenDate(text);
}

function gatherElements(document: Document): MetadataElements {
  const found: MetadataElements = {
    metas: [],
    jsonLd: [],
    links: [],
    times: [],
    title: null,
    h1: null,
    author: null,
    h1s: [],
    h2s: [],
    dated: [],
    authorLinkName: null,
    labelledAuthor: null,
    threadStarter: null,
    classedAuthors: [],
  };
  let afterH1 = false;
  let sinceH1 = 0;
  // linkedom's getElementsByTagName('*') finds nothing at all; querySelectorAll('*') works.
  for (const element of document.querySelectorAll('*')) {
    if (!found.author && element.tagName !== 'LINK' && element.tagName !== 'META' && isAuthorElement(element))
      found.author = element;
    if (afterH1) sinceH1++;
    // Past the headline's own lines: the next heading starts the text, or a card with dates of its own.
    if (afterH1 && /^H[1-3]$/.test(element.tagName)) sinceH1 = LONE_DATE_WINDOW + 1;
    if (
      found.dated.length < MAX_DATED &&
      (((element.tagName === 'TIME' ||
        (element.hasAttributes() &&
          DATED_CLASS.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`))) &&
        inTheStory(element, afterH1)) ||
        (sinceH1 > 0 && sinceH1 <= LONE_DATE_WINDOW && isLoneDate(element)))
    )
      found.dated.push(element);
    if (!found.labelledAuthor || !found.threadStarter) {
      const name = labelledAuthor(element);
      if (
        name &&
        inTheStory(element, afterH1) &&
        !element.closest(UNDER_THE_PAGE) &&
        !element.closest(NOT_IN_A_BYLINE)
      ) {
        found.labelledAuthor ??= name;
        if (STARTER_LABEL.test(element.firstChild?.nodeValue ?? '')) found.threadStarter ??= name;
      }
    }
    if (found.classedAuthors.length < MAX_CLASSED_AUTHORS && element.hasAttributes()) {
      const name = classedAuthor(element);
      if (
        name &&
        inTheStory(element, afterH1) &&
        !element.closest(UNDER_THE_PAGE) &&
        !element.closest(NOT_AROUND_A_NAME)
      )
        found.classedAuthors.push({ name, parent: element.parentElement });
    }
    switch (element.tagName) {
      case 'A':
        if (!found.threadStarter) found.threadStarter = starterLinkName(element);
        if (!found.authorLinkName) {
          const name = authorLinkName(element);
          if (name && inTheStory(element, afterH1)) found.authorLinkName = name;
        }
        break;
      case 'META':
        if (element.hasAttribute('content')) found.metas.push(element);
        break;
      case 'SCRIPT':
        if (element.getAttribute('type') === 'application/ld+json') found.jsonLd.push(element);
        break;
      case 'LINK':
        if (element.hasAttribute('href')) found.links.push(element);
        break;
      case 'TIME':
        found.times.push(element);
        break;
      case 'TITLE':
        found.title ??= element;
        break;
      case 'H1':
        afterH1 = true;
        found.h1 ??= element;
        found.h1s.push({
          text: headingText(element),
          inMain: !!element.closest(STORY_REGION),
          lead: headingLead(element),
        });
        break;
      case 'H2':
        found.h2s.push(collapse(element.textContent) ?? '');
        break;
    }
  }
  return found;
}

/**
 * Whether an author is the site itself ("Acme" on Acme's site, "Acme Ltd" under og:site_name
 * "Acme"): what a page declares when its real author is only shown on it.
 */
function namesSite(author: string | null, siteName: string | null): boolean {
  const name = letters(author ?? '');
  const site = letters(siteName ?? '');
  return !!name && !!site && (name.startsWith(site) || site.startsWith(name));
}

/** A path to a person's own page: "/author/jo-lee", "/blog/authors/jo-lee/", "/contributor/a._j._lee". */
const AUTHOR_PAGE =
  /\/(?:authors?|contributors?|writers?|people|users?|members?|profiles?)\/([^/?#]+)\/?(?:[?#]|$|\/\d+\/?$)/i;
const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The name a link to its author's page shows, when the page's address spells that very name:
 * "Jo Lee" linking to /authors/jo-lee, and not "Meet the team" or "Articles by Jo".
 */
function authorLinkName(link: Element): string | null {
  const href = link.getAttribute('href');
  const slug = href ? AUTHOR_PAGE.exec(href)?.[1] : null;
  if (!slug) return null;
  const name = collapse(link.textContent);
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // A malformed escape is compared as written.
  }
  return name && name.length <= 80 && letters(name) === letters(decoded) ? bylineName(name) : null;
}

/** "By", "Written by:", "Posted by", "Author", a thread's "Started by" or "Thread starter": the label a byline starts with. */
/** The label that names who started a thread, its author: "Started by", "Thread starter", "Topic author". */
const STARTER_LABEL = /^\s*(?:started\s+by|thread\s+starter|topic\s+(?:author|starter)|original\s+poster)\b/i;
const BYLINE_LABEL =
  /^(?:(?:written|posted|authored|article|story|words|started)\s+)?by\b|^(?:authors?|thread\s+starter|topic\s+(?:author|starter)|original\s+poster)\s*:?\s*$/i;
/** "By default", "by Kim", "Shop by Category": emphasis, links, headings and controls are no byline. */
const NOT_A_BYLINE_TAG = /^(A|EM|I|B|STRONG|CODE|LABEL|OPTION|BUTTON|H[1-6])$/;
const NOT_IN_A_BYLINE = 'h1,h2,h3,h4,h5,h6,nav,a,button,label,select,form,[role="navigation"]';
/** Where a name is no byline even when a class calls it the author's: menus, forms and headings (a link to the author's page is one). */
const NOT_AROUND_A_NAME = 'h1,h2,h3,h4,h5,h6,nav,button,label,select,form,[role="navigation"]';
const MAX_LABELLED_TEXT = 100;
const MAX_NAME_TEXT = 60;
const MAX_NAME_WORDS = 8;
/** What a name, or names with a title or an address, is written with: no sentence, formula or label. */
const NAME_LIKE = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} .,'’&()<>@_*-]*$/u;

/** A user name may be written in lower case ("ibby"); a longer lower-case text is a sentence ("By batching, we…"). */
const MAX_LOWERCASE_NAME_WORDS = 3;

/** What a shop or an archive sorts and browses by ("By Collection", "Par catégorie"): a menu, not a person. */
const BROWSING_TERM =
  /^(?:the\s+)?(?:collections?|categor(?:y|ies)|brands?|prices?|sizes?|colou?rs?|dates?|types?|topics?|styles?|rooms?|occasions?|products?|departments?|themes?|tags?|authors?|years?|months?|popularity|relevance|ratings?|name|catégories?|marques?|kategorien?|marken?|categor[íi]as?|marcas?|categorie)$/i;

function asName(text: string | null): string | null {
  if (!text || text.length < 2 || !NAME_LIKE.test(text) || BYLINE_LABEL.test(text) || BROWSING_TERM.test(text))
    return null;
  const words = text.split(' ').length;
  return words <= MAX_NAME_WORDS && (words <= MAX_LOWERCASE_NAME_WORDS || !/^\p{Ll}/u.test(text)) ? text : null;
}

/**
 * The name a byline label introduces: in the same element ("By Emily Norwood", "by ibby"), or in
 * the element after a label that stands alone ("<p>Written by</p><p>Edzel Tabing</p>").
 */
/** "Discussion in 'Help' started by <a>Ann</a>": the label ends the sentence's text before the link. */
const STARTER_BEFORE_LINK = /\b(?:started\s+by|thread\s+starter:?|topic\s+starter:?)\s*$/i;

function starterLinkName(link: Element): string | null {
  const before = link.previousSibling;
  if (before?.nodeType !== 3 || !STARTER_BEFORE_LINK.test(before.nodeValue ?? '')) return null;
  const text = link.textContent ?? '';
  return text.length <= MAX_NAME_TEXT ? asName(text.trim()) : null;
}

function labelledAuthor(element: Element): string | null {
  if (NOT_A_BYLINE_TAG.test(element.tagName)) return null;
  const first = element.firstChild;
  if (first?.nodeType !== 3 || element.childElementCount > 3 || !BYLINE_LABEL.test((first.nodeValue ?? '').trim()))
    return null;
  const text = element.textContent ?? '';
  if (text.length > MAX_LABELLED_TEXT) return null;
  const own = bylineName(text);
  if (own) return asName(own);
  const next = element.nextElementSibling?.textContent ?? '';
  return next.length <= MAX_NAME_TEXT ? asName(bylineName(next)) : null;
}

/** A class or id that says its element shows the author: "author-name", "byline__author", "text__author", not "authorized-dealer". */
const AUTHOR_CLASS = /author(?!i[sz]|it)/i;
/** What else an author's box shows, each in its own element: their role, picture, biography, the date, links to more. */
const NOT_THE_NAME =
  /title|position|role|job|bio|desc|about|date|time|count|image|img|avatar|photo|pic|social|follow|more|label/i;

/**
 * The name an element whose class calls it the author's shows, the element holding nothing but
 * that name (or a link with it): "<div class="author-name">Liza Burke</div>".
 */
function classedAuthor(element: Element): string | null {
  if (element.childElementCount > 1 || NOT_A_BYLINE_TAG.test(element.tagName)) return null;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (!AUTHOR_CLASS.test(names) || NOT_THE_NAME.test(names)) return null;
  const text = element.textContent ?? '';
  return text.length <= MAX_NAME_TEXT ? asName(bylineName(text)) : null;
}

/** A page crediting its company and then its writer shows a few such names, one after another. */
const MAX_CLASSED_AUTHORS = 4;

const CARD_LABELS = 4;
const AUTHOR_LABEL = /^(?:written by|author|by)$/i;

/** The author a link preview card shows: twitter:labelN "Written by" beside twitter:dataN. */
function labelledInCards(meta: Map<string, string>): string | null {
  for (let n = 1; n <= CARD_LABELS; n++)
    if (AUTHOR_LABEL.test(meta.get(`twitter:label${n}`)?.trim() ?? '')) return meta.get(`twitter:data${n}`) ?? null;
  return null;
}

/** An itemprop=author element's name: its text, or the content of the itemprop=name <meta> it holds. */
function authorElementName(element: Element | null): string | null {
  if (!element) return null;
  const text = collapse(element.textContent);
  if (text) return text;
  return element.querySelector('meta[itemprop="name"]')?.getAttribute('content') ?? null;
}

function metaMap(metas: Element[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of metas) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

function jsonLdObjects(scripts: Element[]): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    found.push(obj);
    if (obj['@graph']) visit(obj['@graph']);
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common and harmless: the other sources still apply.
    }
  }
  return found;
}

const types = (obj: JsonObject): string[] => [obj['@type']].flat().filter((t): t is string => typeof t === 'string');
const typeMatches = (obj: JsonObject) => types(obj).some((t) => ARTICLE_TYPE.test(t));
const PRODUCT_TYPE = /^(Product|ProductGroup)$/;

function productDescription(objects: JsonObject[]): string | null {
  const product = objects.find((obj) => types(obj).some((t) => PRODUCT_TYPE.test(t)));
  return typeof product?.description === 'string' ? product.description : null;
}
/** The JSON-LD objects whose name is the site's. */
const SITE_TYPE = /^(WebSite|Organization|Corporation|NewsMediaOrganization|LocalBusiness)$/;

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return collapse(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonObject).name);
  return null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (value && typeof value === 'object') return urlOf((value as JsonObject).url ?? (value as JsonObject).contentUrl);
  return null;
}

/**
 * Objects whose author and dates are not the page's: what is said under it, the thing sold or
 * described on it (a book's author and release day), or the people and site themselves.
 */
const NOT_THE_PAGE =
  /^(Review|Comment|Answer|Rating|AggregateRating|Offer|AggregateOffer|Person|Organization|ImageObject|VideoObject|BreadcrumbList|ListItem|ItemList|WebSite|SiteNavigationElement|Product|ProductGroup|Book|Movie|MusicAlbum|MusicRecording|Event|SoftwareApplication|VideoGame)$/;

/**
 * The author JSON-LD gives the page: its article's, else that of the page, thread or question it
 * describes (DiscussionForumPosting, QAPage's mainEntity, WebPage…), with "@id" references to a
 * Person elsewhere in the graph followed.
 */
function declaredAuthor(article: JsonObject, objects: JsonObject[]): string | null {
  const byId = new Map<unknown, JsonObject>();
  for (const obj of objects) if (typeof obj['@id'] === 'string') byId.set(obj['@id'], obj);
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object' && !('name' in value))
      return byId.get((value as JsonObject)['@id']) ?? value;
    return value;
  };
  const describesPage = (obj: JsonObject) => !types(obj).some((t) => NOT_THE_PAGE.test(t));
  const mainEntities = objects
    .flatMap((obj) => [obj.mainEntity].flat())
    .filter((e): e is JsonObject => !!e && typeof e === 'object');
  for (const obj of [article, ...objects.filter(describesPage), ...mainEntities.filter(describesPage)]) {
    const name = bylineName(nameOf(resolve(obj.author)));
    if (name) return name;
  }
  return null;
}

/** A date the JSON-LD gives: its article's, else that of the page it describes. */
function declaredDate(
  article: JsonObject,
  objects: JsonObject[],
  key: 'datePublished' | 'dateModified',
): string | null {
  for (const obj of [article, ...objects.filter((o) => !types(o).some((t) => NOT_THE_PAGE.test(t)))]) {
    const value = obj[key];
    const iso = typeof value === 'string' ? (toIsoDate(value) ?? writtenDate(value)) : null;
    if (iso) return iso;
  }
  return null;
}

function modifiedDate(ld: JsonObject, objects: JsonObject[], meta: Map<string, string>): string | null {
  return (
    declaredDate(ld, objects, 'dateModified') ??
    toIsoDate(MODIFIED_META.map((k) => meta.get(k)).find((v) => toIsoDate(v)))
  );
}

/** In order of trust: itemprop=datePublished, then pubdate, then a dated <time> in an article or header. */
const TIME_RANKS: ((time: Element) => boolean)[] = [
  (time) => time.getAttribute('itemprop') === 'datePublished',
  (time) => time.hasAttribute('pubdate'),
  (time) => time.hasAttribute('datetime') && !!time.closest('article'),
  (time) => time.hasAttribute('datetime') && !!time.closest('header'),
];

function publishedFromTimeElements(times: Element[]): string | null {
  for (const matches of TIME_RANKS) {
    const time = times.find(matches);
    const iso = toIsoDate(time?.getAttribute('datetime') ?? time?.textContent);
    if (iso) return iso;
  }
  return null;
}

const MAX_DATED_TEXT = 120;
/** Dates of what readers added under the page: its reviews and comments. */
const UNDER_THE_PAGE = '[class*="review"],[class*="comment"],[id*="review"],[id*="comment"]';

/** The first date the page shows near its headline: a <time>, or a short "post-date"/"byline" line, or its title. */
function shownDate(dated: Element[]): string | null {
  for (const element of dated) {
    if (element.closest(UNDER_THE_PAGE)) continue;
    const attribute = element.getAttribute('datetime') ?? element.getAttribute('title');
    const text = element.textContent ?? '';
    const iso =
      toIsoDate(attribute && /\d{4}/.test(attribute) ? attribute : null) ??
      writtenDate(attribute) ??
      (text.length <= MAX_DATED_TEXT ? writtenDate(text) : null);
    if (iso) return iso;
  }
  return null;
}

export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
  const elements = gatherElements(document);
  const meta = metaMap(elements.metas);
  const m = (...keys: string[]) => collapse(keys.map((k) => meta.get(k)).find(Boolean));
  const ldObjects = jsonLdObjects(elements.jsonLd);
  const ld = ldObjects.find(typeMatches) ?? {};
  const ldAuthor = declaredAuthor(ld, ldObjects);
  // Every page of some sites carries its last change; only a story shows it as its date.
  const isStory = typeMatches(ld) || meta.get('og:type') === 'article';
  const base = documentBaseUrl(document, pageUrl);
  const page = new URL(pageUrl);
  const absolute = (value: string | null | undefined, schemes = /^https?:/i) => {
    if (!value) return null;
    const url = resolveReference(value, base, page);
    return url && schemes.test(url) ? url : null;
  };
  const html = document.documentElement;
  const lang =
    normalizeLang(html?.getAttribute('lang') ?? html?.getAttribute('xml:lang')) ??
    normalizeLang(m('content-language', 'og:locale')) ??
    normalizeLang(typeof ld.inLanguage === 'string' ? ld.inLanguage : null);

  const siteName = m('og:site_name') ?? nameOf(ld.publisher);
  const classedAuthor = elements.classedAuthors.find(({ name }) => !namesSite(name, siteName))?.name ?? null;
  // Several authors side by side ("Par <span class=author>A</span> et <span class=author>B</span>") are all the byline.
  const firstClassed = elements.classedAuthors[0];
  const classedByline = firstClassed
    ? [
        ...new Set(
          elements.classedAuthors.filter(({ parent }) => parent === firstClassed.parent).map(({ name }) => name),
        ),
      ].join(', ')
    : null;
  const shownAuthor = elements.authorLinkName ?? elements.labelledAuthor ?? classedAuthor;
  const byPage = (author: string | null) =>
    namesSite(author, siteName) && shownAuthor && !namesSite(shownAuthor, siteName) ? shownAuthor : author;
  const documentTitle = collapse(elements.title?.textContent);
  const documentHeadline = readabilityTitle(documentTitle ?? '', {
    h1s: elements.h1s.map((h) => h.text),
    h2s: elements.h2s,
  });
  const declaredTitle =
    jsonLdTitle(typeof ld.name === 'string' ? collapse(ld.name) : null, nameOf(ld.headline), documentHeadline) ??
    m('dc:title', 'dcterm:title', 'og:title', 'title', 'twitter:title', 'parsely-title');
  return {
    title: declaredTitle ?? collapse(documentHeadline) ?? collapse(elements.h1?.textContent),
    declaredTitle,
    declaredAuthor: byPage(ldAuthor) ?? elements.threadStarter,
    byline: byPage(
      ldAuthor ??
        AUTHOR_META.map((key) => cleanByline(meta.get(key))).find(Boolean) ??
        cleanByline(labelledInCards(meta)) ??
        cleanByline(authorElementName(elements.author)) ??
        elements.authorLinkName ??
        elements.labelledAuthor ??
        classedByline ??
        null,
    ),
    siteName,
    excerpt:
      m('description', 'og:description', 'twitter:description') ??
      (typeof ld.description === 'string' ? collapse(ld.description) : null),
    lang,
    // Only what the page declares: the reader picks its own default.
    dir: asDirection(html?.getAttribute('dir')) ?? asDirection(document.body?.getAttribute('dir')),
    publishedTime:
      declaredDate(ld, ldObjects, 'datePublished') ??
      toIsoDate(PUBLISHED_META.map((k) => meta.get(k)).find((v) => toIsoDate(v))) ??
      publishedFromTimeElements(elements.times) ??
      shownDate(elements.dated) ??
      (isStory ? modifiedDate(ld, ldObjects, meta) : null),
    leadImageUrl: absolute(
      m('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? urlOf(ld.image),
    ),
    iconUrl: siteIconUrl(elements.links, (href) => absolute(href, /^(https?|file):/i), page),
    canonicalUrl: absolute(linkHref(elements.links, 'canonical')),
    ldTypes: ldObjects.flatMap(types),
    ogType: m('og:type'),
    productDescription: productDescription(ldObjects),
    titleClues: {
      documentTitle,
      documentHeadline: collapse(documentHeadline),
      declaredTitle,
      ogTitle: m('og:title'),
      h1s: elements.h1s,
      h2s: elements.h2s,
      siteNames: [
        m('og:site_name'),
        m('application-name'),
        m('apple-mobile-web-app-title'),
        nameOf(ld.publisher),
        ...ldObjects
          .filter((obj) => types(obj).some((t) => SITE_TYPE.test(t)))
          .map((obj) => (typeof obj.name === 'string' ? collapse(obj.name) : null)),
      ].filter((n): n is string => !!n),
    },
  };
}

const ICON_RELS = ['apple-touch-icon', 'apple-touch-icon-precomposed', 'icon'];

/** The href of the first <link> whose rel list holds `rel`. */
function linkHref(links: Element[], rel: string): string | null {
  const link = links.find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(rel));
  return link?.getAttribute('href') ?? null;
}

function siteIconUrl(links: Element[], absolute: (href: string | null) => string | null, page: URL): string | null {
  for (const rel of ICON_RELS) {
    const url = absolute(linkHref(links, rel));
    if (url) return url;
  }
  return /^https?:$/.test(page.protocol) ? new URL('/favicon.ico', page).href : null;
}
