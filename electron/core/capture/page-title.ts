/**
 * A document title is often "Headline | Site", "Site: Headline" or "Headline - Section - Forum".
 * Readability keeps a suffix when four words or fewer would remain; here the headline wins whenever
 * the page itself confirms it — its <h1> or its og:title says the same words, however short — and a
 * part that names the site (its og:site_name, its JSON-LD publisher, its host name) goes.
 * Compared by spelling (letters and digits), so that "News Product<br>Management" and CSS-uppercased
 * headings still match.
 */
export interface TitleClues {
  /** The document's <title>. */
  documentTitle: string | null;
  /** The <title> as Readability reads it: without the site's name when enough remains (see readability-title.ts). */
  documentHeadline: string | null;
  /** The title the page declares in JSON-LD or <meta>, which Readability takes as it is. */
  declaredTitle: string | null;
  ogTitle: string | null;
  /** Every <h1>, and whether it sits in the page's main content (main, article, role=main). */
  h1s: { text: string; inMain: boolean; lead?: string }[];
  h2s: string[];
  /** What the page calls its site: og:site_name, application-name, its JSON-LD WebSite or publisher. */
  siteNames: string[];
}

/** Compared as a reader reads: case, typographic quotes and dashes, and spacing aside. */
export const folded = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Marks NFKC would spell out as letters ("™" as "TM"), which a title often drops. */
const TRADEMARKS = /[™®©℠]/g;

/** Letters and digits only: "Remote Full-Stack Jobs" and "RemoteFull Stack Jobs" spell the same. */
export const spelled = (text: string) => folded(text.replace(TRADEMARKS, '')).replace(/[^\p{L}\p{N}]+/gu, '');

const SEPARATOR = /\s+(?:[|–—·•»~/\\>-]|::|:)\s+|:\s+/g;

export interface TitlePart {
  text: string;
  from: number;
  to: number;
}

/** The title cut at its separators: "A | B - C" gives A, B and C. */
export function titleParts(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let at = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    parts.push({ text: title.slice(at, m.index), from: at, to: m.index ?? at });
    at = (m.index ?? 0) + m[0].length;
  }
  parts.push({ text: title.slice(at), from: at, to: title.length });
  return parts.filter((p) => p.text.trim());
}

/** Every run of neighbouring parts, as written in the title, the whole title included. */
export function titleRuns(title: string): string[] {
  const parts = titleParts(title);
  const runs: string[] = [];
  for (let i = 0; i < parts.length; i++)
    for (let j = i; j < parts.length; j++) runs.push(title.slice(parts[i].from, parts[j].to).trim());
  return runs;
}

/** Host name labels that say nothing of the site's name. */
const GENERIC_LABELS = /^(www\d*|m|en|com|org|net|edu|gov|co|uk|io|de|fr|es|it|nl|au|ca|us|info|biz|app|dev|ai)$/;

/** The label the site registered its name under: "archlinux" in bbs.archlinux.org, "bbc" in www.bbc.co.uk. */
function domainLabel(pageUrl: string): string | null {
  let labels: string[];
  try {
    labels = new URL(pageUrl).hostname.split('.');
  } catch {
    return null;
  }
  labels.pop();
  while (labels.length > 1 && GENERIC_LABELS.test(labels[labels.length - 1])) labels.pop();
  const label = labels.pop();
  return label && label.length >= 3 && !GENERIC_LABELS.test(label) ? spelled(label) : null;
}

const SITE_NAME_MAX_WORDS = 4;
const initials = (text: string) =>
  folded(text)
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w) && !/^(and|of|the|for|&)$/.test(w))
    .map((w) => w[0])
    .join('');

/** Whether a part of the title names the site: a name the page gives its site, or its host name. */
export function isSiteName(part: string, siteNames: string[], pageUrl: string, loose = true): boolean {
  const name = spelled(part);
  if (!name) return false;
  for (const site of siteNames) {
    if (spelled(site) === name) return true;
    if (titleParts(site).some((p) => spelled(p.text) === name)) return true;
  }
  const host = domainLabel(pageUrl);
  if (!host) return false;
  if (name === host || initials(part) === host) return true;
  const words = folded(part).split(' ').length;
  return loose && words <= SITE_NAME_MAX_WORDS && host.length >= 4 && (name.startsWith(host) || name.endsWith(host));
}

/** Zero-width spaces, soft hyphens and the marks that set a run's direction: nothing a reader sees. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Without invisible characters and without a separator left dangling at either end ("Headline |"). */
const tidy = (text: string | null | undefined) =>
  (text ?? '')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(/^(?:[|–—·•»~/\\>:-]\s)+|(?:\s[|–—·•»~/\\>:-])+$/g, '')
    .trim();
const present = (texts: (string | null | undefined)[]) => [...new Set(texts.map(tidy).filter(Boolean))];
const MAX_HEADLINE_WORDS = 30;

const LABEL_MAX_WORDS = 3;

/**
 * The shorter headlines an <h1> holds: without a label before it ("Thread: …", "News - …") or a
 * part after a separator other than a colon ("… | Section"). What follows a colon is the
 * headline's own subtitle, which a shorter document title often leaves out.
 */
function headlineRuns(headline: string): string[] {
  const parts = titleParts(headline);
  const runs: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && headline.slice(0, parts[i - 1].to).split(' ').length > LABEL_MAX_WORDS) break;
    for (let j = i; j < parts.length; j++) {
      if (i === 0 && j === parts.length - 1) continue;
      const next = headline.slice(parts[j].to, parts[j + 1]?.from ?? parts[j].to);
      if (j < parts.length - 1 && next.trim() === ':') continue;
      runs.push(headline.slice(parts[i].from, parts[j].to).trim());
    }
  }
  return runs;
}

/**
 * Whether an <h1> names the site rather than the page: a name the page gives its site, or the
 * document title's last part ("Story - Blog Name" under an <h1> "Blog Name", but not "Site | Story"
 * under an <h1> "Story" away from the home page), or a part of it
 * that the og:title leaves out while naming another ("Blog Name: Story", og:title "Story").
 */
function isSiteHeading(text: string, clues: TitleClues, pageUrl: string): boolean {
  if (isSiteName(text, clues.siteNames, pageUrl, false)) return true;
  const title = tidy(clues.documentTitle);
  const parts = titleParts(title);
  if (parts.length < 2) return false;
  const name = spelled(text);
  const last = parts[parts.length - 1];
  const beforeLast = title.slice(parts[parts.length - 2].to, last.from).trim();
  // "Site | Headline" ends with the headline, not the site's name.
  const siteFirst =
    !isHomePage(pageUrl) &&
    isSiteName(parts[0].text, clues.siteNames, pageUrl) &&
    !isSiteName(last.text, clues.siteNames, pageUrl);
  if (beforeLast !== ':' && spelled(last.text) === name && !siteFirst) return true;
  const og = spelled(tidy(clues.ogTitle));
  return (
    !!og &&
    !isSiteName(tidy(clues.ogTitle), clues.siteNames, pageUrl) &&
    og !== spelled(title) &&
    titleRuns(title).some((run) => spelled(run) === og) &&
    !og.includes(name) &&
    parts.some((p) => spelled(p.text) === name)
  );
}

/** The page's one <h1>, or the one in its main content, or the one its titles name; never the site's name. */
function headlineOf(clues: TitleClues, titles: string[], pageUrl: string): string | null {
  const usable = clues.h1s
    .map((h) => ({ ...h, text: tidy(h.text) }))
    .filter((h) => h.text && h.text.split(' ').length <= MAX_HEADLINE_WORDS && !isSiteHeading(h.text, clues, pageUrl));
  const all = present(usable.map((h) => h.text));
  if (all.length === 1) return all[0];
  const runs = titles.flatMap(titleRuns);
  // Written as a title writes it first: one page may write its <h1> twice, with a dash and with a hyphen.
  const named = all
    .filter((h) => runs.some((run) => spelled(run) === spelled(h)))
    .sort((a, b) => Number(!runs.includes(a)) - Number(!runs.includes(b)));
  const spellings = new Set(named.map(spelled));
  const inMain = present(usable.filter((h) => h.inMain).map((h) => h.text));
  // The one in the main content, unless the titles name another: a page may repeat its title in a teaser.
  if (inMain.length === 1) return spellings.size === 1 ? named[0] : inMain[0];
  // Several <h1>s, one of them a name the titles give followed by its tagline or format.
  const leadNamed = present(
    usable.filter((h) => h.lead && runs.some((run) => spelled(run) === spelled(h.lead ?? ''))).map((h) => h.text),
  );
  if (!named.length && leadNamed.length === 1) return leadNamed[0];
  // Several <h1>s and an og:title naming none of them, whole or, for those in the main content, in part: the og:title is the headline.
  if (clues.ogTitle && !isSiteName(clues.ogTitle, clues.siteNames, pageUrl)) {
    const og = spelled(tidy(clues.ogTitle));
    const ogRuns = new Set(titleRuns(tidy(clues.ogTitle)).map(spelled));
    if (!all.some((h) => spelled(h) === og) && !inMain.some((h) => ogRuns.has(spelled(h)))) return null;
  }
  return spellings.size === 1 ? named[0] : null;
}

const words = (text: string) => new Set(folded(text).match(/[\p{L}\p{N}]+/gu) ?? []);
/** Share of a headline's words the titles must also use: a lone <h1> may be a slogan or the site's logo. */
const AGREEING_WORDS = 0.5;

function agrees(headline: string, titles: string[]): boolean {
  const own = words(headline);
  const theirs = new Set(titles.flatMap((t) => [...words(t)]));
  let shared = 0;
  for (const word of own) if (theirs.has(word)) shared++;
  return own.size > 0 && shared >= AGREEING_WORDS * own.size;
}

/**
 * Whether the <h1> is a title's headline with its subtitle, which the document title left out
 * ("Graphic Design vs. IT" under the <h1> "Graphic design vs. IT: which program is right for you?").
 */
function subtitlesATitle(headline: string, runs: string[]): boolean {
  const before = /^(.+?):\s/.exec(headline)?.[1];
  const wanted = before && spelled(before);
  return !!wanted && runs.some((run) => spelled(run) === wanted);
}

const SEPARATOR_MARK = /\s[|–—·•»~/\\>:-]\s/g;

/**
 * The headline as the <h1> writes it, or as the title does when the <h1> lost a separator the
 * title has between its parts ("Question - Want to know…" under an <h1> whose badge "Question"
 * stands in a box of its own).
 */
function writtenAs(headline: string, titleRun: string): string {
  const unseparated = folded(titleRun).replace(SEPARATOR_MARK, ' ');
  if (unseparated !== folded(titleRun) && unseparated === folded(headline)) return titleRun;
  // "Crusher® ANC 2" in the <h1>, "Crusher ANC 2" in the title: a trademark sign is no part of a name.
  const unmarked = headline.replace(TRADEMARKS, '');
  return unmarked !== headline && unmarked === titleRun.replace(TRADEMARKS, '') ? titleRun : headline;
}

/**
 * What a page may write in its <h1> after the headline: the source and the count of comments
 * ("(example.com) 87"), or its byline ("Posted on … by …").
 */
const HEADLINE_TAIL =
  /^\s*(?:\((?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\)\s*)?\d+$|^\s+(?:posted|published|updated|written|by)\b/iu;
const HEADLINE_TAIL_MIN_WORDS = 3;

/** Whether the <h1> is the title's headline followed by such a tail. */
function afterHeadline(headline: string, titleRun: string): boolean {
  const run = folded(titleRun);
  const text = folded(headline);
  return (
    run.split(' ').length >= HEADLINE_TAIL_MIN_WORDS &&
    text.startsWith(run) &&
    HEADLINE_TAIL.test(text.slice(run.length))
  );
}

/** A site's home page: its title is the site's name and what it does, the name being its subject. */
function isHomePage(pageUrl: string): boolean {
  try {
    return /^\/?(index\.\w+)?$/.test(new URL(pageUrl).pathname);
  } catch {
    return false;
  }
}

/** Titles that say nothing but the site's name, on a page other than its home page: the <h1> names the page. */
function namesOnlyTheSite(titles: string[], clues: TitleClues, pageUrl: string): boolean {
  return (
    !isHomePage(pageUrl) &&
    titles.every((t) => titleParts(t).every((part) => isSiteName(part.text, clues.siteNames, pageUrl)))
  );
}

/** Words long enough to say what a text is about: "the", "and", "of" are shared by any two titles. */
const MIN_TOPIC_LETTERS = 4;
const topicWords = (text: string) => [...words(text)].filter((w) => w.length >= MIN_TOPIC_LETTERS);

/**
 * Titles that are the site's name then its slogan ("Site - The heart of the internet"), the same on
 * every page, away from the home page: the one <h1> in the main content names the page, however
 * long, when the slogan shares none of its words.
 */
function sloganedHeadline(titles: string[], clues: TitleClues, pageUrl: string): string | null {
  const inMain = present(clues.h1s.filter((h) => h.inMain).map((h) => h.text));
  if (isHomePage(pageUrl) || inMain.length !== 1 || !titles.length || isSiteHeading(inMain[0], clues, pageUrl))
    return null;
  const headline = new Set(topicWords(inMain[0]));
  const slogan = (title: string) => {
    const parts = titleParts(title);
    const rest = parts.slice(1);
    return (
      rest.length > 0 &&
      isSiteName(parts[0].text, clues.siteNames, pageUrl) &&
      rest.every((p) => !topicWords(p.text).some((w) => headline.has(w)))
    );
  };
  return titles.every(slogan) ? inMain[0] : null;
}

/**
 * On a page with no <h1>, its first <h2> when the document title names it among other parts
 * ("Site • View topic - Headline" over an <h2> "Headline"): the heading the page gave its headline.
 */
function secondLevelHeadline(clues: TitleClues, pageUrl: string): string | null {
  const first = tidy(clues.h2s[0]);
  if (clues.h1s.length || !first) return null;
  const title = tidy(clues.documentTitle);
  const wanted = spelled(first);
  return wanted !== spelled(title) &&
    !isSiteName(first, clues.siteNames, pageUrl) &&
    titleRuns(title).some((run) => spelled(run) === wanted)
    ? first
    : null;
}

/** The title without the parts at either end that name the site. */
export function withoutSiteName(title: string, siteNames: string[], pageUrl: string, confirmed = false): string {
  let parts = titleParts(title);
  while (parts.length > 1 && isSiteName(parts[parts.length - 1].text, siteNames, pageUrl)) parts = parts.slice(0, -1);
  // "Brand: what it says" is often the brand's own headline: only a name that is exactly the site's goes there.
  // So does a headline the <h1> writes whole, such as a product named after its maker ("Brand Product - Model").
  const loose = () => !confirmed && title.slice(parts[0].to, parts[1].from).trim() !== ':';
  if (!isHomePage(pageUrl))
    while (parts.length > 1 && isSiteName(parts[0].text, siteNames, pageUrl, loose())) parts = parts.slice(1);
  return title.slice(parts[0].from, parts[parts.length - 1].to).trim();
}

/** Separators that start a subtitle or a section: "Headline | Top 19 picks", "Headline - Part 1", "Question / Board". */
const SUBTITLE_SEPARATOR = /\s+([|–—·•»~>\\-]|\/)\s+/g;
const HEADLINE_MIN_WORDS = 3;

/**
 * The headline before the first separator, the subtitle, section or site name after it left out
 * ("Best movers in 2025 | Top 19 companies" gives "Best movers in 2025"). A dash before a
 * lowercase word is the sentence going on ("Amp — and it may replace my gym"), a slash between
 * numbers is a range ("2026 / 2027"), and a headline of two words or fewer, often a name, or the
 * site's name stays whole: "Content Depth — Write about your topics", "Acme | The cloud for builders",
 * and so does a headline that has a colon ("Chapter Two: What kind of word? - Part 3").
 */
export function withoutSubtitle(title: string, siteNames: string[], pageUrl: string): string {
  for (const m of title.matchAll(SUBTITLE_SEPARATOR)) {
    const before = title.slice(0, m.index).trim();
    const after = title.slice((m.index ?? 0) + m[0].length);
    if (/^[-–—]$/.test(m[1]) && /^\p{Ll}/u.test(after)) continue;
    if (m[1] === '/' && /\d$/.test(before) && /^\d/.test(after)) continue;
    if (before.split(' ').length < HEADLINE_MIN_WORDS || isSiteName(before, siteNames, pageUrl)) return title;
    // "Headline: its subtitle - More": a headline with a colon carries its own subtitle already.
    return /:\s/.test(before) ? title : before;
  }
  return title;
}

/**
 * The page's title as a reader names it. Its headline (<h1>) when the titles it declares agree
 * with it — written as the <h1> writes it, without a label or section the titles leave out;
 * else the title Readability found (or the declared one, or the document's), cut to the
 * part an og:title confirms, and without the site's name at either end.
 */
export function pageTitle(found: TitleClues, pageUrl: string, readabilitys: string | null = null): string | null {
  const title = fullPageTitle(found, pageUrl, readabilitys);
  return title && withoutSubtitle(title, found.siteNames, pageUrl);
}

function fullPageTitle(found: TitleClues, pageUrl: string, readabilitys: string | null): string | null {
  const titles = present([found.documentTitle, found.ogTitle, found.declaredTitle, readabilitys]);
  // A "site name" that is the page's own title names nothing but the page.
  const own = new Set([found.documentTitle, found.ogTitle].map((t) => spelled(tidy(t))));
  const clues = { ...found, siteNames: found.siteNames.filter((n) => !own.has(spelled(n))) };
  const headline = headlineOf(clues, titles, pageUrl);
  // An <h1> that names the site tells its name to the rest.
  for (const h of clues.h1s) if (isSiteHeading(tidy(h.text), clues, pageUrl)) clues.siteNames.push(tidy(h.text));
  if (headline) {
    const wanted = spelled(headline);
    const runs = titles.flatMap(titleRuns);
    const run = runs.find((r) => spelled(r) === wanted);
    if (run) return withoutSiteName(writtenAs(headline, run), clues.siteNames, pageUrl, true);
    const followed = runs.find((r) => afterHeadline(headline, r));
    if (followed) return withoutSiteName(followed, clues.siteNames, pageUrl, true);
    // "Name<span>Its tagline</span>" in the <h1>, the titles naming only the name.
    const lead = clues.h1s.find((h) => tidy(h.text) === headline)?.lead;
    const leadRun = lead ? runs.find((r) => spelled(r) === spelled(lead)) : undefined;
    if (lead && leadRun) return withoutSiteName(writtenAs(tidy(lead), leadRun), clues.siteNames, pageUrl, true);
    // "Thread: Headline" or "Headline | Section" in the <h1> itself, the titles naming only the headline.
    const named = new Set(runs.map(spelled));
    const part = headlineRuns(headline)
      .filter((run) => named.has(spelled(run)))
      .sort((a, b) => b.length - a.length)[0];
    if (part) return part;
    if (agrees(headline, titles) || subtitlesATitle(headline, runs) || namesOnlyTheSite(titles, clues, pageUrl))
      return headline;
  }
  const second = secondLevelHeadline(clues, pageUrl);
  if (second) return second;
  const sloganed = sloganedHeadline(present([clues.documentTitle, clues.ogTitle, clues.declaredTitle]), clues, pageUrl);
  if (sloganed) return sloganed;
  // Readability 0.6 keeps an en-dash suffix on the document title; its later releases and documentHeadline do not.
  const fromReadability =
    readabilitys && !clues.declaredTitle && spelled(readabilitys) === spelled(tidy(clues.documentTitle))
      ? clues.documentHeadline
      : readabilitys;
  const title = present([fromReadability, clues.declaredTitle, clues.documentHeadline, clues.documentTitle])[0];
  if (!title) return headline;
  // A declared title that is part of the document title is the headline it confirms, however short.
  const whole = spelled(title);
  const inTitle = new Set(titleRuns(title).map(spelled));
  const confirmed = titles
    .filter((t) => spelled(t) !== whole && inTitle.has(spelled(t)) && !isSiteName(t, clues.siteNames, pageUrl))
    .sort((a, b) => b.length - a.length)[0];
  const headlineRun = confirmed ? titleRuns(title).find((run) => spelled(run) === spelled(confirmed)) : title;
  return withoutSiteName(headlineRun ?? title, clues.siteNames, pageUrl);
}
