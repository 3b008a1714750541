/**
 * library.journal: the changes made since library.json was last written, one JSON line per
 * acknowledged change. A line holds whole records (not diffs), so replaying it twice, or over an
 * older snapshot, gives the same result. A write is acknowledged only after its line is fsync'd.
 */
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { OffprintError } from '@shared/ipc/envelope';
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

/** What the journal needs of an open file; tests pass one that fails the way a full disk does. */
export type JournalFile = Pick<FileHandle, 'write' | 'datasync' | 'sync' | 'truncate' | 'close'>;

export interface JournalOpenOptions {
  openFile?: (path: string) => Promise<JournalFile>;
}

export class Journal {
  #bytes: number;
  /** A failed append could not be trimmed off: the next one trims first, so it starts on a clean line. */
  #dirty = false;

  private constructor(
    readonly path: string,
    private handle: JournalFile,
    bytes: number,
  ) {
    this.#bytes = bytes;
  }

  /** Reads the journal without changing it (for a library open read-only). */
  static async read(path: string): Promise<JournalRead> {
    return parseJournal(await readJournalText(path));
  }

  /** Reads the journal, cuts off a torn last line, and opens it for appending. */
  static async open(
    path: string,
    { openFile = (p) => open(p, 'a') }: JournalOpenOptions = {},
  ): Promise<{ journal: Journal; read: JournalRead }> {
    const raw = await readJournalText(path);
    const read = parseJournal(raw);
    const goodBytes = Buffer.byteLength(raw, 'utf8') - read.tornBytes;
    if (read.tornBytes > 0) await truncate(path, goodBytes);
    const handle = await openFile(path);
    return { journal: new Journal(path, handle, goodBytes), read };
  }

  /** Bytes of changes not yet folded into library.json. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Appends one line and makes it durable; resolves only then (the acknowledgement). A write that
   * does not complete (a full disk writes short, then fails) fails the change and is cut off again,
   * so no fragment is left for the next line to be glued onto.
   */
  async append(ops: JournalOp[]): Promise<void> {
    const line = Buffer.from(`${JSON.stringify({ ops } satisfies JournalLine)}\n`, 'utf8');
    if (this.#dirty) await this.#trim();
    try {
      let written = 0;
      while (written < line.length) {
        const { bytesWritten } = await this.handle.write(line, written, line.length - written);
        if (bytesWritten <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'ENOSPC' });
        written += bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      this.#dirty = true;
      await this.#trim().catch(() => undefined);
      throw journalWriteError(error);
    }
    this.#bytes += line.length;
  }

  /** Cuts the file back to its last acknowledged line. */
  async #trim(): Promise<void> {
    await this.handle.truncate(this.#bytes);
    await this.handle.datasync();
    this.#dirty = false;
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

const readJournalText = (path: string): Promise<string> =>
  readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });

function journalWriteError(error: unknown): OffprintError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new OffprintError(
      'disk-full',
      'The disk is full, so the change was not saved. Free some space on the disk that holds the library and try again.',
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new OffprintError(
    'library-write-failed',
    `The change was not saved: the library journal could not be written (${detail}).`,
  );
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
