import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openImportSource, zipSource } from '../../../electron/core/import/import-source';
import { readImport, readImportPath } from '../../../electron/core/import/read-import';
import { fixture, tempDir, writeTemp } from './fixtures';

/** Every file of a fixture folder, keyed by its path inside a zip (optionally under one top folder). */
async function zipOf(folder: string, top = '', extra: Record<string, Uint8Array> = {}): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = { ...extra };
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[top + relative(folder, full).split('\\').join('/')] = await readFile(full);
  }
  return zipSync(files);
}

describe('a zip and an unzipped folder read alike', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it.each(['omnivore-export', 'pocket-export'])('%s: zipped flat, zipped in a folder, or unzipped', async (name) => {
    const fromFolder = await readImportPath(fixture(name));
    const flat = await writeTemp(dir, 'flat.zip', await zipOf(fixture(name)));
    // Archivers add a top folder and macOS junk; the name says nothing (a zip is known by its bytes).
    const junk = { '__MACOSX/._x': new Uint8Array([0, 5, 22, 7]), [`${name}/.DS_Store`]: new Uint8Array([0]) };
    const nested = await writeTemp(dir, 'export.csv', await zipOf(fixture(name), `${name}/`, junk));
    expect(fromFolder.entries.length).toBeGreaterThan(1);
    expect(await readImportPath(flat)).toEqual(fromFolder);
    expect(await readImportPath(nested)).toEqual(fromFolder);
  });

  it('reads a single-file export inside a zip, saying which file each row is in', async () => {
    const zip = await writeTemp(
      dir,
      'instapaper.zip',
      zipSync({ 'instapaper.csv': await readFile(fixture('instapaper.csv')) }),
    );
    const result = await readImportPath(zip);
    expect(result.format).toBe('instapaper-csv');
    expect(result.entries).toHaveLength(5);
    expect(result.entries[0].source).toEqual({ file: 'instapaper.csv', line: 2 });
    expect(result.skipped).toEqual([{ file: 'instapaper.csv', line: 7, reason: 'no URL' }]);
  });

  it('lists a folder’s files relative to its root, without dotfiles', async () => {
    await writeTemp(dir, '.hidden', 'x');
    await writeTemp(dir, 'a.txt', 'https://example.com/a');
    const source = await openImportSource(dir);
    expect(source).toMatchObject({ kind: 'folder', paths: ['a.txt'] });
    expect(await source.readText('a.txt')).toBe('https://example.com/a');
    await expect(source.readText('../outside')).rejects.toThrow();
  });
});

describe('text encodings', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('reads UTF-16 with a byte-order mark and a Windows-1252 CSV', async () => {
    const csv = 'URL,Title,Selection,Folder\nhttps://example.com/x,Café crème — déjà vu €5,,Unread\n';
    const utf16 = await writeTemp(
      dir,
      'a.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]),
    );
    expect((await readImportPath(utf16)).entries[0].title).toBe('Café crème — déjà vu €5');
    const cp1252 = await writeTemp(dir, 'b.csv', windows1252(csv));
    expect((await readImportPath(cp1252)).entries[0].title).toBe('Café crème — déjà vu €5');
  });
});

/** Windows-1252 bytes for text whose characters all exist in it. */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '—': 0x97, '€': 0x80 };
  return Uint8Array.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

describe('big files in a zip', () => {
  it('inflates a big file only when it is read, with the same result', async () => {
    const csv = await readFile(fixture('instapaper.csv'));
    const zip = zipSync({ 'export/instapaper.csv': csv, 'export/big.pdf': new Uint8Array(4096) });
    const eager = zipSource(zip, 'a.zip');
    const lazy = zipSource(zip, 'a.zip', 1024);
    expect(lazy.paths).toEqual(['big.pdf', 'instapaper.csv']);
    expect(await lazy.readBytes('instapaper.csv')).toEqual(new Uint8Array(csv));
    expect(await lazy.readBytes('big.pdf')).toEqual(new Uint8Array(4096));
    expect(await readImport(lazy)).toEqual(await readImport(eager));
  });
});

describe('a broken zip', () => {
  it('says the zip cannot be opened', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const whole = zipSync({ 'a.csv': new Uint8Array(2000).fill(65) });
      const path = await writeTemp(dir, 'cut.zip', whole.subarray(0, 60));
      await expect(readImportPath(path)).rejects.toThrow(/cut\.zip is a zip that cannot be opened/);
    } finally {
      await cleanup();
    }
  });
});
