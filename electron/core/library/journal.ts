/**
 * library.journal: the changes made since library.json was last written, one JSON line per
 * acknowledged change. A line holds whole records (not diffs), so replaying it twice, or over an
 * older snapshot, gives the same result. A write is acknowledged only after its line is fsync'd.
 */
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import type { ArticleMeta, Highlight } from '@shared/model';

export type JournalOp =
  | { op: 'put-article'; article: ArticleMeta }
  /** Removes the article and its highlights for good (Trash emptied). */
  | { op: 'drop-article'; id: string }
  | { op: 'put-highlight'; highlight: Highlight }
  | { op: 'drop-highlight'; id: string }
  | { op: 'progress'; id: string; progress: number; readAt: string | null }
  | { op: 'settings'; settings: Record<string, unknown> };

export interface JournalLine {
  ops: JournalOp[];
}

export interface JournalRead {
  lines: JournalLine[];
  /** A torn last line (the process died while appending it): never acknowledged, discarded. */
  tornBytes: number;
  /** Complete lines that do not parse (disk damage): skipped. */
  damagedLines: number;
}

export class Journal {
  #bytes: number;

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    bytes: number,
  ) {
    this.#bytes = bytes;
  }

  /** Reads the journal, cuts off a torn last line, and opens it for appending. */
  static async open(path: string): Promise<{ journal: Journal; read: JournalRead }> {
    const raw = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const read = parseJournal(raw);
    const goodBytes = Buffer.byteLength(raw, 'utf8') - read.tornBytes;
    if (read.tornBytes > 0) await truncate(path, goodBytes);
    const handle = await open(path, 'a');
    return { journal: new Journal(path, handle, goodBytes), read };
  }

  /** Bytes of changes not yet folded into library.json. */
  get bytes(): number {
    return this.#bytes;
  }

  async append(ops: JournalOp[]): Promise<void> {
    const line = `${JSON.stringify({ ops } satisfies JournalLine)}\n`;
    await this.handle.write(line);
    await this.handle.datasync();
    this.#bytes += Buffer.byteLength(line, 'utf8');
  }

  /** Empties the journal once library.json holds everything in it. */
  async reset(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.#bytes = 0;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

export function parseJournal(raw: string): JournalRead {
  const end = raw.lastIndexOf('\n') + 1;
  const tornBytes = Buffer.byteLength(raw.slice(end), 'utf8');
  const lines: JournalLine[] = [];
  let damagedLines = 0;
  for (const text of raw.slice(0, end).split('\n')) {
    if (!text.trim()) continue;
    try {
      const line = JSON.parse(text) as JournalLine;
      if (!line || !Array.isArray(line.ops)) throw new Error('not a journal line');
      lines.push(line);
    } catch {
      damagedLines += 1;
    }
  }
  return { lines, tornBytes, damagedLines };
}
