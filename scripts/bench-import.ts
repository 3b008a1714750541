/**
 * npm run bench:import
 *
 * Prints one JSON object: how long recording a generated Pocket export takes (20,000 rows in
 * part_000000.csv, 5,000 highlights in annotations/part_000000.json) into a fresh library without
 * capturing anything (--no-capture), from reading the files to the last journal line; and the peak RSS.
 * Then the capture half (scripts/bench-capture-queue.ts): 2,000 queued URLs over 50 local origins that
 * answer after 100 ms, giving capturePagesPerSecond and captureRssGrowthMb. `--record-only` skips it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffprintCore } from '../electron/core/offprint-core';
import { benchCaptureQueue } from './bench-capture-queue';

const ROWS = 20_000;
const HIGHLIGHTS = 5_000;
const HIGHLIGHTED_ARTICLES = 2_500;

const work = await mkdtemp(join(tmpdir(), 'offprint-bench-import-'));
try {
  const exportDir = join(work, 'pocket-export');
  await mkdir(join(exportDir, 'annotations'), { recursive: true });
  const url = (i: number) => `https://site${i % 50}.example/articles/${i}?utm_source=pocket`;
  const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < ROWS; i++) {
    const title = i % 7 === 0 ? `مقالة رقم ${i}, "quoted"` : `Article ${i}: a title, with commas`;
    const tags = [`topic ${i % 40}`, i % 3 === 0 ? 'Long Read' : 'long read'].join('|');
    lines.push(
      [csvField(title), url(i), String(1_600_000_000 + i * 60), csvField(tags), i % 4 ? 'unread' : 'archive'].join(','),
    );
  }
  await writeFile(join(exportDir, 'part_000000.csv'), `${lines.join('\n')}\n`);
  const annotations = Array.from({ length: HIGHLIGHTED_ARTICLES }, (_, a) => ({
    url: url(a * 8),
    title: `Article ${a * 8}`,
    highlights: Array.from({ length: HIGHLIGHTS / HIGHLIGHTED_ARTICLES }, (_, h) => ({
      quote: `Passage ${h} of article ${a * 8}, worth keeping.`,
      created_at: 1_700_000_000 + a * 10 + h,
    })),
  }));
  await writeFile(join(exportDir, 'annotations', 'part_000000.json'), JSON.stringify(annotations));

  const libraryDir = join(work, 'library');
  const core = await OffprintCore.open({ libraryDir });
  const start = performance.now();
  const summary = await core.importPath(exportDir, { capture: false });
  const recordMs = performance.now() - start;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await core.close();
  if (summary.added !== ROWS) throw new Error(`expected ${ROWS} articles, recorded ${summary.added}`);
  if (summary.highlights.total !== HIGHLIGHTS) throw new Error(`expected ${HIGHLIGHTS} highlights`);
  const capture = process.argv.includes('--record-only') ? {} : await benchCaptureQueue({});
  console.log(
    JSON.stringify(
      {
        rows: ROWS,
        highlights: summary.highlights.total,
        recordMs: Math.round(recordMs),
        rowsPerSecond: Math.round((ROWS / recordMs) * 1000),
        peakRssMb,
        skipped: summary.skipped.length,
        ...capture,
      },
      null,
      2,
    ),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
