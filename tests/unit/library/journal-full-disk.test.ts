/**
 * A full disk while appending to library.journal: the change fails with a "disk full" message, the
 * fragment is cut off, the next change starts on a clean line, and no acknowledged change is lost.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, parseJournal, type JournalFile, type JournalOp } from '../../../electron/core/library/journal';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { releaseLockForTests } from './release-lock';
import { saveSample } from './sample-article';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'offprint-journal-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const settingN = (op: JournalOp | undefined): unknown => (op?.op === 'settings' ? op.settings.n : undefined);
const settingsOp = (n: number, pad = 0): JournalOp => ({ op: 'settings', settings: { n, pad: 'x'.repeat(pad) } });

/** A real file handle whose writes fail the way a full disk makes them fail, when `fault` is set. */
async function faultyFile(path: string, fault: { mode: 'short' | 'enospc' | null }): Promise<JournalFile> {
  const handle = await open(path, 'a');
  return {
    write: (async (buffer: Buffer, offset = 0, length = buffer.length - offset) => {
      if (fault.mode === 'enospc')
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      if (fault.mode === 'short') {
        // The disk takes half of what is asked, then is full.
        const half = Math.max(1, Math.floor(length / 2));
        fault.mode = 'enospc';
        return handle.write(buffer, offset, half);
      }
      return handle.write(buffer, offset, length);
    }) as JournalFile['write'],
    datasync: () => handle.datasync(),
    sync: () => handle.sync(),
    truncate: (len) => handle.truncate(len),
    close: () => handle.close(),
  };
}

describe('Journal.append on a full disk (injected file handle)', () => {
  for (const mode of ['short', 'enospc'] as const) {
    it(`fails the change, trims the file and keeps every acknowledged line (${mode} write)`, async () => {
      const path = join(await tempDir(), 'library.journal');
      const fault: { mode: 'short' | 'enospc' | null } = { mode: null };
      const { journal } = await Journal.open(path, { openFile: (p) => faultyFile(p, fault) });
      await journal.append([settingsOp(1)]);
      const goodLength = (await stat(path)).size;

      fault.mode = mode;
      await expect(journal.append([settingsOp(2, 200)])).rejects.toThrow(/disk is full/i);
      expect((await stat(path)).size).toBe(goodLength);

      fault.mode = null;
      await journal.append([settingsOp(3)]);
      await journal.close();

      const read = parseJournal(await readFile(path, 'utf8'));
      expect(read.damagedLines).toBe(0);
      expect(read.tornBytes).toBe(0);
      expect(read.lines.map((l) => settingN(l.ops[0]))).toEqual([1, 3]);
    });
  }

  it('names the disk being full, not an error code', async () => {
    const path = join(await tempDir(), 'library.journal');
    const { journal } = await Journal.open(path, { openFile: (p) => faultyFile(p, { mode: 'enospc' }) });
    const error = await journal.append([settingsOp(1)]).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'disk-full' });
    expect((error as Error).message).not.toMatch(/^ENOSPC/);
    await journal.close();
  });
});

/** Mounts a small tmpfs (needs root); returns null with the reason when that is not possible. */
function mountTmpfs(dir: string, size: string): string | null {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount is not permitted here (${(error as Error).message.split('\n')[0]})`;
  }
}

describe('the library on a real full disk (small tmpfs)', () => {
  it('loses no acknowledged change, and the next change after freeing space is kept', async (context) => {
    const mountPoint = await tempDir();
    const why = mountTmpfs(mountPoint, '2m');
    if (why) {
      console.log(`skipped: ${why}`);
      context.skip();
    }
    cleanup.push(async () => {
      // Lazily: the crashed store's journal handle is still open.
      execFileSync('umount', ['-l', mountPoint]);
    });
    const dir = join(mountPoint, 'library');
    const store = await LibraryStore.open(dir, { compactJournalBytes: 1 << 30 });
    // Fill the disk, leaving a little room for the journal.
    const filler = join(mountPoint, 'filler');
    const handle = await open(filler, 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) await handle.write(block);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    await handle.truncate((await handle.stat()).size - 3 * 4096 - 1000);
    await handle.close();

    // Changes of ~3 KB, so that lines straddle the last free page and are written short.
    const acknowledged: number[] = [];
    let failure: Error | null = null;
    for (let n = 1; n <= 50 && !failure; n++) {
      try {
        await store.updateSettings(() => ({ n, pad: 'p'.repeat(3000) }));
        acknowledged.push(n);
      } catch (error) {
        failure = error as Error;
      }
    }
    expect(failure).not.toBeNull();
    expect(acknowledged.length).toBeGreaterThan(0);

    // Space is freed: the next change starts on a clean line.
    await rm(filler);
    await store.updateSettings(() => ({ n: 100, pad: '' }));
    acknowledged.push(100);

    // Crash without closing, then reopen: everything acknowledged is there, nothing damaged.
    releaseLockForTests(dir);
    await rm(join(dir, '.lock'), { force: true });
    const read = parseJournal(await readFile(join(dir, 'library.journal'), 'utf8'));
    expect(read.damagedLines).toBe(0);
    expect(read.tornBytes).toBe(0);
    expect(read.lines.map((l) => settingN(l.ops[0]))).toEqual(acknowledged);
    const reopened = await LibraryStore.open(dir);
    expect(reopened.settings()).toMatchObject({ n: 100 });
    expect(reopened.notices).toEqual([]);
    await reopened.close();
    expect(failure?.message).toMatch(/disk is full/i);
  });
});

describe('emptying the journal on a full disk', () => {
  it('keeps the journal whole and open for the next change when the emptied copy cannot be written', async () => {
    const dir = await tempDir();
    const asRoot = process.getuid?.() === 0 && !mountTmpfs(dir, '1m');
    if (asRoot) cleanup.push(async () => void execFileSync('umount', ['-l', dir]));
    const path = join(dir, 'library.journal');
    const { journal } = await Journal.open(path);
    await journal.append([settingsOp(1)]);
    // The emptied copy is written beside the journal, then renamed over it: make that fail.
    const release = asRoot ? await fillDisk(dir) : await denyWrites(dir);
    await expect(journal.reset()).rejects.toThrow();
    await release();
    await journal.append([settingsOp(2)]);
    await journal.close();
    const read = parseJournal(await readFile(path, 'utf8'));
    expect(read.lines.map((l) => settingN(l.ops[0]))).toEqual([1, 2]);
  });
});

/** Fills the filesystem at `dir` to the last byte; returns a function that frees it. */
async function fillDisk(dir: string): Promise<() => Promise<void>> {
  const filler = join(dir, 'filler');
  const handle = await open(filler, 'w');
  for (const size of [64 * 1024, 1]) {
    try {
      for (;;) await handle.write(Buffer.alloc(size, 1));
    } catch {
      // full at this grain
    }
  }
  await handle.close();
  return () => rm(filler);
}

async function denyWrites(dir: string): Promise<() => Promise<void>> {
  await chmod(dir, 0o555);
  return () => chmod(dir, 0o755);
}

describe('folding the journal in on a full disk', () => {
  it('does not fail a change that was saved, leaves no part-written copies, and keeps the change', async (context) => {
    const mountPoint = await tempDir();
    const why = mountTmpfs(mountPoint, '2m');
    if (why) {
      console.log(`skipped: ${why}`);
      return context.skip();
    }
    cleanup.push(async () => void execFileSync('umount', ['-l', mountPoint]));
    const dir = join(mountPoint, 'library');
    // Every change is folded in at once; the index is big enough that a copy of it does not fit.
    const store = await LibraryStore.open(dir, { compactJournalBytes: 1 });
    await store.updateSettings(() => ({ pad: 'p'.repeat(200_000) }));
    const { article } = await saveSample(store, { url: 'https://example.com/full' });
    const backups = await readdir(join(dir, 'backups'));
    const release = await fillDisk(mountPoint);
    await rm(join(mountPoint, 'filler')); // then leave room for a journal line, not for a snapshot
    const handle = await open(join(mountPoint, 'filler'), 'w');
    try {
      for (;;) await handle.write(Buffer.alloc(4096, 1));
    } catch {
      // full
    }
    await handle.truncate((await handle.stat()).size - 4 * 4096);
    await handle.close();

    // Saved, although the snapshot cannot be written.
    await store.updateArticle(article.id, () => ({ tags: ['Kept'] }));
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(join(dir, 'backups'))).toEqual(backups); // no part-copied one

    await release();
    releaseLockForTests(dir);
    await rm(join(dir, '.lock'), { force: true });
    const reopened = await LibraryStore.open(dir);
    expect(reopened.getArticle(article.id).tags).toEqual(['Kept']);
    expect(reopened.notices).toEqual([]);
    await reopened.close();
  });
});
