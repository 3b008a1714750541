/**
 * Readability's reading of the document's <title> (its _getArticleTitle), for pages where nothing
 * better names the headline: the last part after a separator goes, or the first when too little
 * would remain, and a title of four words or fewer is kept whole. Unlike Readability 0.6, an en
 * dash separates too ("Story – Site"), as later Readability releases have it.
 */
const SEPARATOR = / [|\-–\\/>»] /;
const HIERARCHICAL = / [\\/>»] /;
const wordCount = (text: string) => text.split(/\s+/).length;

export function readabilityTitle(documentTitle: string, headings: { h1s: string[]; h2s: string[] }): string {
  const original = documentTitle.trim();
  let title = original;
  let hierarchical = false;
  if (SEPARATOR.test(title)) {
    hierarchical = HIERARCHICAL.test(title);
    const all = [...original.matchAll(new RegExp(SEPARATOR.source, 'g'))];
    title = original.slice(0, all[all.length - 1].index);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-–\\/>»]*[|\-–\\/>»]/, '');
  } else if (title.includes(': ')) {
    if (![...headings.h1s, ...headings.h2s].some((h) => h.trim() === original)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if ((title.length > 150 || title.length < 15) && headings.h1s.length === 1) {
    title = headings.h1s[0];
  }
  title = title.trim().replace(/\s{2,}/g, ' ');
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-–\\/>»]+/g, '')) - 1)) return original;
  return title;
}

/** Readability's _textSimilarity: the share of b's words, by length, that a also has. */
function similarity(a: string, b: string): number {
  const tokens = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);
  const inA = new Set(tokens(a));
  const bTokens = tokens(b);
  if (!inA.size || !bTokens.length) return 0;
  const unique = bTokens.filter((t) => !inA.has(t));
  return 1 - unique.join(' ').length / bTokens.join(' ').length;
}

const SIMILAR = 0.75;

/** The title of a JSON-LD article as Readability picks it: its name, unless only its headline resembles the document's title. */
export function jsonLdTitle(name: string | null, headline: string | null, documentHeadline: string): string | null {
  if (name && headline && name !== headline) {
    const headlineMatches = similarity(headline, documentHeadline) > SIMILAR;
    return headlineMatches && !(similarity(name, documentHeadline) > SIMILAR) ? headline : name;
  }
  return name ?? headline;
}
