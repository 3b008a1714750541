/**
 * Reading and writing library.json (the snapshot) and its rotating backups.
 * The snapshot is written through lowdb (temp file, fsync, rename) before the journal is emptied;
 * it is read by readSnapshot, not lowdb, because a read must check and migrate the file first.
 */
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { OffprintError } from '@shared/ipc/envelope';
import type { Highlight } from '@shared/model';
import { HighlightTableBuilder, type HighlightSummary } from './highlight-summary';
import { checkIndex, emptyIndex, isObject, type LibraryIndex } from './library-index';
import { backupsDir, indexPath, INDEX_FILE } from './library-layout';
import { planMigrations, runMigrations, type Schema } from './migrations';
import { syncFolder, writeAll } from './write-file-atomic';

export const KEEP_BACKUPS = 3;
const BACKUP = /^library-(\d+)\.json$/;

/** A snapshot's highlights when they were read a line at a time rather than into the index (see LibraryState.from). */
export interface SnapshotHighlights {
  base: string;
  summaries: Map<string, HighlightSummary>;
  kept: Map<string, Highlight[]>;
}

export type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'ok'; index: LibraryIndex; migratedFrom: number | null; highlights?: SnapshotHighlights }
  | { kind: 'bad'; detail: string };

const CHUNK = 500;

/**
 * lowdb's adapter for library.json. Unlike lowdb's JSONFile it writes compact JSON in chunks
 * (a 20,000-article index is 40+ MB: one JSON.stringify of it would double the process's memory
 * for a moment) and fsyncs before the rename, as steno does not. The file is the same JSON.
 */
export class SnapshotFile implements Adapter<LibraryIndex> {
  /** Highlights written after the index's own list, as JSON text one each (set by writeSnapshot). */
  moreHighlights: (() => AsyncIterable<string>) | null = null;

  constructor(readonly path: string) {}

  async read(): Promise<LibraryIndex | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as LibraryIndex;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(data: LibraryIndex): Promise<void> {
    // The same temporary name steno uses, so a leftover is swept the same way.
    const temp = join(dirname(this.path), `.${basename(this.path)}.tmp`);
    try {
      const handle = await open(temp, 'w');
      try {
        const { articles, highlights, ...rest } = data;
        const journal = rest.journal ? `"journal":${JSON.stringify(rest.journal)},` : '';
        const queue = rest.captureQueue ? `"captureQueue":${JSON.stringify(rest.captureQueue)},` : '';
        await writeAll(
          handle,
          `{"schemaVersion":${JSON.stringify(rest.schemaVersion)},${journal}${queue}"settings":${JSON.stringify(rest.settings)},"articles":[\n`,
        );
        await writeList(handle, articles);
        await writeAll(handle, '\n],"highlights":[\n');
        await writeList(handle, highlights);
        if (this.moreHighlights) await writeLines(handle, this.moreHighlights(), highlights.length > 0);
        await writeAll(handle, '\n]}\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
    } catch (error) {
      // A part-written copy would only take up the space a full disk lacks.
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}

async function writeList(handle: Awaited<ReturnType<typeof open>>, items: readonly unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    // One entry a line: still plain JSON, and readable a line at a time (see readSnapshotText).
    const chunk = items.slice(i, i + CHUNK).map((item) => JSON.stringify(item));
    await writeAll(handle, `${i > 0 ? ',\n' : ''}${chunk.join(',\n')}`);
  }
}

async function writeLines(
  handle: Awaited<ReturnType<typeof open>>,
  lines: AsyncIterable<string>,
  after: boolean,
): Promise<void> {
  let chunk: string[] = [];
  let first = !after;
  for await (const line of lines) {
    chunk.push(line);
    if (chunk.length === CHUNK) {
      await writeAll(handle, `${first ? '' : ',\n'}${chunk.join(',\n')}`);
      first = false;
      chunk = [];
    }
  }
  if (chunk.length > 0) await writeAll(handle, `${first ? '' : ',\n'}${chunk.join(',\n')}`);
}

export const openSnapshotDb = (libraryDir: string): Low<LibraryIndex> =>
  new Low<LibraryIndex>(new SnapshotFile(indexPath(libraryDir)), emptyIndex());

/**
 * Reads and checks a snapshot file, migrating it in memory when it is older than `schema`.
 * `beforeMigrating` runs first (the store backs the file up there). A newer format is refused.
 */
export async function readSnapshot(
  path: string,
  schema: Schema,
  libraryDir: string,
  beforeMigrating: (version: number) => Promise<void> = async () => undefined,
  /**
   * Summarize the highlights instead of returning them, keeping whole only those of these articles
   * (a file laid out otherwise, or of an older format, still gives them all).
   */
  summarize?: { keep: ReadonlySet<string> },
): Promise<SnapshotRead> {
  let raw: unknown;
  let table: HighlightTableBuilder | null = null;
  try {
    raw = await readByLines(path, (header) => {
      table = summarize && header.schemaVersion === schema.version ? new HighlightTableBuilder(summarize.keep) : null;
      return table;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', detail: `it cannot be read (${reason(error)})` };
  }
  if (raw === undefined) {
    table = null;
    // Written before one entry a line (or by hand): read whole.
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'bad', detail: `it cannot be read (${reason(error)})` };
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { kind: 'bad', detail: text.trim() === '' ? 'it is empty' : `it is not valid JSON (${reason(error)})` };
    }
  }
  const version = isObject(raw) ? raw.schemaVersion : undefined;
  if (
    isObject(raw) &&
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= 1 &&
    version < schema.version
  ) {
    const plan = planMigrations(version, schema);
    await beforeMigrating(version);
    raw = await runMigrations(raw, plan, { libraryDir });
  }
  const checked = checkIndex(raw, schema.version);
  if (checked.ok) {
    const migratedFrom = typeof version === 'number' && version < schema.version ? version : null;
    const built = table as HighlightTableBuilder | null;
    return {
      kind: 'ok',
      index: checked.index,
      migratedFrom,
      ...(built ? { highlights: { base: path, summaries: built.summaries(), kept: built.kept } } : {}),
    };
  }
  if (checked.reason === 'too-new') {
    throw new OffprintError(
      'library-too-new',
      `The library at ${libraryDir} was written by a newer Offprint (format ${checked.version}). Update Offprint to open it.`,
    );
  }
  return { kind: 'bad', detail: checked.detail };
}

const LIST_START = /"articles":\[$/;

/**
 * Reads a snapshot written one entry a line, a line at a time: a 100,000-article library.json is
 * over 200 MB, and reading it into one string before parsing it would double what it costs to open.
 * Undefined when the file is not laid out that way (an older or hand-written file, or a damaged
 * one): it is then read whole, which tells a damaged file from a good one as before.
 */
async function readByLines(
  path: string,
  tableFor: (header: Record<string, unknown>) => HighlightTableBuilder | null,
): Promise<unknown> {
  const handle = await open(path, 'r');
  let table: HighlightTableBuilder | null = null;
  const lines = handle.readLines({ encoding: 'utf8' });
  try {
    let header: Record<string, unknown> | null = null;
    const articles: unknown[] = [];
    const highlights: unknown[] = [];
    let list: unknown[] | null = null;
    let ended = false;
    for await (const line of lines) {
      if (ended) {
        if (line.trim() !== '') return undefined;
      } else if (header === null) {
        if (!LIST_START.test(line)) return undefined;
        header = JSON.parse(`${line}]}`) as Record<string, unknown>;
        table = tableFor(header);
        list = articles;
      } else if (line === '],"highlights":[' && list === articles) {
        list = highlights;
      } else if (line === ']}' && list === highlights) {
        ended = true;
      } else if (line === '') {
        continue; // an empty list
      } else if (list === highlights && table) {
        const highlight: unknown = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
        // A malformed one: the whole-file read tells what is wrong, as checkIndex does.
        if (!isObject(highlight) || typeof highlight.id !== 'string' || typeof highlight.articleId !== 'string')
          return undefined;
        table.add(highlight as unknown as Highlight);
      } else if (list !== null) {
        list.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
      }
    }
    if (!ended || header === null) return undefined;
    return { ...header, articles, highlights };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    return undefined; // a line that does not parse: let the whole-file read say what is wrong
  } finally {
    lines.close();
    await handle.close().catch(() => undefined);
  }
}

/** Writes the snapshot and makes it durable (the journal is emptied only after this). */
export async function writeSnapshot(
  db: Low<LibraryIndex>,
  libraryDir: string,
  index: LibraryIndex,
  moreHighlights: (() => AsyncIterable<string>) | null = null,
): Promise<void> {
  db.data = index;
  const file = db.adapter as SnapshotFile;
  file.moreHighlights = moreHighlights;
  try {
    await db.write();
  } finally {
    file.moreHighlights = null;
    // The index is not kept twice: the store holds it.
    db.data = emptyIndex(index.schemaVersion);
  }
  await syncFolder(libraryDir);
}

const HIGHLIGHTS_START = '],"highlights":[';

/**
 * The highlights of a snapshot written one entry a line, as the JSON text of each, read a line at
 * a time. Throws when the file is not laid out that way.
 */
export async function* snapshotHighlightLines(path: string): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  const lines = handle.readLines({ encoding: 'utf8' });
  try {
    let inList = false;
    let ended = false;
    for await (const line of lines) {
      if (!inList) {
        inList = line === HIGHLIGHTS_START;
      } else if (line === ']}') {
        ended = true;
        break;
      } else if (line !== '') {
        yield line.endsWith(',') ? line.slice(0, -1) : line;
      }
    }
    if (!ended) throw new Error(`${path} is not laid out one entry a line`);
  } finally {
    lines.close();
    await handle.close().catch(() => undefined);
  }
}

const HIGHLIGHT_HEAD = /^\{"id":"([^"\\]*)","articleId":"([^"\\]*)"/;

/** A highlight line's id and article, read without parsing the rest when it was written by JSON.stringify. */
export function highlightLineIds(line: string): { id: string; articleId: string } {
  const head = HIGHLIGHT_HEAD.exec(line);
  if (head) return { id: head[1], articleId: head[2] };
  const value = JSON.parse(line) as { id?: unknown; articleId?: unknown };
  return { id: String(value.id), articleId: String(value.articleId) };
}

/** The highlights of the given articles in a snapshot written one entry a line (a slow path: it reads the whole file). */
export async function readSnapshotHighlights(
  path: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, Highlight[]>> {
  const found = new Map<string, Highlight[]>();
  for await (const line of snapshotHighlightLines(path)) {
    if (!ids.has(highlightLineIds(line).articleId)) continue;
    const highlight = JSON.parse(line) as Highlight;
    found.set(highlight.articleId, [...(found.get(highlight.articleId) ?? []), highlight]);
  }
  return found;
}

/** Copies the current (known good) library.json into backups/, keeping the newest KEEP_BACKUPS. */
export async function rotateBackup(libraryDir: string, now: number): Promise<void> {
  const dir = backupsDir(libraryDir);
  await mkdir(dir, { recursive: true });
  const names = await backupNames(libraryDir);
  const stamp = Math.max(now, ...names.map((n) => Number(BACKUP.exec(n)![1]) + 1));
  const backup = join(dir, `library-${String(stamp).padStart(13, '0')}.json`);
  await copyFile(indexPath(libraryDir), backup).catch(async (error: unknown) => {
    await rm(backup, { force: true }).catch(() => undefined); // a part-copied backup is no backup
    throw error;
  });
  for (const old of (await backupNames(libraryDir)).slice(KEEP_BACKUPS)) await rm(join(dir, old), { force: true });
}

/** Keeps a copy of library.json as it was before a migration (never rotated away). */
export async function backupBeforeMigration(libraryDir: string, version: number, now: Date): Promise<string> {
  const dir = backupsDir(libraryDir);
  await mkdir(dir, { recursive: true });
  const name = `pre-migration-v${version}-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  await copyFile(indexPath(libraryDir), join(dir, name));
  return name;
}

/** Rotating backups, newest first. */
export async function backupNames(libraryDir: string): Promise<string[]> {
  const names = await readdir(backupsDir(libraryDir)).catch(() => [] as string[]);
  return names
    .filter((n) => BACKUP.test(n))
    .sort()
    .reverse();
}

/** Every backup (rotating and pre-migration) as a path, newest first. */
export async function allBackups(libraryDir: string): Promise<string[]> {
  const dir = backupsDir(libraryDir);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const dated = await Promise.all(
    names.map(async (n) => ({ path: join(dir, n), at: (await stat(join(dir, n))).mtimeMs })),
  );
  return dated.sort((a, b) => b.at - a.at).map((d) => d.path);
}

export const corruptName = (now: Date): string => `${INDEX_FILE}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
