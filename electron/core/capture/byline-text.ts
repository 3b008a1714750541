/**
 * The author's name out of what a page shows around it: a byline element's text carries labels
 * ("Written by:", "Posted by"), the date ("– March 3, 2024", "» Sun Dec 17, 2023 11:23 am"), and on
 * forums the poster's rank and counts ("Member · Joined Oct 28, 2023 · Posts 267"). What is left
 * must read as a name: a date, a bare label, a number or an address is no byline.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD and <meta> values sometimes carry HTML escapes ("Maria &amp; Katerina"). */
const unescapeEntities = (s: string) =>
  s.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (entity, dec?: string, hex?: string, name?: string) => {
    const code = dec || hex ? Number.parseInt(dec ?? hex ?? '', dec ? 10 : 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    return ENTITIES[(name ?? '').toLowerCase()] ?? entity;
  });

const collapse = (s: string | null | undefined): string =>
  unescapeEntities(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?';

/** A date or time written out: "Mar 27, 2024", "11. Sep 2024", "2025-02-22", "12/06/2025", "11:23 am", "3 days ago". */
const DATE_START = new RegExp(
  [
    `\\b${WEEKDAY}\\s+${MONTH}\\s+\\d`,
    `\\b${MONTH}\\s+\\d{1,2}\\b`,
    `\\b${MONTH},?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}(?:\\s|,|$)`,
    `\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b`,
    `\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b`,
    `\\b\\d{1,2}:\\d{2}\\b`,
    `\\b\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b`,
  ].join('|'),
  'i',
);
/** A date glued to the name before it: "Luke KimDecember 17, 2025", "Chris Carroll30 Sep 2022", "Nick van Mead2022-11-23". */
const GLUED_MONTH =
  /(?<=\p{Ll})(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]*\.?\s+\d/u;
const GLUED_DAY = new RegExp(`(?<=\\p{L})\\d{1,2}\\s+${MONTH}(?:\\s|,|$)|(?<=\\p{L})\\d{4}-\\d{1,2}-\\d{1,2}`, 'iu');

/** Words that open what follows the name: the date's label, the poster's rank and counts. */
const TRAILER =
  /\b(?:(?:last\s+)?(?:updated|modified|published|posted|submitted)(?:\s+on)?\b|reviewed\s+by\b|fact[-\s]checked\b|edited\s+by\b|joined\b|(?:full\s+|senior\s+|junior\s+|new\s+|registered\s+|active\s+)?member(?=\s+\S)|posts:?\s*\d|messages:?\s*\d|reputation\b|location\b|moderator\b)/i;
/** The same, glued to the name: "Reyan PerumalPublished on July 18". */
const GLUED_TRAILER = /(?<=\p{Ll})(?:Last [Uu]pdated|Updated|Published|Posted|Reviewed [Bb]y|Joined|Member)\b/u;

/** Labels before a name, in the languages whose "by" the reader already strips. */
const LABEL =
  /^(?:(?:written|posted|authored|published|reviewed|edited|created|started|story|words|text|article|post|report(?:ed)?|photos?)\s+by|by|von|par|por|di|door|authors?|auteur|autor(?:in|es)?|thread\s+starter|topic\s+(?:author|starter)|original\s+poster|read\s+more\s+about|more\s+about)(?:\s*:\s*|\s+)/i;
/** "By" glued to the name: "ByAmy Roeder", "Written byDan Pantelo" — but not "Byron". */
const GLUED_LABEL = /^(?:(?:[Ww]ritten|[Pp]osted|[Pp]ublished|[Aa]uthored) [Bb]y|By|BY)(?=\p{Lu}\p{Ll})/u;
/** A "by" label inside the text: what follows it is the name ("Aug 15 Written By Tyler King"). */
const INNER_LABEL =
  /(?:^|\s)(?:(?:[Ww]ritten|[Pp]osted|[Aa]uthored) [Bb]y|[Bb]y)(?:\s*:\s*|\s+|(?=\p{Lu}\p{Ll}))(?=\S)/u;

/** Texts that sit where a byline does and are no name. */
const NOT_A_NAME =
  /^(?:by|author|authors|written by|posted by|full bio|bio|about(?: the)? authors?|admin|administrator|topic author|topic starter|thread starter|started by|original poster|follow(?: author)?|view profile|profile|fact checked|share|comments?|\d+ comments?)$/i;

const EMAIL = /\s*\S+@\S+\.\S+\s*/g;

/** The text before the first of the matches, or all of it. */
function cutAt(text: string, ...patterns: RegExp[]): string {
  const at = Math.min(...patterns.map((pattern) => pattern.exec(text)?.index ?? text.length));
  return text.slice(0, at);
}

const beforeDate = (text: string) => cutAt(text, DATE_START, GLUED_MONTH, GLUED_DAY);

const trimPunctuation = (text: string) =>
  text.replace(/^[-–—|·•»,:;©\s"'“”‘’]+|[-–—|·•»,:;©\s"'“”‘’]+$/g, '').replace(/\s+[,;:]/g, (m) => m.trim());

function withoutLabels(text: string): string {
  let rest = trimPunctuation(text);
  for (
    let label = LABEL.exec(rest) ?? GLUED_LABEL.exec(rest);
    label;
    label = LABEL.exec(rest) ?? GLUED_LABEL.exec(rest)
  )
    rest = trimPunctuation(rest.slice(label[0].length));
  return rest;
}

/** The name in a byline text, or null when there is none. */
export function bylineName(value: string | null | undefined): string | null {
  const whole = collapse(value);
  if (!whole || whole.length > 300 || /^https?:\/\//i.test(whole)) return null;
  // An address beside a name is dropped; an address alone is what the page gives as the name.
  let text = whole.replace(EMAIL, ' ').trim() || whole;
  // A date or a label first ("Aug 15 Written By Tyler King"): the name follows its "by".
  const inner = INNER_LABEL.exec(text);
  if (inner && inner.index > 0 && !/\p{L}/u.test(beforeDate(text.slice(0, inner.index)).replace(TRAILER, '')))
    text = text.slice(inner.index + inner[0].length);
  text = withoutLabels(text);
  // "Updated March 3, 2024", "Published on …": a date's label where the name should be.
  if (TRAILER.exec(text)?.index === 0) return null;
  // Counts after a forum name ("drat 1,655 11 gold badges"): a name's own digits are never set apart by a space.
  const cut = trimPunctuation(beforeDate(cutAt(text, TRAILER, GLUED_TRAILER)).replace(/\s+\d[\d,.k]*\b.*$/i, ''));
  // What joined the name to a date that was cut: "FlowGuard on 04-ago-2021".
  text = cut === text ? cut : trimPunctuation(cut.replace(/\s+(?:on|at|am|le|el)$/i, ''));
  if (!text || text.length > 120 || NOT_A_NAME.test(text) || !/\p{L}/u.test(text)) return null;
  return text;
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** Another author after the name: "Jo Lee and Ann Smith", "Jo Lee & Ann Smith". */
const ANOTHER_AUTHOR = /^\s*(?:and|&)\s+\p{Lu}/u;

/**
 * The byline of a page whose byline element Readability read whole — the name glued to a role, a
 * date or share buttons ("Harry RabinowitzTech Reporter", "Yucy3/4/2025 Shares") — when the
 * page's own metadata found the name alone in it: that name. Another author after it keeps all.
 */
export function bylineWithin(read: string | null, named: string | null): string | null {
  if (!read || !named) return read ?? named;
  const name = letters(named);
  const at = name.length >= 3 ? letters(read).indexOf(name) : -1;
  if (at < 0 || letters(read) === name) return read;
  const after = read.slice(read.toLowerCase().indexOf(named.toLowerCase()) + named.length);
  return read.toLowerCase().includes(named.toLowerCase()) && ANOTHER_AUTHOR.test(after) ? read : named;
}
