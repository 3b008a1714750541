/**
 * What a site says beside its story, inside the story's block: the affiliate disclosure, the photo
 * credit under each picture, the author's blurb box, "Pin this for later", "Subscribe here", "Be the
 * first to comment". Recognised by their wording in several languages and by the generic names of
 * author boxes; no site's own names.
 */
import { asciiCaseless } from './ascii-caseless';
import { shortTextMatching, wordsOf } from './boilerplate';
import { squeezeSpace } from './squeeze-space';

/** Picture agencies whose name ends a credit line. */
const STOCK_AGENCIES = [
  'getty ?images',
  'shutterstock',
  'unsplash',
  'adobe ?stock',
  'istock(photo)?',
  'alamy( stock photo)?',
  'pexels',
  'pixabay',
  'dreamstime',
  'depositphotos',
  'thinkstock',
].join('|');

/**
 * A whole short line that is one of these is the site speaking, not the story. Those that go on
 * (a credit's name, the blurb after "About the author") say so with `.*`; the others are the whole line.
 */
const ASIDE_LINE = new RegExp(
  `^(${[
    // Picture credits as a line of their own.
    '(feature[ds]? |header |top |lead |hero )?(image|photo|picture|illustration)s? ?(credit|courtesy|source)s?\\b.*',
    '(feature[ds]? )?(image|photo|picture)s? (by|via) .*',
    'credits?:.*',
    // A caption that is only a credit: "Photo: Jane Doe", "Image: Agency".
    '(photo|image|picture|illustration|photograph|foto)s?: .{1,80}',
    // A caption ending with a stock agency's credit ("Jane Doe / Getty Images", "… via Shutterstock").
    `(.{0,120}([/|©:,]|\\bvia|\\bby|\\bcredit))?\\s*\\b(${STOCK_AGENCIES})(\\s*/\\s*[^/]{1,40})?`,
    '(bild|foto)(quelle|nachweis)?:.*',
    '(crédits? photos?|crédit photo|source photo) ?:.*',
    '(crédito|fuente) (de la )?(imagen|foto).*',
    // The author's line and box.
    'about the author\\b.*',
    "written by [\\p{L}.'’ -]{2,50}",
    'über den autor\\b.*',
    "à propos de l['’]auteur\\b.*",
    'sobre el autor\\b.*',
    // A dateline of its own: the date is the page's metadata.
    '(published|updated|last updated|posted)( on)?:? \\p{L}{3,9}\\.? \\d{1,2},? \\d{4}.{0,20}',
    "(posted|published|written) by [\\p{L}.'’ -]{2,40} (at|on) \\p{L}{3,9}\\.? \\d{1,2},? \\d{4}.{0,20}",
    // Prompts to subscribe, follow, share or comment.
    'stay connected( with (me|us))?',
    // A sponsor's label, and an advertisement's over its own section.
    'sponsored( content| post| story)?',
    '(advertisement|anzeige|publicité|publicidad|pubblicità)\\s*[:–—|] .{1,80}',
    "(in partnership with|sponsored by|paid partnership( with)?)( [\\p{L}\\p{N}&.’' -]{1,40})?",
    "follow [\\p{L}'’ ]{2,30}",
    // A link to another story, labelled as one.
    '(related( (post|article|story|reading))?|you (may|might) also like|read (also|more|next)|also read|more reading)\\s*:.{0,120}',
    'you (may|might) (also )?be interested in (the following|these)\\b.*',
    '(good |more )?articles to read (together|next)',
    '(did you )?(enjoy(ed)? (the|this) post\\? )?pin (this|it)? ?for later',
    'would you like to receive notifications\\b.*',
    'what others are reading',
    '(other|more) posts you (may|might) (also )?(like|enjoy)',
    'what do you think\\?.*',
    'be the first to comment',
    'all comments are welcome.*',
    "follow (us|me|[\\p{L}' ]{2,30}) on (facebook|instagram|twitter|x|google news|linkedin|youtube|pinterest|tiktok)\\b.*",
    '(add|set) .{0,30}as a preferred source on google',
    '(©|\\(c\\)) ?copyright\\b.*',
    'copyright ?(©|\\(c\\)).*',
  ].join('|')})[\\s:!.…]*$`,
  'iu',
);
const ASIDE_LINE_CHARS = 160;

/**
 * An affiliate disclosure or a newsletter's pitch, in a block of its own: it speaks of links,
 * commissions and inboxes, not of the story.
 */
const DISCLOSURE = asciiCaseless(
  [
    '^disclosure\\s*:',
    '\\b(earn|receive|get) (a )?(small )?(commission|compensation)s?\\b',
    '\\bas an amazon associate\\b',
    // A newsletter's pitch, however it starts.
    '\\b(subscribe|sign up|register) (here|now|today)\\b',
    '\\b(delivered|sent|straight|directly|right) (to|in|into) your inbox\\b',
    '^(join|sign up for) (our|my|the) (free )?(mailing list|newsletter|email list)',
    '\\bprovision(en)? erhalten\\b',
    "\\bliens? d['’]affiliation\\b",
    '\\benlaces? de afiliado',
  ].join('|'),
);
const DISCLOSURE_CHARS = 300;

/**
 * The site's pitch inside a sentence of its own: a newsletter to sign up for, networks to follow it
 * on, a paywall's "Already have an account?", a plea to rate or fund it. Story text does not say so.
 */
const PITCH = asciiCaseless(
  [
    '\\bsign up for (our|my) (free |weekly |daily |monthly )?(e-?mail )?newsletter',
    '\\bfollow us on (facebook|instagram|twitter|x|linkedin|youtube|pinterest|tiktok|threads|bluesky)\\b',
    '\\bjoin (our|the|my) (facebook|discord|slack|telegram|whatsapp|reddit) (group|community|server|channel)\\b',
    '\\balready (have an account|a (subscriber|member))\\?',
    '\\b(this|the) (article|story|content|post) is (exclusive|only available|available only) (to|for)\\b',
    '\\bleave a (star )?rating\\b',
    '\\b(funded|supported|made possible) by (readers|members|listeners) like you\\b',
    '\\b(abonnieren sie unseren newsletter|folgen sie uns auf|folge uns auf)\\b',
    '\\bsuivez-nous sur\\b',
    '\\b(seguici su|volg ons op)\\b',
  ].join('|'),
);
/** The same pitches in words with letters outside ASCII. */
const PITCH_ACCENTED =
  /abonnez-vous à (notre|la) (newsletter|lettre)|suscríbete a (nuestro|nuestra) (boletín|newsletter)|síguenos en /i;

/** A button's words as a whole line: the site asking for a sale, not the page's content. */
const SALES_LINE = new RegExp(
  `^(${[
    "let['’]?s (connect|talk|chat)",
    '(talk|speak|chat) (to|with) (an|our|a) (expert|specialist|advisor|adviser)s?',
    '(get|request|book|schedule) (a|your) (free )?(demo|quote|consultation|call)( today| now)?',
    'start (a |your )?free trial( today| now)?',
    'start (deploying|building|sharing|recording)( now| today)?',
    '(record|order|enrol+|join) now',
  ].join('|')})[\\s!.…]*$`,
  'iu',
);
const SALES_LINE_CHARS = 50;

const isSalesLine = shortTextMatching(SALES_LINE, SALES_LINE_CHARS);
const isSiteLine = shortTextMatching(ASIDE_LINE, ASIDE_LINE_CHARS);
/**
 * A credit is often set in brackets: "(Image credit: Site)". Sliced, not matched: a pattern with a lazy
 * middle between two runs of spaces takes time in the square of a long, spaced text's length.
 */
function unbracketed(text: string): string {
  const trimmed = text.trim();
  const bracketed = trimmed.length >= 2 && '(['.includes(trimmed[0]) && ')]'.includes(trimmed[trimmed.length - 1]);
  return bracketed ? trimmed.slice(1, -1).trim() : text;
}
export const isAsideLine = (text: string) => isSiteLine(unbracketed(text)) || isSalesLine(text);
const isDisclosureText = shortTextMatching(DISCLOSURE, DISCLOSURE_CHARS);
const isPitch = shortTextMatching(
  { test: (text: string) => PITCH.test(text) || PITCH_ACCENTED.test(text) },
  DISCLOSURE_CHARS,
);
export const isDisclosure = (text: string) => isDisclosureText(text) || isPitch(text);

/**
 * Each text's answer, found once: a block and the wrapper around only it hold the same text, and
 * both are asked (five patterns each). Bounded: it lives as long as the extraction worker.
 */
const asideVerdicts = new Map<string, boolean>();
const ASIDE_VERDICTS_LIMIT = 5000;

/** A short block of the site's own words beside the story. */
export const isStoryAside = (text: string): boolean => {
  let verdict = asideVerdicts.get(text);
  if (verdict === undefined) {
    if (asideVerdicts.size >= ASIDE_VERDICTS_LIMIT) asideVerdicts.clear();
    asideVerdicts.set(text, (verdict = isAsideLine(text) || isDisclosure(text)));
  }
  return verdict;
};
/** The longest text isStoryAside may find to be one. */
export const STORY_ASIDE_MAX_CHARS = Math.max(ASIDE_LINE_CHARS, SALES_LINE_CHARS, DISCLOSURE_CHARS);

/**
 * Class and id words of the box about the author under a story (its blurb, photo and links):
 * "author-bio", "authorBox", "about-author", or a block named "author" that holds a blurb.
 */
const AUTHOR_WORDS = new Set(['author', 'authors', 'writer']);
const BOX_WORDS = new Set(['bio', 'box', 'about', 'profile', 'description', 'info', 'details', 'card']);
const AUTHOR_BOX_WORDS = new Set(['authorbio', 'authorbox', 'aboutauthor', 'authorinfo', 'authorprofile', 'bio']);
const MAYBE_AUTHOR = /auth|bio|writer/i;

/**
 * Whether the class or id names an author's box (a cheap test first: it runs on every element).
 * Strictly, "author" alone is not enough: a block so named may be what Readability scores the story by.
 */
export function authorBoxNameWords(element: Element, strict = false): boolean {
  const className = element.getAttribute('class') ?? '';
  const id = element.getAttribute('id') ?? '';
  if (!MAYBE_AUTHOR.test(className) && !MAYBE_AUTHOR.test(id)) return false;
  const words = wordsOf(`${className} ${id}`);
  if (words.some((word) => AUTHOR_BOX_WORDS.has(word))) return true;
  if (!words.some((word) => AUTHOR_WORDS.has(word))) return false;
  return !strict || words.some((word) => BOX_WORDS.has(word));
}

/**
 * A blurb is this long at least: shorter, a block named "author" is the byline ("By Jane Doe"), which
 * Readability reads the author from. Longer than the most, it holds more than the blurb.
 */
const BLURB_CHARS = 80;
const AUTHOR_BOX_CHARS = 1200;
const SENTENCE = /\p{L}{2}[.!?](\s|$|\p{Lu})/u;

/** Whether an element so named is an author's box to leave out: a blurb of a sentence or more, no headline, no story. */
export function isAuthorBox(element: Element): boolean {
  if (element.tagName === 'ARTICLE' || element.tagName === 'MAIN' || element.tagName === 'BODY') return false;
  const text = squeezeSpace(element.textContent ?? '');
  if (text.length < BLURB_CHARS || text.length > AUTHOR_BOX_CHARS || !SENTENCE.test(text)) return false;
  return !element.querySelector('h1,article,main');
}

/** Removes the author boxes among these elements (found while walking the page for other reasons). */
export function removeAuthorBoxes(candidates: Element[]): void {
  for (const element of candidates) if (element.isConnected && isAuthorBox(element)) element.remove();
}
