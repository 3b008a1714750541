import { describe, expect, it } from 'vitest';
import { memoryCaptureQueue, type CaptureRequest } from '../../../electron/core/import/capture-queue';

const requests = (n: number): CaptureRequest[] =>
  Array.from({ length: n }, (_, i) => ({ articleId: `a${i}`, url: `https://example.com/${i}` }));

describe('memoryCaptureQueue (the default until the persistent capture queue plugs in)', () => {
  it('captures every request, at most `concurrency` at once, and settles when all were tried', async () => {
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const queue = memoryCaptureQueue(
      async ({ articleId }) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (articleId === 'a3') throw new Error('gone');
        done.push(articleId);
      },
      { concurrency: 3 },
    );
    queue.enqueueCapture(requests(10));
    queue.enqueueCapture([{ articleId: 'late', url: 'https://example.com/late' }]);
    await queue.idle();
    expect(most).toBe(3);
    expect(done.sort()).toEqual(
      [
        ...requests(10)
          .map((r) => r.articleId)
          .filter((id) => id !== 'a3'),
        'late',
      ].sort(),
    );
  });

  it('is idle at once when nothing was handed in', async () => {
    const queue = memoryCaptureQueue(async () => {
      throw new Error('never called');
    });
    queue.enqueueCapture([]);
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
