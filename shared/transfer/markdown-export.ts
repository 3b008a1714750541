/**
 * Highlights as Markdown for Obsidian and Logseq: YAML front matter describing the article,
 * then each highlight as a blockquote followed by its note, in reading order.
 */
import type { ArticleMeta, Highlight } from '../model';
import { hostOf } from '../url/host-of';

/** A YAML scalar that is always read back as the same string (double-quoted, JSON escapes are valid YAML). */
const yamlString = (value: string): string => JSON.stringify(value);

/**
 * Where an article comes from: its site's name, else its host, else a local file's name, else
 * (unparseable) its address.
 */
export const siteOf = (article: Pick<ArticleMeta, 'siteName' | 'url'>): string =>
  article.siteName || hostOf(article.url) || fileNameOf(article.url) || article.url;

function fileNameOf(url: string): string {
  if (!url.startsWith('file:')) return '';
  const name =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function frontMatter(article: ArticleMeta): string {
  const lines = [
    '---',
    `title: ${yamlString(article.title)}`,
    `author: ${article.byline ? yamlString(article.byline) : '""'}`,
    `site: ${yamlString(siteOf(article))}`,
    `url: ${yamlString(article.url)}`,
    `saved: ${article.savedAt.slice(0, 10)}`,
    article.tags.length ? 'tags:' : 'tags: []',
    ...article.tags.map((tag) => `  - ${yamlString(tag)}`),
    '---',
  ];
  return lines.join('\n');
}

/** Every line of the passage quoted; blank lines between paragraphs stay inside the quote. */
export function blockquote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line.trim()}` : '>'))
    .join('\n');
}

/** The passage with a blank line between its blocks, so each stays its own paragraph inside the quote. */
export const passageOf = (highlight: Pick<Highlight, 'quote' | 'text'>): string =>
  highlight.text ? highlight.text.replace(/\n+/g, '\n\n') : highlight.quote.exact;

/** One article's highlights (in the order given) as a Markdown document. */
export function articleToMarkdown(article: ArticleMeta, highlights: readonly Highlight[]): string {
  const parts = [frontMatter(article), '', `# ${article.title.replace(/\s+/g, ' ').trim()}`, ''];
  parts.push(`[${siteOf(article)}](${article.url})`, '');
  for (const highlight of highlights) {
    parts.push(blockquote(passageOf(highlight)), '');
    if (highlight.note.trim()) parts.push(highlight.note.trim(), '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

/** A passage as a Markdown quote with its citation, for the clipboard. */
export function quoteWithCitation(passage: string, article: Pick<ArticleMeta, 'title' | 'siteName' | 'url'>): string {
  const site = siteOf(article);
  return `${blockquote(passage)}\n>\n> — [${article.title.replace(/\s+/g, ' ').trim()}](${article.url}), ${site}\n`;
}

/** Several articles in one document (for "copy all"): each article's own document, separated by a rule. */
export function articlesToMarkdown(
  groups: readonly { article: ArticleMeta; highlights: readonly Highlight[] }[],
): string {
  return groups.map((g) => articleToMarkdown(g.article, g.highlights)).join('\n---\n\n');
}
