/** The EPUB export checked by the reference validator, epubcheck. Skips, saying why, where it is not installed. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEpub } from '../../../electron/core/export/formats/epub';
import { fixtureLibrary } from '../../unit/export/export-fixtures';
import { epubcheck, epubcheckMissing } from './epubcheck';

const missing = epubcheckMissing();
if (missing) console.log(`Skipping the epubcheck test: ${missing}.`);

describe.skipIf(!!missing)('EPUB export against epubcheck', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-epub-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes with no errors and no warnings; a broken copy fails (so the check can fail)', async () => {
    const { bytes } = await writeEpub(fixtureLibrary(), { title: 'Offprint — Inbox' });
    const good = join(dir, 'library.epub');
    await writeFile(good, bytes);

    // The same book with XHTML that a browser would tolerate: a block in a paragraph, a dangling link.
    const files = unzipSync(bytes);
    const chapter = 'OEBPS/articles/rtl000000001.xhtml';
    const broken: Zippable = { mimetype: [files.mimetype, { level: 0 }] };
    for (const [name, data] of Object.entries(files)) if (name !== 'mimetype') broken[name] = data;
    broken[chapter] = strToU8(
      strFromU8(files[chapter]).replace(
        '<div class="article">',
        '<div class="article"><p><div>x</div></p><a href="#nowhere">y</a>',
      ),
    );
    const bad = join(dir, 'broken.epub');
    await writeFile(bad, zipSync(broken));

    const [report, brokenReport] = await Promise.all([epubcheck(good), epubcheck(bad)]);
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
    expect(brokenReport.counts.nError).toBeGreaterThan(0);
    expect(brokenReport.problems.join('\n')).toMatch(/rtl000000001\.xhtml/);
  }, 180_000);
});
