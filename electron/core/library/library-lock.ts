/**
 * Two processes writing one library would overwrite each other's index (and the second would then
 * sweep the first one's articles as orphans), so a library is opened for writing by one at a time.
 *
 * `.lock` holds its owner as JSON ({ pid, start, host }) and appears complete or not at all: the
 * owner is written to a temporary file first and hard-linked into place (link fails if `.lock`
 * exists). A lock whose owner no longer runs (or whose PID now belongs to a process started later)
 * is stale; it is taken over by whoever first creates `.lock.takeover-<inode>` for it, by an atomic
 * rename, and the lock is read back to confirm. A folder where no lock can be written (a read-only
 * or full disk) is opened read-only.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { describeFileError } from './file-errors';
import { LOCK_FILE } from './library-layout';

export interface LockOwner {
  pid: number;
  /** When the process started, as the system reports it (Linux: /proc/<pid>/stat field 22); null where unknown. */
  start: string | null;
  host: string;
}

export interface LibraryLock {
  /** Why the library could not be locked for writing (it is then open for reading only), or null. */
  readOnly: string | null;
  release(): Promise<void>;
}

/** An unreadable or empty lock younger than this may be an older Offprint still writing its PID. */
const UNREADABLE_GRACE_MS = 2_000;
const ATTEMPTS = 200;
/** Codes that mean "this folder cannot be written", not "something is broken". */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

const heldHere = new Set<string>();

export async function acquireLibraryLock(libraryDir: string): Promise<LibraryLock> {
  const lockPath = join(libraryDir, LOCK_FILE);
  if (heldHere.has(lockPath)) {
    throw new OffprintError('library-busy', `The library at ${libraryDir} is already open.`);
  }
  const me = JSON.stringify(await currentOwner());
  const temp = join(libraryDir, `${LOCK_FILE}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeComplete(temp, me);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (!CANNOT_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const holder = await inspect(lockPath);
    if (holder.kind === 'live') throw busy(libraryDir, lockPath, holder.owner);
    return { readOnly: describeFileError(error, libraryDir), release: async () => undefined };
  }
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await placeLock(temp, lockPath, me)) return held(lockPath, me);
      const holder = await inspect(lockPath);
      if (holder.kind === 'live') throw busy(libraryDir, lockPath, holder.owner);
      if (holder.kind === 'stale' && (await takeOver(lockPath, holder.ino, temp, me))) return held(lockPath, me);
      if (holder.kind !== 'gone') await pause(5 + Math.random() * 20);
    }
    throw new OffprintError('library-busy', `Could not lock the library at ${libraryDir}. Try again.`);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Creates `.lock` from the complete temp file, failing (false) if a lock is already there. */
async function placeLock(temp: string, lockPath: string, me: string): Promise<boolean> {
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') {
      // The holder's sweep of temporary files took ours: write it again for the next attempt.
      await writeComplete(temp, me);
      return false;
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  }
  // A filesystem without hard links (FAT, some network shares): exclusive copy, briefly incomplete.
  try {
    await copyFile(temp, lockPath, constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Replaces the stale lock (inode `staleIno`) with ours. Only the process that creates the takeover
 * marker for that inode may do so, and it checks again, holding the marker, that the lock is still
 * that stale one: so two takers can never both replace it, nor replace a lock just taken.
 */
async function takeOver(lockPath: string, staleIno: number, temp: string, me: string): Promise<boolean> {
  const marker = `${lockPath}.takeover-${staleIno}`;
  if (!(await placeLock(temp, marker, me))) {
    const other = await inspect(marker);
    // A taker that died while taking over: its marker would block everyone.
    if (other.kind === 'stale') await rm(marker, { force: true });
    return false;
  }
  try {
    const again = await inspect(lockPath);
    if (again.kind !== 'stale' || again.ino !== staleIno) return false;
    await rename(temp, lockPath);
    if ((await readFile(lockPath, 'utf8').catch(() => '')) === me) return true;
    throw new OffprintError('library-busy', `Could not lock the library (${lockPath} changed while taking it over).`);
  } finally {
    await rm(marker, { force: true });
  }
}

function held(lockPath: string, me: string): LibraryLock {
  heldHere.add(lockPath);
  return {
    readOnly: null,
    async release() {
      heldHere.delete(lockPath);
      // Only our own lock: a lock taken over from us (we were thought dead) is the new owner's.
      if ((await readFile(lockPath, 'utf8').catch(() => '')) === me) await rm(lockPath, { force: true });
    },
  };
}

type Holder =
  { kind: 'gone' } | { kind: 'live'; owner: LockOwner } | { kind: 'stale'; ino: number } | { kind: 'young' };

async function inspect(path: string): Promise<Holder> {
  let text: string;
  let ino: number;
  let modified: number;
  try {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      ino = stats.ino;
      modified = stats.mtimeMs;
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  const owner = parseOwner(text);
  if (!owner) return Date.now() - modified > UNREADABLE_GRACE_MS ? { kind: 'stale', ino } : { kind: 'young' };
  return (await isAlive(owner, modified)) ? { kind: 'live', owner } : { kind: 'stale', ino };
}

/** The owner in a lock file; an older Offprint wrote just the PID. */
export function parseOwner(text: string): LockOwner | null {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()), start: null, host: hostname() };
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
    return {
      pid: value.pid as number,
      start: typeof value.start === 'string' ? value.start : null,
      host: typeof value.host === 'string' ? value.host : hostname(),
    };
  } catch {
    return null;
  }
}

async function isAlive(owner: LockOwner, lockWrittenAt: number): Promise<boolean> {
  // Another machine's process (a shared folder) cannot be checked from here: assume it runs.
  if (owner.host !== hostname()) return true;
  // This process does not hold it (heldHere): a lock this process left behind, e.g. before a crash it survived.
  if (owner.pid === process.pid) return false;
  if (!isRunning(owner.pid)) return false;
  const started = await processStart(owner.pid);
  if (!started) return true;
  if (owner.start) return owner.start === started.id;
  // An older lock without a start time: a process started after the lock was written is not its owner.
  return started.at === null || started.at <= lockWrittenAt + 1_000;
}

export async function currentOwner(): Promise<LockOwner> {
  return { pid: process.pid, start: (await processStart(process.pid))?.id ?? null, host: hostname() };
}

/**
 * When a process started: `id` identifies the start exactly (compared for equality), `at` is the
 * wall-clock time in ms where it can be worked out. Linux only; elsewhere null (the PID alone is checked).
 */
async function processStart(pid: number): Promise<{ id: string; at: number | null } | null> {
  if (process.platform !== 'linux') return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may contain spaces and parentheses: count from the last ')'.
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    if (!ticks || !/^\d+$/.test(ticks)) return null;
    return { id: ticks, at: await bootTime().then((boot) => (boot === null ? null : boot + Number(ticks) * 10)) };
  } catch {
    return null;
  }
}

let boot: Promise<number | null> | null = null;
/** Boot time in ms (/proc/stat btime); start ticks are USER_HZ, which is 100 on every Linux Node runs on. */
function bootTime(): Promise<number | null> {
  boot ??= readFile('/proc/stat', 'utf8').then(
    (text) => {
      const match = /^btime (\d+)$/m.exec(text);
      return match ? Number(match[1]) * 1000 : null;
    },
    () => null,
  );
  return boot;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function writeComplete(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
}

function busy(libraryDir: string, lockPath: string, owner: LockOwner): OffprintError {
  const who = owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
  return new OffprintError(
    'library-busy',
    `The library at ${libraryDir} is in use by another Offprint (${who}). Close it and try again ` +
      `(if no Offprint is running, delete ${lockPath}).`,
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** For tests that simulate a crashed process: this process no longer counts as holding the lock. */
export function forgetLockForTests(lockPath: string): void {
  heldHere.delete(lockPath);
}
