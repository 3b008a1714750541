import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFormat } from '@shared/import/import-model';
import { detectFormat, detectText } from '../../../electron/core/import/detect-format';
import { openImportSource } from '../../../electron/core/import/import-source';
import { readImportPath, UnknownImportFormatError } from '../../../electron/core/import/read-import';
import { copyAs, tempDir, writeTemp } from './fixtures';

const EXPECTED: [fixture: string, format: ImportFormat, misleadingName: string][] = [
  ['pocket-2025.csv', 'pocket-csv', 'bookmarks.html'],
  ['pocket-2024.csv', 'pocket-csv', 'instapaper.csv'],
  ['pocket-export', 'pocket-zip', 'omnivore-export'],
  ['ril_export.html', 'pocket-html', 'bookmarks.html'],
  ['omnivore-export', 'omnivore-zip', 'pocket'],
  ['wallabag.json', 'wallabag-json', 'karakeep.json'],
  ['instapaper.csv', 'instapaper-csv', 'pocket.csv'],
  ['instapaper-5col.csv', 'instapaper-csv', 'export.txt'],
  ['instapaper-4col.csv', 'instapaper-csv', 'export'],
  ['readwise-highlights.csv', 'readwise-highlights-csv', 'My Clippings.txt'],
  ['readwise-reader.csv', 'readwise-reader-csv', 'readwise-highlights.csv'],
  ['raindrop.csv', 'raindrop-csv', 'links.txt'],
  ['bookmarks.html', 'netscape-html', 'ril_export.html'],
  ['hypothesis.json', 'hypothesis-json', 'annotations.jsonld'],
  ['web-annotations.jsonld', 'web-annotation-json', 'hypothesis.json'],
  ['karakeep.json', 'karakeep-json', 'wallabag.json'],
  ['links.txt', 'url-list', 'data.csv'],
  ['links.md', 'url-list', 'notes.json'],
  ['My Clippings.txt', 'kindle-clippings', 'links.txt'],
];

describe('format detection from content', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it.each(EXPECTED)('%s is %s, also when named %s', async (name, format, misleadingName) => {
    const path = await copyAs(name, dir, misleadingName);
    expect((await detectFormat(await openImportSource(path)))?.format).toBe(format);
    expect((await readImportPath(path)).format).toBe(format);
  });

  it('reads a lone Omnivore metadata batch, whatever its name', async () => {
    const path = await copyAs('omnivore-export/metadata_0_to_20.json', dir, 'items.json');
    const result = await readImportPath(path);
    expect(result.format).toBe('omnivore-zip');
    expect(result.entries).toHaveLength(3);
  });

  it('finds the export in a folder that also holds other files', async () => {
    await writeTemp(dir, 'README', 'Exported by a tool.\n');
    await copyAs('instapaper.csv', dir, 'z-data.bin');
    expect((await readImportPath(dir)).format).toBe('instapaper-csv');
  });

  it('refuses what it cannot read, naming the formats it knows', async () => {
    const path = await writeTemp(dir, 'notes.txt', 'Just some words,\nand no links at all.\n');
    await expect(readImportPath(path)).rejects.toThrow(UnknownImportFormatError);
    await expect(readImportPath(path)).rejects.toThrow(/Kindle My Clippings/);
  });
});

describe('CSV headers', () => {
  it('reads the short Raindrop form its import docs describe, columns in any order', () => {
    expect(detectText('folder,url,title,note,tags,created\nA/B,https://example.com,T,,"x, y",1629980125\n')).toBe(
      'raindrop-csv',
    );
  });

  it('reads a CSV it does not know as a list of links', () => {
    expect(detectText('name,link\nA,https://example.com/a\n')).toBe('url-list');
  });
});
