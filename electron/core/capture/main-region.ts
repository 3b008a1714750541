/**
 * The page's main region with its furniture left out, for pages that are not one story: a forum
 * thread, a documentation page, a product, a listing of cards, a service page of several sections.
 * Readability keeps the one block it scores best; this keeps everything in the region that is not
 * navigation, a share bar, a newsletter box, a cookie notice, a related-links block or a sidebar.
 *
 * It reads the document without changing it (Readability runs on the same document afterwards)
 * and writes the kept markup out as HTML, which the sanitizer then cleans like any article.
 */
import {
  buttonNameWords,
  consentNameWords,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  furnitureNameWords,
  isCallToAction,
  isFurnitureHeading,
  isFurniturePhrase,
  isProductFurnitureHeading,
  isScreenReaderOnly,
  isShopLine,
  isVisualCopy,
  namedWith,
  overlayNameWords,
  wordsOf,
} from './boilerplate';
import { isCardFurniture } from './card-furniture';
import { isProductCardGrid } from './card-grid';
import { isRatingControl } from './rating-controls';
import { isFacetBlock } from './facet-filters';
import { isAccordionPanel, isCollapsedPanel } from './collapsed-panel';
import { countableChars } from './countable-chars';
import {
  holdsPostAuthor,
  isBoardHeading,
  isPostAuthor,
  isPostFurniture,
  isPostFurnitureText,
  isReplySubject,
  isSignature,
} from './post-furniture';
import { isQuote, QuotedCopies } from './quoted-posts';
import {
  BOARD_NOTICE_CHARS,
  BOT_POST_CHARS,
  isBoardNotice,
  isBotPost,
  isMachineSummary,
  linesOf,
  mayBeBotLine,
} from './thread-asides';
import {
  isPaymentLine,
  isProductBadge,
  isRatingLine,
  isScriptData,
  isScriptMessage,
  isShopControl,
} from './shop-furniture';
import { isProductDetailsHeading } from './product-details';
import { authorBoxNameWords, isAuthorBox, isStoryAside } from './story-asides';
import { squeezeSpace } from './squeeze-space';
import { isCardLine } from './card-lines';

/** A ticker repeats its words at least this many times, each copy this short. */
const TICKER_COPIES = 6;
const TICKER_WORDS_CHARS = 40;
/** A block's text with its white space collapsed. */
const squeezed = (element: Element) => squeezeSpace(element.textContent ?? '');

/** A link or block styled as a button holds at most this much text. */
const SHORT_BUTTON_CHARS = 40;

export interface RegionProfile {
  /** Forum threads: comments and replies are the content. */
  commentsAreContent: boolean;
  /** Listings and collections: lists of links to the items are the content. */
  keepLinkLists: boolean;
  /** Class and id words that mark furniture on this kind of page only. */
  furnitureWords?: Set<string>;
  /** Products: reviews, ratings and buyers' questions are left out. */
  dropReviews?: boolean;
  /** A block whose text repeats an earlier block's is left out. */
  dropRepeats?: boolean;
  /** Shops and listings: a label written twice side by side (for the eye and for screen readers) shows once. */
  dropInlineTwins?: boolean;
  /** Forum threads: each post's statistics, buttons and counters are left out. */
  dropPostFurniture?: boolean;
  /** Products: the shop's lines (shipping, instalments, returns) are left out. */
  dropShopLines?: boolean;
  /** Products: grids of other products' cards (a link and a price each) are left out. */
  dropProductCards?: boolean;
  /** Products and services: the panels of accordions and tabs, collapsed in the markup, are content. */
  keepCollapsedPanels?: boolean;
  /** Products and services: prose a script reveals (hidden with an inline visibility:hidden until then) is content. */
  keepScriptedProse?: boolean;
  /** Text written for screen readers only, out of sight on the page, is left out. */
  dropScreenReaderText?: boolean;
  /** Shops and services: sorting and filtering bars, stock lines and calls to talk to sales are left out. */
  dropShopControls?: boolean;
  /** Products: the region is not narrowed down past the headline, which names the item and sits over its price. */
  keepHeadline?: boolean;
  /**
   * Products: the product's own details are content, though written in a popup opening with a
   * heading that names them, or named as its editorial reviews (the publisher's, not the buyers').
   */
  keepProductDetails?: boolean;
  /**
   * Forum threads: the site's words beside a story (credits, disclosures, the author's box), which
   * every other kind leaves out, are kept: a post's author box and its signature lines are the thread's.
   */
  keepStoryAsides?: boolean;
  /**
   * Documentation: a list of links under one of the content's headings, beside its prose (a
   * tutorial's chapters, a guide's further reading), is content, not a menu.
   */
  keepListsInProse?: boolean;
  /** Listings and collections: each card's small print (when posted, reading time, scores, discount) is left out. */
  dropCardFurniture?: boolean;
  /** Listings and collections: what a card shows hidden from screen readers beside its spoken copy (a price) stays. */
  keepVisualCopies?: boolean;
  /** Collections: a product card's badges ("New", "Top rated", "Award winner") are left out. */
  dropCardBadges?: boolean;
  /** Collections: the panels of accordions, collapsed in the markup (a buying guide, the shop's answers), are content. */
  keepAccordionPanels?: boolean;
  /** Listings and collections: blocks of filters (tick boxes for brands, sizes, prices) are left out. */
  dropFacetFilters?: boolean;
  /**
   * Listings, and listings read as stories: a line of links in each of several like cards (a
   * paper's authors) is content (see card-lines.ts). Not on a thread, a shop or a service page,
   * where such lines are posters' links, swatches and lists of places.
   */
  keepCardLines?: boolean;
}

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'INPUT',
  'TEXTAREA',
  'LINK',
  'META',
  'VIDEO',
  'AUDIO',
]);
const VOID = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'SOURCE',
  'TRACK',
  'WBR',
]);
const LANDMARKS = new Set(['MAIN', 'ARTICLE', 'H1']);
/** Empty but structure: the lines of a post written with <br>, the rule between two posts. */
const BREAKS = new Set(['BR', 'HR', 'WBR']);

interface Measure {
  /** Letters and digits inside, furniture included. */
  chars: number;
  /** Of those, inside links. */
  linkChars: number;
  links: number;
  /** Holds the headline, a <main> or an <article>. */
  landmark: boolean;
  /** The heading that holds the element's first text, when its text starts with one. */
  lead: Element | null;
  /** Headings inside whose text is mostly a link: the titles of cards. */
  cardTitles: number;
  /** Letters and digits of those titles. */
  cardTitleChars: number;
}

const LABELS = new Set(['DIV', 'P', 'SPAN', 'STRONG', 'B', 'DT']);
const LABEL_CHARS = 40;
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const isHeading = (element: Element) => HEADINGS.has(element.tagName) || element.getAttribute('role') === 'heading';

/** schema.org's text of a post (a Question's, an Answer's, a Comment's, a DiscussionForumPosting's). */
const POST_TEXT = /^(text|articleBody)$/;

/** One bottom-up walk: each element's text, link text and whether it holds a landmark. */
function measure(
  root: Element,
  mains: Element[],
  postTexts: Element[] | null,
  botLines: Element[] | null,
): Map<Element, Measure> {
  const measures = new Map<Element, Measure>();
  const visit = (element: Element, inLink: boolean): Measure => {
    const isLink = element.tagName === 'A';
    const heading = isHeading(element);
    const m: Measure = {
      chars: 0,
      linkChars: 0,
      links: isLink ? 1 : 0,
      landmark: LANDMARKS.has(element.tagName),
      lead: null,
      cardTitles: 0,
      cardTitleChars: 0,
    };
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const n = countableChars(node.nodeValue ?? '');
        if (botLines && n && mayBeBotLine(node.nodeValue ?? '')) botLines.push(element);
        if (n && !m.chars && heading) m.lead = element;
        m.chars += n;
        if (inLink || isLink) m.linkChars += n;
      } else if (node.nodeType === 1 && !SKIPPED.has((node as Element).tagName)) {
        const inner = visit(node as Element, inLink || isLink);
        if (inner.chars && !m.chars) m.lead = heading ? element : inner.lead;
        m.chars += inner.chars;
        m.linkChars += inner.linkChars;
        m.links += inner.links;
        m.landmark ||= inner.landmark;
        m.cardTitles += inner.cardTitles;
        m.cardTitleChars += inner.cardTitleChars;
      }
    }
    if (heading && m.chars && m.linkChars >= CARD_TITLE_LINK_SHARE * m.chars) {
      m.cardTitles = 1;
      m.cardTitleChars = m.chars;
    }
    if (element.tagName === 'MAIN' || element.getAttribute('role') === 'main') mains.push(element);
    if (postTexts && m.chars && POST_TEXT.test(element.getAttribute('itemprop') ?? '')) postTexts.push(element);
    measures.set(element, m);
    return m;
  };
  visit(root, false);
  return measures;
}

// A popover (the HTML attribute) shows only when something opens it.
const isHidden = (element: Element, m: Measure, revealsProse: boolean) =>
  element.hasAttribute('hidden') ||
  element.hasAttribute('popover') ||
  element.getAttribute('aria-hidden') === 'true' ||
  hiddenByStyle(element.getAttribute('style'), m, revealsProse);

/**
 * A slider or an accordion keeps its text out of sight with visibility:hidden until its script has
 * laid it out, and then shows it: the page's own prose (a product's sections, a course's outline).
 * A menu hidden that way until hovered is mostly links. display:none hides for good. Only on
 * product and service pages (keepScriptedProse): a story's hidden block stays hidden, as
 * Readability has it.
 */
const REVEALED_PROSE_CHARS = 150;
const REVEALED_LINK_SHARE = 0.3;

function hiddenByStyle(style: string | null, m: Measure, revealsProse: boolean): boolean {
  if (!style) return false;
  if (/display\s*:\s*none/i.test(style)) return true;
  if (!/visibility\s*:\s*hidden/i.test(style)) return false;
  return !revealsProse || m.chars < REVEALED_PROSE_CHARS || m.linkChars > REVEALED_LINK_SHARE * m.chars;
}

const isDialog = (element: Element) => {
  const role = element.getAttribute('role');
  return role === 'dialog' || role === 'alertdialog' || element.getAttribute('aria-modal') === 'true';
};

/** schema.org reviews and ratings, in microdata. */
const isReview = (element: Element) =>
  /^(review|reviews|aggregateRating)$/.test(element.getAttribute('itemprop') ?? '') ||
  /schema\.org\/(Review|AggregateRating)$/.test(element.getAttribute('itemtype') ?? '');

/**
 * A term written as a program's name for it (`retail_price_tier1:`, `cat_thumb_Navy:`): a field a
 * shop's scripts read, shown by mistake.
 */
const FIELD_NAME = /^[\p{L}\d]+(?:[_-][\p{L}\d]+)*_[\p{L}\d]/u;
/** A value that is only an address (an image's, a file's): meant for the shop's scripts, not for the reader. */
const BARE_URL = /^https?:\/\/\S+$/;
const isFieldName = (element: Element | null) =>
  element?.tagName === 'DT' && FIELD_NAME.test((element.textContent ?? '').trim());
const isAddressValue = (element: Element | null) =>
  element?.tagName === 'DD' && BARE_URL.test((element.textContent ?? '').trim());

/** A definition-list term that is a field name or stands over an address, and the value beside it. */
const isScriptField = (element: Element) =>
  isFieldName(element) ||
  isAddressValue(element) ||
  (element.tagName === 'DT' && isAddressValue(element.nextElementSibling)) ||
  (element.tagName === 'DD' && isFieldName(element.previousElementSibling));

/** A block of text only, that is a script's data written out (see isScriptData); tested on its first characters first. */
function isScriptDataBlock(element: Element): boolean {
  const first = element.firstChild;
  if (first?.nodeType !== 3 || element.firstElementChild || !/^\s*[{[]/.test(first.nodeValue ?? '')) return false;
  return isScriptData(element.textContent ?? '');
}

/** A product's editorial reviews are the publisher's words about it (a book's blurbs), not the buyers' reviews. */
const EDITORIAL_WORDS = new Set(['editorial']);
const MAYBE_EDITORIAL = /editorial/i;

/** A thread's list of other threads: at least this many items, nearly all link text, however long each title. */
const THREAD_LIST_LINKS = 3;
const THREAD_LIST_DENSITY = 0.7;
const THREAD_TITLE_CHARS = 150;

/** Class words boards give the card they draw for a pasted link ("onebox", "bbCodeBlock--unfurl", "link-preview"). */
const PREVIEW_WORDS = new Set(['onebox', 'unfurl', 'linkpreview']);
const MAYBE_PREVIEW = /onebox|unfurl|preview/i;

function isLinkPreview(element: Element): boolean {
  const name = element.getAttribute('class');
  if (!name || !MAYBE_PREVIEW.test(name)) return false;
  return /link-?preview/i.test(name) || wordsOf(name).some((word) => PREVIEW_WORDS.has(word));
}

/** A heading is a card's title when a link holds this share of its text. */
const CARD_TITLE_LINK_SHARE = 0.7;
/**
 * A block of links is a grid of cards, not a menu, when it holds this many titled cards and their
 * titles make up this share of its linked text: a menu's links are its items, not headings.
 */
const GRID_CARD_TITLES = 3;
const GRID_TITLE_SHARE = 0.4;
const isCardGrid = (m: Measure) =>
  m.cardTitles >= GRID_CARD_TITLES && m.cardTitleChars >= GRID_TITLE_SHARE * m.linkChars;

/** A block of short links: a menu, a tag cloud, a list of related pages. */
function isLinkList(m: Measure, profile: RegionProfile, tag: string): boolean {
  if (m.links < 2 || m.chars === 0 || isCardGrid(m)) return false;
  const density = m.linkChars / m.chars;
  const perLink = m.linkChars / m.links;
  if (profile.keepLinkLists) return density > 0.9 && perLink < 12;
  // Beside a thread, a list of other threads' or questions' titles: long links, one an item.
  if (profile.dropPostFurniture && (tag === 'UL' || tag === 'OL') && m.links >= THREAD_LIST_LINKS)
    return density > THREAD_LIST_DENSITY && perLink < THREAD_TITLE_CHARS;
  return density > 0.65 && perLink < 40;
}

/** A post's attribution or its poster's column: the name, a rank, a date, a few counts. */
const ATTRIBUTION_CHARS = 200;

/** A paragraph of prose holds at least this many letters and digits. */
const PROSE_CHARS = 80;

class Pruner {
  private readonly measures: Map<Element, Measure>;
  private readonly total: number;
  /** The grids of other products' cards found furniture, so that their text can be weighed against what is kept. */
  readonly cardGrids = new Set<Element>();
  /** The page's main landmarks (<main>, role=main), found in the same walk. */
  readonly mains: Element[] = [];
  /** In a thread, the posts' texts as schema.org marks them (itemprop=text), found in the same walk. */
  readonly postTexts: Element[] = [];
  /** In a thread, the elements whose own text holds a bot's signature. */
  private readonly botLines: Element[] = [];
  /** Posts' side columns (and their parts holding the poster's name): only the name is kept of them. */
  private readonly posterColumns = new Set<Element>();
  /** Link previews in posts, and their parts holding the linked page's title: only the title is kept of them. */
  private readonly previews = new Set<Element>();
  /** Posts' attributions kept though they look like a list of links, and their parts holding the poster's name. */
  private readonly attributions = new Set<Element>();
  /** Blocks of the product's own details (see keepProductDetails), and everything inside them: their names say nothing. */
  private readonly productDetails = new Set<Element>();

  constructor(
    private readonly root: Element,
    private readonly profile: RegionProfile,
  ) {
    const thread = !!profile.dropPostFurniture;
    this.measures = measure(root, this.mains, thread ? this.postTexts : null, thread ? this.botLines : null);
    this.total = this.measures.get(root)?.chars ?? 0;
  }

  size(element: Element): Measure {
    return (
      this.measures.get(element) ?? {
        chars: 0,
        linkChars: 0,
        links: 0,
        landmark: false,
        lead: null,
        cardTitles: 0,
        cardTitleChars: 0,
      }
    );
  }

  /**
   * A ticker: the same short words over and over, side by side ("Book now ✱ Book now ✱ …"), copies
   * a scrolling banner writes for its loop. Sizes are compared before any text is read.
   */
  private isTicker(element: Element, m: Measure): boolean {
    if (m.chars < TICKER_COPIES || m.linkChars) return false;
    let first: Element | null = null;
    let firstText = '';
    let copies = 0;
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        if ((node.nodeValue ?? '').trim()) return false;
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      const chars = this.size(child).chars;
      if (!chars || chars > TICKER_WORDS_CHARS) return false;
      if (!first) {
        first = child;
        firstText = squeezed(child);
      } else if (chars !== this.size(first).chars || squeezed(child) !== firstText) return false;
      copies++;
    }
    return copies >= TICKER_COPIES;
  }

  /** A dialog's own <h1> (a consent prompt's title) is no headline of the page's while another stands outside it. */
  private holdsEveryHeadline(element: Element): boolean {
    this.headlines ??= this.root.getElementsByTagName('h1').length;
    return element.getElementsByTagName('h1').length >= this.headlines;
  }

  private headlines: number | undefined;

  /** A block that opens with a heading such as "Related articles", or "Reviews" on a product. */
  private opensWithFurnitureHeading(m: Measure, big: boolean): boolean {
    if (!m.lead || m.landmark || big) return false;
    return this.isFurnitureHeadingText(m.lead.textContent ?? '');
  }

  /**
   * A disclosure (<details>) or a definition list's item whose title (its <summary>, its <dt>) names
   * furniture: "Shipping & Returns", "Customer reviews", with the panel it opens.
   */
  private opensWithFurnitureTitle(element: Element): boolean {
    const title = element.firstElementChild;
    if (!title || (title.tagName !== 'SUMMARY' && title.tagName !== 'DT') || !title.nextElementSibling) return false;
    return this.isFurnitureHeadingText(title.textContent ?? '');
  }

  /** A heading that opens furniture with no block of its own around it: what follows it up to the next heading goes too. */
  isFurnitureHeadingAlone(element: Element): boolean {
    if (!isHeading(element) && !this.isLabel(element)) return false;
    if (element.parentElement && this.productDetails.has(element.parentElement)) return false;
    return this.isFurnitureHeadingText(element.textContent ?? '');
  }

  private isFurnitureHeadingText(text: string): boolean {
    return (
      isFurnitureHeading(text) ||
      (!!this.profile.dropReviews && isProductFurnitureHeading(text)) ||
      (!!this.profile.dropPostFurniture && isBoardHeading(text))
    );
  }

  /** A short line of text standing as a heading without being one: `<div>You might like</div>`. */
  private isLabel(element: Element): boolean {
    return (
      LABELS.has(element.tagName) && this.size(element).chars <= LABEL_CHARS && !element.querySelector('a,img,input')
    );
  }

  startsWithHeading(element: Element): boolean {
    return !!this.size(element).lead;
  }

  /** Whether the element is left out with everything inside it. */
  isFurniture(element: Element): boolean {
    const tag = element.tagName;
    if (SKIPPED.has(tag)) return true;
    const m = this.size(element);
    const parent = element.parentElement;
    if (parent && this.posterColumns.has(parent)) {
      if (!this.isPostAttribution(element, m)) return true;
      this.posterColumns.add(element);
      return false;
    }
    if (parent && this.previews.has(parent)) {
      if (isHeading(element)) return false;
      if (!element.querySelector('h1,h2,h3,h4,h5,h6')) return true;
      this.previews.add(element);
      return false;
    }
    if (parent && this.attributions.has(parent)) {
      if (this.isPostAttribution(element, m)) {
        this.attributions.add(element);
        return false;
      }
      // Beside the name, the post's date and number stay; the poster's rank or title and the links to their other posts go.
      if (m.chars && !/\d/.test(element.textContent ?? '')) return true;
    }
    if (m.chars === 0) return !BREAKS.has(tag) && !element.querySelector('img,pre,table');
    const details = !!this.profile.keepProductDetails && this.isProductDetails(element, m);
    // A wrapper around most of the page is never furniture, whatever its name.
    const big = m.landmark || m.chars > this.total * 0.4;
    if (element.hasAttributes()) {
      // Hidden is hidden, however much it holds (Readability drops it too), unless it holds the headline.
      if (
        isHidden(element, m, !!this.profile.keepScriptedProse) &&
        !m.landmark &&
        !(this.profile.keepCollapsedPanels && isCollapsedPanel(element)) &&
        !(this.profile.keepAccordionPanels && isAccordionPanel(element)) &&
        !(this.profile.keepVisualCopies && isVisualCopy(element))
      )
        return true;
      // A dialog or a consent notice is never the content, however much it holds.
      if (!m.landmark && (isDialog(element) || consentNameWords(element))) return true;
      if (isDialog(element) && !this.holdsEveryHeadline(element)) return true;
      if (this.profile.dropReviews && !m.landmark && isReview(element)) return true;
      if (this.profile.dropScreenReaderText && !m.landmark && isScreenReaderOnly(element)) return true;
      const role = element.getAttribute('role');
      if (role && FURNITURE_ROLES.has(role) && !big) return true;
      // The poster's name is kept though its class also says "menu" (it opens the poster's card).
      if (
        !big &&
        !details &&
        furnitureNameWords(element, this.profile.commentsAreContent, this.profile.furnitureWords) &&
        !(this.profile.dropPostFurniture && isPostAuthor(element, m.chars))
      )
        return true;
      if (!this.profile.keepStoryAsides && !big && authorBoxNameWords(element) && isAuthorBox(element)) return true;
      if (this.profile.dropPostFurniture && !big && isSignature(element)) return true;
      // A card the board drew for a pasted link (its picture, the page's description, its site): the linked title stays.
      if (this.profile.dropPostFurniture && !big && isLinkPreview(element)) {
        this.previews.add(element);
        return false;
      }
    }
    if (
      this.profile.dropPostFurniture &&
      !m.landmark &&
      (isMachineSummary(element) || this.isBotPost(element, m) || this.isBoardNotice(element, m))
    )
      return true;
    if (tag === 'DIALOG' && !m.landmark) return true;
    if (this.profile.dropFacetFilters && !big && !m.cardTitles && isFacetBlock(element, m.chars)) return true;
    if (!big && !m.landmark && this.isTicker(element, m)) return true;
    if (!details && this.opensWithFurnitureHeading(m, big)) return true;
    if (this.profile.dropReviews && !big && !m.landmark && this.opensWithFurnitureTitle(element)) return true;
    if (this.profile.dropProductCards && isProductCardGrid(element, (e) => this.size(e))) {
      this.cardGrids.add(element);
      return true;
    }
    // A poster's card written as a definition list (the name as its term, then rank, counts and profile fields): the name stays.
    if (tag === 'DL' && this.isPosterCard(element, m)) {
      this.posterColumns.add(element);
      return false;
    }
    if (FURNITURE_TAGS.has(tag) && !big) {
      // A post's column beside its text: the poster's name is kept, not the rest of their card.
      if (tag === 'ASIDE' && this.isPostAttribution(element, m)) {
        this.posterColumns.add(element);
        return false;
      }
      // An article's own header holds its headline and byline.
      if (tag === 'HEADER' && element.closest('article,main')) return false;
      // A form left in the page holds prose (see strip-clutter.ts): in a thread, a post's text.
      if (tag === 'FORM' && this.profile.dropPostFurniture) return false;
      return true;
    }
    if (this.profile.dropShopLines && !m.landmark && isScriptDataBlock(element)) return true;
    if (m.chars < 200 && !m.landmark) {
      const text = element.textContent ?? '';
      if (isFurniturePhrase(text) || isCallToAction(text) || isRatingControl(text)) return true;
      if (
        this.profile.dropShopLines &&
        !details &&
        (isShopLine(text) ||
          isProductBadge(text) ||
          isScriptMessage(text) ||
          isRatingLine(text) ||
          isPaymentLine(text) ||
          isScriptField(element))
      )
        return true;
      if (!this.profile.keepStoryAsides && isStoryAside(text)) return true;
      if (this.profile.dropShopControls && isShopControl(text)) return true;
      if (this.profile.dropCardFurniture && isCardFurniture(text)) return true;
      if (this.profile.dropCardBadges && isProductBadge(text)) return true;
      if (
        this.profile.dropPostFurniture &&
        (isPostFurniture(element) || this.isFurnitureLines(element) || (isHeading(element) && isReplySubject(text)))
      )
        return true;
      // A card's title is no button, though its class names the card's widget ("cta__title").
      if (m.chars < SHORT_BUTTON_CHARS && element.hasAttributes() && !isHeading(element) && buttonNameWords(element))
        return true;
    }
    // A post's attribution is a list of links too: its date links to the post, its name to the poster.
    if (this.profile.dropPostFurniture && element.getElementsByTagName('time').length) return false;
    if (big || !isLinkList(m, this.profile, tag)) return false;
    if (this.profile.keepCardLines && isCardLine(element, (e) => this.size(e))) return false;
    if (!this.profile.dropPostFurniture) return !(this.profile.keepListsInProse && this.isChapterList(element));
    // A post's attribution looks like a list of links: to the poster, their avatar, the post.
    if (this.isPostAttribution(element, m)) {
      this.attributions.add(element);
      return false;
    }
    return !this.isListInProse(element);
  }

  /** On a product page, a block of the product's own details, or a part of one. */
  private isProductDetails(element: Element, m: Measure): boolean {
    const parent = element.parentElement;
    if (parent && this.productDetails.has(parent)) {
      this.productDetails.add(element);
      return true;
    }
    if (!element.hasAttributes()) return false;
    const popup = !!m.lead && overlayNameWords(element) && isProductDetailsHeading(m.lead.textContent ?? '');
    if (!popup && !namedWith(element, EDITORIAL_WORDS, MAYBE_EDITORIAL)) return false;
    this.productDetails.add(element);
    return true;
  }

  /** A block of lines written with <br>, each of them a post's or the board's furniture. */
  private isFurnitureLines(element: Element): boolean {
    const lines = element.tagName === 'PRE' || element.tagName === 'CODE' ? null : linesOf(element);
    return !!lines && lines.length > 0 && lines.every((line) => isPostFurnitureText(line));
  }

  /** The board's welcome, rules or word to guests, in a block of its own. */
  private isBoardNotice(element: Element, m: Measure): boolean {
    return m.chars <= BOARD_NOTICE_CHARS && m.chars > 0 && isBoardNotice(element.textContent ?? '');
  }

  /** A bot's post, whole: the outermost block that holds its signature and no more than a post's worth. */
  private isBotPost(element: Element, m: Measure): boolean {
    if (m.chars > BOT_POST_CHARS || m.chars === 0 || !this.botLines.some((line) => element.contains(line)))
      return false;
    if (!isBotPost(element.textContent ?? '')) return false;
    // Several posts' dates or texts: the block is the thread around the bot's post, not the post.
    if (element.getElementsByTagName('time').length > 2) return false;
    let texts = 0;
    for (const text of this.postTexts) if (element.contains(text) && ++texts > 1) return false;
    return true;
  }

  /** In a thread, a definition list whose first term holds the poster's name, over the poster's details. */
  private isPosterCard(element: Element, m: Measure): boolean {
    const term = element.firstElementChild;
    return (
      term?.tagName === 'DT' &&
      term.nextElementSibling?.tagName === 'DD' &&
      this.isPostAttribution(element, m) &&
      this.isPostAttribution(term, this.size(term))
    );
  }

  /** In a thread, a short block that holds the poster's name (the same poster's card may show on each of their posts). */
  holdsPoster(element: Element): boolean {
    return this.isPostAttribution(element, this.size(element));
  }

  /** In a thread, a short block that holds the poster's name. */
  private isPostAttribution(element: Element, m: Measure): boolean {
    return (
      !!this.profile.dropPostFurniture &&
      m.chars <= ATTRIBUTION_CHARS &&
      holdsPostAuthor(element, (e) => this.size(e).chars)
    );
  }

  /**
   * A list of links right under one of the content's headings, or under the one paragraph that
   * opens its section, among its paragraphs: a tutorial's chapters. A list of links to places on
   * this page is its table of contents, and goes.
   */
  private isChapterList(element: Element): boolean {
    let before = element.previousElementSibling;
    if (before?.tagName === 'P') before = before.previousElementSibling;
    if (!before || before.tagName === 'H1' || !isHeading(before) || !this.isListInProse(element)) return false;
    let anchors = 0;
    const links = element.getElementsByTagName('a');
    for (const link of links) if ((link.getAttribute('href') ?? '').startsWith('#')) anchors++;
    return anchors * 2 < links.length;
  }

  /**
   * A post's own list of links (the changes in a release, the sources of a claim) follows one of
   * its paragraphs or headings, beside paragraphs of prose: a menu stands apart.
   */
  private isListInProse(element: Element): boolean {
    if (element.tagName !== 'UL' && element.tagName !== 'OL') return false;
    const before = element.previousElementSibling;
    if (!before || !(before.tagName === 'P' || isHeading(before) || before.tagName === element.tagName)) return false;
    for (const sibling of element.parentElement?.children ?? []) {
      if (sibling.tagName !== 'P') continue;
      const m = this.size(sibling);
      if (m.chars >= PROSE_CHARS && m.linkChars < m.chars / 2) return true;
    }
    return false;
  }
}

/**
 * One post of a thread may hold nearly all its text in a log or a listing pasted into it: the
 * thread is not narrowed down to that post.
 */
const CODE_SHARE = 0.5;
/** What the other posts beside such a post hold at least. */
const OTHER_POSTS_CHARS = 200;

function mostlyCode(element: Element, chars: number): boolean {
  let code = 0;
  for (const pre of element.getElementsByTagName('pre')) code += countableChars(pre.textContent ?? '');
  return code >= chars * CODE_SHARE;
}

/**
 * A thread's opening question may be short beside its answers: the root is not narrowed down to
 * the replies when what it would leave out still holds this much kept text (a post's worth; menus
 * and side columns are furniture, not kept).
 */
const LEFT_OUT_POST_CHARS = 400;

/** The page's first <h1>, unless it is left out or sits in furniture (a logo in the header). */
function keptHeadline(body: Element, skip: (element: Element) => boolean): Element | null {
  const headline = body.querySelector('h1');
  for (let element: Element | null = headline; element && element !== body; element = element.parentElement)
    if (skip(element)) return null;
  return headline;
}

/** Whether neither the element nor any of its ancestors below the root is left out. */
function isKeptWithin(element: Element, root: Element, skip: (element: Element) => boolean): boolean {
  for (let node: Element | null = element; node && node !== root; node = node.parentElement)
    if (skip(node)) return false;
  return true;
}

/**
 * The root's kept text less the furniture its children leave out, as each child's kept text is
 * counted: in a thread, the board's boxes inside the posts' block (a sign-in box under the last
 * post) would otherwise count against that block and keep the root from narrowing down to it.
 */
function keptOneLevelDown(
  root: Element,
  kept: (element: Element) => number,
  size: (element: Element) => number,
): number {
  let total = kept(root);
  for (const child of root.children) {
    const inside = kept(child);
    if (inside) total -= size(child) - inside;
  }
  return total;
}

/** Descends from the body while one child holds nearly all of its kept text (and the headline, when it must stay). */
function narrowRoot(
  body: Element,
  kept: (element: Element) => number,
  thread: boolean,
  headline: Element | null,
  leavesOutPost: (root: Element, best: Element) => boolean,
  size: (element: Element) => number,
): Element {
  let root = body;
  for (;;) {
    const total = thread ? keptOneLevelDown(root, kept, size) : kept(root);
    let best: Element | null = null;
    for (const child of root.children) if (kept(child) >= total * 0.85) best = child;
    if (!best || total === 0) return root;
    if (thread && total - kept(best) >= OTHER_POSTS_CHARS && mostlyCode(best, kept(best))) return root;
    if (thread && total - kept(best) >= LEFT_OUT_POST_CHARS) return root;
    if (leavesOutPost(root, best)) return root;
    if (headline && !best.contains(headline)) return root;
    root = best;
  }
}

/**
 * A thread's page that names its one main landmark (<main>, role=main) holding at least this share
 * of the kept text is read from there: the board's side column (its rules, its search help, the
 * community's description) holds enough text that the root would stop above it.
 */
const MAIN_LANDMARK_SHARE = 0.4;

function threadStart(
  body: Element,
  kept: (element: Element) => number,
  pruner: Pruner,
  profile: RegionProfile,
): Element {
  if (!profile.dropPostFurniture || pruner.mains.length !== 1) return body;
  const main = pruner.mains[0];
  return kept(main) >= kept(body) * MAIN_LANDMARK_SHARE ? main : body;
}

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Kept for their content only: the sanitizer drops these tags with everything inside, and a stray
 * <html> or <body> in the middle of a page (pasted from another page) makes it drop what came before.
 */
const UNWRAPPED = new Set(['FORM', 'NAV', 'DIALOG', 'BUTTON', 'SELECT', 'HTML', 'BODY']);

export interface Region {
  html: string;
  /** Letters, digits and punctuation written out, white space aside. */
  chars: number;
  /** Letters and digits of the grids of other products' cards left out (products only). */
  cardChars: number;
}

/** Blocks that may repeat one another: a page's second copy of a block (for small screens, or a post's signature) is left out. */
const DEDUPED = new Set([
  'P',
  'LI',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DD',
  'DT',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'FIGURE',
  'FIGCAPTION',
  'BLOCKQUOTE',
]);
/** Repeats inside these are their content: lines of code, table cells, a quoted post. */
const REPEATS_ALLOWED = new Set(['PRE', 'CODE', 'TABLE', 'BLOCKQUOTE']);

/**
 * An inline element right after a twin with the same text: a label written twice, once for the
 * eye and once for screen readers or small screens ("Seller's other itemsSeller's other items").
 */
function isCopyOfPrevious(element: Element): boolean {
  if (!INLINE_TWINS.has(element.tagName)) return false;
  const text = element.textContent ?? '';
  if (!text.trim()) return false;
  // Written inside the shown label, right after its text: `<span>EUR 20.99<span>EUR 20.99</span></span>`.
  const before = element.previousSibling;
  const textBefore = before?.nodeType === TEXT_NODE ? (before.textContent ?? '').trim() : '';
  if (textBefore) return textBefore === text.trim();
  const previous = element.previousElementSibling;
  return previous?.tagName === element.tagName && text === previous.textContent;
}
const TEXT_NODE = 3;
const INLINE_TWINS = new Set(['SPAN', 'A', 'STRONG', 'B', 'EM', 'I']);

/** A text and its twin in one block: a name or a label, with at most a few more characters beside them. */
const TWIN_CHARS = 60;
const TWIN_SLACK_CHARS = 12;

/** A post's date line ("Posted October 29, 2025 at 12:07 PM") is short. */
const DATE_LINE_CHARS = 80;
/** A post's header that says when it was written as a time ago ("5 · 1 year ago"): two posts may share one. */
const AGO = /\b(\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago\b/;

/** Remembers the text of blocks written so far, to leave out a later block with the same text. */
class RepeatedBlocks {
  private readonly seen = new Map<string, Element>();

  /** Each short text's latest block, to find its twin in the same small block. */
  private readonly latest = new Map<string, Element>();

  /** In a thread, a poster's name may well repeat (on each post); `chars` counts a block's letters and digits. */
  constructor(
    private readonly isPoster: (element: Element) => boolean,
    private readonly chars: (element: Element) => number,
  ) {}

  /**
   * The same short text twice in one small block, with next to nothing else: a poster's card that
   * writes the name once for wide screens and once for narrow ones.
   */
  private isTwin(element: Element, key: string): boolean {
    if (!key || key.length > TWIN_CHARS) return false;
    const previous = this.latest.get(key);
    this.latest.set(key, element);
    if (!previous || previous.contains(element)) return false;
    const most = 2 * countableChars(key) + TWIN_SLACK_CHARS;
    for (let block = element.parentElement; block; block = block.parentElement) {
      if (this.chars(block) > most) return false;
      if (block.contains(previous)) return true;
    }
    return false;
  }

  /** The machine value of the last <time> written in a block of its own, and each block's text around it. */
  private lastDate: { datetime: string; blocks: Map<string, Element> } | null = null;

  /**
   * A post's date written twice (in its header, and again over its text for another screen size):
   * the same text around a <time> of the same machine value as a block since that time was first
   * written, though a block between (around a share button beside the second copy) says more.
   */
  private isDateCopy(element: Element, key: string): boolean {
    if (key.length > DATE_LINE_CHARS) return false;
    const times = element.getElementsByTagName('time');
    const datetime = times.length === 1 ? times[0].getAttribute('datetime') : null;
    if (!datetime) return false;
    if (this.lastDate?.datetime !== datetime) this.lastDate = { datetime, blocks: new Map() };
    const first = this.lastDate.blocks.get(key);
    // A wrapper and its only child have the same text.
    if (first && !first.contains(element)) return true;
    this.lastDate.blocks.set(key, element);
    return false;
  }

  isRepeat(element: Element): boolean {
    if (!DEDUPED.has(element.tagName)) return false;
    const key = squeezed(element).toLowerCase();
    if (this.isDateCopy(element, key) || this.isTwin(element, key)) return true;
    // A block of one word (a name, a label) may well repeat.
    if (!key.includes(' ')) return false;
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, element);
      return false;
    }
    // A wrapper and its only child have the same text; two posts may well share a date, or their poster.
    return (
      !first.contains(element) &&
      !element.getElementsByTagName('time').length &&
      !(key.length <= DATE_LINE_CHARS && AGO.test(key)) &&
      !this.isPoster(element)
    );
  }
}

function serialize(
  root: Element,
  skip: (element: Element) => boolean,
  pruner: Pruner,
  repeats: RepeatedBlocks | null,
  quotes: QuotedCopies | null,
  inlineTwins = false,
): Region {
  const out: string[] = [];
  let chars = 0;
  // A quote copies a post's words, not a heading's: a first post that repeats the thread's title is no quote of it.
  let headings = 0;
  const writeText = (text: string) => {
    chars += text.replace(/\s+/g, '').length;
    out.push(escapeText(text));
    if (!headings) quotes?.wrote(text);
  };
  const writeElement = (child: Element, inside: boolean) => {
    if (UNWRAPPED.has(child.tagName)) {
      write(child, inside);
      return;
    }
    const tag = child.tagName.toLowerCase();
    out.push(`<${tag}`);
    for (const attribute of child.attributes) out.push(` ${attribute.name}="${escapeAttribute(attribute.value)}"`);
    out.push('>');
    if (VOID.has(child.tagName)) return;
    const heading = HEADINGS.has(child.tagName);
    if (heading) headings++;
    write(child, inside);
    if (heading) headings--;
    out.push(`</${tag}>`);
  };
  // A quote of an earlier post keeps only the attribution that opens it, unwrapped from the copy
  // around it. Returns false once the copy starts: nothing after it is written.
  const writeAttribution = (element: Element, quotes: QuotedCopies): boolean => {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        if (quotes.holdsCopiedText(node as Text)) return false;
        if (quotes.isAttribution(node as Text) || quotes.isBlank(node as Text)) writeText(node.nodeValue ?? '');
      } else if (node.nodeType === 1) {
        const child = node as Element;
        if (skip(child) || quotes.isBlank(child)) continue;
        if (quotes.holdsCopiedText(child)) {
          writeAttribution(child, quotes);
          return false;
        }
        if (!quotes.isAttribution(child)) return false;
        writeElement(child, true);
      }
    }
    return true;
  };
  let cardChars = 0;
  const write = (element: Element, repeatsAllowed: boolean) => {
    // After a heading like "Related articles" with no block of its own, its siblings up to the next heading go with it.
    let dropping = false;
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) {
        const child = node as Element;
        if (pruner.isFurnitureHeadingAlone(child)) {
          dropping = true;
          continue;
        }
        if (dropping && pruner.startsWithHeading(child)) dropping = false;
      }
      if (dropping) continue;
      if (node.nodeType === 3) writeText(node.nodeValue ?? '');
      else if (node.nodeType === 1) {
        const child = node as Element;
        if (skip(child)) {
          if (pruner.cardGrids.has(child)) cardChars += pruner.size(child).chars;
          continue;
        }
        if (repeats && !repeatsAllowed && repeats.isRepeat(child)) continue;
        if (inlineTwins && !repeatsAllowed && isCopyOfPrevious(child)) continue;
        if (quotes && isQuote(child) && quotes.isCopy(child)) {
          out.push('<blockquote>');
          writeAttribution(child, quotes);
          out.push('</blockquote>');
          continue;
        }
        writeElement(child, repeatsAllowed || REPEATS_ALLOWED.has(child.tagName));
      }
    }
  };
  write(root, false);
  return { html: out.join(''), chars, cardChars };
}

/** The main region's HTML without its furniture, and how much text it holds; empty when the page has no body. */
export function mainRegion(document: Document, profile: RegionProfile): Region {
  const body = document.body;
  if (!body) return { html: '', chars: 0, cardChars: 0 };
  const pruner = new Pruner(body, profile);
  const verdicts = new Map<Element, boolean>();
  const skip = (element: Element) => {
    let verdict = verdicts.get(element);
    if (verdict === undefined) verdicts.set(element, (verdict = pruner.isFurniture(element)));
    return verdict;
  };
  // Kept text, furniture left out: what the root is narrowed by.
  const keptChars = new Map<Element, number>();
  const kept = (element: Element): number => {
    const known = keptChars.get(element);
    if (known !== undefined) return known;
    let n = 0;
    if (!skip(element)) {
      n = pruner.size(element).chars;
      for (const child of element.children) if (skip(child)) n -= pruner.size(child).chars;
      // Furniture deeper down is counted once its parent is asked: close enough for narrowing.
    }
    keptChars.set(element, n);
    return n;
  };
  // A post schema.org marks as one, kept, that the narrowed root would leave out: a short question above its answers.
  const leavesOutPost = (root: Element, best: Element) =>
    pruner.postTexts.some((text) => root.contains(text) && !best.contains(text) && isKeptWithin(text, root, skip));
  const chars = (element: Element) => pruner.size(element).chars;
  const root = narrowRoot(
    threadStart(body, kept, pruner, profile),
    kept,
    !!profile.dropPostFurniture,
    profile.keepHeadline ? keptHeadline(body, skip) : null,
    leavesOutPost,
    chars,
  );
  return serialize(
    root,
    skip,
    pruner,
    profile.dropRepeats ? new RepeatedBlocks((element) => pruner.holdsPoster(element), chars) : null,
    profile.dropPostFurniture ? new QuotedCopies() : null,
    !!profile.dropInlineTwins,
  );
}
