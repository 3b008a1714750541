/**
 * A process that opens libraries' locks when told to, for the lock race test. Reads lines from
 * stdin: "go <dir> <startAtMs>" tries to take the lock at that moment and answers "held" or
 * "busy <code>"; "open <dir> <startAtMs>" does the same by opening the library (a real store);
 * "release" lets go of it (closing the store) and answers "released".
 */
import { createInterface } from 'node:readline';
import { acquireLibraryLock } from '../../../electron/core/library/library-lock';
import { LibraryStore } from '../../../electron/core/library/library-store';

type Acquired = Awaited<ReturnType<typeof acquireLibraryLock>>;
let release: (() => Promise<void>) | null = null;

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void (async () => {
    const [command, dir, at] = line.split(' ');
    if (command === 'go' || command === 'open') {
      while (Date.now() < Number(at)); // all starters go at the same moment
      try {
        if (command === 'open') {
          const store = await LibraryStore.open(dir!);
          await store.updateSettings(() => ({ savedBy: process.pid }));
          release = () => store.close();
        } else {
          const lock: Acquired | (() => Promise<void>) = await acquireLibraryLock(dir!);
          // An older build returned the release function itself.
          release = typeof lock === 'function' ? lock : lock.release;
        }
        process.stdout.write('held\n');
      } catch (error) {
        process.stdout.write(`busy ${(error as { code?: string }).code ?? String(error)}\n`);
      }
    } else if (command === 'release') {
      await release?.();
      release = null;
      process.stdout.write('released\n');
    }
  })();
});
process.stdout.write('ready\n');
