import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { LOCK_FILE } from './library-layout';

const heldHere = new Set<string>();

/**
 * Two processes writing one library would overwrite each other's index (and the second
 * would then sweep the first one's articles as orphans), so a library is opened by one at a time.
 * A lock left by a process that no longer runs is taken over.
 */
export async function acquireLibraryLock(libraryDir: string): Promise<() => Promise<void>> {
  const lockPath = join(libraryDir, LOCK_FILE);
  if (heldHere.has(lockPath)) {
    throw new OffprintError('library-busy', `The library at ${libraryDir} is already open.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(lockPath);
      return async () => {
        heldHere.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new OffprintError(
          'library-busy',
          `The library at ${libraryDir} is in use by another Offprint (process ${owner}). Close it and try again ` +
            `(if no Offprint is running, delete ${lockPath}).`,
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new OffprintError('library-busy', `Could not lock the library at ${libraryDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** For tests that simulate a crashed process: this process no longer counts as holding the lock. */
export function forgetLockForTests(lockPath: string): void {
  heldHere.delete(lockPath);
}
