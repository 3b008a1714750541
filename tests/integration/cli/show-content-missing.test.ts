/** `offprint show` of an article whose stored files were lost shows it as "content missing". */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { saveSample, tempLibraryDir } from '../../unit/library/sample-article';

let dir: string;
let id: string;
beforeEach(async () => {
  dir = await tempLibraryDir();
  const store = await LibraryStore.open(dir);
  id = (await saveSample(store, { url: 'https://example.com/lost', title: 'Lost words', textContent: 'Gone text.' }))
    .article.id;
  await store.close();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function show(...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false };
  const code = await runCli(['--library', dir, 'show', id, ...flags], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('offprint show with a lost stored copy', () => {
  for (const lost of [['text.txt'], ['content.html'], ['text.txt', 'content.html']]) {
    it(`shows the article as content missing when ${lost.join(' and ')} ${lost.length > 1 ? 'are' : 'is'} gone`, async () => {
      for (const file of lost) await rm(join(dir, 'articles', id, file));
      const text = await show();
      expect(text.err).toBe('');
      expect(text.code).toBe(0);
      expect(text.out).toContain('Lost words');
      if (lost.includes('text.txt')) expect(text.out).toMatch(/content missing/i);
      const json = await show('--json');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toMatchObject({ id, title: 'Lost words', contentMissing: true });
    });
  }
});
