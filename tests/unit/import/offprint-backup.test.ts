/**
 * An Offprint JSON backup is recognised by its content wherever it arrives from: the JSON file
 * (its content folder beside it), the folder holding both, or that folder zipped. Its bodies and
 * images are read from beside the JSON file in each case, never from outside the export.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderSink } from '../../../electron/core/export/export-files';
import { writeOffprintJson } from '../../../electron/core/export/formats/offprint-json';
import { detectFormat, detectText } from '../../../electron/core/import/detect-format';
import { openImportSource } from '../../../electron/core/import/import-source';
import { readExportPath, readImportPath } from '../../../electron/core/import/read-import';
import { fixtureLibrary, FIXTURE_ARTICLES, PNG, PNG_NAME } from '../export/export-fixtures';
import { tempDir, writeTemp } from './fixtures';

async function zipOf(folder: string, top: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[top + relative(folder, join(entry.parentPath, entry.name))] = await readFile(
        join(entry.parentPath, entry.name),
      );
  }
  return zipSync(files);
}

describe('an Offprint JSON backup as an import', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let backupDir: string;
  let jsonPath: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    backupDir = join(dir, 'backup');
    await writeOffprintJson(fixtureLibrary(), folderSink(backupDir), {
      fileName: 'library.json',
      includeContent: true,
    });
    jsonPath = join(backupDir, 'library.json');
  });
  afterEach(() => cleanup());

  it('is told from its content, not its name', async () => {
    expect(detectText(await readFile(jsonPath, 'utf8'))).toBe('offprint-json');
    expect(detectText('{"format": "wallabag"}')).not.toBe('offprint-json');
    const misnamed = await writeTemp(backupDir, 'pocket.csv', await readFile(jsonPath));
    expect((await detectFormat(await openImportSource(misnamed)))?.format).toBe('offprint-json');
  });

  it('reads its bodies and images from beside the file, from the folder, and from the folder zipped', async () => {
    const zipped = await writeTemp(dir, 'backup.zip', await zipOf(backupDir, 'backup/'));
    for (const path of [jsonPath, backupDir, zipped]) {
      expect((await detectFormat(await openImportSource(path)))?.format).toBe('offprint-json');
      const read = await readExportPath(path);
      if (read.format !== 'offprint-json') throw new Error(`${path} read as ${read.format}`);
      expect(read.backup.articles).toEqual(
        FIXTURE_ARTICLES.map(({ article, highlights }) => ({ article, highlights })),
      );
      const library = fixtureLibrary();
      for (const { article } of FIXTURE_ARTICLES) {
        expect(await read.backup.readContent(article.id)).toBe(await library.readContent(article.id));
      }
      expect(new Uint8Array((await read.backup.readImages('uni00000001')).get(PNG_NAME)!)).toEqual(PNG);
    }
  });

  it('is not read into the entry model: the entry readers refuse it with why', async () => {
    await expect(readImportPath(jsonPath)).rejects.toThrow(/Offprint JSON backup/);
  });

  it('names no file outside its folder, even inside a zip', async () => {
    const json = JSON.parse(await readFile(jsonPath, 'utf8'));
    json.articles[0].content.html = '../../etc/passwd';
    const bad = await writeTemp(
      dir,
      'bad.zip',
      zipSync({ 'library.json': new TextEncoder().encode(JSON.stringify(json)) }),
    );
    await expect(readExportPath(bad)).rejects.toThrow(/outside its folder/);
  });
});
