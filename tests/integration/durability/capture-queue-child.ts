/**
 * Child process of the capture-queue crash test: enqueues the library's placeholder articles in
 * batches while the queue already captures them, printing a line once each batch is acknowledged
 * and once each page is captured. The parent kills it with SIGKILL in the middle.
 * Usage: node --import tsx capture-queue-child.ts <libraryDir> <items.json>
 */
import { readFile } from 'node:fs/promises';
import { OffprintCore } from '../../../electron/core/offprint-core';

const [dir, itemsPath] = process.argv.slice(2);
const items = JSON.parse(await readFile(itemsPath, 'utf8')) as { articleId: string; url: string }[];
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const core = await OffprintCore.open({
  libraryDir: dir,
  startCaptureQueue: true,
  captureQueue: { perOriginDelayMs: 0 },
  limits: { connectTimeoutMs: 2_000, totalTimeoutMs: 5_000, stallTimeoutMs: 2_000 },
});
core.onCaptured((id) => say({ type: 'captured', id }));
say({ type: 'ready' });
// Batches at the pace an import hands them over, so captures run while items are still being enqueued.
const BATCH = 20;
for (let i = 0; i < items.length; i += BATCH) {
  const batch = items.slice(i, i + BATCH);
  await core.enqueueCapture(batch);
  say({ type: 'enqueued', ids: batch.map((b) => b.articleId) });
  await new Promise((r) => setTimeout(r, 30));
}
await core.captureQueueIdle();
say({ type: 'idle' });
