/**
 * The furniture of each post in a forum thread: the poster's statistics ("Posts: 3,760",
 * "Joined: Mar 2019", a rank such as "Senior Member"), the post's buttons ("Quote", "Reply with
 * quote", "Report", "3 Likes"), its counters and the board's own lines ("Thread starter",
 * "Click to expand...", "Code: Select all", "Sorted by:"). Board software in any language writes
 * them as short blocks of their own; the poster's name and the post's date are kept.
 */
import { squeezeSpace } from './squeeze-space';

/** A block whose whole text is one of these is at most this long. */
const MAX_CHARS = 60;

const STAT_LABELS = [
  'posts?',
  'messages?',
  'threads?',
  'topics?',
  'replies',
  'joined',
  'join(ed)? date',
  'registered',
  'member since',
  'reaction score',
  'reactions?',
  'reputation',
  'rep',
  'trophy points',
  'points',
  'likes?( received)?',
  'solutions?',
  'karma',
  'credits',
  'location',
  'current location',
  'home country',
  'country',
  'native language',
  'gender',
  'occupation',
  'beiträge',
  'registriert( seit)?',
  'mitglied seit',
  'wohnort',
  'themen',
  'inscrit( le)?',
  'inscription',
  'sujets',
  'réputation',
  'localisation',
  'mensajes',
  'registrado',
  'temas',
  'reputación',
  'ubicación',
  'messaggi',
  'iscritto( il)?',
  'mensagens',
  'registrado em',
  'berichten',
  'lid sinds',
];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "Posts: 3,760", "Joined Mar 2019", "Messages 1.2k", "Location: Bristol". */
const STAT = new RegExp(
  `^(${STAT_LABELS.join('|')})\\s*(:\\s*.{0,40}|\\s+[\\d#][\\d,.\\s]*[km]?|\\s+(\\d{1,2}\\s+)?${MONTH}\\s*(\\d{1,2},?\\s*)?\\d{2,4})?$`,
  'iu',
);
/** Several statistics in one block, each "label: value" ("Posts: 116 Threads: 23 Joined: Feb 2019"). */
const STAT_PAIRS = new RegExp(`(^|\\s)(${STAT_LABELS.join('|')})\\s*:\\s*\\S+(\\s+\\d[\\d,.]*)?(?=\\s|$)`, 'giu');
const STATS_BLOCK_CHARS = 200;

function isStatsBlock(line: string): boolean {
  if (line.length > STATS_BLOCK_CHARS) return false;
  const rest = line.replace(STAT_PAIRS, ' ');
  return rest !== line && rest.replace(/[\s\p{P}\p{S}]+/gu, '').length === 0;
}

/** A label alone, its value in the next block (<dt>Joined</dt><dd>Mar 2019</dd>). */
const STAT_LABEL = new RegExp(`^(${STAT_LABELS.join('|')})\\s*:?$`, 'iu');

/** The poster's rank: furniture, unless it is the poster's name (a link to a profile). */
const RANK =
  /^(((new|junior|senior|active|well-known|established|registered|valued|full|veteran|elite|notable|respected|distinguished|platinum|gold|silver|bronze) )?member|(new|registered|banned) user|moderator|administrator|admin|staff|offline|online)$/iu;
/**
 * A rank the board names after its members' standing, a word or two before the title it ends in
 * ("Ultra Member", "Big Board Owner", "Editorial Contributor", "Former Staff"), or one of the
 * ranks of a newcomer ("Greenhorn", "Newbie").
 */
const TITLED_RANK =
  /^(?!.*\b(the|a|an|to|of|for|my|your|our|this|that|ask|contact|message|email|report|become|be|not)\b)([\p{L}-]+ ){1,2}(member|user|poster|contributor|owner|moderator|mod|admin|staff|hero|guru|expert|veteran|regular|enthusiast|supporter|donor|patron|mentor|volunteer)$|^(greenhorn|newbie|rookie|lurker|peon|novice|apprentice)$/iu;

const MACHINE_TIME = '\\d{4}-\\d\\d-\\d\\dt\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?z?([+-]\\d\\d:?\\d\\d)?';
/** A <time> whose text is its machine value: meant for programs (often hidden), not for reading. */
const MACHINE_TIME_LINE = new RegExp(`^${MACHINE_TIME}$`, 'i');

const RELATIVE =
  '((about|over|almost) )?(\\d+|an?|one) (second|minute|hour|day|week|month|year)s?(,? (and )?\\d+ (second|minute|hour|day|week|month|year)s?)? ago';
const RELATIVE_DATE = new RegExp(`^${RELATIVE}$`, 'iu');

const POST_LINES = new RegExp(
  `^(${[
    // The post's buttons and counters.
    'quote:?',
    'reply',
    'reply with quote',
    'multi-?quote',
    'report( post| to moderator)?',
    'permalink',
    'flag',
    'bookmark',
    'likes? this',
    '\\d[\\d,.]*[km]?\\s*(likes?|reactions?|upvotes?|votes?|replies|reply|answers?|comments?|posts?|views?|participants?)',
    '#?\\d[\\d,.]*[km]?',
    '(\\d+ )?(people|persons?|users?|members?) likes? this\\.?',
    // A badge on the opening poster's later posts, and an old board's line under each post.
    'author',
    'logged',
    '.{1,40} likes? this',
    'click to (expand|shrink)[.…]*',
    'code:?\\s*(select all|copy)?',
    'select all',
    '(view )?attachment( \\d+)?',
    '\\(edited\\)',
    // How many replies hang under a comment, on a link that folds them.
    '\\(\\d+ (child|children|replies|reply)\\)',
    'edited',
    'last edited( by .{0,40}|:? .{0,40})?',
    '\\(?see edit history\\)?',
    'post #?\\d[\\d,.]*( of \\d[\\d,.]*)?',
    // A machine timestamp written out as text (2019-01-21T21:40:59.62Z+00:00).
    MACHINE_TIME,
    // A relative date ("3 years, 2 months ago", "1 yr", "2y", "5d"): wrong as soon as the page is saved.
    `(posted |asked |modified |edited |answered |updated )?${RELATIVE}`,
    '(\\d+ ?(y|yrs?|mo|mos|w|wks?|d|h|hrs?|mins?)\\s*)+',
    // The link back up the page after each post.
    '(back to |go to |to )?top',
    'nach oben',
    'haut de page',
    // A default avatar: the poster's initial.
    '\\p{L}',
    // The thread's own lines.
    'status:?',
    '(this )?(thread|topic) (is|was|has been) (automatically )?closed.{0,80}',
    'not open for further replies\\.?',
    'thread starter',
    'discussion starter',
    'original poster',
    'start date',
    'last post( by)?',
    'last reply',
    'participants',
    'views',
    'replies',
    'sorted by:?',
    'reset to default',
    'asked',
    'modified',
    'viewed',
    'ask question',
    'jump to',
    'top posters in this topic',
    'created',
    'popular (days|posts)',
    'you must (log in|sign in|be logged in) to answer this question\\.?',
    // A question-and-answer site's invitation under the answers.
    'find the answer to your question by asking\\.?',
    'start asking to get answers',
    'question feed',
    // The board's own lines under a thread: what a visitor may do, its settings, its clock and software.
    'posting (rules|permissions)',
    'you (may|may not|cannot|can ?not|can) (post|reply|edit|delete|vote|upload|download|create|start|attach)\\b.{0,40}',
    '(bb ?code|smilies|smileys|\\[img\\] code|\\[video\\] code|html code|img code) (is|are) (on|off)',
    'forum rules',
    'all times are (gmt|utc).{0,60}',
    'the time now is .{0,20}',
    'powered by .{1,50}',
    '(copyright )?(©|\\(c\\)|copyright) ?\\d{4}.{0,60}',
    'remove ads',
    'scroll to see replies',
    'jump to (page|forum|post)',
    'reply #?\\d+',
    // The link back to the thread's board ("Return to “Troubleshooting”"), and a board's invitation.
    'return to [“"«„‘\'].{1,60}[”"»“’\']',
    'create an account',
    '(start|post|create) (a )?new (thread|topic|discussion)',
    'start (a )?(thread|topic|discussion)',
    '(post|write) (a )?reply',
    '(no|\\d+) (registered )?(users?|members?|guests?) (are )?(viewing|browsing|reading) this (page|thread|topic)\\.?',
    // A post's attachments list ("Attachments", "(95.79 KiB) Downloaded 478 times") and its label over a signature.
    'attachments?:?',
    '\\(?[\\d.,]+ ?(b|kb|kib|mb|mib|gb|gib|bytes)\\)? (downloaded|viewed) [\\d,.]+ times?',
    'signature',
    'advertisement( \\(.{1,40}\\)| [-–—] .{1,40})?',
    'board (footer|index)',
    // A thread's summary card: who wrote last, and when.
    'last (post|reply|message) by .{1,80}',
    // What is left of "wrote on <date>" when a script was to write the date into an empty element.
    '(wrote|posted|replied) (on|at)',
    // A template's placeholder its script never filled in ("{{ errors[11].message }}").
    '\\{\\{.{1,80}\\}\\}',
    // The time between two posts far apart ("2 weeks later...").
    '(\\d+|an?|one) (second|minute|hour|day|week|month|year)s? later[.…]*',
    // A comment's moderated score ("(Score:4, Insightful)").
    '\\(score: ?-?\\d+(, [\\p{L} ]{1,20})?\\)',
    // The TeX group markers a math-rendering site wraps each post in, left visible without its script.
    '\\\\?\\$\\\\(begin|end)group\\\\?\\$',
    'beitrag melden',
    'zitieren',
    'antworten',
    'citer',
    'répondre',
    'signaler',
    'citar',
    'responder',
    'citazione',
    'rispondi',
  ].join('|')})$`,
  'iu',
);

/**
 * Headings over the board's blocks around a thread, not part of it: who is reading it, the
 * board's rules, other threads and stories.
 */
const BOARD_HEADING =
  /^(who is online|posting (rules|permissions)|users? (currently )?(browsing|viewing) this (thread|topic|forum).{0,60}|recently browsing( this (thread|topic|page))?( \d+ members?)?|(articles|threads|topics|discussions) for you|(latest|new|trending|more|other|recent) (threads|topics|discussions)( .{1,30})?|thread tools|display modes|share this (thread|topic|post|page))[\s:!.…]*$/iu;
const BOARD_HEADING_CHARS = 80;

/** A reply's subject line over its post ("Re: Kiln wash on shelves", "AW: …", "Odp: …"): the thread's title again. */
const REPLY_SUBJECT = /^\s*(re|aw|sv|vs|odp|antw|rif|ynt)\s?(\[\d+\])?\s?:\s*\S/i;
export const isReplySubject = (text: string) => REPLY_SUBJECT.test(text);

export function isBoardHeading(text: string): boolean {
  const line = squeezeSpace(text);
  return line.length <= BOARD_HEADING_CHARS && BOARD_HEADING.test(line);
}

/** "Last edited by Ann on Sun Feb 22, 2026 2:08 am, edited 3 times in total.", "Edited February 27 by Ann". */
const EDIT_NOTE =
  /^(last edited by .{1,60}? (on|at) .{1,60}?(, edited \d+ times? in total)?|edited (\p{L}+ \d{1,2}(, \d{4})?|\d[\d/.: -]{4,30}) by .{1,40})\.?$/iu;
const EDIT_NOTE_CHARS = 160;
/** "Did this help? Please give feedback by clicking an icon below": the board asking about a post. */
const FEEDBACK_PROMPT =
  /^(did|was) this (post |answer |reply )?(help|helpful|answer your question)\?( (please )?(give|leave|send|let us know|vote|click|rate|mark)\b.{0,100})?$/iu;

/** Whether the whole text of a block is a post's furniture; `named` when it is or holds a link. */
export function isPostFurnitureText(text: string, named = false): boolean {
  if (text.length > STATS_BLOCK_CHARS * 2) return false;
  const line = squeezeSpace(text);
  if (!line.length) return false;
  if (line.length <= EDIT_NOTE_CHARS && (EDIT_NOTE.test(line) || FEEDBACK_PROMPT.test(line))) return true;
  if (line.length > MAX_CHARS) return isStatsBlock(line);
  return (
    STAT.test(line) ||
    POST_LINES.test(line) ||
    (!named && (RANK.test(line) || TITLED_RANK.test(line))) ||
    isStatsBlock(line)
  );
}

/** A term's text, or when it is an icon, the label the icon is given. */
function termLabel(term: Element): string {
  const text = squeezeSpace(term.textContent ?? '');
  if (text) return text;
  const labelled = term.querySelector('[title],[aria-label]');
  return squeezeSpace(labelled?.getAttribute('title') ?? labelled?.getAttribute('aria-label') ?? '');
}

/** A statistic's value: a count or a date, short. */
const STAT_VALUE_CHARS = 40;

/**
 * A <dl> of the poster's statistics: every term a statistic's label, or an icon whose label was
 * drawn in it (an SVG's <title>, gone with the SVG) over a short value ("Feb 8, 2017", "1,204").
 */
export function isStatsList(element: Element): boolean {
  if (element.tagName !== 'DL') return false;
  const terms = element.getElementsByTagName('dt');
  if (!terms.length) return false;
  let icons = false;
  for (const term of terms) {
    const label = termLabel(term);
    if (label ? !STAT_LABEL.test(label) : !term.children.length) return false;
    icons ||= !label;
  }
  if (icons)
    for (const value of element.getElementsByTagName('dd'))
      if (squeezeSpace(value.textContent ?? '').length > STAT_VALUE_CHARS) return false;
  return true;
}

/** Cells and code are content whatever they hold. */
const NEVER = new Set(['TD', 'TH', 'PRE', 'CODE', 'H1', 'H2', 'H3', 'TIME']);

/** A post's signature, named by the role the board's scripts give it rather than by its class. */
export const isSignature = (element: Element) => /signature/i.test(element.getAttribute('data-role') ?? '');

export function isPostFurniture(element: Element): boolean {
  if (element.tagName === 'TIME') {
    const text = squeezeSpace(element.textContent ?? '');
    // A relative date ("17 hours ago") is wrong as soon as the page is saved.
    return MACHINE_TIME_LINE.test(text) || (RELATIVE_DATE.test(text) && element.hasAttribute('datetime'));
  }
  if (isScoreVariant(element) || isSignature(element)) return true;
  if (NEVER.has(element.tagName)) return false;
  if (isStatsList(element)) return true;
  // schema.org's job title, on a poster's card, is the rank the board gave them.
  if (element.getAttribute('itemprop') === 'jobTitle') return true;
  const named = element.tagName === 'A' || element.getElementsByTagName('a').length > 0;
  return isPostFurnitureText(element.textContent ?? '', named);
}

const BLOCKS = 'dl,dt,dd,li,div,span,p,a,small,strong,b,ul,ol,h4,h5,h6';

/** Removes, in place, the post furniture of a thread's article. */
export function removePostFurniture(root: Element): void {
  // Judged before any is removed: a score's variants are told apart by their siblings.
  const furniture = [...root.querySelectorAll(BLOCKS)].filter((element) => isPostFurniture(element));
  for (const element of furniture) element.remove();
}

/** Class and id words, and attributes, that name a post's author. */
const AUTHOR_WORDS = new Set(['author', 'username', 'poster', 'name', 'nickname']);
const AUTHOR_ATTRIBUTES = ['data-username', 'data-user-id', 'data-userid', 'data-author'];
/** A poster's name is short. */
const AUTHOR_CHARS = 40;

/**
 * The poster's name on a post: marked as the author (schema.org, rel=author, its class or id, a
 * data-username), and short.
 */
export function isPostAuthor(element: Element, chars: number): boolean {
  if (chars === 0 || chars > AUTHOR_CHARS || !element.hasAttributes()) return false;
  if (/\b(author|creator)\b/.test(element.getAttribute('itemprop') ?? '')) return true;
  if (element.getAttribute('rel') === 'author') return true;
  if (AUTHOR_ATTRIBUTES.some((name) => element.hasAttribute(name))) return true;
  const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => AUTHOR_WORDS.has(word));
}

/** schema.org's author of a post, even when its name is only in a <meta> inside it. */
const AUTHOR_ITEM = '[itemprop~="author"],[itemprop~="creator"],[rel="author"]';

/**
 * Whether a small block holds the poster's name: the post's attribution ("Ann, May 2", "Re: Topic
 * by Ann: 3:21pm") or the poster's column beside the post. Its links (to the profile, the avatar,
 * the post) make it look like a menu; it is kept for the name. `chars` gives an element's text length.
 */
export function holdsPostAuthor(element: Element, chars: (element: Element) => number): boolean {
  if (isPostAuthor(element, chars(element)) || element.querySelector(AUTHOR_ITEM)) return true;
  for (const inner of element.querySelectorAll('*')) if (isPostAuthor(inner, chars(inner))) return true;
  return false;
}

const SCORE = /^\s*(-?\d+) points?\s*$/i;
const scoreOf = (element: Element | null): number | null => {
  const match = element ? SCORE.exec(element.textContent ?? '') : null;
  return match ? Number(match[1]) : null;
};

/**
 * A post's score written three times over (one less, as is, one more), the page's script showing the
 * one that matches the reader's vote: the first and the last are left out, the middle one stays.
 */
export function isScoreVariant(element: Element): boolean {
  const score = scoreOf(element);
  if (score === null) return false;
  const next = element.nextElementSibling;
  const previous = element.previousElementSibling;
  if (scoreOf(next) === score + 1 && scoreOf(next?.nextElementSibling ?? null) === score + 2) return true;
  return scoreOf(previous) === score - 1 && scoreOf(previous?.previousElementSibling ?? null) === score - 2;
}
