/** An article's body as Markdown: turndown with GitHub tables, strikethrough and fenced code. */
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

let service: TurndownService | null = null;

function converter(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  service.use(gfm);
  const escape = service.escape.bind(service);
  // Text that reads "<script>" in the article must stay text in the note: Markdown would
  // otherwise pass it through as HTML. Likewise "&amp;" must not turn into "&".
  service.escape = (text: string) => escapeMarkdownText(escape(text));
  return service;
}

/** Escapes what turndown leaves alone: "<" (raw HTML) and "&" (entities). */
export const escapeMarkdownText = (text: string): string => text.replace(/[<&]/g, (c) => `\\${c}`);

/** Plain text (a title, a quoted passage) as Markdown that shows it as it is: Markdown's own syntax escaped. */
export function markdownText(text: string): string {
  return converter().escape(text);
}

export function htmlToMarkdown(html: string): string {
  return converter().turndown(html).trim();
}
