/**
 * A document title is often "Headline | Site", "Headline – Site" or "Site: Headline". Readability
 * keeps the suffix when four words or fewer would remain; here the headline wins whenever the page
 * itself confirms it: its <h1> or its og:title says the same words, however short.
 */

const SEPARATOR = /\s+::\s+|\s+[|–—·•»~/-]\s+|\s*:\s+/;

const folded = (text: string) =>
  text
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The parts of a title split at its separators, and every run of neighbouring parts: "A | B | C"
 * gives A, B, C, "A | B", "B | C". The whole title is not among them.
 */
function runs(title: string): string[] {
  const parts: string[] = [];
  const separators: string[] = [];
  let rest = title;
  for (let m = SEPARATOR.exec(rest); m; m = SEPARATOR.exec(rest)) {
    parts.push(rest.slice(0, m.index));
    separators.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  const found: string[] = [];
  for (let from = 0; from < parts.length; from++) {
    let text = parts[from];
    for (let to = from; to < parts.length; to++) {
      if (to > from) text += separators[to - 1] + parts[to];
      if (!(from === 0 && to === parts.length - 1)) found.push(text.trim());
    }
  }
  return found;
}

/** The headline of `title` that the page's own headline or og:title confirms, else `title` unchanged. */
export function confirmedHeadline(title: string | null, confirmations: (string | null | undefined)[]): string | null {
  if (!title) return title;
  const wanted = new Set(confirmations.filter((c): c is string => !!c?.trim()).map(folded));
  if (!wanted.size || wanted.has(folded(title))) return title;
  // The longest confirmed run: "A: B | Site" with an <h1> "A: B" keeps both parts.
  let best: string | null = null;
  for (const run of runs(title)) if (wanted.has(folded(run)) && (!best || run.length > best.length)) best = run;
  return best ?? title;
}

const letters = (text: string) => folded(text).replace(/[^\p{L}\p{N}]+/gu, '');
/** Host name labels that say nothing of the site's name. */
const GENERIC_LABELS = /^(www\d*|m|en|com|org|net|edu|gov|co|uk|io|de|fr|es|it|nl|au|ca|us|info|biz|app|dev|ai)$/;

/** Whether a title part is the site's name: its og:site_name, or a name its host name spells. */
function isSiteName(part: string, siteName: string | null, host: string): boolean {
  const name = letters(part);
  if (!name) return false;
  if (siteName && letters(siteName) === name) return true;
  return host
    .split('.')
    .filter((label) => label.length >= 4 && !GENERIC_LABELS.test(label))
    .some((label) => name.includes(letters(label)) || letters(label).includes(name));
}

/** "Headline | Site" or "Site | Headline" without the site's name. */
export function withoutSiteName(title: string | null, siteName: string | null, pageUrl: string): string | null {
  if (!title) return title;
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    // No host: only og:site_name can tell the site's name.
  }
  const separators = [...title.matchAll(new RegExp(SEPARATOR.source, 'g'))];
  if (!separators.length) return title;
  const first = separators[0];
  const last = separators[separators.length - 1];
  const tail = title.slice(last.index + last[0].length);
  if (isSiteName(tail, siteName, host)) return title.slice(0, last.index).trim();
  const head = title.slice(0, first.index);
  if (isSiteName(head, siteName, host)) return title.slice(first.index + first[0].length).trim();
  return title;
}

const words = (text: string | null | undefined) => new Set(folded(text ?? '').match(/[\p{L}\p{N}]+/gu) ?? []);
/** Share of a headline's words the titles must also use: a lone <h1> may be the site's logo. */
const AGREEING_WORDS = 0.5;

function agreesWithTitles(headline: string, titles: (string | null | undefined)[]): boolean {
  const own = words(headline);
  const theirs = new Set(titles.flatMap((t) => [...words(t)]));
  let shared = 0;
  for (const word of own) if (theirs.has(word)) shared++;
  return own.size > 0 && shared >= AGREEING_WORDS * own.size;
}

export interface TitleClues {
  headline?: string | null;
  ogTitle?: string | null;
  /** The title the page declares in JSON-LD or <meta>, else its <title>. */
  title?: string | null;
  h1s?: string[];
  siteName: string | null;
}

/**
 * The page's title as a reader names it: its one <h1> when it has one and the titles agree with it
 * (a lone <h1> may be the site's name); else `title` (the title it
 * declares, or its document title) cut to the headline its og:title or an <h1> confirms, and
 * without the site's name.
 */
export function pageTitle(title: string | null, clues: TitleClues, pageUrl: string): string | null {
  if (clues.headline && agreesWithTitles(clues.headline, [title, clues.title, clues.ogTitle])) return clues.headline;
  const confirmed = confirmedHeadline(title, [clues.ogTitle, ...(clues.h1s ?? [])]);
  return withoutSiteName(confirmed, clues.siteName, pageUrl);
}
