/**
 * The extraction benchmark on a WCXB corpus: word F1 overall and per page type, the share of
 * required and of boilerplate snippets found, title, author and date accuracy, and time per page
 * against Readability on jsdom over the same pages (in a child process, as for the Mozilla pages).
 *
 * Options: --type T (one page type), --half even|odd (ids by parity: tune on one, check on the other),
 * --limit N, --ids a,b,c, --no-reference (skip Readability: quicker while iterating),
 * --out FILE (each page's scores and texts, for diagnosis), --reference-cache FILE (see referenceOutcomes),
 * --reference-every N (Readability on every Nth page only, 10 by default: jsdom takes about a second a page).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../electron/core/capture/extract-article';
import { percentileOf } from './percentile';
import {
  PAGE_TYPES,
  readWcxbCorpus,
  sameAuthor,
  sameDay,
  sameTitle,
  snippetsFound,
  wordScore,
  type WcxbPage,
  type WordScore,
} from './wcxb-corpus';

interface Outcome {
  ms: number;
  text: string;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  failed?: string;
}

type Argument = (name: string) => string | undefined;

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function selectPages(dir: string, argument: Argument): WcxbPage[] {
  let pages = readWcxbCorpus(dir);
  const type = argument('type');
  if (type) pages = pages.filter((p) => p.type === type);
  const half = argument('half');
  if (half === 'even' || half === 'odd') pages = pages.filter((p) => Number(p.id) % 2 === (half === 'even' ? 0 : 1));
  const ids = argument('ids');
  if (ids) {
    const wanted = new Set(ids.split(','));
    pages = pages.filter((p) => wanted.has(p.id));
  }
  const limit = Number(argument('limit') ?? 0);
  return limit > 0 ? pages.slice(0, limit) : pages;
}

function runOurs(page: WcxbPage, html: string): Outcome {
  const started = performance.now();
  try {
    const { article } = extractPage(html, page.url);
    const ms = performance.now() - started;
    return { ms, text: article.textContent, ...pick(article) };
  } catch (error) {
    const ms = performance.now() - started;
    return { ms, text: '', title: null, byline: null, publishedTime: null, failed: (error as Error).message };
  }
}

const pick = (m: { title?: string | null; byline?: string | null; publishedTime?: string | null }) => ({
  title: m.title ?? null,
  byline: m.byline ?? null,
  publishedTime: m.publishedTime ?? null,
});

const quiet = new VirtualConsole();

function runReference(page: WcxbPage, html: string): Outcome {
  const started = performance.now();
  try {
    const dom = new JSDOM(html, { url: page.url, virtualConsole: quiet });
    const result = new Readability(dom.window.document).parse();
    const ms = performance.now() - started;
    dom.window.close();
    return { ms, text: result?.textContent ?? '', ...pick(result ?? {}) };
  } catch (error) {
    return {
      ms: performance.now() - started,
      text: '',
      title: null,
      byline: null,
      publishedTime: null,
      failed: String(error),
    };
  }
}

const WARM_UP_PAGES = 10;

/** The child process's side: Readability on jsdom over the selected pages, one JSON array on stdout. */
export function wcxbReferenceMain(dir: string, argument: Argument): void {
  const pages = selectPages(dir, argument);
  for (const page of pages.slice(0, WARM_UP_PAGES)) runReference(page, page.html());
  process.stdout.write(JSON.stringify(pages.map((page) => runReference(page, page.html()))));
}

/** `script` is the entry the benchmark was started with, which sends `--reference` here. */
function referenceInChildProcess(script: string, ids: string[]): Outcome[] {
  const given = process.argv.slice(2).filter((arg, i, all) => arg !== '--ids' && all[i - 1] !== '--ids');
  const args = [...process.execArgv, script, ...given, '--reference', '--ids', ids.join(',')];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (child.status !== 0) throw new Error(`The reference run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Outcome[];
}

/**
 * Readability on jsdom takes most of a run and never changes: with --reference-cache FILE its outcomes
 * (times included) are read from FILE, by page id, and the pages missing there are run and added.
 */
function referenceOutcomes(pages: WcxbPage[], cache: string | undefined): Outcome[] {
  const cached: Record<string, Outcome> = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : {};
  const missing = pages.filter((p) => !cached[p.id]);
  if (missing.length) {
    const outcomes = referenceInChildProcess(
      process.argv[1],
      missing.map((p) => p.id),
    );
    missing.forEach((page, i) => (cached[page.id] = outcomes[i]));
    if (cache) writeFileSync(cache, JSON.stringify(cached));
  }
  return pages.map((p) => cached[p.id]);
}

interface Scored extends WordScore {
  id: string;
  type: string;
  withFound: number;
  withCount: number;
  withoutFound: number;
  withoutCount: number;
  title: boolean | null;
  author: boolean | null;
  date: boolean | null;
}

function scorePage(page: WcxbPage, outcome: Outcome): Scored {
  const { truth } = page;
  return {
    id: page.id,
    type: page.type,
    ...wordScore(outcome.text, truth.mainContent),
    withFound: snippetsFound(outcome.text, truth.with),
    withCount: truth.with.length,
    withoutFound: snippetsFound(outcome.text, truth.without),
    withoutCount: truth.without.length,
    title: truth.title ? sameTitle(outcome.title, truth.title) : null,
    author: truth.author ? sameAuthor(outcome.byline, truth.author) : null,
    date: truth.publishDate ? sameDay(outcome.publishedTime, truth.publishDate) : null,
  };
}

function summary(scored: Scored[]) {
  const share = (key: 'title' | 'author' | 'date') => {
    const stated = scored.filter((s) => s[key] !== null);
    return { accuracy: round(stated.filter((s) => s[key]).length / (stated.length || 1)), n: stated.length };
  };
  const sum = (key: 'withFound' | 'withCount' | 'withoutFound' | 'withoutCount') =>
    scored.reduce((total, s) => total + s[key], 0);
  const perType: Record<string, { n: number; f1: number; precision: number; recall: number }> = {};
  for (const type of PAGE_TYPES) {
    const ofType = scored.filter((s) => s.type === type);
    if (!ofType.length) continue;
    perType[type] = {
      n: ofType.length,
      f1: round(mean(ofType.map((s) => s.f1))),
      precision: round(mean(ofType.map((s) => s.precision))),
      recall: round(mean(ofType.map((s) => s.recall))),
    };
  }
  const title = share('title');
  const author = share('author');
  const date = share('date');
  return {
    meanF1: round(mean(scored.map((s) => s.f1))),
    precision: round(mean(scored.map((s) => s.precision))),
    recall: round(mean(scored.map((s) => s.recall))),
    perType,
    withRate: round(sum('withFound') / (sum('withCount') || 1)),
    withoutRate: round(sum('withoutFound') / (sum('withoutCount') || 1)),
    titleAccuracy: title.accuracy,
    authorAccuracy: author.accuracy,
    dateAccuracy: date.accuracy,
    statedTitles: title.n,
    statedAuthors: author.n,
    statedDates: date.n,
  };
}

export function wcxbMain(dir: string, argument: Argument, flag: (name: string) => boolean): void {
  const pages = selectPages(dir, argument);
  for (const page of pages.slice(0, WARM_UP_PAGES)) runOurs(page, page.html());
  const ours = pages.map((page) => runOurs(page, page.html()));
  const every = Math.max(1, Number(argument('reference-every') ?? 10));
  const sample = pages.map((page, i) => ({ page, i })).filter(({ i }) => i % every === 0);
  const reference = flag('no-reference')
    ? null
    : referenceOutcomes(
        sample.map((s) => s.page),
        argument('reference-cache'),
      );
  const scored = pages.map((page, i) => scorePage(page, ours[i]));
  const oursMedian = percentileOf(
    ours.map((o) => o.ms),
    50,
  );
  const report: Record<string, unknown> = {
    corpus: 'wcxb',
    pages: pages.length,
    ...summary(scored),
    medianMs: round(oursMedian, 2),
    p95Ms: round(
      percentileOf(
        ours.map((o) => o.ms),
        95,
      ),
      2,
    ),
    failures: ours.flatMap((o, i) => (o.failed ? [`${pages[i].id}: ${o.failed}`] : [])).slice(0, 20),
  };
  if (reference) {
    // Both medians over the same pages: the sample Readability ran on.
    const referenceMedian = percentileOf(
      reference.map((o) => o.ms),
      50,
    );
    const oursOnSample = percentileOf(
      sample.map(({ i }) => ours[i].ms),
      50,
    );
    report.referencePages = sample.length;
    report.referenceMedianMs = round(referenceMedian, 2);
    report.speedRatio = round(referenceMedian / oursOnSample, 2);
    report.reference = summary(sample.map(({ page }, j) => scorePage(page, reference[j])));
    report.oursOnReferencePages = summary(sample.map(({ page, i }) => scorePage(page, ours[i])));
  }
  const out = argument('out');
  if (out) {
    const perPage = scored.map((s, i) => ({
      ...s,
      f1: round(s.f1),
      precision: round(s.precision),
      recall: round(s.recall),
      ms: round(ours[i].ms, 1),
      gotTitle: ours[i].title,
      wantTitle: pages[i].truth.title,
      gotAuthor: ours[i].byline,
      wantAuthor: pages[i].truth.author,
      gotDate: ours[i].publishedTime,
      wantDate: pages[i].truth.publishDate,
      text: ours[i].text,
    }));
    writeFileSync(out, JSON.stringify(perPage, null, 1));
  }
  console.log(JSON.stringify(report, null, 2));
}
