/**
 * npm run bench:extract -- --corpus <dir> [--repeat N]
 * A WCXB corpus (html/ and ground-truth/) is recognised and measured against its labels: see bench-wcxb.ts.
 * Times the app's extraction (in-process: what each worker runs) over every <dir>/<case>/source.html,
 * and plain Readability on jsdom as the reference, in three alternating passes each, and prints
 * one JSON object. `--repeat N` runs ours N times in all, to show that memory stays flat.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../electron/core/capture/extract-article';
import {
  CORPUS_PAGE_URL,
  hasRelativeUrl,
  metadataMatches,
  readCorpus,
  tokenF1,
  type CorpusCase,
  type Metadata,
} from './corpus-metrics';
import { percentile, percentileOf } from './percentile';
import { wcxbMain, wcxbReferenceMain } from './bench-wcxb';
import { isWcxbCorpus } from './wcxb-corpus';

interface PageResult {
  ms: number;
  text: string;
  metadata: Metadata;
  unresolved: boolean;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const rssMb = () => process.memoryUsage().rss / (1024 * 1024);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => percentileOf(values, 50);

function runOurs(page: CorpusCase): PageResult {
  const started = performance.now();
  const { article } = extractPage(page.source, CORPUS_PAGE_URL);
  const ms = performance.now() - started;
  return { ms, text: article.textContent, metadata: article, unresolved: hasRelativeUrl(article.content) };
}

const quiet = new VirtualConsole();
const WARM_UP_PAGES = 20;

function runReference(page: CorpusCase): PageResult {
  const started = performance.now();
  const dom = new JSDOM(page.source, { url: CORPUS_PAGE_URL, virtualConsole: quiet });
  const result = new Readability(dom.window.document).parse();
  const ms = performance.now() - started;
  dom.window.close();
  return {
    ms,
    text: result?.textContent ?? '',
    metadata: result ?? {},
    unresolved: hasRelativeUrl(result?.content ?? ''),
  };
}

function score(pages: CorpusCase[], results: PageResult[]) {
  let f1 = 0;
  let matched = 0;
  let stated = 0;
  let listed = 0;
  let mismatched = 0;
  const additions: Record<string, number> = {};
  pages.forEach((page, i) => {
    f1 += tokenF1(results[i].text, page.expectedText);
    const m = metadataMatches(results[i].metadata, page.expectedMetadata);
    matched += m.matched;
    stated += m.stated;
    listed += m.listed;
    mismatched += m.mismatched.length;
    for (const field of m.additions) additions[field] = (additions[field] ?? 0) + 1;
  });
  const added = Object.values(additions).reduce((sum, count) => sum + count, 0);
  return {
    meanF1: f1 / pages.length,
    metadataAgreement: stated ? matched / stated : 1,
    strictMetadataAgreement: listed ? (listed - mismatched - added) / listed : 1,
    additions,
  };
}

/**
 * jsdom needs far more memory than our pipeline: it runs in its own process, so that neither's
 * memory or heap limit touches the other. With `timesOnly` it sends back only its timings,
 * which keeps its texts out of this process while ours is measured.
 */
function referenceInChildProcess(dir: string, timesOnly: boolean): PageResult[] {
  const args = [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--reference',
    '--corpus',
    dir,
    ...(timesOnly ? ['--times-only'] : []),
  ];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (child.status !== 0) throw new Error(`The reference run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as PageResult[];
}

function referenceMain(dir: string): void {
  const pages = readCorpus(dir);
  for (const page of pages.slice(0, WARM_UP_PAGES)) runReference(page);
  const results = pages.map(runReference);
  const timesOnly = process.argv.includes('--times-only');
  process.stdout.write(
    JSON.stringify(timesOnly ? results.map(({ ms }) => ({ ms, text: '', metadata: {}, unresolved: false })) : results),
  );
}

/** Timing passes for each pipeline, interleaved; more `--repeat` passes of ours only add to the memory check. */
const TIMED_PASSES = 3;

/** Each page's best time over the passes: the figure least disturbed by whatever else the machine was doing. */
function bestTimes(passes: number[][]): number[] {
  return passes[0].map((_, page) => Math.min(...passes.map((pass) => pass[page])));
}

function main(): void {
  const dir = argument('corpus');
  if (!dir) {
    console.error('usage: npm run bench:extract -- --corpus <dir> [--repeat N] [--verbose]');
    process.exit(2);
  }
  const flag = (name: string) => process.argv.includes(`--${name}`);
  if (isWcxbCorpus(dir)) return flag('reference') ? wcxbReferenceMain(dir, argument) : wcxbMain(dir, argument, flag);
  if (flag('reference')) return referenceMain(dir);
  const repeat = Math.max(TIMED_PASSES, Number(argument('repeat') ?? TIMED_PASSES));
  const pages = readCorpus(dir);
  // Both pipelines are timed warm: the same untimed warm-up pages first, so that neither pays for JIT compilation.
  const warmUp = pages.slice(0, WARM_UP_PAGES);
  for (const page of warmUp) {
    try {
      runOurs(page);
    } catch {
      // Failures are reported by the timed pass.
    }
  }
  let peakRss = rssMb();
  const oursPasses: number[][] = [];
  const referencePasses: number[][] = [];
  const failures: string[] = [];
  let ours: PageResult[] = [];
  let rssAfterFirstPass = 0;
  let totalMs = 0;
  for (let pass = 0; pass < repeat; pass++) {
    const results: PageResult[] = [];
    for (const page of pages) {
      try {
        results.push(runOurs(page));
      } catch (error) {
        if (pass === 0) failures.push(`${page.name}: ${(error as Error).message}`);
        results.push({ ms: 0, text: '', metadata: {}, unresolved: false });
      }
      totalMs += results[results.length - 1].ms;
      peakRss = Math.max(peakRss, rssMb());
    }
    if (pass === 0) {
      ours = results;
      rssAfterFirstPass = rssMb();
    }
    // Passes alternate with the reference's, so that a slow spell on the machine falls on both.
    if (pass < TIMED_PASSES) {
      oursPasses.push(results.map((r) => r.ms));
      referencePasses.push(referenceInChildProcess(dir, true).map((r) => r.ms));
    }
  }
  const rssAfterLastPass = rssMb();
  // The reference's texts and metadata, for F1 and agreement, once our memory has been measured.
  const reference = referenceInChildProcess(dir, false);
  const oursBest = bestTimes(oursPasses);
  const referenceBest = bestTimes(referencePasses);
  const oursScore = score(pages, ours);
  const referenceScore = score(pages, reference);
  const sorted = [...oursBest].sort((a, b) => a - b);
  const oursMedian = median(oursBest);
  const referenceMedian = median(referenceBest);
  const report: Record<string, unknown> = {
    pages: pages.length,
    passes: repeat,
    timedPasses: TIMED_PASSES,
    // Per page, the best of the timed passes; then the median and p95 over pages.
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    // Over every pass, as a sustained rate.
    pagesPerSecond: round((1000 * pages.length * repeat) / totalMs, 1),
    peakRssMb: round(peakRss, 1),
    rssAfterFirstPassMb: round(rssAfterFirstPass, 1),
    rssAfterLastPassMb: round(rssAfterLastPass, 1),
    referenceMedianMs: round(referenceMedian),
    speedRatio: round(referenceMedian / oursMedian),
    meanF1: round(oursScore.meanF1, 4),
    referenceMeanF1: round(referenceScore.meanF1, 4),
    // Over the fields expected-metadata.json states a value for (see corpus-metrics.ts).
    metadataAgreement: round(oursScore.metadataAgreement, 4),
    referenceMetadataAgreement: round(referenceScore.metadataAgreement, 4),
    // Counting every value found where the file has null as a disagreement.
    strictMetadataAgreement: round(oursScore.strictMetadataAgreement, 4),
    referenceStrictMetadataAgreement: round(referenceScore.strictMetadataAgreement, 4),
    metadataAdditions: oursScore.additions,
    referenceMetadataAdditions: referenceScore.additions,
    unresolvedUrlPages: ours.filter((r) => r.unresolved).length,
    failures,
  };
  if (process.argv.includes('--verbose')) {
    report.perPage = pages.map((page, i) => ({
      name: page.name,
      ms: round(oursBest[i]),
      referenceMs: round(referenceBest[i]),
      f1: round(tokenF1(ours[i].text, page.expectedText), 4),
      referenceF1: round(tokenF1(reference[i].text, page.expectedText), 4),
      metadata: metadataMatches(ours[i].metadata, page.expectedMetadata),
    }));
  }
  console.log(JSON.stringify(report, null, 2));
}

main();
