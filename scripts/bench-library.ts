/**
 * npm run bench:library -- --library DIR
 *
 * Prints one JSON object: cold start of the core to the first page of the Inbox, search latency
 * over a fixed set of 50 queries, write latency (archive, tag, highlight, reading progress),
 * peak RSS, and the sizes on disk. Run it in a fresh process on a generated library
 * (npm run gen:library); the library is changed by the writes (they are undone as far as possible).
 * Then `mainLoopDelayP99Ms`: the app's main process, run with `electron` faked, while its core process
 * rebuilds the whole search index and imports 2,000 articles (scripts/main-harness/; --no-main-loop skips it).
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OffprintCore } from '../electron/core/offprint-core';
import {
  indexPath,
  journalPath,
  searchIndexPath,
  TEXT_FILE,
  ARTICLES_FOLDER,
} from '../electron/core/library/library-layout';
import type { ArticleMeta } from '@shared/model';
import { percentileOf as percentile } from './percentile';

type BenchRow = Pick<ArticleMeta, 'id' | 'url' | 'archived' | 'progress' | 'deletedAt'>;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const compare = option('compare');
if (compare) {
  await compareSizes(
    compare.split(',').map(Number),
    resolve(option('root') ?? join(tmpdir(), 'offprint-bench')),
    Number(option('runs') ?? '1'),
  );
  process.exit(0);
}
const library = option('library');
if (!library) {
  console.error('Usage: npm run bench:library -- --library DIR [--no-main-loop]');
  console.error('       npm run bench:library -- --compare 10000,100000 [--root DIR] [--runs N] [--no-main-loop]');
  process.exit(2);
}
const dir = resolve(library);

const SEARCH_PAGE = 20;
const round = (n: number): number => Math.round(n * 10) / 10;
const peaks: Record<string, number> = {};
const mark = (stage: string): void => void (peaks[stage] = Math.round(process.resourceUsage().maxRSS / 1024));
const sizeOf = (path: string): Promise<number> =>
  stat(path).then(
    (s) => s.size,
    () => 0,
  );

// ── Cold start to the first page ──────────────────────────────────────────────
const t0 = performance.now();
// As the app opens it: the first page is answered before the rest of the library has loaded.
const core = await OffprintCore.open({ libraryDir: dir, firstPageEarly: true });
const openMs = performance.now() - t0;
const firstPageEarly = core.firstPageEarly;
const firstPage = await core.listPage({ view: 'inbox', offset: 0, limit: 50 });
const firstPageMs = performance.now() - t0;
if (firstPage.items.length === 0) throw new Error('The Inbox is empty: is this a generated library?');
mark('firstPage');
await core.loaded();
const loadedMs = performance.now() - t0;
mark('loaded');
const { total: articles } = await core.listPage({ view: 'all', limit: 1 });
const everything = [...(await rowsOf('all')), ...(await rowsOf('trash'))].sort((a, b) => (a.id < b.id ? -1 : 1));

// Scrolling the whole Inbox a window at a time, and switching sorts, as the list does.
const pageTimes: number[] = [];
for (let offset = 0; offset < Math.min(firstPage.total, 5_000); offset += 100) {
  const t = performance.now();
  await core.listPage({ view: 'inbox', offset, limit: 100 });
  pageTimes.push(performance.now() - t);
}
const sortTimes: number[] = [];
for (const field of ['title', 'site', 'length', 'published', 'progress', 'saved'] as const) {
  const t = performance.now();
  await core.listPage({ view: 'all', sort: { field, direction: 'asc' }, limit: 100 });
  sortTimes.push(performance.now() - t);
}

// ── Search ────────────────────────────────────────────────────────────────────
const t1 = performance.now();
await core.warmUpSearch();
const searchLoadMs = performance.now() - t1;
mark('searchLoaded');
const queries = await fixedQueries(everything);
const searchTimes: number[] = [];
const hitCounts: number[] = [];
for (const query of queries) {
  const t = performance.now();
  const page = await core.searchPage(query, { limit: SEARCH_PAGE });
  searchTimes.push(performance.now() - t);
  hitCounts.push(page.total);
}

// ── Writes ────────────────────────────────────────────────────────────────────
const writeTimes: Record<string, number[]> = { archive: [], tag: [], highlight: [], progress: [] };
const targets = everything.filter((a) => !a.deletedAt).slice(0, 50);
const time = async (kind: string, run: () => Promise<unknown>): Promise<void> => {
  const t = performance.now();
  await run();
  writeTimes[kind].push(performance.now() - t);
};
for (const article of targets) {
  await time('archive', () => core.setArchived(article.id, !article.archived));
  await time('archive', () => core.setArchived(article.id, article.archived));
  await time('tag', () => core.addTag(article.id, 'bench-tag'));
  await time('tag', () => core.removeTag(article.id, 'bench-tag'));
  const text = await readFile(join(dir, ARTICLES_FOLDER, article.id, TEXT_FILE), 'utf8');
  const end = Math.min(text.length, 60);
  let highlightId = '';
  await time('highlight', async () => {
    highlightId = (
      await core.addHighlight({
        articleId: article.id,
        quote: { type: 'TextQuoteSelector', exact: text.slice(0, end), prefix: '', suffix: text.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start: 0, end },
        color: 'yellow',
        note: 'bench',
      })
    ).id;
  });
  await time('highlight', () => core.deleteHighlight(highlightId));
  // What a scroll costs (kept in memory), then what making it durable costs (one journal line).
  await time('progress', () => core.setProgress(article.id, 0.5));
  await time('progress', () => core.flush());
  await time('progress', () => core.setProgress(article.id, article.progress));
  await time('progress', () => core.flush());
}
const allWrites = Object.values(writeTimes).flat();
mark('searchedAndWritten');

const t2 = performance.now();
await core.close();
const closeMs = performance.now() - t2;
mark('closed');

const result = {
  articles,
  firstPageMs: round(firstPageMs),
  openMs: round(openMs),
  firstPageEarly,
  loadedMs: round(loadedMs),
  pageP95Ms: round(percentile(pageTimes, 95)),
  sortP95Ms: round(percentile(sortTimes, 95)),
  searchLoadMs: round(searchLoadMs),
  searchP50Ms: round(percentile(searchTimes, 50)),
  searchP95Ms: round(percentile(searchTimes, 95)),
  searchMaxMs: round(Math.max(...searchTimes)),
  searchQueries: queries.length,
  searchPageSize: SEARCH_PAGE,
  searchQueriesWithHits: hitCounts.filter((n) => n > 0).length,
  writeP95Ms: round(percentile(allWrites, 95)),
  writeP95ByKindMs: Object.fromEntries(Object.entries(writeTimes).map(([k, v]) => [k, round(percentile(v, 95))])),
  writes: allWrites.length,
  closeMs: round(closeMs),
  peakRssMb: round(process.resourceUsage().maxRSS / 1024),
  peakRssMbByStage: peaks,
  indexBytes: await sizeOf(searchIndexPath(dir)),
  libraryJsonBytes: await sizeOf(indexPath(dir)),
  journalBytesAfterClose: await sizeOf(journalPath(dir)),
};
// Last, in another process: main's event-loop delay while its core process rebuilds the index and imports.
console.log(JSON.stringify({ ...result, ...(args.includes('--no-main-loop') ? {} : mainLoopDelay(dir)) }));
if (process.argv.includes('--queries'))
  console.error(queries.map((q, i) => `${hitCounts[i]}\t${round(searchTimes[i])}ms\t${q}`).join('\n'));

/**
 * The fields the bench picks its writes and queries by, for every article of a view, read a window at
 * a time: whole rows of 100,000 articles held here would count against the library's own memory.
 */
async function rowsOf(view: 'all' | 'trash'): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const page = await core.listPage({ view, offset, limit: 1_000 });
    for (const { id, url, archived, progress, deletedAt } of page.items)
      rows.push({ id, url, archived, progress, deletedAt });
    if (offset + 1_000 >= page.total) return rows;
  }
}

/** Runs scripts/main-harness/main-loop-delay.ts on the library and returns its figures (mainLoopDelayP99Ms…). */
function mainLoopDelay(library: string): Record<string, unknown> {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const out = execFileSync(
    join(repo, 'node_modules', '.bin', 'tsx'),
    [
      '--tsconfig',
      join(repo, 'tsconfig.node.json'),
      join(repo, 'scripts', 'main-harness', 'main-loop-delay.ts'),
      '--library',
      library,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(out.toString('utf8').trim().split('\n').pop()!) as Record<string, unknown>;
}

/** 50 queries drawn deterministically from the library: words, phrases, filters, prefixes. */
async function fixedQueries(all: BenchRow[]): Promise<string[]> {
  const sample = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 40)) === 0).slice(0, 40);
  const words: string[] = [];
  const cjk: string[] = [];
  const phrases: string[] = [];
  for (const article of sample) {
    const text = await readFile(join(dir, ARTICLES_FOLDER, article.id, TEXT_FILE), 'utf8').catch(() => '');
    const tokens = text
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 5 && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w));
    if (tokens.length > 10) {
      words.push(tokens[Math.floor(tokens.length / 3)]);
      const sentence =
        text
          .split(/[.!?。\n]/)[2]
          ?.trim()
          .split(/\s+/) ?? [];
      if (sentence.length >= 4) phrases.push(`"${sentence.slice(1, 3).join(' ')}"`);
    } else {
      const run = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{4,}/u)?.[0];
      if (run) cjk.push(run.slice(1, 4));
    }
  }
  const tags = (await core.listTags()).sort((a, b) => b.count - a.count);
  const sites = [...new Set(all.map((a) => new URL(a.url).hostname))].slice(0, 5);
  const w = (i: number): string => words[i % words.length];
  const queries = [
    ...Array.from({ length: 12 }, (_, i) => w(i)),
    ...cjk.slice(0, 3),
    ...Array.from({ length: 8 }, (_, i) => `${w(i + 12)} ${w(i + 20)}`),
    ...phrases.slice(0, 8),
    `tag:"${tags[0]?.name}" ${w(1)}`,
    `tag:"${tags[5]?.name}"`,
    `site:${sites[0]} ${w(2)}`,
    `site:${sites[1]}`,
    `is:archived ${w(3)}`,
    `is:unread ${w(4)}`,
    `is:favourite ${w(5)}`,
    `has:highlights ${w(6)}`,
    `lang:de ${w(7)}`,
    `lang:fr -${w(8)}`,
    ...Array.from({ length: 7 }, (_, i) => w(i + 30).slice(0, 3 + (i % 3))),
  ];
  while (queries.length < 50) queries.push(w(queries.length));
  return queries.slice(0, 50);
}

/**
 * --compare 10000,100000: benchmarks libraries of those sizes one after another, each in a fresh
 * process (generating <root>/library-<n> when it is missing), best first page of `runs` runs each,
 * and prints the results with the ratio of the largest's first page to the smallest's.
 */
async function compareSizes(sizes: number[], root: string, runs: number): Promise<void> {
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('--compare takes two or more article counts, e.g. --compare 10000,100000');
    process.exit(2);
  }
  const script = fileURLToPath(import.meta.url);
  const repo = resolve(dirname(script), '..');
  const tsx = (file: string, ...rest: string[]): [string, string[]] => [
    join(repo, 'node_modules', '.bin', 'tsx'),
    ['--tsconfig', join(repo, 'tsconfig.node.json'), join(repo, 'scripts', file), ...rest],
  ];
  const best = new Map<number, Record<string, unknown>>();
  for (const n of sizes) {
    const library = join(root, `library-${n}`);
    if ((await readdir(library).catch(() => [])).length === 0) {
      process.stderr.write(`generating ${n} articles into ${library}\n`);
      execFileSync(...tsx('gen-library.ts', '--articles', String(n), '--out', library), {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  }
  // Alternating sizes run by run, so a busy moment on the machine does not fall on one size only.
  for (let run = 0; run < runs; run++) {
    for (const n of sizes) {
      const out = execFileSync(
        ...tsx(
          'bench-library.ts',
          '--library',
          join(root, `library-${n}`),
          ...args.filter((a) => a === '--no-main-loop'),
        ),
        {
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const result = JSON.parse(out.toString('utf8').trim().split('\n').pop()!) as Record<string, unknown>;
      const previous = best.get(n);
      if (!previous || (result.firstPageMs as number) < (previous.firstPageMs as number)) best.set(n, result);
    }
  }
  const first = (n: number): number => best.get(n)!.firstPageMs as number;
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  console.log(
    JSON.stringify({
      compare: sizes.map((n) => best.get(n)),
      runs,
      firstPageRatio: Math.round((first(largest) / first(smallest)) * 100) / 100,
      loadAverage: (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' '),
    }),
  );
}
