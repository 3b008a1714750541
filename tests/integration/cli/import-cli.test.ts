/**
 * `offprint import` end to end, in a child process as `npm run cli` runs it: the JSON summary,
 * exit codes (0 understood, 1 nothing imported, 2 usage), re-import, and what list and show tell
 * about imported articles and their highlights.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli as cli } from '../../support/run-cli';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');

let work: string;
let library: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'offprint-cli-import-'));
  library = join(work, 'library');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('offprint import', () => {
  it('imports a Wallabag export without capturing and prints one JSON summary', async () => {
    const run = await cli(['--library', library, 'import', join(FIXTURES, 'wallabag.json'), '--no-capture', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.format).toBe('wallabag-json');
    expect(summary.added).toBeGreaterThan(0);
    expect(typeof summary.skipped).toBe('number');
    expect(summary.errors).toHaveLength(summary.skipped);
    for (const error of summary.errors) {
      expect(typeof error.reason).toBe('string');
      expect(error.line !== undefined || error.item !== undefined).toBe(true);
    }
    const h = summary.highlights;
    expect(h.total).toBe(h.anchored + h.orphaned + h.pending);
    expect(h.total).toBeGreaterThan(0);
    expect(summary.queued).toBe(0);

    const again = JSON.parse(
      (await cli(['--library', library, 'import', join(FIXTURES, 'wallabag.json'), '--no-capture', '--json'])).stdout,
    );
    expect(again).toMatchObject({ added: 0, highlights: { total: h.total, added: 0 } });
  });

  it('list --json shows archived, favourite, tags and highlightCount; show --json the highlights with their state', async () => {
    const run = await cli(['--library', library, 'list', '--view', 'all', '--json']);
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    const tides = items.find((a) => a.url === 'https://example.com/tides')!;
    expect(tides).toMatchObject({
      archived: true,
      favourite: false,
      tags: ['science', 'long read'],
      highlightCount: 2,
    });
    const hebrew = items.find((a) => a.title === 'עמוד בעברית')!;
    expect(hebrew).toMatchObject({ favourite: true, archived: false });

    const show = JSON.parse((await cli(['--library', library, 'show', String(tides.id), '--json'])).stdout);
    expect(show.highlights).toHaveLength(2);
    for (const h of show.highlights) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['exact', 'note', 'color', 'createdAt', 'state']));
      expect(h.state).toBe('anchored');
    }
    expect(show.highlights.map((h: { note: string }) => h.note)).toContain('Check the numbers');
  });

  it('exits 1 when nothing could be imported, and 2 on a usage error', async () => {
    const bad = join(work, 'pocket.csv');
    await writeFile(bad, 'title,url,time_added,tags,status\nNo address,,1700000000,,unread\n');
    const nothing = await cli(['--library', library, 'import', bad, '--no-capture', '--json']);
    expect(nothing.code).toBe(1);
    expect(JSON.parse(nothing.stdout).errors[0]).toMatchObject({ line: 2 });

    const unknown = join(work, 'notes.bin');
    await writeFile(unknown, Buffer.from([0, 1, 2, 3, 255, 254]));
    const unreadable = await cli(['--library', library, 'import', unknown]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/offprint: .*not an export Offprint can read/);

    expect((await cli(['--library', library, 'import'])).code).toBe(2);
    expect((await cli(['--library', library, 'import', bad, '--capture-later'])).code).toBe(2);
  });
});
