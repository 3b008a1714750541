/**
 * library.journal: the changes made since library.json was last written, one JSON line per
 * acknowledged change. A line holds whole records (not diffs), so replaying it twice, or over an
 * older snapshot, gives the same result. A write is acknowledged only after its line is fsync'd.
 *
 * The first line names the journal (`journal`, a random id kept for the life of the file) and the
 * sequence number it continues from; every change line carries the next number (`seq`). library.json
 * records the id and the last number folded into it, so a journal that went missing, was replaced,
 * or lost changes is noticed rather than silently taken as "no changes".
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import type { CaptureQueueItem } from '@shared/queue/capture-queue';
import type { ArticleMeta, Highlight } from '@shared/model';
import { syncFolder, writeAll, writeFileAtomic } from './write-file-atomic';

export type JournalOp =
  | { op: 'put-article'; article: ArticleMeta }
  /** Removes the article and its highlights for good (Trash emptied). */
  | { op: 'drop-article'; id: string }
  | { op: 'put-highlight'; highlight: Highlight }
  | { op: 'drop-highlight'; id: string }
  | { op: 'progress'; id: string; progress: number; readAt: string | null }
  | { op: 'settings'; settings: Record<string, unknown> }
  /** Capture-queue items, whole (added or changed); see docs/LIBRARY-FORMAT.md. */
  | { op: 'queue-put'; items: CaptureQueueItem[] }
  | { op: 'queue-drop'; ids: string[] }
  | { op: 'queue-paused'; paused: boolean };

export interface JournalLine {
  ops: JournalOp[];
  /** This change's sequence number (lines written by older builds have none). */
  seq?: number;
  /** Only in the first line: the journal's id; its `seq` is the number the changes continue from. */
  journal?: string;
}

/** Which journal a snapshot has folded in, and up to which change. */
export interface JournalPosition {
  id: string;
  seq: number;
}

export interface JournalRead {
  /** Whether library.journal was there at all. */
  existed: boolean;
  /** The first line's id and starting number; null for a missing, empty or older journal. */
  header: JournalPosition | null;
  /** The changes, without the header. */
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
  /** Length of the file up to its last good line. */
  #length: number;
  #headerBytes: number;
  #id: string | null;
  #seq: number;
  /** A failed append could not be trimmed off: the next one trims first, so it starts on a clean line. */
  #dirty = false;

  private constructor(
    readonly path: string,
    private handle: JournalFile,
    private readonly openFile: (path: string) => Promise<JournalFile>,
    length: number,
    read: JournalRead,
    headerBytes: number,
  ) {
    this.#length = length;
    this.#headerBytes = headerBytes;
    this.#id = read.header?.id ?? null;
    this.#seq = Math.max(read.header?.seq ?? 0, ...read.lines.map((l) => l.seq ?? 0));
  }

  /** Reads the journal without changing it (for a library open read-only). */
  static async read(path: string): Promise<JournalRead> {
    const raw = await readJournalText(path);
    return parseJournal(raw ?? '', raw !== null);
  }

  /** Reads the journal, cuts off a torn last line, and opens it for appending. */
  static async open(
    path: string,
    { openFile = (p) => open(p, 'a') }: JournalOpenOptions = {},
  ): Promise<{ journal: Journal; read: JournalRead }> {
    const raw = await readJournalText(path);
    const read = parseJournal(raw ?? '', raw !== null);
    const goodBytes = Buffer.byteLength(raw ?? '', 'utf8') - read.tornBytes;
    if (read.tornBytes > 0) await truncate(path, goodBytes);
    const handle = await openFile(path);
    const headerBytes = read.header ? Buffer.byteLength(raw!.slice(0, raw!.indexOf('\n') + 1), 'utf8') : 0;
    const journal = new Journal(path, handle, openFile, goodBytes, read, headerBytes);
    // A new (or emptied) journal gets its name at once; one from an older build keeps its lines until folded in.
    if (read.header === null && read.lines.length === 0 && read.damagedLines === 0) await journal.reset();
    return { journal, read };
  }

  /** Bytes of changes not yet folded into library.json. */
  get bytes(): number {
    return this.#length - this.#headerBytes;
  }

  /** This journal and its last change, for the snapshot that folds it in (an older build's journal is named now). */
  get position(): JournalPosition {
    this.#id ??= randomBytes(8).toString('hex');
    return { id: this.#id, seq: this.#seq };
  }

  /**
   * Appends one line and makes it durable; resolves only then (the acknowledgement). A write that
   * does not complete (a full disk writes short, then fails) fails the change and is cut off again,
   * so no fragment is left for the next line to be glued onto.
   */
  async append(ops: JournalOp[]): Promise<void> {
    const seq = this.#seq + 1;
    const line = Buffer.from(`${JSON.stringify({ seq, ops } satisfies JournalLine)}\n`, 'utf8');
    if (this.#dirty) await this.#trim();
    try {
      await writeAll(this.handle, line);
      await this.handle.datasync();
    } catch (error) {
      this.#dirty = true;
      await this.#trim().catch(() => undefined);
      throw journalWriteError(error);
    }
    this.#length += line.length;
    this.#seq = seq;
  }

  /** Cuts the file back to its last acknowledged line. */
  async #trim(): Promise<void> {
    await this.handle.truncate(this.#length);
    await this.handle.datasync();
    this.#dirty = false;
  }

  /**
   * Empties the journal once library.json holds everything in it, keeping its id and numbering.
   * The emptied journal replaces the old one whole (temp file, rename): a journal is never found
   * without its first line, so an empty one means it was emptied by something else.
   */
  async reset(): Promise<void> {
    const { id, seq } = this.position;
    const header = `${JSON.stringify({ journal: id, seq, ops: [] } satisfies JournalLine)}\n`;
    await this.handle.close();
    try {
      await writeFileAtomic(this.path, header);
    } finally {
      // Emptied or not (a full disk), the journal stays open for the next change.
      this.handle = await this.openFile(this.path);
    }
    await syncFolder(dirname(this.path));
    this.#length = this.#headerBytes = Buffer.byteLength(header, 'utf8');
    this.#dirty = false;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** The journal's text, or null when there is no journal file. */
const readJournalText = (path: string): Promise<string | null> =>
  readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
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

export function parseJournal(raw: string, existed = raw !== ''): JournalRead {
  const end = raw.lastIndexOf('\n') + 1;
  const tornBytes = Buffer.byteLength(raw.slice(end), 'utf8');
  const lines: JournalLine[] = [];
  let header: JournalPosition | null = null;
  let damagedLines = 0;
  for (const [index, text] of raw.slice(0, end).split('\n').entries()) {
    if (!text.trim()) continue;
    try {
      const line = JSON.parse(text) as JournalLine;
      if (!line || !Array.isArray(line.ops)) throw new Error('not a journal line');
      if (index === 0 && typeof line.journal === 'string' && Number.isInteger(line.seq)) {
        header = { id: line.journal, seq: line.seq! };
      } else {
        lines.push(line);
      }
    } catch {
      damagedLines += 1;
    }
  }
  return { existed, header, lines, tornBytes, damagedLines };
}
