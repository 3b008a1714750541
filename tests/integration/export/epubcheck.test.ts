/**
 * The EPUB export checked by the reference validator, epubcheck (Debian's package, installed
 * by .ci/run). Skips, saying why, where it is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEpub } from '../../../electron/core/export/formats/epub';
import { fixtureLibrary } from '../../unit/export/export-fixtures';

const EPUBCHECK = '/usr/bin/epubcheck';
const available = existsSync(EPUBCHECK);
if (!available) console.log(`Skipping the epubcheck test: ${EPUBCHECK} is not installed (apt-get install epubcheck).`);

interface Report {
  checker: { nFatal: number; nError: number; nWarning: number };
  messages: { ID: string; severity: string; message: string; locations: { path: string; line: number }[] }[];
}

/** Debian's /usr/bin/epubcheck is the jar itself (run through binfmt where registered); run it with java to be sure. */
function command(): [string, string[]] {
  const isJar = readFileSync(EPUBCHECK).subarray(0, 2).toString('latin1') === 'PK';
  // A one-shot run: the quick compiler and the serial collector start the JVM several times faster.
  return isJar ? ['java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', EPUBCHECK]] : [EPUBCHECK, []];
}

async function epubcheck(file: string): Promise<Report> {
  const out = `${file}.json`;
  const [program, args] = command();
  await new Promise<void>((resolve) => {
    // epubcheck exits 1 when it finds errors: the report says what they are.
    execFile(program, [...args, file, '--json', out], { timeout: 170_000 }, () => resolve());
  });
  return JSON.parse(await readFile(out, 'utf8')) as Report;
}

const summary = (report: Report) =>
  report.messages
    .filter((m) => m.severity !== 'USAGE' && m.severity !== 'INFO')
    .map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path}:${m.locations[0]?.line} ${m.message}`);

describe.skipIf(!available)('EPUB export against epubcheck', () => {
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
    expect(summary(report)).toEqual([]);
    expect(report.checker).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
    expect(brokenReport.checker.nError).toBeGreaterThan(0);
  }, 180_000);
});
