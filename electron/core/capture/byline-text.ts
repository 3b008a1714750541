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
  /\b(?:(?:last\s+)?(?:updated|modified|published|posted|submitted)(?:\s+on)?\b|reviewed\s+by\b|fact[-\s]checked\b|edited\s+by\b|joined\b|(?:full\s+|senior\s+|junior\s+|new\s+|registered\s+|active\s+)?member(?=\s+\S)|posts:?\s*\d|messages:?\s*\d|reputation\b|location\b|moderator\b|on\s+behalf\s+of\b)/i;
/** The same, glued to the name: "Reyan PerumalPublished on July 18". */
const GLUED_TRAILER = /(?<=\p{Ll})(?:Last [Uu]pdated|Updated|Published|Posted|Reviewed [Bb]y|Joined|Member)\b/u;

/** Labels before a name, in the languages whose "by" the reader already strips. */
const LABEL =
  /^(?:(?:this\s+(?:post|article|story|piece|guide)\s+(?:was\s+)?)?(?:written|posted|authored|published|reviewed|edited|created|started|story|words|text|article|post|report(?:ed)?|photos?)\s+by|by|von|par|por|di|door|authors?|auteur|autor(?:in|es)?|thread\s+starter|topic\s+(?:author|starter)|original\s+poster|read\s+more\s+about|more\s+about)(?:\s*:\s*|\s+)/i;
/** "By" glued to the name: "ByAmy Roeder", "Written byDan Pantelo" — but not "Byron". */
const GLUED_LABEL = /^(?:(?:[Ww]ritten|[Pp]osted|[Pp]ublished|[Aa]uthored) [Bb]y|By|BY)(?=\p{Lu}\p{Ll})/u;
/** A "by" label inside the text: what follows it is the name ("Aug 15 Written By Tyler King"). */
const INNER_LABEL =
  /(?:^|\s)(?:(?:[Ww]ritten|[Pp]osted|[Aa]uthored) [Bb]y|[Bb]y)(?:\s*:\s*|\s+|(?=\p{Lu}\p{Ll}))(?=\S)/u;

/** Texts that sit where a byline does and are no name. */
const NOT_A_NAME =
  /^(?:by|author|authors|written by|posted by|full bio|bio|about(?: the)? authors?|admin|administrator|topic author|topic starter|thread starter|started by|original poster|follow(?: author)?|view profile|profile|fact checked|share|comments?|\d+ comments?)$/i;

const EMAIL = /\s*\S+@\S+\.\S+\s*/g;

/** What a writer's role ends with: "Tech Reporter", "Founder at Oakywood", "Head of Marketing", "Editorial Team". */
const ROLE =
  /\b(?:writer|editor|reporter|journalist|correspondent|columnist|contributor|(?:co-?)?founder|ceo|cto|cmo|director|manager|coordinator|consultant|specialist|strategist|analyst|expert|producer|owner|officer|president|intern|staff|team|educator|head\s+of|moderator)s?\b/i;
/** The same, glued to what comes before it ("HabernyFounder"): whether a role may be there at all. */
const ROLE_ANYWHERE = new RegExp(ROLE.source.replace(/^\\b/, ''), 'i');
/** Words that qualify a role between the name and it: "Emma Ryan Senior Writer", "Jo Lee Content Marketing Coordinator". */
const ROLE_MODIFIER =
  '(?:senior|junior|chief|managing|executive|associate|assistant|deputy|contributing|staff|former|content|marketing|editorial|tech|technology|science|health|news|features|digital|social|media|lead|principal|freelance|guest|autos?)';
const ROLE_NOUN =
  '(?:writer|editor|reporter|journalist|correspondent|columnist|contributor|coordinator|consultant|strategist|analyst|producer)s?';
/** A role after a name, set apart by a space only: "Emma Ryan Writer". */
const SPACED_ROLE = new RegExp(`^(\\S+(?:\\s+\\S+)+?)\\s+(?:${ROLE_MODIFIER}\\s+)*${ROLE_NOUN}$`, 'i');
/** A role and no name: "Senior Autos Reporter". */
const ROLE_ALONE = new RegExp(`^(?:${ROLE_MODIFIER}\\s+)*${ROLE_NOUN}$`, 'i');
const ENDS_WITH_MODIFIER = new RegExp(`\\s${ROLE_MODIFIER}$`, 'i');

/** The name without a role after it: "Emma Ryan Writer" (a role after a comma is the byline's own, "the editors" no role). */
function withoutSpacedRole(text: string): string {
  const name = text.includes(',') || !ROLE.test(text) ? null : SPACED_ROLE.exec(text)?.[1];
  return name && !ENDS_WITH_MODIFIER.test(name) && /^\s*\p{Lu}/u.test(text.slice(name.length)) ? name : text;
}
/**
 * A person's role, which a brand written in one word is not followed by ("InstaTunnel Team"),
 * at most two words after the glue: "JesudunsinAI Writer", "HabernyFounder at Oakywood".
 */
const PERSONAL_ROLE =
  /^\p{Lu}\S*(?:\s+\S+)?\s*\b(?:writer|editor|reporter|journalist|correspondent|columnist|contributor|(?:co-?)?founder|ceo|cto|cmo|director|manager|coordinator|consultant|specialist|strategist|analyst|expert|producer|officer|president)\b|^(?:(?:co-?)?founder|head\s+of)\b/iu;

/** A role glued to the name: "Harry RabinowitzTech Reporter", "Mateusz HabernyFounder at Oakywood"; not "McDonald". */
const GLUED_ROLE = /(?<=\p{L}{2}\p{Ll}{2})(?=\p{Lu})/gu;
/** A role after a dash or a bar: "David Jackson - Editorial Team". */
const SEPARATED_ROLE = /\s+[-–—|]\s+/g;

/** The name without the role that follows it on the next line, glued to it or after a dash. */
function withoutRole(value: string): string {
  if (!ROLE_ANYWHERE.test(value)) return value;
  const lines = value.split(/\s*\n\s*/).filter((line) => line.trim());
  for (let i = 1; i < lines.length; i++) {
    const head = withoutLabels(collapse(lines.slice(0, i).join(' ')));
    if (ROLE.test(lines.slice(i).join(' ')) && /\p{L}/u.test(head) && !NOT_A_NAME.test(head))
      return lines.slice(0, i).join(' ');
  }
  const text = collapse(value);
  for (const pattern of [SEPARATED_ROLE, GLUED_ROLE])
    for (const m of text.matchAll(pattern)) {
      const head = text.slice(0, m.index);
      const rest = text.slice((m.index ?? 0) + m[0].length);
      // "Jo Lee, WordPress Editor": after a comma, the capital is the role's own.
      if (pattern === GLUED_ROLE ? PERSONAL_ROLE.test(rest) && !/,\s*\S*$/.test(head) : ROLE.test(rest)) return head;
    }
  return text;
}

/** A date before the name: "Dec 17, 2025Julian K. Arni", "Dec. 19, 2025 · Niko Matsakis". */
const LEADING_DATE = new RegExp(
  `^(?:${WEEKDAY}\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})[\\s·•]*`,
  'i',
);

/** The name after a date that comes first; a time or a label after the date is no name. */
function withoutLeadingDate(text: string): string {
  const date = LEADING_DATE.exec(text);
  if (!date) return text;
  const rest = text.slice(date[0].length);
  return /^\p{Lu}/u.test(rest) && !LABEL.test(rest) && !TRAILER.test(rest.split(' ')[0]) ? rest : text;
}

/** The text before the first of the matches, or all of it. */
function cutAt(text: string, ...patterns: RegExp[]): string {
  const at = Math.min(...patterns.map((pattern) => pattern.exec(text)?.index ?? text.length));
  return text.slice(0, at);
}

const beforeDate = (text: string) => cutAt(text, DATE_START, GLUED_MONTH, GLUED_DAY);

const trimPunctuation = (text: string) =>
  text.replace(/^[-–—|·•»,:;©&\s"'“”‘’]+|[-–—|·•»,:;©\s"'“”‘’]+$/g, '').replace(/\s+[,;:]/g, (m) => m.trim());

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

const MAX_BYLINE_CHARS = 300;

/** The name in a byline text, or null when there is none. */
export function bylineName(value: string | null | undefined): string | null {
  // A long text is no byline: it is not searched for one.
  if (!value || collapse(value).length > MAX_BYLINE_CHARS) return null;
  const whole = withoutLeadingDate(collapse(withoutRole(value)));
  if (!whole || /^https?:\/\//i.test(whole)) return null;
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
  text = withoutSpacedRole(cut === text ? cut : trimPunctuation(cut.replace(/\s+(?:on|at|am|le|el)$/i, '')));
  if (!text || text.length > 120 || NOT_A_NAME.test(text) || ROLE_ALONE.test(text) || !/\p{L}/u.test(text)) return null;
  return text;
}

/** Words of a sentence, which no name holds. */
const PHRASE_WORD =
  /^(?:this|that|these|those|from|we|our|you|your|how|what|why|more|all|under|is|are|was|were|it|its|here|read|view)$/i;

/**
 * Whether a byline reads as one or more names, not as a phrase or a heading that sat where a
 * byline does ("Also from this author", "How we reviewed this article").
 */
function readsAsName(text: string): boolean {
  const words = text.split(/[\s,;&]+/).filter(Boolean);
  // A user name is one word, digits and all: "Ejp55230".
  if (words.length === 1) return true;
  return !words.some((word) => PHRASE_WORD.test(word)) && !/[\d$€£%?!]/.test(text);
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** Another author after the name: "Jo Lee and Ann Smith", "Jo Lee & Ann Smith", "Jo Lee et Ann Smith". */
const ANOTHER_AUTHOR = /^\s*(?:and|&|et|und|y|e|en)\s+\p{Lu}/u;

/**
 * The byline of a page whose byline element Readability read whole — the name glued to a role, a
 * date or share buttons ("Harry RabinowitzTech Reporter", "Yucy3/4/2025 Shares") — when the
 * page's own metadata found the name alone in it: that name. Another author after it keeps all.
 */
export function bylineWithin(read: string | null, named: string | null, siteName: string | null = null): string | null {
  if (!read || !named) return read ?? named;
  const name = letters(named);
  const at = name.length >= 3 ? letters(read).indexOf(name) : -1;
  if (at < 0) return readsAsName(read) && letters(read) !== letters(siteName ?? '') ? read : named;
  if (letters(read) === name) return read;
  const after = read.slice(read.toLowerCase().indexOf(named.toLowerCase()) + named.length);
  return read.toLowerCase().includes(named.toLowerCase()) && ANOTHER_AUTHOR.test(after) ? read : named;
}
