/**
 * Child process of the capture-queue crash test: enqueues the library's placeholder articles in
 * batches while the queue already captures them, printing a line once each batch is acknowledged
 * and once each page is captured. The parent kills it with SIGKILL in the middle.
 * Usage: node --import tsx capture-queue-child.ts <libraryDir> <items.json>
 */
import { readFile } from 'node:fs/promises';
import { openCapturingCore, say } from '../../support/crash-child';

const [dir, itemsPath] = process.argv.slice(2);
const items = JSON.parse(await readFile(itemsPath, 'utf8')) as { articleId: string; url: string }[];

const core = await openCapturingCore(dir);
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
