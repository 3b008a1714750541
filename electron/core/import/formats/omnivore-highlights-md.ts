/**
 * Omnivore's highlights/{slug}.md. Each highlight is `> quote ` — the trailing space ends the
 * quote, which may run over several paragraphs — then an optional `#label #label` line, then an
 * optional note; blank lines separate the parts. Text before the first quote is a note on the
 * whole article.
 */
import type { ImportedHighlight, ImportLocation } from '@shared/import/import-model';

export interface OmnivoreHighlights {
  articleNote: string | null;
  highlights: ImportedHighlight[];
}

const LABELS_LINE = /^#\S+(\s+#\S+)*\s*$/;

export function readOmnivoreHighlights(markdown: string, file: string): OmnivoreHighlights {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const highlights: ImportedHighlight[] = [];
  const articleNote: string[] = [];
  let current: ImportedHighlight | null = null;
  let noteLines: string[] = [];
  const finish = () => {
    if (current) current.note = paragraphs(noteLines);
    else if (noteLines.length) articleNote.push(paragraphs(noteLines));
    noteLines = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.startsWith('>')) {
      if (current && !current.note && noteLines.every((l) => !l.trim()) && LABELS_LINE.test(line.trim())) {
        current.labels = line
          .trim()
          .split(/\s+/)
          .map((l) => l.slice(1));
      } else noteLines.push(line);
      i++;
      continue;
    }
    finish();
    const source: ImportLocation = { file, line: i + 1 };
    const end = quoteEnd(lines, i);
    const exact = lines
      .slice(i, end + 1)
      .map((l) => l.replace(/^> ?/, ''))
      .join('\n')
      .trim();
    current = { exact, note: '', color: null, createdAt: null, labels: [], source };
    highlights.push(current);
    i = end + 1;
  }
  finish();
  return { articleNote: articleNote.filter(Boolean).join('\n\n') || null, highlights };
}

/**
 * The last line of the quote starting at `start`: the first line ending in a space. When no line
 * does (an editor trimmed them), the quote ends at its first blank line.
 */
function quoteEnd(lines: readonly string[], start: number): number {
  for (let i = start; i < lines.length; i++) {
    if (lines[i].endsWith(' ') && lines[i].trim()) return i;
    // A new quote after a blank line means the trailing space is gone.
    if (i > start && lines[i].startsWith('>') && !lines[i - 1].trim()) break;
  }
  let i = start;
  while (i + 1 < lines.length && lines[i + 1].startsWith('>')) i++;
  return i;
}

function paragraphs(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
