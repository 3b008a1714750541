/**
 * Child process of the import crash test: imports a Pocket CSV with the capture queue working,
 * printing a line once the import is recorded and once each page is captured. The parent kills it
 * with SIGKILL in the middle of the captures.
 * Usage: node --import tsx import-child.ts <libraryDir> <export.csv>
 */
import { openCapturingCore, say } from '../../support/crash-child';

const [dir, csvPath] = process.argv.slice(2);

const core = await openCapturingCore(dir);
const summary = await core.importPath(csvPath);
say({ type: 'imported', added: summary.added, queued: summary.queued });
await core.captureQueueIdle();
say({ type: 'idle' });
