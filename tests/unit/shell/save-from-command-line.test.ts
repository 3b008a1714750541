import { describe, expect, it } from 'vitest';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, CaptureProgress } from '@shared/model';
import { saveFromCommandLine, type SavingCore } from '../../../electron/main/save-from-command-line';

const URL_TO_SAVE = 'https://example.com/story';

function fakeCore(save: (emit: (p: CaptureProgress) => void) => Promise<void>): SavingCore & { listeners: number } {
  const listeners = new Set<(p: CaptureProgress) => void>();
  const core = {
    get listeners() {
      return listeners.size;
    },
    onCaptureProgress(listener: (p: CaptureProgress) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async saveUrl(url: string) {
      await save((p) => listeners.forEach((l) => l(p)));
      return { article: { id: 'a1', url } as ArticleMeta, existed: false };
    },
  };
  return core;
}

describe('saveFromCommandLine', () => {
  it('leaves reporting to the core when it reports the outcome itself', async () => {
    const told: CaptureProgress[] = [];
    const core = fakeCore(async (emit) => emit({ url: URL_TO_SAVE, stage: 'done' }));
    const result = await saveFromCommandLine(core, URL_TO_SAVE, (p) => told.push(p));
    expect(result?.article.id).toBe('a1');
    expect(told).toEqual([]);
    expect(core.listeners).toBe(0);
  });

  it('tells the window the outcome when the core said nothing (an already saved page)', async () => {
    const told: CaptureProgress[] = [];
    await saveFromCommandLine(
      fakeCore(async () => undefined),
      URL_TO_SAVE,
      (p) => told.push(p),
    );
    expect(told).toEqual([{ url: URL_TO_SAVE, stage: 'done' }]);
  });

  it('tells the window why saving failed, without throwing', async () => {
    const told: CaptureProgress[] = [];
    const core = fakeCore(async () => {
      throw new OffprintError('http-error', 'That page answered 500 Internal Server Error.');
    });
    expect(await saveFromCommandLine(core, URL_TO_SAVE, (p) => told.push(p))).toBeNull();
    expect(told).toEqual([
      { url: URL_TO_SAVE, stage: 'failed', message: 'That page answered 500 Internal Server Error.' },
    ]);
    expect(core.listeners).toBe(0);
  });
});
