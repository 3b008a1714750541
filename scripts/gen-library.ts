/**
 * npm run gen:library -- --articles N --out DIR [--seed S] [--no-search-index]
 *
 * Writes a realistic library for benchmarks: articles of 300–6,000 words (median ~1,200) in
 * English, German, French, Spanish, Japanese and Chinese, 0–10 highlights each, 200 tags, mixed
 * states. Files are written directly, in exactly the store's format (article folders with
 * content.html, text.txt and meta.json, then one library.json); the real core then opens it and
 * builds the search index.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ArticleMeta, Highlight } from '@shared/model';
import { OffprintCore } from '../electron/core/offprint-core';
import { SCHEMA_VERSION, type LibraryIndex } from '../electron/core/library/library-index';
import {
  ARTICLES_FOLDER,
  CONTENT_FILE,
  META_FILE,
  TEXT_FILE,
  indexPath,
} from '../electron/core/library/library-layout';
import { LEXICONS, type Lexicon } from './library-gen/lexicon';
import { logNormal, rng, zipf } from './library-gen/random';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const count = Number(option('articles') ?? '1000');
const out = option('out');
const seed = Number(option('seed') ?? '42');
if (!out || !Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run gen:library -- --articles N --out DIR [--seed S] [--no-search-index]');
  process.exit(2);
}
const dir = resolve(out);
if ((await readdir(dir).catch(() => [])).length > 0) {
  console.error(`${dir} is not empty; give a new folder.`);
  process.exit(2);
}

const random = rng(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const newId = (): string => Array.from({ length: 12 }, () => ALPHABET[Math.floor(random() * 36)]).join('');

interface Language {
  lexicon: Lexicon;
  words: string[];
  next: () => number;
  weight: number;
}

/** Each language: its common words, then a long tail of made-up but plausible words. */
function language(lexicon: Lexicon, weight: number): Language {
  const tail = new Set<string>();
  const size = lexicon.spaced ? 12_000 : 3_000;
  while (tail.size < size) {
    const parts = lexicon.spaced ? 2 + Math.floor(random() * 3) : 2 + Math.floor(random() * 2);
    let word = '';
    for (let i = 0; i < parts; i++) word += pick(lexicon.syllables);
    tail.add(word);
  }
  const words = [...lexicon.common, ...tail];
  return { lexicon, words, next: zipf(words.length, random), weight };
}

const WEIGHTS: Record<string, number> = { en: 0.5, de: 0.15, fr: 0.12, es: 0.12, ja: 0.06, zh: 0.05 };
const languages = LEXICONS.map((l) => language(l, WEIGHTS[l.lang]));
const chooseLanguage = (): Language => {
  let x = random();
  for (const l of languages) if ((x -= l.weight) < 0) return l;
  return languages[0];
};

const tags = Array.from(
  new Set(Array.from({ length: 400 }, () => capital(pick(languages[0].words.slice(100, 3000))))),
).slice(0, 200);
while (tags.length < 200) tags.push(`Topic ${tags.length}`);
const tagOf = zipf(tags.length, random, 0.9);
const sites = Array.from({ length: 300 }, (_, i) => {
  const name = `${capital(pick(languages[0].words.slice(50, 2000)))} ${pick(['Times', 'Review', 'Journal', 'Post', 'Weekly', 'Blog', 'Zeitung', 'Monde', 'País'])}`;
  return { name, host: `${name.toLowerCase().replace(/[^a-z]+/g, '')}${i}.example.com` };
});
const siteOf = zipf(sites.length, random, 0.8);
const people = Array.from(
  { length: 500 },
  () => `${capital(pick(languages[0].words.slice(200, 4000)))} ${capital(pick(languages[1].words.slice(200, 4000)))}`,
);

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sentence(l: Language): string {
  const length = 6 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(l.words[l.next()]);
  if (!l.lexicon.spaced) return words.join('') + l.lexicon.end;
  return capital(words.join(' ')) + l.lexicon.end;
}

/** Paragraphs adding up to about `words` words (CJK: about two characters a word). */
function body(l: Language, words: number): string[] {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < words) {
    const sentences: string[] = [];
    for (let i = 2 + Math.floor(random() * 5); i > 0 && total < words; i--) {
      const s = sentence(l);
      sentences.push(s);
      total += l.lexicon.spaced ? s.split(' ').length : Math.ceil(s.length / 2);
    }
    paragraphs.push(sentences.join(l.lexicon.spaced ? ' ' : ''));
  }
  return paragraphs;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2021-01-01T08:00:00Z');
const span = Date.now() - 2 * DAY - start;

function article(i: number): { meta: ArticleMeta; highlights: Highlight[]; paragraphs: string[] } {
  const l = chooseLanguage();
  const wordCount = Math.round(Math.min(6_000, Math.max(300, logNormal(random, 1_200, 0.6))));
  const paragraphs = body(l, wordCount);
  const text = paragraphs.join('\n\n');
  const site = sites[siteOf()];
  const id = newId();
  const savedAt = new Date(start + (span * i) / count + Math.floor(random() * 3_600_000)).toISOString();
  const titleWords = Array.from({ length: 3 + Math.floor(random() * 7) }, () => l.words[l.next()]);
  const title = l.lexicon.spaced ? capital(titleWords.join(' ')) : titleWords.join('');
  const progress = random() < 0.5 ? 0 : Math.round(random() * 100) / 100;
  const read = progress >= 0.95 || random() < 0.15;
  const articleTags = new Set<string>();
  for (let n = Math.floor(random() * 4); n > 0; n--) articleTags.add(tags[tagOf()]);
  const highlights: Highlight[] = [];
  const highlightCount = random() < 0.55 ? 0 : 1 + Math.floor(random() * 10);
  for (let h = 0; h < highlightCount; h++) {
    const at = Math.floor(random() * Math.max(1, text.length - 200));
    const end = Math.min(text.length, at + 40 + Math.floor(random() * 160));
    highlights.push({
      id: newId(),
      articleId: id,
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(at, end),
        prefix: text.slice(Math.max(0, at - 32), at),
        suffix: text.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector', start: at, end },
      color: pick(COLORS),
      note: random() < 0.3 ? sentence(l) : '',
      createdAt: savedAt,
      updatedAt: savedAt,
    });
  }
  const meta: ArticleMeta = {
    id,
    url: `https://${site.host}/${savedAt.slice(0, 4)}/${i.toString(36)}-${titleWords.slice(0, 3).join('-').toLowerCase()}`,
    originalUrl: `https://${site.host}/${savedAt.slice(0, 4)}/${i.toString(36)}?utm_source=feed`,
    title,
    byline: random() < 0.8 ? pick(people) : null,
    siteName: site.name,
    excerpt: paragraphs[0].slice(0, 200),
    lang: l.lexicon.lang,
    dir: 'ltr',
    publishedTime:
      random() < 0.8 ? new Date(Date.parse(savedAt) - Math.floor(random() * 30 * DAY)).toISOString() : null,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
    leadImage: null,
    extraction: 'readability',
    savedAt,
    updatedAt: savedAt,
    archived: random() < 0.4,
    favourite: random() < 0.08,
    tags: [...articleTags],
    progress,
    highlightCount: highlights.length,
    ...(read ? { readAt: savedAt } : {}),
    ...(random() < 0.01 ? { deletedAt: new Date(Date.now() - Math.floor(random() * 10 * DAY)).toISOString() } : {}),
  };
  return { meta, highlights, paragraphs };
}

const began = performance.now();
const articles: ArticleMeta[] = [];
const highlights: Highlight[] = [];
const BATCH = 64;
for (let i = 0; i < count; i += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => article(i + k));
  await Promise.all(
    batch.map(async ({ meta, highlights: own, paragraphs }) => {
      const folder = join(dir, ARTICLES_FOLDER, meta.id);
      await mkdir(folder, { recursive: true });
      await Promise.all([
        writeFile(join(folder, CONTENT_FILE), paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')),
        writeFile(join(folder, TEXT_FILE), paragraphs.join('\n\n')),
        writeFile(join(folder, META_FILE), JSON.stringify({ article: meta, highlights: own })),
      ]);
    }),
  );
  for (const b of batch) {
    articles.push(b.meta);
    highlights.push(...b.highlights);
  }
  if ((i / BATCH) % 50 === 0) process.stderr.write(`\r${i + batch.length}/${count} articles`);
}
const index: LibraryIndex = { schemaVersion: SCHEMA_VERSION, articles, highlights, settings: {} };
await writeFile(indexPath(dir), JSON.stringify(index));
const filesMs = performance.now() - began;
process.stderr.write(`\rwrote ${count} articles in ${(filesMs / 1000).toFixed(1)} s\n`);

let searchMs = 0;
if (!args.includes('--no-search-index')) {
  const t = performance.now();
  const core = await OffprintCore.open({ libraryDir: dir });
  await core.warmUpSearch();
  await core.close();
  searchMs = performance.now() - t;
  process.stderr.write(`built the search index in ${(searchMs / 1000).toFixed(1)} s\n`);
}
console.log(
  JSON.stringify({
    articles: count,
    highlights: highlights.length,
    dir,
    filesSeconds: +(filesMs / 1000).toFixed(1),
    searchIndexSeconds: +(searchMs / 1000).toFixed(1),
  }),
);
