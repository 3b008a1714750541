/**
 * A library on a read-only disk, or on a full one, still opens for reading: list, show and search
 * work, a change fails saying why, and no message is a bare error code. Uses a real read-only
 * (or full) tmpfs when running as root, and a folder without write permission otherwise.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { saveSample } from '../../unit/library/sample-article';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;

/** A folder on its own small tmpfs (root only); null with the reason printed where mounting is not permitted. */
async function tmpfs(size: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'offprint-ro-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    console.log(`tmpfs not mounted (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
  cleanup.push(async () => void execFileSync('umount', ['-l', dir]));
  return dir;
}

async function libraryWithOneArticle(dir: string): Promise<string> {
  const store = await LibraryStore.open(dir);
  const { article } = await saveSample(store, {
    url: 'https://example.com/kept',
    title: 'Kept article',
    textContent: 'Marmalade sandwiches.',
  });
  await store.close();
  return article.id;
}

async function cli(dir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false };
  const code = await runCli(['--library', dir, ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every command a reader needs works; a change fails, saying why in words. */
async function expectReadable(dir: string, id: string, why: RegExp) {
  const list = await cli(dir, 'list');
  expect(list.code).toBe(0);
  expect(list.out).toContain('Kept article');
  expect(list.err).toMatch(why); // told once why changes will not be kept
  const show = await cli(dir, 'show', id);
  expect(show.code).toBe(0);
  expect(show.out).toContain('Marmalade sandwiches.');
  const search = await cli(dir, 'search', 'marmalade');
  expect(search.code).toBe(0);
  expect(search.out).toContain(id);
  const remove = await cli(dir, 'remove', id);
  expect(remove.code).not.toBe(0);
  expect(remove.err).toMatch(why);
  for (const text of [list.err, remove.err]) {
    expect(text).not.toMatch(/Something went wrong/);
    expect(text).not.toMatch(/\bE[A-Z]{3,}\b/);
  }
  const store = await LibraryStore.open(dir);
  expect(store.readOnly).toMatch(why);
  await expect(store.updateArticle(id, () => ({ archived: true }))).rejects.toMatchObject({
    code: 'library-read-only',
  });
  await store.close();
}

describe('a library that cannot be written', () => {
  it('opens read-only on a read-only disk', async (context) => {
    let dir: string;
    if (isRoot) {
      const mount = await tmpfs('8m');
      if (!mount) return context.skip();
      dir = join(mount, 'library');
      const id = await libraryWithOneArticle(dir);
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      await expectReadable(dir, id, /read-only/);
    } else {
      dir = join(await mkdtemp(join(tmpdir(), 'offprint-ro-')), 'library');
      cleanup.push(() => rm(join(dir, '..'), { recursive: true, force: true }));
      const id = await libraryWithOneArticle(dir);
      await chmod(dir, 0o555);
      cleanup.push(() => chmod(dir, 0o755));
      await expectReadable(dir, id, /permission/);
    }
    expect(await readdir(dir)).not.toContain('.lock');
  });

  it('opens read-only on a full disk, leaving no empty lock behind', async (context) => {
    if (!isRoot) {
      console.log('skipped: filling a disk needs a tmpfs of its own, which only root can mount');
      return context.skip();
    }
    const mount = await tmpfs('8m');
    if (!mount) return context.skip();
    const dir = join(mount, 'library');
    const id = await libraryWithOneArticle(dir);
    const filler = await open(join(mount, 'filler'), 'w');
    try {
      for (;;) await filler.write(Buffer.alloc(64 * 1024, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    // Not even a byte is left.
    try {
      for (;;) await filler.write(Buffer.alloc(1, 1));
    } catch {
      // full
    }
    await filler.close();
    await expectReadable(dir, id, /disk .* is full/);
    expect(await readdir(dir)).not.toContain('.lock');
  });
});
