/** Test helper: forget that this process holds a library's lock, as if the process holding it had died. */
import { join } from 'node:path';
import { forgetLockForTests } from '../../../electron/core/library/library-lock';

export function releaseLockForTests(libraryDir: string): void {
  forgetLockForTests(join(libraryDir, '.lock'));
}
