import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InvokeApi } from '@shared/ipc/contract';
import { checkLocalPagePath, withLocalPageCheck } from '../../../electron/main/policy/local-page-path';

const dir = mkdtempSync(join(tmpdir(), 'offprint-local-page-'));
const page = join(dir, 'story.html');
writeFileSync(page, '<p>x</p>');
writeFileSync(join(dir, 'notes.txt'), 'x');
mkdirSync(join(dir, 'folder.html'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkLocalPagePath', () => {
  it('accepts an absolute path to an existing .html file', async () => {
    await expect(checkLocalPagePath(page)).resolves.toBe(page);
  });

  it.each([
    ['a relative path', 'story.html', 'invalid-path'],
    ['a NUL byte', `${page}\0.txt`, 'invalid-path'],
    ['not a string', 42, 'invalid-path'],
    ['another file type', join(dir, 'notes.txt'), 'unsupported-type'],
    ['a missing file', join(dir, 'gone.html'), 'not-found'],
    ['a folder named like a page', join(dir, 'folder.html'), 'not-found'],
  ])('refuses %s', async (_what, path, code) => {
    await expect(checkLocalPagePath(path)).rejects.toMatchObject({ code });
  });

  it('guards saveFile and leaves every other call alone', async () => {
    const saved: string[] = [];
    const api = { saveFile: async (p: string) => void saved.push(p), listTags: async () => [] } as unknown as InvokeApi;
    const guarded = withLocalPageCheck(api);
    await expect(guarded.saveFile(join(dir, 'notes.txt'))).rejects.toMatchObject({ code: 'unsupported-type' });
    await guarded.saveFile(page);
    expect(saved).toEqual([page]);
    expect(guarded.listTags).toBe(api.listTags);
  });
});
