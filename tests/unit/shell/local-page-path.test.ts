import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InvokeApi } from '@shared/ipc/contract';
import { argSchemas } from '@shared/ipc/arg-schemas';
import { DropTokens } from '../../../electron/main/policy/drop-tokens';
import { checkLocalPagePath, withLocalPageCheck } from '../../../electron/main/policy/local-page-path';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'offprint-local-page-')));
const page = join(dir, 'story.html');
writeFileSync(page, '<p>x</p>');
writeFileSync(join(dir, 'notes.txt'), 'x');
mkdirSync(join(dir, 'folder.html'));
symlinkSync('/etc/passwd', join(dir, 'x.html'));
symlinkSync(join(dir, 'folder.html'), join(dir, 'to-folder.html'));
symlinkSync(page, join(dir, 'alias.html'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkLocalPagePath', () => {
  it('accepts an absolute path to an existing .html file', async () => {
    await expect(checkLocalPagePath(page)).resolves.toBe(page);
  });

  it('follows a symbolic link to a page, and answers with the page’s own path', async () => {
    await expect(checkLocalPagePath(join(dir, 'alias.html'))).resolves.toBe(page);
  });

  it.each([
    ['a relative path', 'story.html', 'invalid-path'],
    ['a NUL byte', `${page}\0.txt`, 'invalid-path'],
    ['not a string', 42, 'invalid-path'],
    ['a UNC path', '\\\\attacker.example\\share\\page.html', 'invalid-path'],
    ['a UNC path with slashes', '//attacker.example/share/page.html', 'invalid-path'],
    ['another file type', join(dir, 'notes.txt'), 'unsupported-type'],
    ['a missing file', join(dir, 'gone.html'), 'not-found'],
    ['a folder named like a page', join(dir, 'folder.html'), 'not-found'],
    ['a link named like a page to /etc/passwd', join(dir, 'x.html'), 'unsupported-type'],
    ['a link named like a page to a folder', join(dir, 'to-folder.html'), 'not-found'],
  ])('refuses %s', async (_what, path, code) => {
    await expect(checkLocalPagePath(path)).rejects.toMatchObject({ code });
  });
});

describe('saveFile over IPC', () => {
  const saved: string[] = [];
  const api = { saveFile: async (p: string) => void saved.push(p), listTags: async () => [] } as unknown as InvokeApi;

  it('takes only a one-time token the preload got for a dropped file, never a path', async () => {
    saved.length = 0;
    const drops = new DropTokens();
    const guarded = withLocalPageCheck(api, drops);
    await expect(guarded.saveFile(page)).rejects.toMatchObject({ code: 'invalid-path' });
    const registered = drops.register(page);
    if (!registered.ok) throw new Error(registered.error.message);
    await guarded.saveFile(registered.value);
    expect(saved).toEqual([page]);
    await expect(guarded.saveFile(registered.value)).rejects.toMatchObject({ code: 'invalid-path' });
    expect(guarded.listTags).toBe(api.listTags);
  });

  it('checks the dropped file again when it is saved', async () => {
    saved.length = 0;
    const drops = new DropTokens();
    const guarded = withLocalPageCheck(api, drops);
    const link = drops.register(join(dir, 'x.html'));
    if (!link.ok) throw new Error(link.error.message);
    await expect(guarded.saveFile(link.value)).rejects.toMatchObject({ code: 'unsupported-type' });
    expect(saved).toEqual([]);
  });

  it('registers only absolute .html paths that are not UNC', () => {
    const drops = new DropTokens();
    for (const path of ['relative.html', '/etc/passwd', '\\\\host\\share\\a.html', '//host/share/a.html', 42]) {
      expect(drops.register(path)).toMatchObject({ ok: false, error: { code: 'invalid-path' } });
    }
    expect(drops.register('C:\\Users\\me\\page.html')).toMatchObject({ ok: true });
  });

  it('forgets tokens after five minutes, and keeps at most 100 waiting', () => {
    let now = 0;
    const drops = new DropTokens(() => now);
    const token = drops.issue(page);
    now += 5 * 60_000;
    expect(drops.take(token)).toBeNull();
    const tokens = Array.from({ length: 101 }, () => drops.issue(page));
    expect(drops.take(tokens[0])).toBeNull();
    expect(drops.take(tokens[100])).toBe(page);
  });

  it('the saveFile schema takes a token and refuses paths, UNC ones included', () => {
    for (const path of [page, '\\\\host\\share\\page.html', '//host/share/page.html', 'C:\\page.html']) {
      expect(argSchemas.saveFile.safeParse([path]).success).toBe(false);
    }
    expect(argSchemas.saveFile.safeParse([new DropTokens().issue(page)]).success).toBe(true);
  });
});
