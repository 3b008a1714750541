/**
 * npm run bench:search -- --library DIR [--engine offprint|minisearch|flexsearch|scan]
 *
 * Compares search engines on a generated library (npm run gen:library): build time, query
 * latency p50/p95 over a fixed set of word, two-word and prefix queries, heap and RSS after
 * building, and the size of the serialized index. Without --engine, runs each engine in its own
 * fresh process and prints one JSON object per engine. Results are recorded in docs/SEARCH-ENGINES.md.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { ArticleMeta, Highlight } from '@shared/model';
import { ARTICLES_FOLDER, TEXT_FILE, indexPath } from '../electron/core/library/library-layout';
import { keyOf } from '../electron/core/library/highlight-summary';
import { SearchIndex } from '../electron/core/search/search-index';
import { fold } from '../shared/text/fold-text';
import { eachToken } from '../electron/core/search/tokenize';
import { tagKey } from '../shared/library/tag-key';
import { ArticleColumns } from '../electron/core/library/article-columns';
import { percentileOf as percentile } from './percentile';

const ENGINES = ['offprint', 'minisearch', 'flexsearch', 'scan'] as const;
type Engine = (typeof ENGINES)[number];

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const library = option('library');
if (!library) {
  console.error('Usage: npm run bench:search -- --library DIR [--engine offprint|minisearch|flexsearch|scan]');
  process.exit(2);
}
const dir = resolve(library);
const engine = option('engine') as Engine | undefined;

if (!engine) {
  const root = resolve(import.meta.dirname, '..');
  for (const name of ENGINES) {
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=8192',
        '--expose-gc',
        '--import',
        'tsx',
        join(root, 'scripts/bench-search.ts'),
        '--library',
        dir,
        '--engine',
        name,
      ],
      {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    console.log(
      run.stdout.trim() || JSON.stringify({ engine: name, error: run.stderr.trim().split('\n').slice(-3).join(' ') }),
    );
  }
  process.exit(0);
}

const round = (n: number): number => Math.round(n * 10) / 10;
const mb = (bytes: number): number => round(bytes / 1024 / 1024);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

const index = JSON.parse(await readFile(indexPath(dir), 'utf8')) as {
  articles: ArticleMeta[];
  highlights: Highlight[];
};
const articles = index.articles.filter((a) => !a.deletedAt);
const highlightsOf = new Map<string, Highlight[]>();
for (const h of index.highlights) highlightsOf.set(h.articleId, [...(highlightsOf.get(h.articleId) ?? []), h]);
const readText = (id: string): Promise<string> =>
  readFile(join(dir, ARTICLES_FOLDER, id, TEXT_FILE), 'utf8').catch(() => '');
const tokens = (text: string): string[] => {
  const out: string[] = [];
  eachToken(fold(text), (t) => out.push(t));
  return out;
};

/** The same 40 queries for every engine: words, pairs of words, and prefixes of words being typed. */
async function queries(): Promise<string[]> {
  const words: string[] = [];
  for (const article of articles.filter((_, i) => i % Math.floor(articles.length / 40) === 0).slice(0, 40)) {
    const ts = tokens(await readText(article.id)).filter((t) => t.length >= 5);
    if (ts.length > 10) words.push(ts[Math.floor(ts.length / 3)]);
  }
  const w = (i: number): string => words[i % words.length];
  return [
    ...Array.from({ length: 16 }, (_, i) => w(i)),
    ...Array.from({ length: 12 }, (_, i) => `${w(i + 3)} ${w(i + 16)}`),
    ...Array.from({ length: 12 }, (_, i) => w(i + 7).slice(0, 3 + (i % 3))),
  ];
}

interface Built {
  search(query: string, prefix: boolean): Promise<number> | number;
  bytes(): Promise<number> | number;
}

async function build(name: Engine): Promise<Built> {
  switch (name) {
    case 'offprint': {
      const byId = new Map(articles.map((a) => [a.id, a]));
      const slots = new Map(articles.map((a, slot) => [a.id, slot]));
      const columns = ArticleColumns.of(articles);
      const tagged = new Map<string, Set<string>>();
      for (const a of articles)
        for (const t of a.tags) tagged.set(tagKey(t), (tagged.get(tagKey(t)) ?? new Set()).add(a.id));
      const search = new SearchIndex({
        liveArticles: () => articles,
        slotOf: (id) => slots.get(id),
        slotEpoch: 0,
        articlesTagged: (tag) => tagged.get(tagKey(tag)) ?? new Set(),
        articleColumns: () => columns,
        peekArticle: (id) => byId.get(id),
        highlightsOf: async (id) => highlightsOf.get(id) ?? [],
        highlightKey: (id) => keyOf(highlightsOf.get(id) ?? []),
        hasNotes: (id) => (highlightsOf.get(id) ?? []).some((h) => h.note.trim() !== ''),
        readText,
      });
      const engineIndex = await search.ready();
      return {
        // limit 1: the ranking for the whole library, and one snippet (the others give ids only).
        search: async (q, prefix) => (await search.searchPage(prefix ? q : `${q} `, { limit: 1 })).total,
        bytes: () => {
          let bytes = 0;
          for (const part of engineIndex.serialize()) bytes += part.byteLength;
          return bytes;
        },
      };
    }
    case 'minisearch': {
      const mini = new MiniSearch<{ id: string; title: string; meta: string; body: string }>({
        fields: ['title', 'meta', 'body'],
        tokenize: tokens,
        processTerm: (t) => t,
        searchOptions: { boost: { title: 3 }, combineWith: 'AND', tokenize: tokens, processTerm: (t) => t },
      });
      for (const a of articles)
        mini.add({
          id: a.id,
          title: a.title,
          meta: `${a.byline ?? ''} ${a.siteName ?? ''}`,
          body: `${await readText(a.id)}\n${(highlightsOf.get(a.id) ?? []).map((h) => `${h.quote.exact} ${h.note}`).join('\n')}`,
        });
      return {
        search: (q, prefix) => mini.search(q, { prefix: (term, i, all) => prefix && i === all.length - 1 }).length,
        bytes: () => {
          try {
            return JSON.stringify(mini).length;
          } catch {
            return -1;
          }
        },
      };
    }
    case 'flexsearch': {
      // "forward" indexes every prefix of every word: what prefix search as you type needs.
      const flex = new FlexSearch.Index({ tokenize: 'forward', resolution: 9 });
      const ids: string[] = [];
      for (const a of articles) {
        ids.push(a.id);
        const text = `${a.title} ${a.byline ?? ''} ${a.siteName ?? ''} ${await readText(a.id)} ${(highlightsOf.get(a.id) ?? []).map((h) => `${h.quote.exact} ${h.note}`).join(' ')}`;
        flex.add(ids.length - 1, tokens(text).join(' '));
      }
      return {
        search: (q) => (flex.search(tokens(q).join(' '), { limit: 100_000 }) as unknown[]).length,
        bytes: async () => {
          let total = 0;
          await flex.export(
            (key: string | number, data: string) => void (total += String(key).length + (data?.length ?? 0)),
          );
          return total;
        },
      };
    }
    case 'scan': {
      const texts: string[] = [];
      for (const a of articles) {
        texts.push(
          fold(
            `${a.title}\n${a.byline ?? ''}\n${a.siteName ?? ''}\n${await readText(a.id)}\n${(highlightsOf.get(a.id) ?? []).map((h) => `${h.quote.exact} ${h.note}`).join('\n')}`,
          ),
        );
      }
      return {
        search: (q) => {
          const words = tokens(q);
          let n = 0;
          for (const text of texts) if (words.every((w) => text.includes(w))) n += 1;
          return n;
        },
        bytes: () => texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
      };
    }
  }
}

gc();
const before = process.memoryUsage();
const t0 = performance.now();
const built = await build(engine);
const buildMs = performance.now() - t0;
gc();
const after = process.memoryUsage();
const list = await queries();
const times: number[] = [];
let hits = 0;
for (const [i, q] of list.entries()) {
  const t = performance.now();
  hits += await built.search(q, i >= 28);
  times.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    engine,
    articles: articles.length,
    buildMs: Math.round(buildMs),
    queryP50Ms: round(percentile(times, 50)),
    queryP95Ms: round(percentile(times, 95)),
    queryMaxMs: round(Math.max(...times)),
    heapMb: mb(after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers),
    rssMb: mb(after.rss),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    indexBytes: await built.bytes(),
    totalHits: hits,
  }),
);
