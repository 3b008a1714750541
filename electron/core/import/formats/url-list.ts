/**
 * A list of links: one URL per line, or the links in a Markdown or text file (`[title](url)`
 * gives the title). When every line is one word, a line that is not a web address is reported;
 * in prose, words without a link are just prose.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import { urlKey, urlProblem, webUrl } from '../parse/web-url';

const MARKDOWN_LINK = /\[([^\]\n]*)\]\((https?:\/\/[^\s)]+)(?:\s+"[^"]*")?\)/gi;
const BARE_URL = /https?:\/\/[^\s<>"'`)\]]+/gi;

export function readUrlList(text: string): ImportResult {
  const result: ImportResult = { format: 'url-list', entries: [], skipped: [], warnings: [] };
  const lines = text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
  const words = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const oneWordPerLine = words.length > 0 && words.every((w) => !/\s/.test(w));
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const found: { url: string; title: string | null }[] = [];
    const rest = line.replace(MARKDOWN_LINK, (_m, title: string, url: string) => {
      found.push({ url, title: title.trim() || null });
      return ' ';
    });
    for (const match of rest.matchAll(BARE_URL)) found.push({ url: match[0].replace(/[.,;:!?]+$/, ''), title: null });
    const word = line.trim();
    if (found.length === 0 && oneWordPerLine && word && !word.startsWith('#')) {
      result.skipped.push({ line: index + 1, reason: urlProblem(word) });
    }
    for (const { url: raw, title } of found) {
      const url = webUrl(raw);
      if (!url) {
        result.skipped.push({ line: index + 1, reason: urlProblem(raw) });
        continue;
      }
      const key = urlKey(url);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = emptyEntry({ line: index + 1 }, url);
      entry.title = title;
      result.entries.push(entry);
    }
  });
  return result;
}
