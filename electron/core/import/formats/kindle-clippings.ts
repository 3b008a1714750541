/**
 * Kindle's "My Clippings.txt": clippings separated by `==========`, each a `Title (Author)` line
 * (often behind a byte-order mark), a `- Your Highlight on page N | Location a-b | Added on …`
 * line in the device's language, a blank line and the text. A note is a clipping of its own at
 * its highlight's location and is joined to that highlight. Editing a highlight appends a new
 * clipping with a changed span: the newest is kept. Each book is a document without a URL.
 */
import { emptyEntry, type ImportedEntry, type ImportedHighlight, type ImportResult } from '@shared/import/import-model';
import { parseKindleDate } from '../parse/kindle-date';

type ClippingKind = 'highlight' | 'note' | 'bookmark';

interface Clipping {
  line: number;
  kind: ClippingKind;
  text: string;
  start: number | null;
  end: number | null;
  page: string | null;
  createdAt: string | null;
}

const SEPARATOR = /^\s*={10}\s*$/;
const HIGHLIGHT =
  /highlight|markierung|surlignement|subrayado|evidenziazione|destaque|markering|ハイライト|标注|выделение/i;
const NOTE = /\bnote\b|notiz|\bnota\b|notitie|メモ|笔记|заметка/i;
const BOOKMARK = /bookmark|lesezeichen|signet|marcador|segnalibro|bladwijzer|ブックマーク|书签|закладка/i;
const LOCATION =
  /(?:location|loc\.|position|posición|posizione|posição|emplacement|locatie|位置(?:no\.)?|позиция)\s*(\d+)(?:\s*-\s*(\d+))?/i;
const PAGE = /(?:page|seite|página|pagina|pagine|bladzijde|ページ|页|страница)\s*([\divxlcdm]+)/i;

export function readKindleClippings(text: string): ImportResult {
  const result: ImportResult = { format: 'kindle-clippings', entries: [], skipped: [], warnings: [] };
  const books = new Map<string, { entry: ImportedEntry; clippings: Clipping[] }>();
  for (const block of blocks(text.replace(/\ufeff/g, ''))) {
    const [titleLine, metaLine = '', ...body] = block.lines;
    if (!titleLine?.trim() || !metaLine.trim().startsWith('-')) {
      result.skipped.push({ line: block.line, reason: 'not a clipping: no title line followed by a "- Your …" line' });
      continue;
    }
    const clipping = readClipping(block.line, metaLine, body.join('\n').trim());
    if (clipping.kind === 'bookmark') {
      result.skipped.push({ line: block.line, reason: 'a bookmark marks a place and holds no text' });
      continue;
    }
    if (!clipping.text) {
      result.skipped.push({ line: block.line, reason: `an empty ${clipping.kind}` });
      continue;
    }
    if (!clipping.createdAt) {
      result.warnings.push({
        line: block.line,
        reason: 'the "Added on" date could not be read (language not recognised); kept without a date',
      });
    }
    const key = titleLine.trim();
    let book = books.get(key);
    if (!book) {
      const entry = emptyEntry({ line: block.line }, null);
      Object.assign(entry, titleAndAuthor(key));
      book = { entry, clippings: [] };
      books.set(key, book);
      result.entries.push(entry);
    }
    book.clippings.push(clipping);
  }
  for (const { entry, clippings } of books.values()) {
    entry.highlights = bookHighlights(clippings, result);
    entry.savedAt =
      clippings
        .map((c) => c.createdAt)
        .filter((d): d is string => !!d)
        .sort()[0] ?? null;
  }
  return result;
}

function* blocks(text: string): Generator<{ line: number; lines: string[] }> {
  const lines = text.split(/\r\n?|\n/);
  let current: string[] = [];
  let start = 1;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || SEPARATOR.test(lines[i])) {
      // Blank lines before the title belong to no one.
      while (current.length && !current[0].trim()) {
        current.shift();
        start++;
      }
      if (current.length) yield { line: start, lines: current };
      current = [];
      start = i + 2;
    } else current.push(lines[i]);
  }
}

function readClipping(line: number, meta: string, text: string): Clipping {
  const parts = meta.replace(/^\s*-\s*/, '').split('|');
  const head = parts[0];
  const kind: ClippingKind | null = HIGHLIGHT.test(head)
    ? 'highlight'
    : NOTE.test(head)
      ? 'note'
      : BOOKMARK.test(head)
        ? 'bookmark'
        : null;
  const location = LOCATION.exec(meta);
  let start = location ? Number(location[1]) : null;
  let end = location?.[2] ? Number(location[2]) : start;
  // Old Kindles shorten the end: "Loc. 170-72" is 170 to 172.
  if (start !== null && end !== null && end < start) {
    const digits = String(start);
    end = Number(digits.slice(0, digits.length - String(end).length) + String(end));
    if (end < start) [start, end] = [end, start];
  }
  const page = PAGE.exec(meta)?.[1] ?? null;
  const dated = parts.length > 1 ? parts[parts.length - 1] : '';
  return {
    line,
    kind: kind ?? (text ? 'highlight' : 'bookmark'),
    text,
    start,
    end,
    page,
    createdAt: dated ? parseKindleDate(dated) : null,
  };
}

/** "Title (Author)": the author is the last parenthesised part. */
function titleAndAuthor(line: string): { title: string; author: string | null } {
  const match = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(line);
  return match ? { title: match[1], author: match[2].trim() } : { title: line, author: null };
}

function bookHighlights(clippings: readonly Clipping[], result: ImportResult): ImportedHighlight[] {
  const kept: Clipping[] = [];
  for (const clipping of clippings.filter((c) => c.kind === 'highlight')) {
    const earlier = kept.findIndex((k) => isEditOf(clipping, k));
    if (earlier < 0) {
      kept.push(clipping);
      continue;
    }
    const older = kept[earlier];
    const newer = isNewer(clipping, older) ? clipping : older;
    const dropped = newer === clipping ? older : clipping;
    kept[earlier] = newer;
    result.skipped.push({
      line: dropped.line,
      reason: `an earlier version of the highlight at line ${newer.line}: the newest is kept`,
    });
  }
  const highlights = kept.map((c) => toHighlight(c, ''));
  const notesSeen = new Set<string>();
  for (const note of clippings.filter((c) => c.kind === 'note')) {
    // A device that synced twice repeats a note word for word.
    const key = `${note.start}\u0000${note.text}`;
    if (notesSeen.has(key)) {
      result.skipped.push({ line: note.line, reason: 'the same note again at the same place: kept once' });
      continue;
    }
    notesSeen.add(key);
    const index = noteTarget(note, kept);
    if (index < 0) highlights.push(toHighlight(note, note.text, ''));
    else highlights[index].note = highlights[index].note ? `${highlights[index].note}\n\n${note.text}` : note.text;
  }
  return highlights;
}

/**
 * The same passage highlighted again with a changed span (or repeated as it was): the locations
 * overlap and one text holds the other. Sharing a location is not enough: Kindle locations are
 * coarse, and two short highlights can sit in one.
 */
function isEditOf(a: Clipping, b: Clipping): boolean {
  const nested = a.text.includes(b.text) || b.text.includes(a.text);
  if (a.start === null || b.start === null || a.end === null || b.end === null) return a.text === b.text;
  return nested && a.start <= b.end && b.start <= a.end;
}

function isNewer(a: Clipping, b: Clipping): boolean {
  if (a.createdAt && b.createdAt && a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.line > b.line;
}

/** A note sits at its highlight's end location (or within it); the closest end wins. */
function noteTarget(note: Clipping, highlights: readonly Clipping[]): number {
  if (note.start === null) return -1;
  let best = -1;
  for (const [i, h] of highlights.entries()) {
    if (h.start === null || h.end === null || note.start < h.start || note.start > h.end) continue;
    if (best < 0 || Math.abs((highlights[best].end ?? 0) - note.start) > Math.abs(h.end - note.start)) best = i;
  }
  return best;
}

function toHighlight(clipping: Clipping, note: string, exact = clipping.text): ImportedHighlight {
  const where = [
    clipping.page ? `page ${clipping.page}` : null,
    clipping.start !== null
      ? `location ${clipping.start}${clipping.end !== clipping.start ? `-${clipping.end}` : ''}`
      : null,
  ].filter(Boolean);
  return {
    exact,
    note,
    color: null,
    createdAt: clipping.createdAt,
    labels: [],
    ...(where.length ? { locator: where.join(' · ') } : {}),
    source: { line: clipping.line },
  };
}
