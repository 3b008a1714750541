/**
 * Child process of the import crash test: imports a Pocket CSV with the capture queue working,
 * printing a line once the import is recorded and once each page is captured. The parent kills it
 * with SIGKILL in the middle of the captures.
 * Usage: node --import tsx import-child.ts <libraryDir> <export.csv>
 */
import { OffprintCore } from '../../../electron/core/offprint-core';

const [dir, csvPath] = process.argv.slice(2);
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const core = await OffprintCore.open({
  libraryDir: dir,
  startCaptureQueue: true,
  captureQueue: { perOriginDelayMs: 0 },
  limits: { connectTimeoutMs: 2_000, totalTimeoutMs: 5_000, stallTimeoutMs: 2_000 },
});
core.onCaptured((id) => say({ type: 'captured', id }));
const summary = await core.importPath(csvPath);
say({ type: 'imported', added: summary.added, queued: summary.queued });
await core.captureQueueIdle();
say({ type: 'idle' });
